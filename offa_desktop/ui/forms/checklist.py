"""A visit checklist answered with one key per point: ``o`` (oui), ``n`` (non), ``s`` (sans
objet); the cursor then goes to the next point, and after the last one to what follows the
checklist (the opinion). Backspace clears an answer; Tab reaches the point's note. The three
answers are also buttons for the mouse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.ui.forms.fields import Field, tr

ANSWERS = (("yes", "oui", "o"), ("no", "non", "n"), ("na", "sans objet", "s"))
KEYS = {key: code for code, _text, key in ANSWERS}
FOCUSED = "QFrame#checklist-point:focus { border: 2px solid #2a6fb0; border-radius: 4px; }"
CHECKED = {  # an answer reads at a glance: green yes, red no, grey not applicable
    "yes": "QToolButton:checked { background: #1e8449; color: white; font-weight: bold; }",
    "no": "QToolButton:checked { background: #a93226; color: white; font-weight: bold; }",
    "na": "QToolButton:checked { background: #5d6d7e; color: white; font-weight: bold; }",
}


class AnswerField(Field):
    """One point: its text, three answer buttons, keys o / n / s on the focused point.

    ``after_answer`` is called once a key answered the point (the form moves the cursor on).
    """

    def __init__(self, label: str, number: int) -> None:
        self.row = QFrame()
        self.row.setObjectName("checklist-point")
        self.row.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.row.setStyleSheet(FOCUSED)
        self.row.setAccessibleName(label)
        line = QHBoxLayout(self.row)
        line.setContentsMargins(4, 2, 4, 2)
        text = QLabel(f"{number}. {label}")
        text.setWordWrap(True)
        line.addWidget(text, 1)
        self.group = QButtonGroup(self.row)
        self.group.setExclusive(False)  # a second click clears the answer
        self.buttons: dict[str, QToolButton] = {}
        for code, shown, key in ANSWERS:
            button = QToolButton()
            button.setText(tr(shown))
            button.setToolTip(tr("touche %1").replace("%1", key.upper()))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the point takes the keys
            button.setMinimumWidth(76)
            button.setStyleSheet(CHECKED[code])
            self.group.addButton(button)
            self.buttons[code] = button
            line.addWidget(button)
            button.clicked.connect(lambda on, c=code: self._clicked(c, on))
        super().__init__(self.row, label)
        self.after_answer: Callable[[], None] = lambda: None
        self._keys = _PointKeys(self)
        self.row.installEventFilter(self._keys)

    def _clicked(self, code: str, on: bool) -> None:
        self.set_value(code if on else None)
        self.edited.emit()

    def value(self) -> Any:
        return next((code for code, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: Any) -> None:
        for code, button in self.buttons.items():
            button.setChecked(code == value)

    def answer(self, code: str | None) -> None:
        """What a key does: set (or clear) the answer, say so, move on after an answer."""
        self.set_value(code)
        self.edited.emit()
        if code is not None:
            self.after_answer()


class _PointKeys(QObject):
    def __init__(self, field: AnswerField) -> None:
        super().__init__(field.row)
        self.field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                 | Qt.KeyboardModifier.KeypadModifier):
            return False  # Ctrl+S and the other shortcuts go on
        typed = event.text().lower()
        if typed in KEYS:
            self.field.answer(KEYS[typed])
            return True
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.field.answer(None)
            return True
        return False


def point_widget(answer: AnswerField, note: Field) -> QWidget:
    """The point's row and, under it, its note (indented)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 2)
    column.setSpacing(1)
    column.addWidget(answer.widget)
    note.widget.setContentsMargins(24, 0, 0, 0)
    column.addWidget(note.widget)
    return box
