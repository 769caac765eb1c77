"""The approval workflow on a real working copy: request -> visit planned -> visit report done
offline (checklist, opinion) -> instruction -> decision (tutor checked) -> withdrawal that lists
the running contracts it ends and asks to confirm."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.ops import approvals
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.approval import ApprovalForm
from offa_desktop.ui.forms.registry import open_record
from offa_desktop.ui.forms.visit import VisitForm
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui


def _company(context: Any) -> tuple[str, str, str, str]:
    """A company with a Walloon unit, a tutor who is désigné with an extract, one who is not."""
    wc = context.working_copy
    company = editing.save(wc, "companies", None, {
        "enterprise_number": "0428759497", "name": "Menuiserie Ødegård", "legal_form": "SRL",
        "employee_count": 2, "sector": editing.reference(wc, "sectors")[0]["code"]}).record_id
    first8 = "27654321"
    unit = editing.save(wc, "establishment_units", None, {
        "company_id": company, "unit_number": first8 + f"{97 - int(first8) % 97:02d}",
        "name": "Atelier Ødegård", "street": "Rue du Bois 2", "postal_code": "5000",
        "city": "Namur", "region": "wal"}).record_id
    good = editing.save(wc, "tutors", None, {
        "company_id": company, "first_name": "Anaïs", "last_name": "Ødegård",
        "condition": "experience", "experience_years": 7,
        "criminal_record_date": "2026-01-10"}).record_id
    weak = editing.save(wc, "tutors", None, {
        "company_id": company, "first_name": "Jean", "last_name": "Novice",
        "condition": "diploma"}).record_id
    return company, unit, good, weak


def test_request_visit_and_decision(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    _company_id, unit_id, good, weak = _company(context)
    form = open_record(context, "approvals", None, None)
    assert isinstance(form, ApprovalForm)
    qtbot.addWidget(form)
    picker = form.fields["establishment_unit_id"]
    with qtbot.waitSignal(picker.searcher.applied, timeout=5_000):
        type_text(picker.search_box, "Ødegård")  # searched on a worker after a pause
    assert picker.value() == unit_id
    form.fields["trade_code"].set_value("menuisier")
    form.fields["operator_code"].set_value("ifapme")
    check = form.validate_now()
    assert not check.blocking, check.blocking
    assert "2 apprenant(s)" in form.capacity.text() and "0 en cours" in form.capacity.text()
    statuses = [form.fields["status"].combo.itemData(i)
                for i in range(form.fields["status"].combo.count())]
    assert statuses == ["requested"]
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    approval_id = form.record_id
    assert approval_id and form.isVisible() and form.plan_button.isEnabled()

    visit = form.plan_visit()
    assert isinstance(visit, VisitForm)
    qtbot.addWidget(visit)
    assert len(visit.answer_fields) == 8  # the approval checklist's points
    type_text(visit.fields["planned_on"].editor, "01/12/2026")
    assert [p.field for p in visit.validate_now().blocking] == ["visitor_id"]
    visit.fields["visitor_id"].combo.setCurrentIndex(1)
    assert not visit.validate_now().blocking
    with qtbot.waitSignal(visit.saved, timeout=10_000):
        visit.save()
    assert form.visits.rowCount() == 1

    report = form.open_visit(0)
    assert isinstance(report, VisitForm)
    qtbot.addWidget(report)
    report.fields["status"].set_value("done")  # the visit date becomes today
    assert report.fields["visit_date"].value() == report.today.isoformat()
    report.fields["visit_date"].set_value(None)
    check = report.validate_now()
    assert any(p.field == "visit_date" for p in check.blocking)
    type_text(report.fields["visit_date"].editor, "02/12/2026")
    for answer, _note in report.answer_fields.values():
        answer.set_value("yes")
    report.answer_fields["workshop_safe"][0].set_value("no")
    type_text(report.answer_fields["workshop_safe"][1].editor, "Protections à revoir, scie à "
              "ruban sans carter")
    report.fields["opinion"].set_value("conditional")
    type_text(report.fields["comments"].editor, "Avis favorable après mise en conformité.")
    check = report.validate_now()
    assert not check.blocking, check.blocking
    shoot(report, "visit-report")
    with qtbot.waitSignal(report.saved, timeout=10_000):
        report.save()
    saved = editing.load(wc, "visits", report.record_id or "")
    assert saved is not None and saved["opinion"] == "conditional"
    assert saved["answers"]["workshop_safe"] == {
        "value": "no", "note": "Protections à revoir, scie à ruban sans carter"}
    assert form.visits.item(0, 2).text() == "sous conditions"

    form.fields["status"].set_value("under_review")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save()
    decide = ApprovalForm(context, approval_id, None)
    qtbot.addWidget(decide)
    offered = [decide.fields["status"].combo.itemData(i)
               for i in range(decide.fields["status"].combo.count())]
    assert offered == ["under_review", "granted", "refused"]
    decide.fields["status"].set_value("granted")
    decide.fields["decided_on"].set_value("2026-12-10")
    decide.fields["tutor_ids"].set_value([weak])
    check = decide.validate_now()
    assert [p.code for p in check.blocking] == ["tutor_required"]
    assert "tuteur désigné" in decide.fields["tutor_ids"].message.text()
    decide.fields["tutor_ids"].set_value([weak, good])
    check = decide.validate_now()
    assert not check.blocking and not check.warnings  # the coach's opinion exists
    shoot(decide, "approval-decision")
    with qtbot.waitSignal(decide.saved, timeout=10_000):
        decide.save()
    assert editing.load(wc, "approvals", approval_id)["status"] == "granted"


def test_withdrawal_lists_and_confirms_the_contracts_it_ends(
    qtbot: Any, context: Any, monkeypatch: Any
) -> None:
    wc = context.working_copy
    target = None
    for approval_id, approval in sorted(editing.find(wc, "approvals", status="granted")):
        ending = approvals.contracts_ended_by_withdrawal(wc, approval_id, approval, approval)
        if ending:
            target = (approval_id, ending)
            break
    assert target is not None
    approval_id, ending = target
    answers: list[bool] = [False, True]
    asked: list[int] = []

    def confirm(_w: Any, contracts: list[Any]) -> bool:
        asked.append(len(contracts))
        return answers.pop(0)

    monkeypatch.setattr(ApprovalForm, "confirm", staticmethod(confirm))
    form = ApprovalForm(context, approval_id, None)
    qtbot.addWidget(form)
    form.show()
    form.fields["status"].set_value("withdrawn")
    form.fields["decided_on"].set_value(None)  # the grant's date is replaced
    type_text(form.fields["decided_on"].editor, "15/12/2026")
    form.fields["decision_note"].set_value(None)
    type_text(form.fields["decision_note"].editor, "Conditions plus remplies (sécurité).")
    assert not form.validate_now().blocking, form.validate_now().blocking
    assert f"{len(ending)} contrat(s)" in form.ending.text()
    assert "synchronisation" in form.ending.text()
    shoot(form, "approval-withdrawal")
    form.save()  # refused at the confirmation: nothing written
    assert asked == [len(ending)]
    assert editing.load(wc, "approvals", approval_id)["status"] == "granted"
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save()
    assert editing.load(wc, "approvals", approval_id)["status"] == "withdrawn"
    # the server writes their terminations (same ids on both sides); they come back by pull
