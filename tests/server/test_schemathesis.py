"""Fuzzing the live ``/api/v1/openapi.json`` (schemathesis): no 5xx, no answer outside the
documented shapes. Examples per operation are bounded so the run stays short."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from sync.server.embedded import EmbeddedServer
from tests.server.conftest import PASSWORD

MAX_EXAMPLES = 30


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[str]:
    import shutil

    target = tmp_path_factory.mktemp("fuzz") / "server.sqlite3"
    shutil.copyfile(sqlite_template, target)
    server = EmbeddedServer(f"sqlite:///{target}")
    yield server.start()
    server.stop()


@pytest.fixture(scope="module")
def token(live: str) -> str:
    answer = httpx.post(
        live + "/api/v1/auth/token",
        json={"username": "offa", "password": PASSWORD, "device_name": "fuzz"},
    )
    value: str = answer.json()["access_token"]
    return value


def _operations() -> list[str]:
    """The operations of the document (read from the app, no server needed to collect)."""
    from sync.server.app import create_app
    from sync.server.db import make_engine

    spec = create_app(make_engine("sqlite://")).openapi()
    return [f"{m.upper()} {p}" for p, item in spec["paths"].items() for m in item]


@pytest.mark.parametrize("label", _operations())
def test_api_conforms(label: str, live: str, token: str) -> None:
    schema = schemathesis.openapi.from_url(live + "/api/v1/openapi.json")
    method, path = label.split(" ", 1)
    operation = schema[path][method]
    failures: list[str] = []

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        headers = {}
        if case.path != "/api/v1/auth/logout":  # a fuzzed logout would end the shared session
            headers["Authorization"] = "Bearer " + token
        response = case.call(base_url=live, headers=headers)
        assert response.status_code < 500, response.text
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"} and {"code", "message", "details"} <= set(body["error"])
        # "Schema-valid request rejected" is left out: the domain rules, scope and state refuse
        # schema-valid requests by design (422 invalid, 410 cursor_expired, 413 too_large).
        case.validate_response(response, excluded_checks=[positive_data_acceptance])

    run()
    assert not failures
