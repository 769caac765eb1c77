"""UI tests: Qt warnings fail the test that caused them (as qutebrowser does)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose working copy the demo generator filled (300 contracts, no server).

    Shared by the session's tests: tests that write must use ``demo_copy`` instead.
    """
    from offa_desktop import paths
    from offa_desktop.demo.fill import fill_working_copy
    from offa_desktop.store.db import WorkingCopy

    folder = tmp_path_factory.mktemp("demo-data")
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    try:
        fill_working_copy(wc, 300, seed=0)
    finally:
        wc.close()
    return folder


@pytest.fixture
def demo_copy(demo_folder: Path, tmp_path: Path) -> Path:
    """A private copy of the demo data folder, free to write to."""
    target = tmp_path / "data"
    shutil.copytree(demo_folder, target)
    return target
