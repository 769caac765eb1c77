"""«Annuler et remplacer» in the contract dialog: a new draft with the same data, opened at
once, showing what it replaces; the old one no longer offers it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.contract_view import ContractDialog
from offa_desktop.ui.forms.registry import open_record
from tests.ui.forms.conftest import shoot

pytestmark = pytest.mark.gui


def test_cancel_and_replace_opens_the_replacement(
    qtbot: Any, context: Any, monkeypatch: Any
) -> None:
    wc = context.working_copy
    found = sorted(editing.find(wc, "contracts", status="active"), key=lambda item: item[0])
    old_id, old = found[0]
    dialog = open_record(context, "contracts", old_id, None)
    assert isinstance(dialog, ContractDialog)
    qtbot.addWidget(dialog)
    button = dialog.buttons["replace"]
    assert not button.isHidden() and button.text() == "Annuler et remplacer…"
    asked: list[str] = []

    def yes(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        button.click()
    assert "« remplacé »" in asked[0]
    new_id = saved.args[0].record_id
    new = editing.load(wc, "contracts", new_id)
    assert new["status"] == "draft" and new["supersedes_id"] == old_id
    assert new["learner_id"] == old["learner_id"] and new["monthly_pay"] == old["monthly_pay"]
    opened = [w for w in dialog.open_forms if isinstance(w, ContractDialog)]
    assert opened and opened[-1].record_id == new_id
    qtbot.addWidget(opened[-1])
    assert "Remplace" in opened[-1].head.text()
    assert not opened[-1].buttons["edit"].isHidden()  # a draft: corrected, then signed
    assert "Remplacé par" in dialog.head.text() and dialog.buttons["replace"].isHidden()
    # each side names the other by its reference (same learner, same company)
    from offa_desktop.printing.facts import reference

    assert f"réf. {reference(old_id)}" in opened[-1].head.text()
    assert f"réf. {reference(new_id)}" in dialog.head.text()
    shoot(opened[-1], "contract-replacement")
    shoot(dialog, "contract-replaced")


def test_signing_over_an_overridable_rule_asks_the_reason(
    qtbot: Any, context: Any, monkeypatch: Any
) -> None:
    from offa_desktop.ops.contracts.replacing import NOT_COPIED
    from offa_desktop.ops.records import writes
    from offa_desktop.ui.forms.override_dialog import RuleOverrideDialog

    wc = context.working_copy
    found = sorted(editing.find(wc, "contracts", status="active"), key=lambda item: item[0])
    for _old_id, old in found:  # one whose copy only overlaps (demo data are dated from today)
        data = {k: v for k, v in old.items() if k not in NOT_COPIED}
        signed = {**data, "status": "signed", "signed_on": old["start_date"]}
        check = editing.check(wc, "contracts", signed, previous={**data, "status": "draft"})
        if {p.code for p in check.blocking} == {"overlap"}:
            break
    else:
        raise AssertionError("no active contract whose copy only overlaps")
    parallel = writes.create(wc, "contracts", {**data, "status": "draft"}).record_id
    dialog = open_record(context, "contracts", parallel, None)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(context, "role", lambda: "secretariat")
    dialog.buttons["sign"].click()
    assert dialog.override_dialog is None  # a secretariat may not: the message says who may
    assert "dérogation possible, réservée à l'OFFA" in dialog.message.text()
    monkeypatch.setattr(context, "role", lambda: "offa")
    dialog.buttons["sign"].click()
    asked = dialog.override_dialog
    assert isinstance(asked, RuleOverrideDialog)
    qtbot.addWidget(asked)
    assert asked.rules == ["overlap"] and not asked.ok.isEnabled()
    asked.text.setPlainText("Deux mi-temps chez deux employeurs, accord de l'OFFA.")
    assert asked.ok.isEnabled()
    shoot(asked, "contract-override")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        asked.ok.click()
    stored = editing.load(wc, "contracts", parallel)
    assert stored["status"] == "signed" and stored["overrides"][0]["rule"] == "overlap"
    qtbot.waitUntil(lambda: "Dérogation" in dialog.head.text())
    shoot(dialog, "contract-with-override")


def test_the_signing_day_is_put_right(qtbot: Any, context: Any) -> None:
    """A contract marked signed on the day of its scan (or of the click): «Date de
    signature…» puts the real day right; a draft has no such button."""
    from datetime import timedelta

    from PySide6.QtCore import QDate

    from offa_desktop.domain.values import parse_date
    from offa_desktop.ui.forms.signed_on_dialog import SignedOnDialog

    wc = context.working_copy
    found = sorted(editing.find(wc, "contracts", status="active"), key=lambda item: item[0])
    contract_id, contract = found[0]
    dialog = open_record(context, "contracts", contract_id, None)
    assert isinstance(dialog, ContractDialog)
    qtbot.addWidget(dialog)
    button = dialog.buttons["signed_on"]
    assert not button.isHidden() and button.text() == "Date de signature…"
    asked = dialog.act("signed_on")
    assert isinstance(asked, SignedOnDialog)
    qtbot.addWidget(asked)
    signed = parse_date(contract["signed_on"])
    assert asked.edit.date() == QDate(signed.year, signed.month, signed.day)
    day = signed - timedelta(days=2)
    asked.edit.setDate(QDate(day.year, day.month, day.day))
    shoot(asked, "contract-signed-on")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        asked.ok.click()
    assert editing.load(wc, "contracts", contract_id)["signed_on"] == day.isoformat()
    qtbot.waitUntil(lambda: day.strftime("%d/%m/%Y") in dialog.head.text())
    drafts = editing.find(wc, "contracts", status="draft")
    draft = open_record(context, "contracts", drafts[0][0], None)
    qtbot.addWidget(draft)
    assert draft.buttons["signed_on"].isHidden()
