"""The visit report as a coach files it (issue 15, the visit task).

Regressions: the form never said which company, unit and trade it was about; other coaches'
visits opened editable; each checklist point took two clicks; a visit marked done saved without
an opinion, with no warning."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.visit import VisitForm
from tests.ui.forms.conftest import shoot

pytestmark = pytest.mark.gui
COACHES = [a for a in DEMO_ACCOUNTS if a.role == "coach"]


def _as(context: Any, account: Any) -> None:
    context.extras["user"] = {"id": account.id, "role": account.role,
                              "display_name": account.display_name}


def _planned(context: Any, visitor: Any) -> tuple[str, dict[str, Any]]:
    wc = context.working_copy
    approval_id, _approval = sorted(editing.find(wc, "approvals", status="under_review"))[0]
    from offa_desktop.ops.records import writes

    saved = writes.create(wc, "visits", {
        "kind": "approval", "approval_id": approval_id, "visitor_id": visitor.id,
        "status": "planned", "planned_on": "2027-01-15", "checklist_code": "approval"})
    return saved.record_id, editing.load(wc, "visits", saved.record_id) or {}


def _form(qtbot: Any, context: Any, visit_id: str) -> VisitForm:
    form = VisitForm(context, visit_id, None)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.fields["status"].editor)
    return form


def test_head_keys_and_the_missing_opinion(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    _as(context, COACHES[0])
    visit_id, visit = _planned(context, COACHES[0])
    approval = editing.load(wc, "approvals", visit["approval_id"])
    unit = editing.load(wc, "establishment_units", approval["establishment_unit_id"])
    company = editing.load(wc, "companies", unit["company_id"])
    trade = next(t for t in editing.reference(wc, "trades") if t["code"] == approval["trade_code"])
    form = _form(qtbot, context, visit_id)
    head = form.head.text().replace("&#x27;", "'")
    for expected in (company["name"], unit["city"], trade["name"], "en instruction",
                     COACHES[0].display_name):
        assert expected in head, expected
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_E)  # effectuée
    assert form.fields["status"].value() == "done"
    assert form.fields["visit_date"].value() == form.today.isoformat()
    points = list(form.answer_fields.values())
    assert QApplication.focusWidget() is points[0][0].editor
    for key in "ons":
        QTest.keyClick(QApplication.focusWidget(), Qt.Key(ord(key.upper())))
    assert [a.value() for a, _n in points[:3]] == ["yes", "no", "na"]
    assert QApplication.focusWidget() is points[3][0].editor  # moved on after each answer
    points[1][0].editor.setFocus()
    QTest.keyClick(points[1][0].editor, Qt.Key.Key_Backspace)
    assert points[1][0].value() is None
    check = form.validate_now()
    warned = [p for p in check.problems if p.field == "opinion"]
    assert warned and warned[0].warning and not check.blocking  # said, never blocking
    assert "avis" in form.fields["opinion"].message.text().lower()
    shoot(form, "visit-report-keys")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save()
    assert editing.load(wc, "visits", visit_id)["status"] == "done"


def test_another_coachs_visit_opens_read_only(qtbot: Any, context: Any) -> None:
    _as(context, COACHES[0])
    visit_id, _visit = _planned(context, COACHES[1])
    form = VisitForm(context, visit_id, None)
    qtbot.addWidget(form)
    form.show()
    assert form.read_only and form.save_button.isHidden()
    assert all(not f.editor.isEnabled() for f in form.fields.values())
    assert "lecture seule" in form.head.text() and COACHES[1].display_name in form.head.text()
    shoot(form, "visit-read-only")
    _as(context, next(a for a in DEMO_ACCOUNTS if a.role == "offa"))  # OFFA staff may edit
    again = VisitForm(context, visit_id, None)
    qtbot.addWidget(again)
    assert not again.read_only and again.fields["status"].editor.isEnabled()
