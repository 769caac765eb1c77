"""Rules overridable with a reason on the server, by the domain code the client runs: a
secretariat signs a contract for a learner of 27 with an override of the age rule (stored with
who, when, what failed; in the history); an override without a reason is rejected; an override
the role may not make (two parallel contracts: OFFA only) is forbidden, and accepted from OFFA
staff; rules that never yield are not overridable."""

from __future__ import annotations

from collections.abc import Callable

from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]
REASON = "Reprise après une longue hospitalisation, accord du référent et de l'OFFA."


def _old_learner_contract(offa: ApiClient) -> tuple[world.World, str]:
    w = world.build(offa)
    learner = f.new_id()
    born = "1998-03-14"  # 27 on 01/09/2025
    data = f.learner("ifapme", niss=f.niss(birth=born), birth_date=born, first_name="Théo")
    assert offa.create("learners", data, learner)["status"] == "applied"
    return w, learner


def test_age_override_with_a_reason_signs_the_contract(login: Login) -> None:
    offa, sec = login("offa"), login("sec")
    w, learner = _old_learner_contract(offa)
    contract = f.contract(learner, w.unit, w.approval, w.tutor, status="signed",
                          signed_on="2025-08-20")  # fmt: skip
    r = sec.create("contracts", contract)
    assert r["status"] == "rejected" and [e["code"] for e in r["errors"]] == ["too_old"]
    short = {**contract, "overrides": [{"rule": "learner_age", "reason": "ok"}]}
    r = sec.create("contracts", short)
    assert r["status"] == "rejected"
    assert {e["code"] for e in r["errors"]} == {"reason_required"}  # say why, then judge
    cid = f.new_id()
    entry = {"rule": "learner_age", "reason": REASON, "by": "quelqu'un d'autre"}
    r = sec.create("contracts", {**contract, "overrides": [entry]}, cid)
    assert r["status"] == "applied", r
    sec.pull_all()
    stored = sec.get("contracts", cid)["overrides"]
    assert len(stored) == 1 and stored[0]["rule"] == "learner_age"
    assert stored[0]["reason"] == REASON and stored[0]["failed"] == ["too_old"]
    assert stored[0]["by"] == sec.user["id"] and stored[0]["at"]  # the server's stamp
    history = sec.http.get(f"/api/v1/records/contracts/{cid}/history").json()["entries"]
    assert history[0]["after"]["overrides"] == stored
    # a later edit keeps it: the exception holds for the record
    version = sec.replica[("contracts", cid)][0]
    r = sec.push([op("contracts", cid, "update", version, {"referent_phone": "0470 11 22 33"})])
    assert r[0]["status"] == "applied", r


def test_an_override_the_role_may_not_make_is_forbidden(login: Login) -> None:
    offa, sec = login("offa"), login("sec")
    w = world.build(offa, contract_status="active")
    parallel = f.contract(w.learner, w.unit, w.approval, w.tutor, status="signed",
                          signed_on="2025-08-20", start_date="2025-10-01")  # fmt: skip
    entry = {"rule": "overlap", "reason": REASON}
    r = sec.create("contracts", {**parallel, "overrides": [entry]})
    assert r["status"] == "forbidden"
    assert r["message"].startswith("Dérogation refusée : seul l'OFFA peut déroger à la règle")
    r = offa.create("contracts", {**parallel, "overrides": [entry]})
    assert r["status"] == "applied", r
    # what never yields: an override cannot name it
    low = {**parallel, "monthly_pay": "10.00",
           "overrides": [entry, {"rule": "below_minimum", "reason": REASON}]}  # fmt: skip
    r = offa.create("contracts", low)
    assert r["status"] == "rejected"
    assert {e["code"] for e in r["errors"]} >= {"below_minimum", "invalid"}
