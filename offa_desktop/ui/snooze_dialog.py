"""Putting a radar line off until a date, with a reason; and showing it again."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from offa_desktop.domain.problems import ValidationError
from offa_desktop.domain.values import brussels_today
from offa_desktop.ops import snoozes
from offa_desktop.ops.radar import RadarItem
from offa_desktop.ui.dialogs import day_picker, ok_cancel_buttons, picked_day


class SnoozeDialog(QDialog):
    """Asks until when and why; ``until()`` and ``reason()`` once accepted."""

    def __init__(self, item: RadarItem, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snooze-dialog")
        self.setWindowTitle(self.tr("Reporter une échéance"))
        self._today = today
        what = QLabel(f"<b>{item.label}</b><br>{item.record}<br>{item.detail}", self)
        what.setWordWrap(True)
        self.date_edit = day_picker(self, "snooze-until", today + timedelta(days=7),
                                    first=today + timedelta(days=1))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("snooze-reason")
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("Par exemple : l'entreprise rappelle lundi"))
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(self.tr("Reporter jusqu'au"), self.date_edit)
        form.addRow(self.tr("Motif"), self.reason_edit)
        buttons, _ok = ok_cancel_buttons(self, self.tr("Reporter"))
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def until(self) -> date:
        return picked_day(self.date_edit)

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        if not self.reason():
            self.error.setText(self.tr("Motif du report : indiquez pourquoi la ligne attend."))
            self.reason_edit.setFocus()
            return
        super().accept()


def ask_and_snooze(context: Any, parent: QWidget, item: RadarItem) -> QDialog:
    """Open the dialog; once accepted, save the snooze on the writer lane (the change set
    refreshes the home screen)."""
    today = brussels_today()
    dialog = SnoozeDialog(item, today, parent)

    def save() -> None:
        context.tasks.op(
            snoozes.snooze, context.working_copy, context.working_copy.user_id, item.rule,
            item.collection, item.id, dialog.until(), dialog.reason(), today=today,
        ).failure(lambda error: _failed(parent, error)).run()

    dialog.accepted.connect(save)
    dialog.open()
    return dialog


def wake(context: Any, parent: QWidget, item: RadarItem) -> None:
    """Show a snoozed line again (its snooze is deleted and synced)."""
    context.tasks.op(
        snoozes.wake, context.working_copy, context.working_copy.user_id, item.rule,
        item.collection, item.id,
    ).failure(lambda error: _failed(parent, error)).run()


def _failed(parent: QWidget, error: BaseException) -> None:
    text = (" ; ".join(p.message for p in error.problems)
            if isinstance(error, ValidationError) else str(error))
    window = parent.window()
    bar = getattr(window, "statusBar", None)
    if bar is not None:
        bar().showMessage(text, 10_000)
