"""Side effects in the op's transaction: contract events and approval withdrawals."""

from __future__ import annotations

from collections.abc import Callable

from offa_desktop.domain.effects import withdrawal_event_id
from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


def test_contract_events_update_their_contract(login: Login) -> None:
    offa, sec = login("offa"), login("sec")
    w = world.build(offa, contract_status="active")
    suspension = {
        "contract_id": w.contract,
        "kind": "suspension",
        "effective_date": "2025-11-03",
        "reason_code": "illness",
        "details": {"end_date": "2025-11-14", "company_pays_days": 7},
    }
    r = sec.create("contract_events", suspension)
    assert r["status"] == "applied", r
    sec.pull_all()
    assert sec.get("contracts", w.contract)["status"] == "suspended"
    history = sec.http.get(f"/api/v1/records/contracts/{w.contract}/history").json()["entries"]
    assert history[-1]["op_id"] is None and history[-1]["after"] == {"status": "suspended"}


def test_withdrawal_terminates_running_contracts_of_that_trade(login: Login) -> None:
    offa = login("offa")
    w = world.build(offa, contract_status="active")
    offa.pull_all()
    version = offa.replica[("approvals", w.approval)][0]
    r = offa.push(
        [
            op(
                "approvals",
                w.approval,
                "update",
                version,
                {"status": "withdrawn", "decided_on": "2025-12-01"},
            )
        ]
    )[0]
    assert r["status"] == "applied", r
    offa.pull_all()
    assert offa.get("contracts", w.contract)["status"] == "terminated"
    event = offa.get("contract_events", withdrawal_event_id(w.approval, w.contract))
    assert event is not None
    assert event["kind"] == "termination" and event["reason_code"] == "approval_withdrawn"
    entries = offa.http.get(
        f"/api/v1/records/contract_events/{withdrawal_event_id(w.approval, w.contract)}/history"
    ).json()["entries"]
    assert len(entries) == 1 and entries[0]["op_id"] is None and entries[0]["kind"] == "create"


def test_a_rejected_op_leaves_no_side_effect(login: Login) -> None:
    offa = login("offa")
    w = world.build(offa, contract_status="active")
    bad = {
        "contract_id": w.contract,
        "kind": "termination",
        "effective_date": "not a date",
        "details": {},
    }
    assert offa.create("contract_events", bad)["status"] == "rejected"
    offa.pull_all()
    assert offa.get("contracts", w.contract)["status"] == "active"
    assert f.new_id()
