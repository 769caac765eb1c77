"""Issue 12, situation 6, on the server: an incentive claim failing one of its checks was
accepted as ``approved`` with ``checks`` null. Now a claim becomes approved only when every
named check passes, or with an OFFA override carrying a reason (kept on the claim, signed by
the authenticated user, and in the history); the checks are stored at each status change."""

from __future__ import annotations

from typing import Any

from tests.server import world
from tests.server.api import ApiClient
from tests.server.factory import new_id


def _p2_claim(offa: ApiClient) -> tuple[world.World, str, int]:
    """A P2 claim whose check 'passed or moved to level B' fails (no level change recorded)."""
    w = world.build(offa, contract_status="draft")
    claim_id = new_id()
    created = offa.create(
        "incentive_claims",
        {
            "kind_code": "wal_p2", "company_id": w.company, "contract_ids": [w.contract],
            "school_year": "2025-2026", "amount": "750.00", "status": "to_check",
            "checks": None,
        },
        claim_id,
    )  # fmt: skip
    return w, claim_id, world.applied(created)


def _history(offa: ApiClient, claim_id: str) -> list[dict[str, Any]]:
    answer = offa.http.get(f"/api/v1/records/incentive_claims/{claim_id}/history")
    assert answer.status_code == 200, answer.text
    entries: list[dict[str, Any]] = answer.json()["entries"]
    return entries


def test_a_claim_failing_a_check_is_not_approved_without_an_override(login: Any) -> None:
    offa = login("offa")
    _w, claim_id, version = _p2_claim(offa)
    created = _history(offa, claim_id)[0]["after"]
    # Stored at creation, by the server (the op sent null).
    assert created["checks"]["passed_or_level_b"]["passed"] is False
    eligible = offa.update("incentive_claims", claim_id, version, {"status": "eligible"})
    version = world.applied(eligible)
    approved = offa.update("incentive_claims", claim_id, version,
                           {"status": "approved", "checks": None})  # fmt: skip
    # The old server: "applied", with checks null.
    assert approved["status"] == "rejected", approved
    (error,) = approved["errors"]
    assert error["field"] == "status" and error["code"] == "checks_failed"
    assert error["message"].startswith("Statut\u00a0: approbation impossible")
    assert "année réussie ou passage au niveau B" in error["message"]
    forged = offa.update("incentive_claims", claim_id, version, {
        "status": "approved",
        "checks": {name: {"passed": True, "note": "ok"} for name in created["checks"]},
    })  # fmt: skip
    assert forged["status"] == "rejected"  # the checks are the server's, not what was sent
    short = offa.update("incentive_claims", claim_id, version, {
        "status": "approved", "overrides": [{"rule": "incentive_checks", "reason": "ok"}],
    })  # fmt: skip
    assert short["status"] == "rejected"
    assert short["errors"][0]["field"] == "overrides"


def test_an_override_with_its_reason_approves_and_is_signed_by_the_server(login: Any) -> None:
    offa = login("offa")
    _w, claim_id, version = _p2_claim(offa)
    version = world.applied(
        offa.update("incentive_claims", claim_id, version, {"status": "eligible"})
    )
    reason = "Année réussie : bulletin reçu le 2 juillet, contrat prolongé sur papier."
    done = offa.update("incentive_claims", claim_id, version, {
        "status": "approved",
        "overrides": [{"rule": "incentive_checks", "reason": reason,
                       "by": "someone-else", "at": "2000-01-01T00:00:00Z"}],
    })  # fmt: skip
    assert done["status"] == "applied", done
    (entry,) = done["data"]["overrides"]
    assert entry["reason"] == reason and entry["by"] == offa.user["id"]  # not "someone-else"
    assert entry["at"] != "2000-01-01T00:00:00Z" and entry["at"].endswith("Z")
    assert "passed_or_level_b" in entry["failed"]
    assert done["data"]["checks"]["passed_or_level_b"]["passed"] is False  # stored again
    last = _history(offa, claim_id)[-1]
    assert last["after"]["status"] == "approved"
    assert last["after"]["overrides"][0]["reason"] == reason
    # Past overrides never change; a later status change keeps them.
    paid = offa.update("incentive_claims", claim_id, done["version"],
                       {"status": "paid", "paid_on": "2026-10-01", "overrides": []})  # fmt: skip
    assert paid["status"] == "rejected" and paid["errors"][0]["field"] == "overrides"
    paid = offa.update("incentive_claims", claim_id, done["version"],
                       {"status": "paid", "paid_on": "2026-10-01"})  # fmt: skip
    assert paid["status"] == "applied" and paid["data"]["overrides"] == [entry]


def test_a_claim_is_not_created_approved_over_failing_checks(login: Any) -> None:
    offa = login("offa")
    w = world.build(offa, contract_status="draft")
    data = {
        "kind_code": "wal_p2", "company_id": w.company, "contract_ids": [w.contract],
        "school_year": "2025-2026", "amount": "750.00", "status": "paid",
        "paid_on": "2026-10-01", "checks": None,
    }  # fmt: skip
    refused = offa.create("incentive_claims", data)
    assert refused["status"] == "rejected" and refused["errors"][0]["code"] == "checks_failed"
