"""Cancel and replace, client and real server together: «Annuler et remplacer» copies a signed
contract into a draft naming it in ``supersedes_id``; the draft is corrected and signed in the
working copy (the overlap rule ignores the pair there too); after one sync the server has ended
the old contract with reason «remplacé», the copy shows it, the history and both prints show the
chain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.domain.effects import replacement_event_id
from offa_desktop.domain.validation import ValidationError
from offa_desktop.ops.contracts import replacing
from offa_desktop.ops.printing import rendering
from offa_desktop.ops.records import writes
from offa_desktop.printing.facts import reference
from offa_desktop.store import queries
from tests.printing.pdfread import pages_text
from tests.sync.harness import Device
from tests.sync.seeded import seeded_server


@pytest.fixture(scope="module")
def device(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Device]:
    root = tmp_path_factory.mktemp("replace")
    server = seeded_server(root, 20, seed=3)
    server.start()
    try:
        server.user("secretaire", "offa")
        dev = Device(root / "client", "secretaire", server.url)
        dev.login()
        dev.sync_here()
        yield dev
        dev.close()
    finally:
        server.stop()


def _signable(device: Device, supersedes: bool, skip: int = 0) -> tuple[str, dict[str, Any]]:
    """An active contract whose copy would be signed with no blocking problem but the overlap
    (then ``supersedes``: none at all, the pair being ignored): demo data are dated from today,
    so an approval may no longer be granted on some start dates."""
    from offa_desktop.ops.records import editing

    wc = device.session.wc
    with wc.session() as db:
        running = queries.page(db, "contracts", filters={"status": "active"}, limit=50)
    found = []
    for record in running:
        copy = {k: v for k, v in record.data.items() if k not in replacing.NOT_COPIED}
        copy.update(status="signed", signed_on=record.data["start_date"],
                    supersedes_id=record.id if supersedes else None)  # fmt: skip
        check = editing.check(wc, "contracts", copy, previous={**copy, "status": "draft"})
        if {p.code for p in check.blocking} <= ({"overlap"} if not supersedes else set()):
            found.append((record.id, record.data))
    assert len(found) > skip, "no signable contract in the demo data"
    return found[skip]


def test_replaced_contract_chain(device: Device) -> None:
    wc = device.session.wc
    old_id, old = _signable(device, supersedes=True)

    saved = replacing.replace(wc, old_id)
    new_id = saved.record_id
    with wc.session() as db:
        draft = queries.get(db, "contracts", new_id)
    assert draft is not None and draft["status"] == "draft" and draft["supersedes_id"] == old_id
    same = {k: v for k, v in draft.items() if k not in replacing.NOT_COPIED}
    assert same == {k: v for k, v in old.items() if k not in replacing.NOT_COPIED}
    with pytest.raises(ValidationError, match="déjà un remplaçant"):
        replacing.replace(wc, old_id)
    with pytest.raises(ValidationError, match="Seul un contrat signé"):
        replacing.replace(wc, new_id)

    # the error put right, then signed: the overlap rule ignores the contract it replaces
    pay = f"{float(old['monthly_pay']) + 25:.2f}"
    writes.update(wc, "contracts", new_id, {"monthly_pay": pay})
    writes.update(wc, "contracts", new_id, {"status": "signed", "signed_on": old["start_date"]})
    report = device.sync_here()
    assert report.rejected == 0 and report.conflicts == 0

    with wc.session() as db:
        ended = queries.get(db, "contracts", old_id)
        event = queries.get(db, "contract_events", replacement_event_id(new_id, old_id))
    assert ended is not None and ended["status"] == "terminated"
    assert event is not None and event["reason_code"] == "replaced"

    # the chain: on screen and in the history, both ways
    assert replacing.chain_lines(wc, old_id)[0] == "→ ce contrat — remplacé"
    lines = replacing.chain_lines(wc, new_id)
    assert "(rompu" in lines[0] and lines[0].endswith("— remplacé") and lines[1] == "→ ce contrat"
    assert f", réf. {reference(old_id)} (rompu" in lines[0]  # the pair told apart
    history = replacing.history_with_chain(device.session, "contracts", old_id)
    assert history.server_error is None and history.chain[-1].endswith("— remplaçant")
    assert f", réf. {reference(new_id)} (signé" in history.chain[-1]
    assert history.server[-1]["op_id"] is None
    assert history.server[-1]["after"] == {"status": "terminated"}

    # the prints
    # (each named by the reference its own pages carry, not by its identifier)
    new_text = " ".join(pages_text(rendering.render("contract", new_id, wc)))
    assert f"Ce contrat annule et remplace le contrat réf. {reference(old_id)} (début le" in (
        new_text
    )
    old_text = " ".join(pages_text(rendering.render("contract", old_id, wc)))
    assert f"Ce contrat est annulé et remplacé par le contrat réf. {reference(new_id)}" in old_text
    assert old_id not in new_text and new_id not in old_text
    assert "Remplacé (annulé et remplacé par un contrat corrigé)" in old_text  # its event
    assert Path(device.folder).exists()


def test_override_refused_for_the_wrong_role_accepted_with_a_reason(device: Device) -> None:
    """Two contracts at once for one learner (OFFA only): refused in the copy for a
    secretariat, accepted from OFFA staff with a reason, applied by the server, shown on the
    print; the draft's errors page says which rules may yield and which never do."""
    from offa_desktop.domain.problems import ValidationError as Refused
    from offa_desktop.ops.records import editing, overriding

    wc = device.session.wc
    running_id, running = _signable(device, supersedes=False, skip=1)
    data = {k: v for k, v in running.items() if k not in replacing.NOT_COPIED}
    parallel = writes.create(wc, "contracts", {**data, "status": "draft"}).record_id
    draft = editing.load(wc, "contracts", parallel)
    sign = {"status": "signed", "signed_on": running["start_date"]}
    check = editing.check(wc, "contracts", {**draft, **sign}, previous=draft,
                          record_id=parallel)  # fmt: skip
    assert {p.code for p in check.blocking} == {"overlap"}
    offer = overriding.offer("contracts", check.blocking, "secretariat")
    assert offer.overridable == [] and "réservée à l'OFFA" in offer.not_allowed[0]
    offer = overriding.offer("contracts", check.blocking, "offa")
    assert [rule for rule, _n, _m in offer.overridable] == ["overlap"] and offer.possible
    reason = "Deux mi-temps chez deux employeurs, accord de l'OFFA du 12/08."
    with pytest.raises(Refused, match="seul l'OFFA peut déroger"):
        overriding.save_with_overrides(wc, "contracts", parallel, sign, ["overlap"], reason,
                                       "secretariat")  # fmt: skip
    assert editing.load(wc, "contracts", parallel)["status"] == "draft"  # nothing written
    # the errors page of the draft: the rule may yield (OFFA), the others never do
    text = " ".join(pages_text(rendering.render("contract", parallel, wc)))
    assert "dérogation motivée possible : l'OFFA" in text
    overriding.save_with_overrides(wc, "contracts", parallel, sign, ["overlap"], reason, "offa")
    report = device.sync_here()
    assert report.rejected == 0 and report.conflicts == 0
    stored = editing.load(wc, "contracts", parallel)
    assert stored["status"] == "signed"
    [entry] = stored["overrides"]
    assert entry["rule"] == "overlap" and entry["reason"] == reason
    assert entry["failed"] == ["overlap"] and entry["by"] and entry["at"]
    shown = overriding.shown(wc, stored)
    assert shown[0].startswith("Dérogation à « un seul contrat à la fois par apprenant")
    # kept in the history: the server's entry of the signing says it, with the reason and who
    from offa_desktop.ops.records.history import record_history

    history = record_history(device.session, "contracts", parallel)
    assert history.server_error is None
    said = [line for e in history.server for line in e["lines"] if line.startswith("Dérogation")]
    assert len(said) == 1 and f"« {reason} », par " in said[0], history.server
    text = " ".join(pages_text(rendering.render("contract", parallel, wc)))
    assert "Dérogations motivées" in text and reason in text


def test_a_drafts_errors_page_prints_its_override_and_what_never_yields(device: Device) -> None:
    """A draft carrying an override (two contracts at once, OFFA) and a tutor of another
    company: its errors page no longer lists the overlap, says the tutor rule never yields, and
    prints the override (rule, reason, who, when) under «Dérogations motivées enregistrées»;
    the tutor put right, the server signs it with the override."""
    from offa_desktop.ops.records import editing, overriding

    wc = device.session.wc
    _running_id, running = _signable(device, supersedes=False, skip=2)
    data = {k: v for k, v in running.items() if k not in replacing.NOT_COPIED}
    with wc.session() as db:
        unit = queries.get(db, "establishment_units", running["establishment_unit_id"])
    assert unit is not None
    stranger = next(i for i, t in editing.find(wc, "tutors")
                    if t["company_id"] != unit["company_id"])  # fmt: skip
    draft_id = writes.create(wc, "contracts", {**data, "status": "draft",
                                               "tutor_id": stranger}).record_id  # fmt: skip
    reason = "Deux mi-temps chez deux employeurs, accord de l'OFFA du 14/08."
    overriding.save_with_overrides(wc, "contracts", draft_id, {}, ["overlap"], reason, "offa")
    stored = editing.load(wc, "contracts", draft_id)
    assert stored["status"] == "draft" and stored["overrides"][0]["rule"] == "overlap"
    pages = pages_text(rendering.render("contract", draft_id, wc))
    errors = pages[-1]
    assert "Points à corriger avant signature" in errors
    assert "règle impérative, sans dérogation possible : le tuteur travaille dans" in errors
    assert "un seul contrat à la fois. (" not in errors  # the overlap is set aside
    assert "Dérogations motivées enregistrées" in errors
    rule = "un seul contrat à la fois par apprenant (deux contrats en parallèle)"
    assert f"« {rule} » : {reason}" in errors
    # and the server judges the same: the tutor put right and signed, the override holds
    writes.update(wc, "contracts", draft_id, {"tutor_id": running["tutor_id"],
                                              "status": "signed",
                                              "signed_on": running["start_date"]})  # fmt: skip
    report = device.sync_here()
    assert report.rejected == 0 and report.conflicts == 0
    assert editing.load(wc, "contracts", draft_id)["status"] == "signed"
