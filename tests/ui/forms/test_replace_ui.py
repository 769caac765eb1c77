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
    shoot(opened[-1], "contract-replacement")
    shoot(dialog, "contract-replaced")
