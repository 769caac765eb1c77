"""Events on a contract through the contract dialog: termination with its notice computed,
suspension (who pays the first 7 days) and resumption, level change with the new minimum,
amendment; each saved as an event that updates its contract."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from offa_desktop.domain.dates import trial_period_end
from offa_desktop.domain.values import format_date_fr, parse_date
from offa_desktop.ops.contracts import events as contract_events
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.contract_event import ContractEventForm
from offa_desktop.ui.forms.contract_view import ContractDialog
from offa_desktop.ui.forms.registry import open_record
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui


def _contract(context: Any, status: str) -> tuple[str, dict[str, Any]]:
    found = editing.find(context.working_copy, "contracts", status=status)
    found.sort(key=lambda item: item[0])
    return found[0]


def test_termination_computes_the_notice(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    contract_id, contract = _contract(context, "active")
    dialog = open_record(context, "contracts", contract_id, None)
    assert isinstance(dialog, ContractDialog)
    qtbot.addWidget(dialog)
    assert not dialog.buttons["termination"].isHidden()
    assert dialog.buttons["resumption"].isHidden() and dialog.buttons["sign"].isHidden()
    form = dialog.act("termination")
    assert isinstance(form, ContractEventForm)
    qtbot.addWidget(form)
    start = parse_date(contract["start_date"])
    notified = trial_period_end(start) + timedelta(days=10)  # after the trial period
    assert form.validate_now().blocking  # nothing typed yet: refused
    assert not form.save_button.isEnabled()
    form.fields["reason_code"].set_value("notice")
    form.fields["_d_initiator"].set_value("company")
    type_text(form.fields["_d_notified_on"].editor, format_date_fr(notified))
    first, last = notified + timedelta(days=1), notified + timedelta(days=14)
    form.validate_now()
    assert form.fields["effective_date"].value() == last.isoformat()  # the notice's end
    check = form.validate_now()
    assert "14 jours" in form.facts.text() and format_date_fr(last) in form.facts.text()
    assert check.record["details"]["notice_start"] == first.isoformat()
    assert not check.blocking, check.blocking
    shoot(form, "contract-termination")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    assert editing.load(wc, "contracts", contract_id)["status"] == "terminated"
    qtbot.waitUntil(lambda: dialog.events.rowCount() >= 1)
    assert dialog.buttons["termination"].isHidden()
    shoot(dialog, "contract-dialog-terminated")


def test_trial_notice_is_seven_days() -> None:
    start = parse_date("2026-09-01")
    found = contract_events.notice(start, parse_date("2026-09-10"))
    assert found.in_trial and found.days == 7 and found.last == parse_date("2026-09-17")
    found = contract_events.notice(start, parse_date("2026-10-01"))
    assert not found.in_trial and found.days == 14


def test_suspension_then_resumption(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    contract_id, contract = _contract(context, "active")
    dialog = ContractDialog(context, contract_id, None)
    qtbot.addWidget(dialog)
    form = dialog.act("suspension")
    assert isinstance(form, ContractEventForm)
    qtbot.addWidget(form)
    form.fields["reason_code"].set_value("illness")
    day = max(parse_date(contract["start_date"]), editing.today(wc) - timedelta(days=3))
    form.fields["effective_date"].set_value(day.isoformat())
    form.validate_now()
    assert "7 premiers jours" in form.facts.text()
    form.fields["reason_code"].set_value("company_default")
    check = form.validate_now()
    assert "toute la suspension" in form.facts.text()
    assert "company_pays_days" not in check.record["details"]
    form.fields["reason_code"].set_value("illness")
    form.fields["_d_end_date"].set_value((day - timedelta(days=1)).isoformat())
    check = form.validate_now()
    assert any(p.field == "details" for p in check.blocking)
    assert form.fields["_d_end_date"].message.text()  # shown on the detail's editor
    form.fields["_d_end_date"].set_value((day + timedelta(days=20)).isoformat())
    check = form.validate_now()
    assert not check.blocking and check.record["details"]["company_pays_days"] == 7
    with qtbot.waitSignal(form.saved, timeout=10_000, raising=False) as blocker:
        form.save_button.click()
    assert blocker.signal_triggered, form.summary.text()
    assert editing.load(wc, "contracts", contract_id)["status"] == "suspended"
    assert not dialog.buttons["resumption"].isHidden()
    resume = dialog.act("resumption")
    assert isinstance(resume, ContractEventForm)
    qtbot.addWidget(resume)
    resume.fields["effective_date"].set_value((day + timedelta(days=21)).isoformat())
    assert not resume.validate_now().blocking, resume.validate_now().blocking
    with qtbot.waitSignal(resume.saved, timeout=10_000):
        resume.save_button.click()
    assert editing.load(wc, "contracts", contract_id)["status"] == "active"


def test_level_change_prefills_the_minimum(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    contract_id, contract = next(
        (i, c) for i, c in sorted(editing.find(wc, "contracts", status="active"))
        if c["level"] == "a"
    )
    dialog = ContractDialog(context, contract_id, None)
    qtbot.addWidget(dialog)
    form = dialog.act("level_change")
    assert isinstance(form, ContractEventForm)
    qtbot.addWidget(form)
    day = max(parse_date(contract["start_date"]), editing.today(wc))
    form.fields["effective_date"].set_value(day.isoformat())
    form.fields["_d_to_level"].set_value("b")
    form.validate_now()
    minimum = contract_events.level_minimum(wc, "b", day)
    qtbot.waitUntil(lambda: form.fields["_d_monthly_pay"].value() == f"{minimum:.2f}")
    form.fields["_d_monthly_pay"].set_value("300.00")
    check = form.validate_now()
    assert any(p.code == "below_minimum" for p in check.blocking)
    assert not form.save_button.isEnabled()
    form.fields["_d_monthly_pay"].set_value(f"{minimum + 10:.2f}")
    assert not form.validate_now().blocking
    shoot(form, "contract-level-change")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    after = editing.load(wc, "contracts", contract_id)
    assert after["level"] == "b" and after["monthly_pay"] == f"{minimum + 10:.2f}"


def test_amendment_changes_the_end_date(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    contract_id, contract = _contract(context, "active")
    dialog = ContractDialog(context, contract_id, None)
    qtbot.addWidget(dialog)
    form = dialog.act("amendment")
    assert isinstance(form, ContractEventForm)
    qtbot.addWidget(form)
    form.fields["effective_date"].set_value(max(parse_date(contract["start_date"]),
                                                editing.today(wc)).isoformat())
    assert form.validate_now().blocking  # no change yet
    new_end = parse_date(contract["end_date"]) + timedelta(days=30)
    form.fields["_d_end_date"].set_value(new_end.isoformat())
    assert not form.validate_now().blocking
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    assert editing.load(wc, "contracts", contract_id)["end_date"] == new_end.isoformat()


def test_follow_up_visit_from_a_contract(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    contract_id, _data = _contract(context, "active")
    dialog = ContractDialog(context, contract_id, None)
    qtbot.addWidget(dialog)
    visit = dialog.act("visit")
    assert visit is not None
    assert visit.base["kind"] == "follow_up" and visit.base["contract_id"] == contract_id
    visit.fields["visitor_id"].combo.setCurrentIndex(1)
    type_text(visit.fields["planned_on"].editor, "15/12/2026")
    assert not visit.validate_now().blocking
    with qtbot.waitSignal(visit.saved, timeout=10_000):
        visit.save()
    assert [v["kind"] for _, v in editing.find(wc, "visits", contract_id=contract_id)
            if v["planned_on"] == "2026-12-15"] == ["follow_up"]
