"""The crash hook (report file, French dialog, the app goes on) and the About box."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from offa_desktop import __version__
from offa_desktop.ui import about, crash

pytestmark = pytest.mark.gui


def _raise_and_catch() -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise ValueError("champ inconnu: niss_x")
    except ValueError:
        info = sys.exc_info()
    assert info[0] is not None and info[1] is not None
    return info[0], info[1], info[2]


def test_report_saved_private_with_traceback(tmp_path: Path, caplog: Any) -> None:
    caplog.set_level(logging.CRITICAL, "offa.crash")  # the crash is the point
    handler = crash.CrashHandler(tmp_path, interactive=False)
    handler(*_raise_and_catch())
    assert len(handler.reports) == 1
    report = handler.reports[0]
    assert report.parent == tmp_path / crash.CRASH_DIR
    text = report.read_text(encoding="utf-8")
    assert f"offa-desktop {__version__}" in text
    assert "ValueError: champ inconnu: niss_x" in text
    assert "_raise_and_catch" in text  # the traceback, not only the message
    assert stat.S_IMODE(report.stat().st_mode) == 0o600


def test_report_carries_no_niss_iban_or_token(tmp_path: Path, caplog: Any) -> None:
    """The report's traceback is redacted as the log is (issue 16)."""
    try:
        raise ValueError("learner 85073003328 iban BE71096123456769 Bearer aB3dEfGhIjKlMnOpQrSt9")
    except ValueError:
        info = sys.exc_info()
    assert info[0] is not None and info[1] is not None
    handler = crash.CrashHandler(tmp_path, interactive=False)
    with caplog.at_level(logging.CRITICAL, logger="offa.crash"):
        handler(info[0], info[1], info[2])
    saved = handler.reports[0].read_text("utf-8")
    assert "ValueError: learner [NISS] iban [IBAN] Bearer [secret]" in saved
    for secret in ("85073003328", "BE71096123456769", "aB3dEfGhIjKlMnOpQrSt9"):
        assert secret not in saved and secret not in caplog.text


def test_keyboard_interrupt_is_not_a_crash(tmp_path: Path, capsys: Any) -> None:
    handler = crash.CrashHandler(tmp_path, interactive=False)
    handler(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert handler.reports == []
    assert not (tmp_path / crash.CRASH_DIR).exists()


def test_worker_thread_crash_is_saved(tmp_path: Path, caplog: Any) -> None:
    caplog.set_level(logging.CRITICAL, "offa.crash")
    handler = crash.CrashHandler(tmp_path, interactive=False)
    previous = threading.excepthook
    threading.excepthook = handler.thread_hook
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="worker-pdf")
        worker.start()
        worker.join()
    finally:
        threading.excepthook = previous
    assert len(handler.reports) == 1
    text = handler.reports[0].read_text(encoding="utf-8")
    assert "thread: worker-pdf" in text and "ZeroDivisionError" in text


def test_old_reports_are_pruned(tmp_path: Path) -> None:
    for _ in range(crash.KEEP_REPORTS + 5):
        crash.save_report(tmp_path, "x")
    assert len(list((tmp_path / crash.CRASH_DIR).glob("crash-*.txt"))) == crash.KEEP_REPORTS


@pytest.mark.qt_no_exception_capture
def test_slot_exception_shows_dialog_and_app_goes_on(
    qtbot: Any, tmp_path: Path, caplog: Any
) -> None:
    """A bug in a slot: the installed hook saves a report and shows the French dialog; the
    user chooses «Continuer» and the event loop keeps running."""
    caplog.set_level(logging.CRITICAL, "offa.crash")
    saved_hook, saved_thread_hook = sys.excepthook, threading.excepthook
    handler = crash.install(tmp_path)
    seen: dict[str, Any] = {}

    def answer() -> None:
        dialog = handler.dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, answer)
            return
        seen["title"] = dialog.windowTitle()
        seen["message"] = dialog.message.text()
        dialog.copy_button.click()
        dialog.continue_button.click()

    def boom() -> None:
        raise RuntimeError("bogue de test")

    try:
        QTimer.singleShot(20, answer)
        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: "message" in seen and handler.dialog is not None
                        and not handler.dialog.isVisible(), timeout=10_000)
        after: list[bool] = []
        QTimer.singleShot(0, lambda: after.append(True))
        qtbot.waitUntil(lambda: bool(after), timeout=5_000)  # the loop still runs
    finally:
        sys.excepthook, threading.excepthook = saved_hook, saved_thread_hook
    assert seen["title"] == "Erreur inattendue"
    assert "erreur inattendue" in seen["message"]
    assert str(handler.reports[0]) in seen["message"]
    assert "RuntimeError: bogue de test" in handler.reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: bogue de test" in QApplication.clipboard().text()
    assert handler.dialog is not None and not handler.dialog.quit_requested


def test_quit_button_asks_to_quit(qtbot: Any, tmp_path: Path) -> None:
    dialog = crash.CrashDialog("Traceback ...", tmp_path / "crash.txt")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.quit_button.click()
    assert dialog.quit_requested and not dialog.isVisible()
    assert dialog.open_button.isEnabled()
    unsaved = crash.CrashDialog("Traceback ...", None)
    qtbot.addWidget(unsaved)
    assert not unsaved.open_button.isEnabled()
    assert "n'a pas pu être enregistré" in unsaved.message.text()


def test_components_name_versions_and_licences() -> None:
    found = {c.name: c for c in about.components()}
    qt = found["Qt / Qt for Python (PySide6)"]
    assert qt.version.startswith("6.") and "LGPL-3.0" in qt.licence
    assert found["SQLAlchemy"].licence == "MIT"
    assert "BSD" in found["ReportLab"].licence
    assert found["Polices DejaVu"].licence.startswith("Licence des polices DejaVu")
    assert all(c.version and c.licence and c.licence != "?" for c in found.values())


def test_about_dialog_from_help_menu(qtbot: Any, tmp_path: Path) -> None:
    from offa_desktop.ui.main_window import MainWindow
    from offa_desktop.ui.tasks import TaskManager
    from tests.ui.sqlite_backend import SqliteBackend

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(SqliteBackend(), TaskManager(), settings=settings)
    qtbot.addWidget(window)
    window.show()
    help_actions = [a.text() for a in window.menu_help.actions()]
    assert "À &propos d'OFFA" in help_actions
    window.about_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, about.AboutDialog) and w.isVisible())
    assert dialog.windowTitle() == "À propos d'OFFA"
    assert f"Version {__version__}" in dialog.header.text()
    assert dialog.table.rowCount() == len(about.components())
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Qt / Qt for Python (PySide6)" in names
    assert not about.app_icon().isNull()
    dialog.reject()


def test_icon_files_hold_the_sizes_windows_and_linux_need() -> None:
    import struct

    from offa_desktop import resources

    ico = resources.read_bytes("icons", "offa.ico")
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1) and count >= 4
    sides = set()
    for i in range(count):
        width, height, _c, _r, _p, _bpp, size, offset = struct.unpack_from(
            "<BBBBHHII", ico, 6 + 16 * i)
        assert width == height and ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + size <= len(ico)
        sides.add(width or 256)
    assert {16, 32, 48, 256} <= sides
    png = resources.read_bytes("icons", "offa.png")
    assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (256, 256)
