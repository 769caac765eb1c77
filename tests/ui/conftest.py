"""UI tests: Qt warnings fail the test that caused them (as qutebrowser does)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QtMsgType

# Messages of the offscreen platform itself, not of our code.
IGNORED = ("This plugin does not support", "QFont::", "propagateSizeHints")


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qtlog: object) -> Iterator[None]:
    yield
    bad = [
        record.message
        for record in qtlog.records  # type: ignore[attr-defined]
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not record.message.startswith(IGNORED)
    ]
    if bad:
        pytest.fail("Qt warnings: " + " | ".join(bad))
