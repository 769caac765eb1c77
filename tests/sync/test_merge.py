"""Duplicates merged by OFFA staff (issue 18), against the real reference server: two records
of one learner found by « Doublons possibles » on OFFA's copy, merged by the server in one
transaction (the contract of the merged record now names the kept one, the merged record is a
tombstone whose history points to the kept one), and both clients converge by sync; a
secretariat may not merge."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from offa_desktop.ops import duplicates
from sync.errors import SyncError
from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient
from tests.sync.harness import PASSWORD, Device, Server, api, assert_converged


def _device(server: Server, root: Path, role: str, operator: str | None = None) -> Device:
    name = f"{role}-{uuid.uuid4().hex[:6]}"
    server.user(name, role, operator=operator)
    device = Device(root / name, name, server.url)
    device.login()
    return device


def test_a_learner_entered_twice_is_merged_and_every_copy_follows(
    server: Server, tmp_path: Path
) -> None:
    name = f"offa-{uuid.uuid4().hex[:6]}"
    server.user(name)
    offa = ApiClient(server.url, name, PASSWORD)
    w = world.build(offa, operator="ifapme", contract_status="active")
    last = f"Doublon{uuid.uuid4().hex[:6]}"
    offa.pull_all()
    version = offa.replica[("learners", w.learner)][0]
    assert offa.update("learners", w.learner, version, {"last_name": last})["status"] == "applied"
    twin = f.new_id()
    made = offa.create("learners", f.learner("ifapme", last_name=last.upper(),
                                             niss=f.niss(birth="2005-03-14")), twin)  # fmt: skip
    assert made["status"] == "applied", made
    draft = f.new_id()
    made = offa.create("contracts", f.contract(twin, w.unit, w.approval, w.tutor,
                                               start_date="2026-09-01", end_date="2027-08-31"),
                       draft)  # fmt: skip
    assert made["status"] == "applied", made

    staff = _device(server, tmp_path, "offa")
    sec = _device(server, tmp_path, "secretariat", operator="ifapme")
    for device in (staff, sec):
        device.sync_until_done()
    pairs = [p for p in duplicates.find(staff.session.wc) if {p.first, p.second} == {
        w.learner, twin}]  # fmt: skip
    assert [p.reason for p in pairs] == ["mêmes nom, prénom et date de naissance"]

    # A secretariat may not merge.
    with pytest.raises(SyncError) as refused:
        duplicates.merge(sec.session, "learners", w.learner, twin)
    assert "Seul l'OFFA" in str(refused.value)

    synced = duplicates.merge(staff.session, "learners", w.learner, twin)
    assert synced is not None
    sec.sync_until_done()
    for device in (staff, sec):
        records, _ops, _conflicts = device.dump()
        assert records[("learners", twin)]["deleted"] is True
        assert records[("contracts", draft)]["data"]["learner_id"] == w.learner
        assert records[("learners", w.learner)]["deleted"] is False
        assert_converged([device], api(server.url, device.username),
                         {("learners", twin), ("contracts", draft)})  # fmt: skip
    entries = staff.session.client().history("learners", twin)
    assert entries[-1]["kind"] == "delete"
    assert entries[-1]["after"] == {"merged_into": w.learner}
    moved = staff.session.client().history("contracts", draft)
    assert moved[-1]["before"] == {"learner_id": twin}
    assert moved[-1]["after"] == {"learner_id": w.learner}
    # Nothing left to merge.
    assert not [p for p in duplicates.find(staff.session.wc) if twin in (p.first, p.second)]
    for device in (staff, sec):
        device.close()
    offa.close()


def test_a_company_entered_twice_keeps_its_units_once_merged(
    server: Server, tmp_path: Path
) -> None:
    name = f"offa-{uuid.uuid4().hex[:6]}"
    server.user(name)
    offa = ApiClient(server.url, name, PASSWORD)
    word = f"Qzx{uuid.uuid4().hex[:5]}"
    kept, twin, unit = f.new_id(), f.new_id(), f.new_id()
    assert offa.create("companies", f.company(name=f"Boulangerie {word} SRL"), kept)[
        "status"] == "applied"  # fmt: skip
    assert offa.create("companies", f.company(name=f"BOULANGERIE {word.upper()}"), twin)[
        "status"] == "applied"  # fmt: skip
    assert offa.create("establishment_units", f.unit(twin), unit)["status"] == "applied"
    staff = _device(server, tmp_path, "offa")
    staff.sync_until_done()
    pairs = [p for p in duplicates.find(staff.session.wc) if {p.first, p.second} == {kept, twin}]
    assert [p.reason for p in pairs] == ["noms proches"]
    duplicates.merge(staff.session, "companies", kept, twin)
    records, _ops, _conflicts = staff.dump()
    assert records[("companies", twin)]["deleted"] is True
    assert records[("establishment_units", unit)]["data"]["company_id"] == kept
    assert_converged([staff], api(server.url, staff.username), {("companies", twin)})
    staff.close()
    offa.close()
