"""Stage+ offers and referrals to the Commission in the window (issue 18), on a demo copy: an
offer posted for a granted approval, published (its date filled in), found by the list's
filters, its sheet printed and read back; a referral of a contract, listed with what it is
about, on the radar while the Commission has not ended it, and off it once decided."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from offa_desktop.ops import cases
from offa_desktop.ops import radar as radar_ops
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.cases import OfferForm, ReferralForm
from offa_desktop.ui.forms.registry import open_record
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui


def _row_of(qtbot: Any, view: Any, record_id: str) -> list[str]:
    """The cells of ``record_id``'s row once the list holds it (the demo has records too)."""
    model = view.model

    def index() -> int | None:
        return next((r for r in range(model.rowCount()) if model.record_id(r) == record_id),
                    None)  # fmt: skip

    qtbot.waitUntil(lambda: index() is not None, timeout=10_000)
    row = index()
    assert row is not None
    return [str(model.index(row, c).data() or "") for c in range(model.columnCount())]


def _rows(view: Any) -> list[list[str]]:
    model = view.model
    return [[str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # fmt: skip


def test_an_offer_posted_published_listed_and_printed(
    qtbot: Any, context: Any, opened_files: list[Path]
) -> None:
    wc = context.working_copy
    granted = cases.approval_options(wc)
    assert granted and all(o.data and o.data["status"] == "granted" for o in granted)
    choice = granted[0]
    form = open_record(context, "stage_offers", None, None)
    assert isinstance(form, OfferForm)
    qtbot.addWidget(form)
    picker = form.fields["approval_id"]
    words = choice.label.split(" — ")[0].split(" (")[0]
    with qtbot.waitSignal(picker.searcher.applied, timeout=5_000):
        type_text(picker.search_box, words)
    picker.set_value(choice.id)
    type_text(form.fields["title"].editor, "Apprenti·e en gros œuvre")
    form.fields["description"].set_value("Chantiers de rénovation ; permis B souhaité.")
    type_text(form.fields["start_date"].editor, "01/09/2027")
    form.fields["places"].set_value(2)
    form.fields["operator_code"].set_value(choice.data["operator_code"])
    check = form.validate_now()
    assert not check.blocking, check.blocking
    assert check.record["trade_code"] == choice.data["trade_code"]  # the approval's
    assert not form.print_button.isEnabled()  # not saved yet
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    offer_id = form.record_id
    assert offer_id and form.print_button.isEnabled()
    statuses = [form.fields["status"].combo.itemData(i)
                for i in range(form.fields["status"].combo.count())]
    assert statuses == ["draft", "closed", "published"]
    form.fields["status"].set_value("published")
    today = editing.today(wc)
    assert form.validate_now().record["published_on"] == today.isoformat()
    shoot(form, "stage-offer")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    saved = editing.load(wc, "stage_offers", offer_id) or {}
    assert saved["status"] == "published" and saved["published_on"] == today.isoformat()

    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    view = window.show_area("offers")
    row = _row_of(qtbot, view, offer_id)
    assert row[0] == "Apprenti·e en gros œuvre" and "publiée" in row
    assert row[3] == "01/09/2027"
    box = view.filter_boxes["status"]
    box.setCurrentIndex(box.findData("closed"))
    qtbot.waitUntil(lambda: all(view.model.record_id(r) != offer_id
                                for r in range(view.model.rowCount())), timeout=10_000)
    assert all(r[5] == "clôturée" for r in _rows(view))
    box.setCurrentIndex(box.findData("published"))
    _row_of(qtbot, view, offer_id)
    assert window.nav_keys[-3:] == ["offers", "referrals", "transfers"]

    done = form.print_sheet()
    qtbot.waitUntil(lambda: bool(opened_files), timeout=20_000)
    assert done is not None
    pdf = opened_files[-1]
    assert pdf.name.startswith("offre-stage-") and pdf.suffix == ".pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Apprenti·e en gros œuvre" in text
    assert f"Offre publiée le {today.strftime('%d/%m/%Y')}" in text
    assert "Places" in text and "01/09/2027" in text
    assert "PROJET" not in text
    window.close()


def test_a_referral_listed_and_on_the_radar_until_decided(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    (contract,) = cases.contract_options(wc)[:1]
    form = open_record(context, "mediation_referrals", None, None)
    assert isinstance(form, ReferralForm)
    qtbot.addWidget(form)
    assert form.fields["contract_id"].widget.isVisibleTo(form)
    assert not form.fields["approval_id"].widget.isVisibleTo(form)
    form.fields["contract_id"].set_value(contract.id)
    form.fields["reason"].set_value("Le tuteur ne suit plus l'apprenant depuis octobre.")
    check = form.validate_now()
    assert not check.blocking, check.blocking
    assert check.record["operator_code"] == contract.data["operator_code"]  # the contract's
    assert check.record["approval_id"] is None
    shoot(form, "referral")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    referral_id = form.record_id
    assert referral_id

    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    view = window.show_area("referrals")
    row = _row_of(qtbot, view, referral_id)
    assert row[0] == contract.label and row[1] == "contrat" and row[3] == "saisie"

    today = editing.today(wc)
    found = radar_ops.compute(wc.path, today)
    (line,) = [i for i in found.items if i.id == referral_id]
    assert line.rule == "referral_waiting" and line.record == contract.label
    assert line.detail == f"contrat : Commission saisie le {today.strftime('%d/%m/%Y')}"

    # The Commission decides (this copy has no account: no role holds it back).
    editing.save(wc, "mediation_referrals", referral_id, {
        **(editing.load(wc, "mediation_referrals", referral_id) or {}),
        "status": "decided", "closed_on": today.isoformat(),
        "outcome": "Rappel des obligations du tuteur ; suivi renforcé."})  # fmt: skip
    again = radar_ops.compute(wc.path, today)
    assert [i for i in again.items if i.id == referral_id] == []
    assert date.fromisoformat(str(editing.load(wc, "mediation_referrals", referral_id)
                                  .get("closed_on"))) == today  # type: ignore[union-attr]
    window.close()


def test_a_mobility_asked_then_accepted_with_the_level_reached(
    qtbot: Any, context: Any
) -> None:
    from offa_desktop.ops.sync.actions import Synced
    from offa_desktop.ui.forms.cases import TransferForm
    from offa_desktop.ui.sync_controller import SyncController

    wc = context.working_copy
    (contract_id, contract), *_ = editing.find(wc, "contracts")
    learner = editing.load(wc, "learners", contract["learner_id"]) or {}
    to = "sfpme" if learner["operator_code"] != "sfpme" else "ifapme"
    form = open_record(context, "learner_transfers", None, None)
    assert isinstance(form, TransferForm)
    qtbot.addWidget(form)
    type_text(form.fields["niss"].editor, learner["niss"])
    form.fields["from_operator"].set_value(learner["operator_code"])
    form.fields["to_operator"].set_value(to)
    check = form.validate_now()
    assert not check.blocking, check.blocking
    assert learner["last_name"] in form.who.text()
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    transfer_id = form.record_id
    assert transfer_id

    decided = open_record(context, "learner_transfers", transfer_id, None)
    assert isinstance(decided, TransferForm)
    qtbot.addWidget(decided)
    decided.fields["status"].set_value("accepted")
    record = decided.validate_now().record
    assert record["decided_on"] == editing.today(wc).isoformat()
    assert record["level_reached"] == cases.level_reached(wc, contract["learner_id"])
    shoot(decided, "mobility")
    with qtbot.waitSignal(decided.saved, timeout=10_000):
        decided.save_button.click()
    assert (editing.load(wc, "learner_transfers", transfer_id) or {})["status"] == "accepted"

    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    view = window.show_area("transfers")
    assert "acceptée" in _row_of(qtbot, view, transfer_id)
    # The sync that erases a learner gone to another operator says so in the window.
    assert isinstance(window.sync, SyncController)
    window.sync._synced(Synced(left_scope={"learners": 1}))
    assert "1 apprenant(s) passé(s) à un autre opérateur" in window.statusBar().currentMessage()
    assert "contrats passés" in window.sync.left_scope_note
    # Its past contracts stay listed, the learner's cell saying why it is empty.
    from tests.store.server_rows import erase_record

    with wc.unit_of_work() as uow:
        erase_record(uow, "learners", contract["learner_id"])
    contracts = window.show_area("contracts")
    contracts.refresh()
    assert _row_of(qtbot, contracts, contract_id)[0] == "(hors de votre copie)"
    window.close()
