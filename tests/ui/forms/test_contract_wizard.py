"""The contract wizard end to end on a real working copy: only valid choices, capacity shown,
schedule limits, pay from the dated rates, review, save, save and print (a real PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.contract_choice import LearnerPage, PlacePage
from offa_desktop.ui.forms.contract_pages import PayPage, TermsPage
from offa_desktop.ui.forms.contract_wizard import ContractWizard, ReviewPage
from offa_desktop.ui.forms.registry import open_record
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui


def _new_learner(context: Any) -> str:
    niss_base = "050607123"
    niss = niss_base + f"{97 - int('2' + niss_base) % 97:02d}"
    saved = editing.save(context.working_copy, "learners", None, {
        "niss": niss, "first_name": "Zoë", "last_name": "Ærtsen-Łukasz",
        "birth_date": "2005-06-07", "street": "Rue Haute 1", "postal_code": "5000",
        "city": "Namur", "operator_code": "ifapme",
    })
    return saved.record_id


def _place(context: Any) -> tuple[str, str, str]:
    """A unit with a granted approval and a tutor with room, as the wizard offers them."""
    wc = context.working_copy
    for unit in drafting.units_with_granted_approval(wc):
        for approval in drafting.granted_approvals(wc, unit.id, None):
            cap = drafting.company_capacity(wc, unit.id, editing.today(wc))
            if cap.full:
                continue
            trade = (approval.data or {})["trade_code"]
            for tutor in drafting.tutors(wc, unit.id, trade, editing.today(wc)):
                if not (tutor.data or {}).get("_full"):
                    return unit.id, approval.id, tutor.id
    raise AssertionError("no place in the demo data")


def _select(widget: Any, record_id: str) -> None:
    for row in range(widget.count()):
        if widget.item(row).data(256) == record_id:
            widget.setCurrentRow(row)
            return
    raise AssertionError(f"{record_id} not offered")


def test_wizard_draws_up_and_prints_a_contract(qtbot: Any, context: Any,
                                               opened_files: list[Path]) -> None:
    wc = context.working_copy
    learner_id = _new_learner(context)
    unit_id, approval_id, tutor_id = _place(context)
    wizard = open_record(context, "contracts", None, None)
    assert isinstance(wizard, ContractWizard)
    qtbot.addWidget(wizard)
    learner_page = wizard.currentPage()
    assert isinstance(learner_page, LearnerPage)
    assert not learner_page.isComplete()
    with qtbot.waitSignal(learner_page.searcher.applied, timeout=5_000):
        type_text(learner_page.search, "Ærtsen")  # searched on a worker after a pause
    assert learner_page.list.count() == 1
    learner_page.list.setCurrentRow(0)
    assert learner_page.isComplete()
    assert "07/06/2005" in learner_page.info.text()
    shoot(wizard, "contract-wizard-1-learner")
    wizard.next()

    place = wizard.currentPage()
    assert isinstance(place, PlacePage)
    granted = {a.id for u in [unit_id] for a in drafting.granted_approvals(wc, u, None)}
    assert approval_id in granted
    _select(place.units, unit_id)
    assert "place(s)" in place.capacity.text()
    _select(place.approvals, approval_id)
    assert place.tutors.count() >= 1
    # every tutor offered may train
    offered = {place.tutors.item(r).data(256) for r in range(place.tutors.count())}
    for tid in offered:
        tutor = editing.load(wc, "tutors", tid)
        assert tutor is not None and tutor["criminal_record_date"]
    _select(place.tutors, tutor_id)
    assert place.isComplete()
    shoot(wizard, "contract-wizard-2-place")
    wizard.next()

    terms = wizard.currentPage()
    assert isinstance(terms, TermsPage)
    assert terms.trade.text() != "—"
    type_text(terms.fields["start_date"].editor, "01/09/2026")
    type_text(terms.fields["end_date"].editor, "31/08/2026")
    terms.refresh()
    assert any(p.field == "end_date" for p in terms.found)
    assert not terms.isComplete()
    terms.fields["end_date"].set_value("2028-08-31")
    terms.fields["operator_code"].set_value("ifapme")
    terms.fields["referent_name"].set_value("Sophie Lambert")
    type_text(terms.fields["company_signatory"].editor, "Hélène Lefèvre")
    assert "30/09/2026" in terms.trial.text()
    terms.grid.item(0, 0).setText("9")  # Monday 9 h: more than 8 h a day
    assert any(p.field == "schedule" and "lundi" in p.message for p in terms.found)
    assert not terms.isComplete()
    terms.grid.item(0, 0).setText("7,5")
    terms.grid.item(3, 1).setText("abc")
    assert any("abc" in p.message for p in terms.found)
    terms.grid.item(3, 1).setText("7,5")
    assert terms.isComplete(), terms.found
    assert "30 h" in terms.totals.text() and "37,5 h" in terms.totals.text()
    shoot(wizard, "contract-wizard-3-terms")
    wizard.next()

    pay = wizard.currentPage()
    assert isinstance(pay, PayPage)
    facts = drafting.pay_facts(wc, "a", date(2026, 9, 1))
    assert facts.minimum is not None
    assert pay.pay.value() == f"{facts.minimum:.2f}"
    pay.level.set_value("b")
    facts_b = drafting.pay_facts(wc, "b", date(2026, 9, 1))
    assert facts_b.minimum is not None and facts_b.minimum > facts.minimum
    assert pay.pay.value() == f"{facts_b.minimum:.2f}"
    pay.pay.set_value("100,00")
    pay.refresh()
    assert any(p.code == "below_minimum" for p in pay.found) and not pay.isComplete()
    pay.level.set_value("a")
    pay.pay.set_value(f"{facts.minimum:.2f}")
    pay.refresh()
    assert pay.isComplete()
    shoot(wizard, "contract-wizard-4-pay")
    wizard.next()

    review = wizard.currentPage()
    assert isinstance(review, ReviewPage)
    assert "Ærtsen-Łukasz" in review.summary.text()
    assert "capacité" in review.pending.text()  # left to the server at signing
    review.signed.setChecked(True)
    assert "synchronisation" in review.pending.text()
    assert wizard.button(ContractWizard.print_button).isVisible()
    shoot(wizard, "contract-wizard-5-review")
    with qtbot.waitSignal(wizard.printed, timeout=30_000) as printed:
        wizard.button(ContractWizard.print_button).click()
    contract = editing.load(wc, "contracts", wizard.record_id or "")
    assert contract is not None
    assert contract["status"] == "signed" and contract["learner_id"] == learner_id
    assert contract["monthly_pay"] == f"{facts.minimum:.2f}"
    assert contract["schedule"]["mon"] == {"company_hours": 7.5}
    pdf = Path(printed.args[0])
    assert opened_files == [pdf] and pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Ærtsen" in text or "rtsen" in text


def test_wizard_refuses_finish_while_blocked(qtbot: Any, context: Any) -> None:
    wizard = ContractWizard(context, None, None)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage().isComplete() is False
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_draft_edited_again_in_the_wizard(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    drafts = [(i, c) for i, c in sorted(editing.find(wc, "contracts", status="draft"))
              if c.get("approval_id") and c.get("tutor_id") and c.get("end_date")
              and c.get("monthly_pay")]
    assert drafts, "no complete draft in the demo data"
    contract_id, draft = drafts[0]
    before = len(editing.find(wc, "contracts"))
    from offa_desktop.ui.forms.contract_view import ContractDialog

    dialog = ContractDialog(context, contract_id, None)
    qtbot.addWidget(dialog)
    assert not dialog.buttons["edit"].isHidden() and not dialog.buttons["sign"].isHidden()
    wizard = dialog.act("edit")
    assert isinstance(wizard, ContractWizard)
    qtbot.addWidget(wizard)
    assert wizard.currentPage().isComplete()  # the draft's learner is chosen
    wizard.next()
    place = wizard.currentPage()
    assert isinstance(place, PlacePage)
    assert wizard.data["establishment_unit_id"] == draft["establishment_unit_id"]
    wizard.next()
    terms = wizard.currentPage()
    assert isinstance(terms, TermsPage)
    assert terms.fields["start_date"].value() == draft["start_date"]
    new_end = date.fromisoformat(draft["start_date"]).replace(year=int(draft["start_date"][:4])
                                                               + 2).isoformat()
    terms.fields["end_date"].set_value(new_end)
    terms.refresh()
    assert terms.isComplete(), terms.found
    wizard.next()
    pay = wizard.currentPage()
    assert isinstance(pay, PayPage) and pay.pay.value() == draft["monthly_pay"]
    wizard.next()
    with qtbot.waitSignal(wizard.saved, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    after = editing.load(wc, "contracts", contract_id)
    assert after["end_date"] == new_end and after["status"] == "draft"
    assert wizard.record_id == contract_id  # updated, not a new contract
    assert len(editing.find(wc, "contracts")) == before
    qtbot.waitUntil(lambda: "Enregistré" in dialog.message.text())


def test_wizard_cancel_is_guarded(qtbot: Any, context: Any, monkeypatch: Any) -> None:
    from offa_desktop.ui.forms.base import RecordForm
    from offa_desktop.ui.forms.unsaved import UnsavedChoice

    learner_id = _new_learner(context)
    wizard = ContractWizard(context, None, None, learner_id=learner_id)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage().isComplete()  # the learner given is chosen
    answers = [UnsavedChoice.CANCEL, UnsavedChoice.DISCARD]
    monkeypatch.setattr(RecordForm, "ask", staticmethod(lambda _w: answers.pop(0)))
    wizard.reject()
    assert wizard.isVisible()
    wizard.reject()
    assert not wizard.isVisible() and answers == []
