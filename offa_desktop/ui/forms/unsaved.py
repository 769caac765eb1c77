"""The question of a form closed with unsaved changes: enregistrer / abandonner / annuler."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from offa_desktop.domain.problems import Problem
from offa_desktop.ui.forms.fields import tr


class UnsavedChoice:
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget) -> str:
    """Enregistrer / Abandonner / Annuler for a form closed with unsaved changes; when a
    blocking problem remains, «Enregistrer» is not offered (it could not save): the question
    says what blocks, and offers to go back and correct, or to abandon."""
    blocking: list[Problem] = list(getattr(parent, "blocking_now", lambda: [])())
    box = QMessageBox(parent)
    box.setObjectName("unsaved-question")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Modifications non enregistrées"))
    save = None
    if blocking:
        box.setText(tr("Cette fiche a des modifications non enregistrées, qui ne peuvent pas "
                       "être enregistrées telles quelles\u00a0:"))
        box.setInformativeText("\n".join(f"• {p.message}" for p in blocking[:5]))
        cancel = box.addButton(tr("Revenir corriger"), QMessageBox.ButtonRole.RejectRole)
    else:
        box.setText(tr("Cette fiche a des modifications non enregistrées."))
        save = box.addButton(tr("Enregistrer"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(tr("Abandonner les modifications"),
                            QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if save is not None and clicked is save:
        return UnsavedChoice.SAVE
    if clicked is discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL
