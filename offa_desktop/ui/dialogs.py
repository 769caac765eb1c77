"""The buttons every dialog ends with, in French: «Fermer»; an action and «Annuler»; the yes/no
question asked before something that cannot be taken back; a message that does not block; a day
picked in a calendar; a label whose text wraps, the line that says how an action went."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

Close = QDialogButtonBox.StandardButton.Close
Ok = QDialogButtonBox.StandardButton.Ok
Cancel = QDialogButtonBox.StandardButton.Cancel
DONE, REFUSED = "#1e8449", "#a93226"  # the colours of an action that went through, or not


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files tr("…") calls there


class ContextDialog(QDialog):
    """A dialog of the window that works on its ``context`` (the copy, the tasks, the
    session), with the object name the tests find it by; its title is the subclass's."""

    def __init__(self, context: Any, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.context = context


def close_buttons(dialog: QDialog, *actions: QPushButton) -> QDialogButtonBox:
    """«Fermer», closing ``dialog``, and the dialog's own ``actions`` beside it."""
    buttons = QDialogButtonBox(Close, dialog)
    buttons.button(Close).setText(tr("Fermer"))
    buttons.rejected.connect(dialog.reject)
    for action in actions:
        buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
    return buttons


Role = QDialogButtonBox.ButtonRole


def box_button(
    box: QDialogButtonBox, name: str, text: str, role: Role, on_click: Callable[[], object]
) -> QPushButton:
    """A button of ``box`` in ``role``, found by tests as ``name``, running ``on_click``."""
    button = QPushButton(text)
    button.setObjectName(name)
    box.addButton(button, role)
    button.clicked.connect(lambda _checked=False: on_click())
    return button


def quit_button(box: QDialogButtonBox, name: str, dialog: QDialog) -> QPushButton:
    """«Quitter» in ``box``, rejecting ``dialog``: of a dialog asked before the window (the
    copy's passphrase, a backup to restore), where it means the application does not start."""
    return box_button(box, name, tr("Quitter"), Role.RejectRole, dialog.reject)


def ok_cancel_buttons(
    dialog: QDialog, ok_text: str, on_ok: Callable[[], object] | None = None
) -> tuple[QDialogButtonBox, QPushButton]:
    """``ok_text`` (running ``on_ok``, else accepting ``dialog``) and «Annuler»; the box and its
    action button (to enable or hide)."""
    buttons = QDialogButtonBox(Ok | Cancel, dialog)
    ok = buttons.button(Ok)
    ok.setText(ok_text)
    buttons.button(Cancel).setText(tr("Annuler"))
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def day_picker(parent: QWidget, name: str, day: date, *, first: date | None = None) -> QDateEdit:
    """A day typed dd/MM/yyyy or picked in a calendar, starting at ``day`` (none before
    ``first`` when given); :func:`picked_day` reads it back."""
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    if first is not None:
        edit.setMinimumDate(QDate(first.year, first.month, first.day))
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def picked_day(edit: QDateEdit) -> date:
    picked = edit.date()
    return date(picked.year(), picked.month(), picked.day())


def wrapping_label(name: str, *, rich: bool = False, style: str = "") -> QLabel:
    """A label (object name ``name``) whose text wraps; ``rich``: its text is HTML."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
    if style:
        label.setStyleSheet(style)
    return label


def say(label: QLabel, text: str, *, failed: bool = False) -> None:
    """``text`` in ``label``: green when an action went through, red when it did not."""
    label.setStyleSheet(f"color: {REFUSED if failed else DONE};")
    label.setText(text)


def confirmed(parent: QWidget, title: str, question: str) -> bool:
    """Ask ``question`` (Oui / Non); True when the person said yes."""
    return QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes


def tell(
    parent: QWidget, title: str, text: str, name: str, *, warning: bool = False,
    quit_after: bool = False,
) -> QMessageBox:
    """A message that does not block (window-modal, opened, deleted once read); the
    application quits once it is read when ``quit_after`` (its window closes)."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, parent=parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if quit_after:  # closing the last window ends the application (and a test's loop lives on)
        window = parent.window()
        box.finished.connect(lambda _code: window.close())
    box.open()
    return box


def file_menu_action(
    window: Any, text: str, name: str, slot: Callable[[], object], keys: str = ""
) -> QAction:
    """An item of the window's Fichier menu, before Quitter, running ``slot``."""
    action = QAction(text, window)
    action.setObjectName(name)
    if keys:
        action.setShortcut(QKeySequence(keys))
    action.triggered.connect(lambda _checked=False: slot())
    window.menu_file.insertAction(window.quit_action, action)
    return action


ShownWidget = TypeVar("ShownWidget", bound=QWidget)


def show_kept(context: Any, dialog: ShownWidget, key: str) -> ShownWidget:
    """Show ``dialog`` (deleted once closed), kept in ``context.extras[key]`` for the tests and
    the window to find."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    context.extras[key] = dialog
    return dialog


def keep_open(children: list[QWidget], child: ShownWidget) -> ShownWidget:
    """Show ``child`` (a form or dialog opened from another), kept in ``children``, the
    opener's list, while the opener lives."""
    children.append(child)
    child.show()
    return child
