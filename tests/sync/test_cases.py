"""Stage+ offers and referrals to the Commission through sync (issue 18), against the real
reference server: a secretariat posts and publishes an offer and refers a contract problem;
who reads what after a pull (the coach of the company's sector, another operator's
secretariat); the Commission (offa) moves the referral on and the secretariat follows; what the
secretariat may not do is refused on its copy with the server's words, and an offer of an
approval no longer granted is refused on both sides."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from offa_desktop.domain.permissions import Forbidden
from offa_desktop.domain.problems import ValidationError
from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient
from tests.sync.harness import PASSWORD, Device, Server


def _device(server: Server, root: Path, role: str, *, operator: str | None = None,
            sectors: tuple[str, ...] = ()) -> Device:  # fmt: skip
    name = f"{role}-{uuid.uuid4().hex[:6]}"
    server.user(name, role, sectors=sectors, operator=operator)
    device = Device(root / name, name, server.url)
    device.login()
    return device


def _offa(server: Server) -> ApiClient:
    name = f"offa-{uuid.uuid4().hex[:6]}"
    server.user(name)
    return ApiClient(server.url, name, PASSWORD)


def _record(device: Device, collection: str, record_id: str) -> dict[str, object] | None:
    records, _ops, _conflicts = device.dump()
    found = records.get((collection, record_id))
    return None if found is None or found["deleted"] else found["data"]


def test_offers_and_referrals_travel_with_their_parents_scope(
    server: Server, tmp_path: Path
) -> None:
    offa = _offa(server)
    w = world.build(offa, sector="construction", operator="ifapme", contract_status="active")
    sec = _device(server, tmp_path, "secretariat", operator="ifapme")
    coach = _device(server, tmp_path, "coach", sectors=("construction",))
    other = _device(server, tmp_path, "secretariat", operator="cefa-liege")
    for device in (sec, coach, other):
        device.sync_until_done()

    offer_id = sec.edit(lambda u: u.create("stage_offers", f.stage_offer(w.approval, w.unit)))
    sec.edit(lambda u: u.update("stage_offers", offer_id,
                                {"status": "published", "published_on": "2026-11-02"}))  # fmt: skip
    referral_id = sec.edit(lambda u: u.create("mediation_referrals", f.referral(w.contract)))
    summary = sec.sync_until_done()
    assert summary["applied"] == 3 and summary["rejected"] == 0, summary

    for device in (coach, other):
        device.sync_until_done()
    assert (_record(coach, "stage_offers", offer_id) or {})["status"] == "published"
    assert (_record(other, "stage_offers", offer_id) or {})["status"] == "published"
    # The referral is about an IFAPME contract: its coach reads it, CEFA Liège does not.
    assert (_record(coach, "mediation_referrals", referral_id) or {})["status"] == "referred"
    assert _record(other, "mediation_referrals", referral_id) is None

    # Moving the referral on is the Commission's: refused on the secretariat's copy.
    to_mediation = {"status": "in_mediation", "mediation_on": "2026-11-10"}
    with pytest.raises(Forbidden) as refused:
        sec.edit(lambda u: u.update("mediation_referrals", referral_id, to_mediation))
    assert refused.value.message == (
        "Vous n'avez pas le droit de modifier ces saisines de la Commission.")  # fmt: skip
    # Another operator's offer: refused there too.
    with pytest.raises(Forbidden):
        other.edit(lambda u: u.update("stage_offers", offer_id, {"places": 5}))

    offa.pull_all()
    version = offa.replica[("mediation_referrals", referral_id)][0]
    moved = offa.update("mediation_referrals", referral_id, version, to_mediation)
    assert moved["status"] == "applied", moved
    sec.sync_until_done()
    assert (_record(sec, "mediation_referrals", referral_id) or {})["status"] == "in_mediation"

    # The approval suspended: publishing another offer of it is refused on the copy (the
    # approval is in the secretariat's scope) and by the server alike.
    offa.pull_all()
    version = offa.replica[("approvals", w.approval)][0]
    assert offa.update("approvals", w.approval, version, {"status": "suspended"})[
        "status"] == "applied"  # fmt: skip
    sec.sync_until_done()
    with pytest.raises(ValidationError) as caught:
        sec.edit(lambda u: u.create("stage_offers", f.stage_offer(w.approval, w.unit)))
    assert [p.code for p in caught.value.problems] == ["approval_not_granted"]
    said = offa.create("stage_offers", f.stage_offer(w.approval, w.unit))
    assert said["status"] == "rejected"
    assert [e["code"] for e in said["errors"]] == ["approval_not_granted"]
    # The published offer is still closed by its secretariat.
    sec.edit(lambda u: u.update("stage_offers", offer_id,
                                {"status": "closed", "closed_on": "2026-11-20"}))  # fmt: skip
    assert sec.sync_until_done()["applied"] == 1
    for device in (sec, coach, other):
        device.close()
    offa.close()
