"""The UI tests' guard works: a Qt warning (in a test or in its teardown) or an error logged by
the application fails the test; the offscreen plugin's own notices and expected errors do not.

Runs pytest on small test files in a child process with this folder's conftest and the
project's ``qt_log_*`` settings.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

CASES = '''
import logging
import pytest
from PySide6.QtCore import qWarning


def test_warning_in_the_test(qapp):
    qWarning("QObject::connect: No such signal")


@pytest.fixture
def warns_at_teardown(qapp):
    yield
    qWarning("QThread: Destroyed while thread is still running")


def test_warning_in_the_teardown(warns_at_teardown):
    pass


def test_error_logged():
    logging.getLogger("offa.ui").error("save failed")


def test_error_expected(caplog):
    caplog.set_level(logging.ERROR, "offa.ui")
    logging.getLogger("offa.ui").error("task failed")


def test_offscreen_notice_ignored(qapp):
    qWarning("This plugin does not support propagateSizeHints()")
'''


def test_warnings_and_logged_errors_fail(tmp_path: Path) -> None:
    shutil.copy(HERE / "conftest.py", tmp_path / "conftest.py")
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"][
        "ini_options"
    ]
    ignore = "\n".join(f"    {p}" for p in options["qt_log_ignore"])
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nqt_api = pyside6\n"
        f"qt_log_level_fail = {options['qt_log_level_fail']}\nqt_log_ignore =\n{ignore}\n"
    )
    (tmp_path / "test_cases.py").write_text(CASES)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    out = run.stdout
    assert "FAILED test_cases.py::test_warning_in_the_test" in out, out
    assert "ERROR test_cases.py::test_warning_in_the_teardown" in out, out
    assert "Qt warnings at teardown: QThread: Destroyed" in out, out
    assert "ERROR test_cases.py::test_error_logged" in out, out
    assert "PASSED test_cases.py::test_error_expected" in out, out
    assert "PASSED test_cases.py::test_offscreen_notice_ignored" in out, out
