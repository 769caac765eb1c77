"""Incentive claims per company and school year: every eligibility check shown, status changes
for OFFA staff only, a paid claim needs its payment date."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.domain.dates import school_year_of
from offa_desktop.domain.values import parse_date
from offa_desktop.ops import wf_incentives, workflows
from offa_desktop.ui.forms.incentives import IncentivesDialog
from offa_desktop.ui.forms.registry import open_record
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui


def _claim(context: Any, kind: str = "wal_p2") -> tuple[str, dict[str, Any]]:
    """A new claim of ``kind`` on a Walloon (or Brussels) contract of the demo data."""
    wc = context.working_copy
    region = "bxl" if kind.startswith("bxl") else "wal"
    for contract_id, contract in sorted(workflows.find(wc, "contracts", status="active")):
        unit = workflows.load(wc, "establishment_units", contract["establishment_unit_id"])
        if unit is None or unit["region"] != region or contract["level"] != "a":
            continue
        amount = next(k["amount"] for k in workflows.reference(wc, "incentive_kinds")
                      if k["code"] == kind)
        data = {
            "kind_code": kind, "company_id": unit["company_id"], "contract_ids": [contract_id],
            "tutor_id": contract["tutor_id"], "amount": amount, "status": "to_check",
            "school_year": school_year_of(parse_date(contract["start_date"])),
        }
        return workflows.save(wc, "incentive_claims", None, data).record_id, data
    raise AssertionError("no contract for a claim")


def test_checks_shown_and_offa_moves_the_status(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    context.extras["user"] = {"role": "offa", "id": None}
    claim_id, claim = _claim(context, "wal_p2")
    dialog = open_record(context, "incentive_claims", claim_id, None)
    assert isinstance(dialog, IncentivesDialog)
    qtbot.addWidget(dialog)
    assert dialog.current() is not None and dialog.current().id == claim_id
    names = [dialog.checks.item(r, 0).text() for r in range(dialog.checks.rowCount())]
    assert "270 jours la première année" in names and "tuteur agréé" in names
    row = dialog.current()
    expected = row.eligible
    shoot(dialog, "incentives")
    visible = {s for s, b in dialog.action_buttons.items() if not b.isHidden()}
    assert visible == {"eligible", "not_eligible"}
    assert dialog.action_buttons["eligible"].isEnabled() == expected
    target = "eligible" if expected else "not_eligible"
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.action_buttons[target].click()
    saved = workflows.load(wc, "incentive_claims", claim_id)
    assert saved["status"] == target
    assert set(saved["checks"]) == {name for name in row.checks}
    if target == "eligible":
        with qtbot.waitSignal(dialog.saved, timeout=10_000):
            dialog.action_buttons["approved"].click()
        dialog.action_buttons["paid"].click()  # no payment date: refused
        assert "requise" in dialog.paid_on.message.text()
        assert workflows.load(wc, "incentive_claims", claim_id)["status"] == "approved"
        type_text(dialog.paid_on.editor, "30/11/2026")
        with qtbot.waitSignal(dialog.saved, timeout=10_000):
            dialog.action_buttons["paid"].click()
        assert workflows.load(wc, "incentive_claims", claim_id)["paid_on"] == "2026-11-30"


def test_secretariat_sees_checks_without_status_actions(qtbot: Any, context: Any) -> None:
    context.extras["user"] = {"role": "secretariat", "operator_code": "ifapme"}
    claim_id, claim = _claim(context, "wal_p1")
    dialog = IncentivesDialog(context, claim["company_id"], None,
                              school_year=claim["school_year"], claim_id=claim_id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 1
    assert all(b.isHidden() for b in dialog.action_buttons.values())
    assert "réservés à l'OFFA" in dialog.message.text()


def test_bxl_claims_stop_at_eligible() -> None:
    assert wf_incentives.next_statuses({"kind_code": "bxl_tutor", "status": "eligible"}) == [
        "to_check"]
    assert wf_incentives.next_statuses({"kind_code": "wal_p1", "status": "eligible"}) == [
        "approved", "to_check"]
