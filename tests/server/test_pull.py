"""Pull: paging, ascending versions, latest state only, remaining, checksum, tombstones."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sqlalchemy import update

from sync.server import setup
from sync.server.db import make_engine
from sync.server.models import records, scope_exits
from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


def _hash(pairs: list[tuple[str, int]]) -> str:
    total = sum(
        int.from_bytes(hashlib.sha256(f"{i}:{v}".encode()).digest(), "big") for i, v in pairs
    )
    return format(total % (1 << 256), "064x")


def test_paged_ascending_latest_only_with_remaining(login: Login) -> None:
    offa = login("offa")
    ids = [f.new_id() for _ in range(30)]
    results = offa.push([op("companies", i, "create", None, f.company()) for i in ids])
    # update the first five: they move to the end of the feed, once each
    offa.push(
        [
            op("companies", i, "update", r["version"], {"name": "Maj"})
            for i, r in zip(ids[:5], results[:5], strict=True)
        ]
    )
    reader = login("offa")
    first = reader.pull_page(limit=25)
    assert first["has_more"] is True
    total = first["remaining"] + len(first["changes"])
    versions = [c["version"] for c in first["changes"]]
    seen = list(first["changes"])
    while True:
        page = reader.pull_page(limit=25)
        seen += page["changes"]
        versions += [c["version"] for c in page["changes"]]
        if not page["has_more"]:
            assert page["remaining"] == 0
            break
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    keys = [(c["collection"], c["id"]) for c in seen]
    assert len(keys) == len(set(keys)) == total  # latest state only, remaining was exact
    for change in seen:
        assert set(change["data"]) & {"id", "version", "deleted", "updated_at"} == set()
        assert change["updated_at"].endswith("Z")
    assert all(reader.get("companies", i)["name"] == "Maj" for i in ids[:5])


def test_checksum_matches_api_formula_for_each_scope(login: Login) -> None:
    offa = login("offa")
    world.build(offa)
    world.build(offa, sector="horeca", trade="cuisinier", operator="cefa-liege")
    for name in ("offa", "coach", "sec"):
        client = login(name)
        last = client.pull_all(limit=50, checksum=True)
        checksum = last["checksum"]
        by_collection: dict[str, list[tuple[str, int]]] = {}
        for (collection, rid), (version, _data) in client.replica.items():
            by_collection.setdefault(collection, []).append((rid, version))
        for collection, info in checksum.items():
            pairs = by_collection.get(collection, [])
            assert info["count"] == len(pairs), (name, collection)
            assert info["hash"] == _hash(pairs), (name, collection)
        assert set(by_collection) <= set(checksum)
        if name == "coach":
            assert "incentive_claims" not in checksum
            assert checksum["contracts"]["count"] == 1
        else:
            assert checksum["incentive_claims"] == {"count": 0, "hash": "0" * 64}
    page = login("offa").pull_page(limit=5, checksum=True)
    assert page["has_more"] and "checksum" not in page


def test_deletion_reaches_pullers_as_tombstone(login: Login) -> None:
    offa, coach = login("offa"), login("coach")
    cid = f.new_id()
    version = offa.create("companies", f.company(), cid)["version"]
    coach.pull_all()
    assert coach.get("companies", cid) is not None
    offa.push([op("companies", cid, "delete", version)])
    page = coach.pull_all()
    tomb = [c for c in page["changes"] if c["id"] == cid]
    assert tomb and tomb[0]["deleted"] is True and tomb[0]["data"] is None
    assert "reason" not in tomb[0]
    assert coach.get("companies", cid) is None


def test_record_leaving_scope_is_an_out_of_scope_tombstone(login: Login) -> None:
    offa, coach, horeca = login("offa"), login("coach"), login("coach2")
    w = world.build(offa)  # construction
    coach.pull_all()
    horeca.pull_all()
    tree = {
        ("companies", w.company),
        ("establishment_units", w.unit),
        ("tutors", w.tutor),
        ("approvals", w.approval),
        ("contracts", w.contract),
        ("learners", w.learner),
    }
    assert tree <= set(coach.replica)
    assert not tree & set(horeca.replica)
    # the company moves to horeca and its approval is withdrawn from the feed (deleted)
    offa.pull_all()
    r = offa.update(
        "companies", w.company, offa.replica[("companies", w.company)][0], {"sector": "horeca"}
    )
    assert r["status"] == "applied"
    changes = []
    while True:
        page = coach.pull_page()
        changes += page["changes"]
        if not page["has_more"]:
            break
    # still holds an approval for a construction trade: still in the coach's scope
    assert tree <= set(coach.replica)
    offa.pull_all()
    cv = offa.replica[("contracts", w.contract)][0]
    assert offa.push([op("contracts", w.contract, "delete", cv)])[0]["status"] == "applied"
    offa.pull_all()
    av = offa.replica[("approvals", w.approval)][0]
    assert offa.push([op("approvals", w.approval, "delete", av)])[0]["status"] == "applied"
    page = coach.pull_all()
    gone = {(c["collection"], c["id"]): c for c in page["changes"] if c["deleted"]}
    for key in [("companies", w.company), ("establishment_units", w.unit), ("tutors", w.tutor)]:
        assert gone[key]["reason"] == "out_of_scope" and gone[key]["data"] is None
        assert key not in coach.replica
    assert ("learners", w.learner) not in coach.replica  # no contract at their companies
    # and the horeca coach receives the company tree
    horeca.pull_all()
    assert {("companies", w.company), ("establishment_units", w.unit)} <= set(horeca.replica)


def test_coach_reads_only_three_learner_fields(login: Login) -> None:
    offa, coach = login("offa"), login("coach")
    w = world.build(offa)
    coach.pull_all()
    assert coach.get("learners", w.learner) == {
        "first_name": "Léa",
        "last_name": "Dubois",
        "operator_code": "ifapme",
    }


def test_old_cursor_after_tombstone_purge_is_410(login: Login, sqlite_url: str) -> None:
    offa, coach = login("offa"), login("coach")
    cid = f.new_id()
    v = offa.create("companies", f.company(), cid)["version"]
    coach.pull_all()
    stale_cursor = coach.cursor
    offa.push([op("companies", cid, "delete", v)])
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        old = "2020-01-01T00:00:00.000000Z"
        conn.execute(update(records).where(records.c.deleted.is_(True)).values(updated_at=old))
        conn.execute(update(scope_exits).values(at=old))
    assert setup.purge_tombstones(engine) >= 1
    answer = coach.http.get("/api/v1/sync/pull", params={"cursor": stale_cursor})
    assert answer.status_code == 410 and answer.json()["error"]["code"] == "cursor_expired"
    fresh = login("coach")
    fresh.pull_all()
    assert fresh.get("companies", cid) is None


def test_cursor_expires_when_the_callers_scope_changes(login: Login, sqlite_url: str) -> None:
    coach = login("coach")
    coach.pull_all()
    setup.put_user(
        make_engine(sqlite_url),
        username="coach",
        password=None,
        role="coach",
        sectors=["construction", "horeca"],
    )
    answer = coach.http.get("/api/v1/sync/pull", params={"cursor": coach.cursor})
    assert answer.status_code == 410


def test_bad_cursor_and_limits_are_400(login: Login) -> None:
    offa = login("offa")
    for params in (
        {"cursor": "garbage"},
        {"cursor": "v1.x.0.0.a"},
        {"limit": 0},
        {"limit": 5001},
        {"limit": "abc"},
        {"checksum": 7},
    ):
        answer = offa.http.get("/api/v1/sync/pull", params=params)
        assert answer.status_code == 400, params
        assert answer.json()["error"]["code"] == "malformed"
