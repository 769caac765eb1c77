"""Bad input: each gets its documented 4xx and error body, nothing half-written, never 5xx."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.server import factory as f
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


@pytest.fixture(scope="module")
def server(module_server: str) -> str:
    """These tests share one server: none depends on another's records."""
    return module_server


def _is_error(answer: httpx.Response, status: int, code: str) -> None:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b"[1, 2",
        b"\xff\xfe",
        b"null",
        b"42",
        b'"ops"',
        b"[]",
        b'{"device_id": "d"}',
        b'{"device_id": 5, "ops": []}',
        b'{"device_id": "d", "ops": {}}',
    ],
)
def test_malformed_push_bodies_are_400(login: Login, body: bytes) -> None:
    offa = login("offa")
    answer = offa.http.post(
        "/api/v1/sync/push", content=body, headers={"Content-Type": "application/json"}
    )
    _is_error(answer, 400, "malformed")


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b'{"username": 1, "password": "x", "device_name": "d"}',
        b'{"username": "a"}',
        b'{"username": "", "password": "x", "device_name": "d"}',
        b"[]",
    ],
)
def test_malformed_login_bodies_are_400(server: str, body: bytes) -> None:
    answer = httpx.post(
        server + "/api/v1/auth/token", content=body, headers={"Content-Type": "application/json"}
    )
    _is_error(answer, 400, "malformed")


def test_oversized_push_is_413(login: Login) -> None:
    offa = login("offa")
    body = b'{"device_id": "d", "ops": [' + b'"' + b"x" * (33 * 1024 * 1024) + b'"]}'
    answer = offa.http.post(
        "/api/v1/sync/push", content=body, headers={"Content-Type": "application/json"}
    )
    _is_error(answer, 413, "too_large")


BAD_FIELDS: list[tuple[str, dict[str, Any], str]] = [
    ("companies", {"enterprise_number": "0123456789"}, "enterprise_number"),
    ("companies", {"enterprise_number": 417497106}, "enterprise_number"),
    ("companies", {"name": "x" * 10_000}, "name"),
    ("companies", {"name": "Dupont\x00SRL"}, "name"),
    ("companies", {"name": "Ligne\nnouvelle"}, "name"),
    ("companies", {"employee_count": "5"}, "employee_count"),
    ("companies", {"employee_count": -1}, "employee_count"),
    ("companies", {"sector": "spatial"}, "sector"),
    ("learners", {"birth_date": "2007-02-30"}, "birth_date"),
    ("learners", {"birth_date": "30/01/2007"}, "birth_date"),
    ("learners", {"niss": "07013012345"}, "niss"),
    ("learners", {"iban": "BE00 0000 0000 0000"}, "iban"),
    ("learners", {"postal_code": "ABCD"}, "postal_code"),
    ("establishment_units", {"unit_number": "1000000000"}, "unit_number"),
    ("contracts", {"monthly_pay": 400.5}, "monthly_pay"),
    ("contracts", {"learner_id": "not-a-uuid"}, "learner_id"),
    ("contracts", {"schedule": {"mon": {"company_hours": 0.1, "operator_hours": 0}}}, "schedule"),
]


@pytest.mark.parametrize(("collection", "bad", "field"), BAD_FIELDS)
def test_invalid_values_are_rejected_naming_the_field(
    login: Login, collection: str, bad: dict[str, Any], field: str
) -> None:
    offa = login("offa")
    base: dict[str, Any] = {
        "companies": f.company(),
        "learners": f.learner(),
        "establishment_units": f.unit(f.new_id()),
        "contracts": f.contract(f.new_id(), f.new_id(), f.new_id(), f.new_id()),
    }[collection]
    rid = f.new_id()
    result = offa.create(collection, {**base, **bad}, rid)
    assert result["status"] == "rejected", result
    fields = {e["field"] for e in result["errors"]}
    assert field in fields, result["errors"]
    mine = [e for e in result["errors"] if e["field"] == field][0]
    assert mine["message"] and mine["code"]
    offa.pull_all()
    assert offa.get(collection, rid) is None  # nothing half-saved


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/records/companies/pas-un-uuid/history", 400),
        ("/api/v1/records/galaxies/" + "0" * 8 + "-0000-0000-0000-" + "0" * 12 + "/history", 404),
        ("/api/v1/documents/%00", 400),
        ("/api/v1/nowhere", 404),
    ],
)
def test_bad_paths(login: Login, path: str, status: int) -> None:
    answer = login("offa").http.get(path)
    assert answer.status_code == status
    assert set(answer.json()["error"]) == {"code", "message", "details"}


def test_wrong_method_and_types_never_5xx(login: Login) -> None:
    offa = login("offa")
    assert offa.http.delete("/api/v1/sync/pull").status_code == 405
    weird_ops = [
        {"op_id": f.new_id(), "collection": ["companies"], "id": f.new_id(), "kind": "create"},
        {"op_id": f.new_id(), "collection": "companies", "id": 5, "kind": "create", "fields": []},
        {
            "op_id": f.new_id(),
            "collection": "companies",
            "id": f.new_id(),
            "kind": "update",
            "base_version": True,
            "fields": {},
        },
        {
            "op_id": f.new_id(),
            "collection": "companies",
            "id": f.new_id(),
            "kind": "create",
            "fields": {"name": {"nested": ["deep"]}},
        },
        op("companies", f.new_id(), "create", None, {"\x00": 1}),
        op("companies", f.new_id(), "create", None, f.company(), resolution="mine"),
    ]
    results = offa.push(weird_ops)
    assert [r["status"] for r in results] == ["rejected"] * len(weird_ops)


def test_options_and_405_name_every_method_of_the_path(login: Login) -> None:
    """GET and PUT /documents/{id} are two routes on one path: OPTIONS and a 405 list both
    (Starlette alone named the first route's methods only: OPTIONS said PUT)."""
    offa = login("offa")
    path = f"/api/v1/documents/{f.new_id()}"
    everything = {"GET", "HEAD", "OPTIONS", "PUT"}
    options = offa.http.options(path)
    assert options.status_code == 204
    assert set(options.headers["Allow"].split(", ")) == everything
    refused = offa.http.delete(path)
    assert refused.status_code == 405
    assert set(refused.headers["Allow"].split(", ")) == everything
    assert set(refused.json()["error"]) == {"code", "message", "details"}
    pull = offa.http.options("/api/v1/sync/pull")
    assert set(pull.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
