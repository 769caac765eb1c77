"""UI tests: Qt warnings and logged errors fail the test that caused them (as qutebrowser does).

pytest-qt fails a test on a Qt warning of its set-up or call (``qt_log_level_fail`` and the
``qt_log_ignore`` list in pyproject.toml); it stops listening before the teardown, where windows
close, threads stop and dialogs are deleted: :func:`pytest_runtest_teardown` listens there too.
An error logged by the application (``offa`` loggers, ERROR and above: a failed save, a failed
sync, an exception in a slot) fails the test as well, unless the test said it expects it with
``caplog.at_level(logging.ERROR, "offa...")`` (qutebrowser's ``LogFailHandler`` rule).
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

FAILING = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)


class LogFailHandler(logging.Handler):
    """Records the application's errors that no test asked for."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.unexpected: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        logger = logging.getLogger(record.name)
        # caplog.at_level(level, logger) sets the level of an expected message on its logger
        if record.levelno == logger.level or record.levelno == logging.getLogger("offa").level:
            return
        self.unexpected.append(f"{record.name} {record.levelname}: {record.getMessage()}")


@pytest.fixture(autouse=True)
def fail_on_logged_errors() -> Iterator[None]:
    handler = LogFailHandler()
    root = logging.getLogger("offa")
    root.addHandler(handler)
    yield
    root.removeHandler(handler)
    if handler.unexpected:
        pytest.fail("errors logged: " + " | ".join(handler.unexpected))


@pytest.fixture(autouse=True)
def opened_files(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files the app asked the desktop to open (a printed contract): recorded, never handed to
    a real viewer during the tests."""
    from offa_desktop.ui import file_notice

    opened: list[Path] = []

    def record(path: Path) -> bool:
        opened.append(path)
        return True

    monkeypatch.setattr(file_notice, "opener", record)
    return opened


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form closed at teardown with unsaved changes must not wait for a person: discard.
    Tests that check the question replace ``RecordForm.ask`` themselves."""
    from offa_desktop.ui.forms.base import RecordForm
    from offa_desktop.ui.forms.unsaved import UnsavedChoice

    monkeypatch.setattr(RecordForm, "ask", staticmethod(lambda _w: UnsavedChoice.DISCARD))


def _ignored(config: pytest.Config) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in config.getini("qt_log_ignore")]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: Any) -> Generator[None, None, None]:
    """Qt warnings of the teardown (closing windows, stopping workers) fail the test too."""
    ignored = _ignored(item.config)
    seen: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind in FAILING and not any(p.search(message) for p in ignored):
            seen.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
    if seen:
        raise AssertionError("Qt warnings at teardown: " + " | ".join(seen))


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose working copy the demo generator filled (300 contracts, no server).

    Shared by the session's tests: tests that write must use ``demo_copy`` instead.
    """
    from offa_desktop import paths
    from offa_desktop.store.db import WorkingCopy
    from offa_desktop.store.demo_fill import fill_working_copy
    from tests.keyed import unlock

    folder = tmp_path_factory.mktemp("demo-data")
    # encrypted as the app makes it (its key file is copied with it by demo_copy)
    wc = WorkingCopy.open(unlock(paths.working_copy_path(folder)))
    try:
        fill_working_copy(wc, 300, seed=0)
    finally:
        wc.close()
    return folder


@pytest.fixture
def demo_copy(demo_folder: Path, tmp_path: Path) -> Path:
    """A private copy of the demo data folder, free to write to."""
    from tests.keyed import unlock

    target = tmp_path / "data"
    shutil.copytree(demo_folder, target)
    unlock(target)  # its key registered in this process, as the window does at start
    return target
