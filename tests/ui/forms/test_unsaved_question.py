"""The unsaved-changes question never offers «Enregistrer» when the form cannot save
(issue 15 #10: it did, while a blocking problem remained), and an e-mail «abc» is refused."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.learner import LearnerForm
from offa_desktop.ui.forms.unsaved import UnsavedChoice, ask_unsaved
from tests.ui.forms.conftest import clear_and_type

pytestmark = pytest.mark.gui


def _answer(qtbot: Any, form: Any, button_text: str) -> tuple[str, list[str], str]:
    seen: dict[str, Any] = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["text"] = box.text() + "\n" + box.informativeText()
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, look)
    choice = ask_unsaved(form)
    return choice, seen["buttons"], seen["text"]


def test_no_save_offered_while_something_blocks(qtbot: Any, context: Any) -> None:
    learner_id, _learner = sorted(editing.find(context.working_copy, "learners"))[0]
    form = LearnerForm(context, learner_id, None)
    qtbot.addWidget(form)
    form.show()
    clear_and_type(form.fields["email"].editor, "abc")
    check = form.validate_now()
    assert [p.field for p in check.blocking] == ["email"]  # «abc» is no address
    assert "courriel" in form.fields["email"].message.text().lower()
    choice, buttons, text = _answer(qtbot, form, "Revenir corriger")
    assert "Enregistrer" not in buttons and "Abandonner les modifications" in buttons
    assert "courriel" in text.lower() and choice == UnsavedChoice.CANCEL
    clear_and_type(form.fields["email"].editor, "zoe.lukasz@exemple.be")
    choice, buttons, _text = _answer(qtbot, form, "Enregistrer")
    assert "Enregistrer" in buttons and choice == UnsavedChoice.SAVE
