"""API.md "What a conforming server must show", one test per bullet.

The concurrent pushers and pullers on PostgreSQL are in ``test_postgres.py``
(``test_concurrent_pushers_and_pullers_converge``) and the OpenAPI fuzzing in
``test_schemathesis.py``; the others are here.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

import orjson

from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


def _merge(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """What a client does on a conflict: the fields only it changed go out again."""
    return {k: v for k, v in mine.items() if theirs.get(k) == base.get(k)}


def test_different_fields_edited_offline_both_survive(login: Login) -> None:
    offa = login("offa")
    cid = f.new_id()
    v = offa.create("companies", f.company(), cid)["version"]
    a, b = login("offa", "poste-a"), login("offa", "poste-b")
    a.pull_all()
    b.pull_all()
    base = a.get("companies", cid)
    assert base is not None
    assert a.update("companies", cid, v, {"phone": "081 11 11 11"})["status"] == "applied"
    mine = {"email": "bureau@dupont.be"}
    answer = b.update("companies", cid, v, mine)
    assert answer["status"] == "conflict"
    retry = _merge(base, mine, answer["server"]["data"])
    assert retry == mine
    final = b.update("companies", cid, answer["server"]["version"], retry)
    assert final["status"] == "applied"
    offa.pull_all()
    record = offa.get("companies", cid)
    assert record is not None
    assert record["phone"] == "081 11 11 11" and record["email"] == "bureau@dupont.be"


def test_same_field_is_a_conflict_and_no_value_is_lost(login: Login) -> None:
    offa = login("offa")
    cid = f.new_id()
    v = offa.create("companies", f.company(), cid)["version"]
    a, b = login("offa", "poste-a"), login("offa", "poste-b")
    assert a.update("companies", cid, v, {"name": "Dupont Frères"})["status"] == "applied"
    answer = b.update("companies", cid, v, {"name": "Dupont & Fils"})
    assert answer["status"] == "conflict"
    assert answer["server"]["data"]["name"] == "Dupont Frères"  # theirs, for the person
    # nothing was overwritten while the person had not chosen
    offa.pull_all()
    assert offa.get("companies", cid)["name"] == "Dupont Frères"
    resolution = {"name": {"mine": "Dupont & Fils", "theirs": "Dupont Frères", "choice": "mine"}}
    chosen = b.push(
        [
            op(
                "companies",
                cid,
                "update",
                answer["server"]["version"],
                {"name": "Dupont & Fils"},
                resolution=resolution,
            )
        ]
    )[0]
    assert chosen["status"] == "applied"
    entries = offa.http.get(f"/api/v1/records/companies/{cid}/history").json()["entries"]
    assert entries[-2]["after"] == {"name": "Dupont Frères"}
    assert entries[-1]["after"] == {"name": "Dupont & Fils"}
    assert entries[-1]["resolution"] == resolution


def test_same_ops_twice_or_after_a_dropped_answer_apply_once(server: str, login: Login) -> None:
    offa = login("offa")
    cid = f.new_id()
    ops = [op("companies", cid, "create", None, f.company())]
    body = orjson.dumps({"device_id": "poste-1", "ops": ops})
    # send the push and hang up before reading the answer (a dropped answer)
    url = urlparse(server)
    with socket.create_connection((url.hostname, url.port)) as sock:
        request = (
            f"POST /api/v1/sync/push HTTP/1.1\r\nHost: {url.netloc}\r\n"
            f"Authorization: {offa.http.headers['Authorization']}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        sock.sendall(request)
        sock.recv(1)  # the server has answered; we never read the rest
    first = offa.push(ops)
    second = offa.push(ops)
    assert first == second and first[0]["status"] == "applied"
    entries = offa.http.get(f"/api/v1/records/companies/{cid}/history").json()["entries"]
    assert len(entries) == 1


def test_outside_scope_every_op_forbidden_every_read_absent(login: Login) -> None:
    offa = login("offa")
    w = world.build(offa, contract_status="active")
    offa.pull_all()
    records = {
        ("companies", w.company),
        ("establishment_units", w.unit),
        ("tutors", w.tutor),
        ("approvals", w.approval),
        ("learners", w.learner),
        ("contracts", w.contract),
    }
    for name in ("coach2", "sec2"):
        outsider = login(name)
        outsider.pull_all(checksum=True)
        ops = []
        for collection, rid in sorted(records):
            version = offa.replica[(collection, rid)][0]
            ops.append(op(collection, rid, "update", version, {}))
            ops.append(op(collection, rid, "delete", version))
        results = outsider.push(ops)
        readable = {k for k in records if k in outsider.replica}
        for (collection, _rid), (upd, dele) in zip(
            sorted(records), zip(results[::2], results[1::2], strict=True), strict=True
        ):
            assert dele["status"] == "forbidden"
            if (collection, _rid) not in readable:
                assert upd["status"] == "forbidden", (name, collection, upd)
        if name == "coach2":
            assert readable == set()
        else:  # another operator's secretariat reads companies, units, tutors, approvals
            assert {c for c, _ in readable} == {
                "companies",
                "establishment_units",
                "tutors",
                "approvals",
            }
        for collection, rid in records - readable:
            answer = outsider.http.get(f"/api/v1/records/{collection}/{rid}/history")
            assert answer.status_code == 404
