"""Cancel and replace on the server, with the domain code the client runs: the replacement is a
new contract naming the old one in ``supersedes_id``; the overlap rule ignores the pair (and
only the pair); when the replacement is signed, the server ends the old one with reason
``replaced`` («remplacé»), in the same transaction, in the history with op_id null."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from offa_desktop.domain.effects import replacement_event_id
from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


def _replacement(w: world.World, **extra: Any) -> dict[str, Any]:
    data = f.contract(w.learner, w.unit, w.approval, w.tutor, supersedes_id=w.contract)
    data.update({"monthly_pay": "420.00", **extra})  # the error put right: the pay
    return data


def test_signed_replacement_ends_the_replaced_contract(login: Login) -> None:
    offa, sec = login("offa"), login("sec")
    w = world.build(offa, contract_status="active")
    new = f.new_id()
    assert sec.create("contracts", _replacement(w), new)["status"] == "applied"
    sec.pull_all()
    assert sec.get("contracts", w.contract)["status"] == "active"  # a draft ends nothing
    version = sec.replica[("contracts", new)][0]
    signed = {"status": "signed", "signed_on": "2025-08-20"}
    r = sec.push([op("contracts", new, "update", version, signed)])[0]
    assert r["status"] == "applied", r  # the overlap rule ignores the contract it replaces
    sec.pull_all()
    old = sec.get("contracts", w.contract)
    assert old["status"] == "terminated"
    event = sec.get("contract_events", replacement_event_id(new, w.contract))
    assert event["kind"] == "termination" and event["reason_code"] == "replaced"
    assert event["effective_date"] == "2025-09-01"  # never before the old one's start
    assert event["details"] == {"notified_on": "2025-08-20"}
    reasons = {d["code"]: d["label"] for (c, _i), (_v, d) in sec.replica.items()
               if c == "termination_reasons"}  # fmt: skip
    assert reasons["replaced"].startswith("Remplacé")
    history = sec.http.get(f"/api/v1/records/contracts/{w.contract}/history").json()["entries"]
    assert history[-1]["op_id"] is None and history[-1]["after"] == {"status": "terminated"}
    # signed again later (an edit of the replacement): nothing more is ended
    version = sec.replica[("contracts", new)][0]
    r = sec.push([op("contracts", new, "update", version, {"referent_phone": "0470 00 00 00"})])
    assert r[0]["status"] == "applied"
    sec.pull_all()
    ends = [rid for (c, rid), (_v, d) in sec.replica.items()
            if c == "contract_events" and d["contract_id"] == w.contract]  # fmt: skip
    assert ends == [replacement_event_id(new, w.contract)]


def test_overlap_ignores_only_the_pair(login: Login) -> None:
    offa, sec = login("offa"), login("sec")
    w = world.build(offa, contract_status="active")
    other = f.contract(w.learner, w.unit, w.approval, w.tutor, status="signed",
                       signed_on="2025-08-20")  # fmt: skip
    r = sec.create("contracts", other)
    assert r["status"] == "rejected" and {e["code"] for e in r["errors"]} == {"overlap"}
    r = sec.create("contracts", _replacement(w, status="signed", signed_on="2025-08-20"))
    assert r["status"] == "applied", r  # created signed: ends the old one too
    sec.pull_all()
    assert sec.get("contracts", w.contract)["status"] == "terminated"
    # a second replacement of the same contract is refused
    r = sec.create("contracts", _replacement(w, status="signed", signed_on="2025-08-21"))
    assert r["status"] == "rejected"
    assert "already_replaced" in {e["code"] for e in r["errors"]}


def test_replacement_of_another_learners_contract_is_refused(login: Login) -> None:
    offa, sec = login("offa"), login("sec")
    w = world.build(offa, contract_status="active")
    stranger = f.new_id()
    assert offa.create("learners", f.learner("ifapme"), stranger)["status"] == "applied"
    data = f.contract(stranger, w.unit, w.approval, w.tutor, supersedes_id=w.contract)
    r = sec.create("contracts", data)
    assert r["status"] == "rejected"
    assert [e["field"] for e in r["errors"]] == ["supersedes_id"]
    assert "autre apprenant" in r["errors"][0]["message"]
