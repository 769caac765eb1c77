"""Push: each op settled in API.md's order, atomically, idempotently."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from offa_desktop.domain.uniqueness import duplicate_message
from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


def test_create_then_update_returns_versions_and_full_data(login: Login) -> None:
    offa = login("offa")
    cid = f.new_id()
    created = offa.create("companies", f.company(), cid)
    assert created["status"] == "applied"
    assert created["data"]["email"] is None  # absent fields are null
    updated = offa.update("companies", cid, created["version"], {"phone": "081 22 33 44"})
    assert updated["status"] == "applied"
    assert updated["version"] > created["version"]
    assert updated["data"]["name"] == "Construction Dupont SRL"
    assert updated["data"]["phone"] == "081 22 33 44"


def test_replayed_ops_are_applied_once(login: Login) -> None:
    offa = login("offa")
    cid = f.new_id()
    ops = [op("companies", cid, "create", None, f.company())]
    first = offa.push(ops)
    again = offa.push(ops)
    assert first == again
    offa.pull_all()
    history = offa.http.get(f"/api/v1/records/companies/{cid}/history").json()["entries"]
    assert len(history) == 1
    # a replayed update after a lost answer: same stored result, no second version
    upd = [op("companies", cid, "update", first[0]["version"], {"name": "Nouveau nom"})]
    a, b = offa.push(upd), offa.push(upd)
    assert a == b and a[0]["status"] == "applied"
    history = offa.http.get(f"/api/v1/records/companies/{cid}/history").json()["entries"]
    assert [e["kind"] for e in history] == ["create", "update"]


def test_one_result_per_op_in_order_and_each_op_on_its_own(login: Login) -> None:
    offa = login("offa")
    good, bad = f.new_id(), f.new_id()
    results = offa.push(
        [
            op("companies", good, "create", None, f.company()),
            op("companies", bad, "create", None, {**f.company(), "employee_count": "beaucoup"}),
            op("companies", f.new_id(), "create", None, {**f.company(), "colour": "rouge"}),
            op("sectors", f.new_id(), "create", None, {"code": "x", "name": "X"}),
            op("companies", f.new_id(), "update", 3, {"name": "X"}),
        ]
    )
    assert [r["status"] for r in results] == [
        "applied",
        "rejected",
        "rejected",
        "forbidden",
        "rejected",
    ]
    assert results[1]["errors"][0]["field"] == "employee_count"
    assert results[2]["errors"] == [
        {"field": "colour", "code": "unknown_field", "message": results[2]["errors"][0]["message"]}
    ]
    assert results[4]["errors"][0]["code"] == "not_found"
    offa.pull_all()
    assert offa.get("companies", good) is not None
    assert offa.get("companies", bad) is None  # nothing half-written


def test_malformed_ops_are_rejected_not_400(login: Login) -> None:
    offa = login("offa")
    results = offa.push(
        [
            "not an object",
            {"op_id": "123", "collection": "companies"},
            op("galaxies", f.new_id(), "create", None, {}),
            op("companies", "NOT-A-UUID", "create", None, f.company()),
            op("companies", f.new_id(), "explode", None, {}),
            op("companies", f.new_id(), "create", 5, f.company()),
            op("companies", f.new_id(), "update", None, {"name": "x"}),
            op("companies", f.new_id(), "delete", 1, {"name": "x"}),
        ]
    )
    assert all(r["status"] == "rejected" for r in results)
    assert all(r["errors"][0]["code"] == "malformed" for r in results)
    assert results[0]["op_id"] is None
    assert results[2]["errors"][0]["field"] == "collection"
    assert results[3]["errors"][0]["field"] == "id"


def test_conflict_carries_the_server_record_and_never_overwrites(login: Login) -> None:
    offa = login("offa")
    cid = f.new_id()
    v1 = offa.create("companies", f.company(), cid)["version"]
    v2 = offa.update("companies", cid, v1, {"name": "Premier"})["version"]
    stale = offa.update("companies", cid, v1, {"name": "Second"})
    assert stale["status"] == "conflict"
    assert stale["server"]["version"] == v2
    assert stale["server"]["data"]["name"] == "Premier"
    again = offa.create("companies", f.company(), cid)
    assert again["status"] == "conflict" and again["server"]["version"] == v2


def test_order_forbidden_before_not_found_before_conflict_before_rules(login: Login) -> None:
    offa, coach = login("offa"), login("coach")
    w = world.build(offa, sector="horeca", trade="cuisinier")
    # out of the coach's scope: forbidden even with a stale version and bad values
    r = coach.update("companies", w.company, 1, {"employee_count": "x"})
    assert r["status"] == "forbidden"
    # a stale base_version with invalid values: conflict comes first
    r = offa.update("companies", w.company, 1, {"employee_count": "x"})
    assert r["status"] == "conflict"
    r = offa.update("companies", w.company, w.versions["company"], {"employee_count": "x"})
    assert r["status"] == "rejected" and r["errors"][0]["field"] == "employee_count"
    assert "nombre de travailleurs" in r["errors"][0]["message"].lower()


def test_duplicate_enterprise_number_and_niss_among_live_records(login: Login) -> None:
    offa = login("offa")
    company = f.company()
    assert offa.create("companies", company)["status"] == "applied"
    dup = offa.create("companies", {**company, "name": "Autre"})
    assert dup["status"] == "rejected"
    assert {(e["field"], e["code"]) for e in dup["errors"]} == {("enterprise_number", "duplicate")}
    # the client's message, word for word (the server once said another thing)
    assert dup["errors"][0]["message"] == duplicate_message("companies")
    learner = f.learner()
    lid = f.new_id()
    v = offa.create("learners", learner, lid)["version"]
    [refused] = offa.create("learners", learner)["errors"]
    assert refused["code"] == "duplicate" and refused["message"] == duplicate_message("learners")
    assert offa.push([op("learners", lid, "delete", v)])[0]["status"] == "applied"
    assert offa.create("learners", learner)["status"] == "applied"  # live records only


def test_delete_is_offa_only_and_refused_while_in_use(login: Login) -> None:
    offa, sec = login("offa"), login("sec")
    w = world.build(offa)
    offa.pull_all()
    learner_version = offa.replica[("learners", w.learner)][0]  # bumped: it entered a scope
    r = sec.push([op("learners", w.learner, "delete", learner_version)])[0]
    assert r["status"] == "forbidden"
    r = offa.push([op("learners", w.learner, "delete", learner_version)])[0]
    assert r["status"] == "rejected" and r["errors"][0]["code"] == "in_use"
    r = offa.push([op("contracts", w.contract, "delete", w.versions["contract"])])[0]
    assert r["status"] == "applied"
    offa.pull_all()
    learner_version = offa.replica[("learners", w.learner)][0]  # bumped: it left a scope
    r = offa.push([op("learners", w.learner, "delete", learner_version)])[0]
    assert r["status"] == "applied"
    offa.pull_all()
    assert offa.get("learners", w.learner) is None


def test_push_body_shape_errors_are_400_and_413(server: str, login: Login) -> None:
    offa = login("offa")
    r = offa.http.post("/api/v1/sync/push", json={"ops": []})
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed"
    r = offa.http.post("/api/v1/sync/push", json={"device_id": "x" * 101, "ops": []})
    assert r.status_code == 400
    r = offa.http.post(
        "/api/v1/sync/push",
        json={"device_id": "d", "ops": [op("companies", f.new_id(), "create", None, {})] * 501},
    )
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    r = httpx.post(server + "/api/v1/sync/push", json={"device_id": "d", "ops": []})
    assert r.status_code == 401 and r.json()["error"]["code"] == "not_authenticated"


def test_history_entries(login: Login) -> None:
    offa = login("offa")
    cid = f.new_id()
    v1 = offa.create("companies", f.company(), cid)["version"]
    resolution = {"name": {"mine": "A", "theirs": "B", "choice": "mine"}}
    v2 = offa.push(
        [op("companies", cid, "update", v1, {"name": "A"}, resolution=resolution)], device="pc-2"
    )[0]["version"]
    entries = offa.http.get(f"/api/v1/records/companies/{cid}/history").json()["entries"]
    assert [e["version"] for e in entries] == [v1, v2]
    last = entries[1]
    assert last["before"] == {"name": "Construction Dupont SRL"} and last["after"] == {"name": "A"}
    assert last["resolution"] == resolution and last["device_id"] == "pc-2"
    assert last["user_name"] == "Utilisateur offa" and last["kind"] == "update"
    coach2 = login("coach2")
    r = coach2.http.get(f"/api/v1/records/companies/{cid}/history")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
