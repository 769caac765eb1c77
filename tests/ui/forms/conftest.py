"""Forms on a real working copy filled by the demo generator (a private copy per test)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from offa_desktop.ui.context import AppContext

SHOTS = Path(__file__).resolve().parents[3] / "shots" / "forms"


@pytest.fixture
def context(demo_copy: Path, qapp: Any) -> Iterator[AppContext]:
    """The app context of a private demo copy (no server)."""
    made = AppContext.open(demo_copy)
    yield made
    made.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` character by character (qtbot.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                           Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def clear_and_type(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def shoot(widget: QWidget, name: str) -> Path:
    """Save a picture of ``widget`` for people to look at (``shots/forms/``, git-ignored)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        QApplication.processEvents()
    path = SHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


__all__ = ["clear_and_type", "shoot", "type_text"]
