"""Type-ahead lists driven from their search box: the keyboard never has to leave the box.

While the focus is in the search box, Down / Up (and Page Down / Page Up) move the current row
of the results list, skipping rows that cannot be chosen; Enter is left to the dialog (the
wizard's "Suivant"). When new results arrive, the best match (the first row that can be
chosen) is selected, unless the person moved in the list since the last text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget

STEPS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 8,
    Qt.Key.Key_PageUp: -8,
}


def choosable(widget: QListWidget, row: int) -> bool:
    item = widget.item(row)
    return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsSelectable)


def select_first(widget: QListWidget) -> bool:
    """Select the first row that can be chosen; False when there is none."""
    for row in range(widget.count()):
        if choosable(widget, row):
            widget.setCurrentRow(row)
            return True
    return False


def move(widget: QListWidget, step: int) -> None:
    """Move the current row by ``step`` rows that can be chosen (stops at the ends)."""
    row = widget.currentRow()
    direction = 1 if step > 0 else -1
    for _ in range(abs(step)):
        candidate = row + direction
        while 0 <= candidate < widget.count() and not choosable(widget, candidate):
            candidate += direction
        if not 0 <= candidate < widget.count():
            break
        row = candidate
    if row >= 0 and row != widget.currentRow():
        widget.setCurrentRow(row)


class BoxDrivesList(QObject):
    """Up / Down in ``box`` move in ``target`` (a results list or a combo of matches)."""

    def __init__(self, box: QLineEdit, target: QListWidget | QComboBox) -> None:
        super().__init__(box)
        self.box = box
        self.target = target
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = STEPS.get(Qt.Key(event.key()))
            if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                if isinstance(self.target, QListWidget):
                    move(self.target, step)
                else:
                    count = self.target.count()
                    if count:
                        index = self.target.currentIndex() + step
                        self.target.setCurrentIndex(max(0, min(count - 1, index)))
                return True
        return False
