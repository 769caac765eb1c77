"""Journal: the end of the application's log file, to read or copy for support."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_LINES = 2000


def tail(path: Path, lines: int = MAX_LINES) -> str:
    """The last ``lines`` lines of a text file ("" when it does not exist yet)."""
    if not path.exists():
        return ""
    with path.open(encoding="utf-8", errors="replace") as handle:
        return "".join(deque(handle, maxlen=lines))


class LogView(QDialog):
    """Shows the end of the log file, newest at the bottom; "Actualiser" reads it again."""

    def __init__(self, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("log-view")
        self.setWindowTitle(self.tr("Journal de l'application"))
        self.log_file = log_file
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        again = QPushButton(self.tr("Actualiser"), self)
        buttons.addButton(again, QDialogButtonBox.ButtonRole.ActionRole)
        again.clicked.connect(self.reload)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.reload()

    def reload(self) -> None:
        content = tail(self.log_file)
        self.text.setPlainText(content or self.tr("Le journal est vide."))
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())
