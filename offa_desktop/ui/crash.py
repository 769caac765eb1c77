"""Our bugs do not make the app vanish: a crash report in the data folder and a French dialog.

:func:`install` replaces ``sys.excepthook`` and ``threading.excepthook``. An uncaught exception
(in a slot, a timer, a worker thread) is logged with its traceback, saved as a text file in the
data folder's ``crash-reports/`` (private to the user; redacted as the log is) and shown in a
:class:`CrashDialog` on the UI thread, from which the user may go on working or quit.
Environment faults (disk full, offline, 401) are not crashes: they are handled where they occur.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop import logfile, version
from offa_desktop.domain.redaction import redact

log = logging.getLogger("offa.crash")
CRASH_DIR = "crash-reports"
KEEP_REPORTS = 50


def report_text(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                *, thread: str | None = None) -> str:
    """The report: versions, platform, thread, then the traceback (English, for developers),
    redacted as the log is (no NISS, IBAN, e-mail address, token nor a person's name)."""
    try:
        import PySide6

        qt = f"PySide6 {PySide6.__version__}"
    except Exception:  # pragma: no cover - Qt is loaded when this runs
        qt = "PySide6 ?"
    lines = [
        f"offa-desktop {version()}",
        f"time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"python: {sys.version.split()[0]} ({platform.platform()})",
        f"qt: {qt}",
        f"frozen: {bool(getattr(sys, 'frozen', False))}",
        f"thread: {thread or threading.current_thread().name}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        "",
    ]
    return redact("\n".join(lines), logfile.NAMES.words())


def save_report(folder: Path, text: str) -> Path:
    """Write ``text`` to a new file of ``folder/crash-reports`` (0600); keep the last 50."""
    reports = folder / CRASH_DIR
    reports.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = reports / f"crash-{stamp}-{os.getpid()}-{time.monotonic_ns() % 1_000_000:06d}.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    old = sorted(reports.glob("crash-*.txt"))[:-KEEP_REPORTS]
    for stale in old:
        stale.unlink(missing_ok=True)
    return path


class CrashDialog(QDialog):
    """Tells the user, in French, that the app met an error and where the report is."""

    def __init__(self, report: str, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.path = path
        self.quit_requested = False
        self.setWindowTitle(self.tr("Erreur inattendue"))
        layout = QVBoxLayout(self)
        where = (
            self.tr("Un rapport a été enregistré dans :\n%1").replace("%1", str(path))
            if path is not None
            else self.tr("Le rapport n'a pas pu être enregistré ; copiez-le ci-dessous.")
        )
        self.message = QLabel(
            self.tr(
                "Le poste de travail a rencontré une erreur inattendue. Vos données enregistrées "
                "sont intactes ; la dernière action a peut-être échoué.\n\n"
            )
            + where
            + self.tr("\n\nTransmettez ce rapport au support pour que l'erreur soit corrigée.")
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 220)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copier le rapport"))
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = QPushButton(self.tr("Ouvrir le dossier"))
        self.open_button.setEnabled(path is not None)
        self.open_button.clicked.connect(self.open_folder)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = QPushButton(self.tr("Quitter l'application"))
        self.quit_button.clicked.connect(self._quit)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.continue_button = QPushButton(self.tr("Continuer"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def _quit(self) -> None:
        self.quit_requested = True
        self.reject()


class CrashHandler(QObject):
    """The hook itself; ``interactive=False`` (tests, self-check) saves and logs, no dialog."""

    _crashed = Signal(str, str)  # report, path ("" if not saved): queued to the UI thread

    def __init__(self, folder: Path, *, interactive: bool = True) -> None:
        super().__init__()
        self.folder = folder
        self.interactive = interactive
        self.reports: list[Path] = []
        self.dialog: CrashDialog | None = None
        self._showing = False
        self._crashed.connect(self._show)

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None, *, thread: str | None = None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = report_text(exc_type, exc, tb, thread=thread)
        log.critical("uncaught exception\n%s", text)
        path: Path | None = None
        try:
            path = save_report(self.folder, text)
            self.reports.append(path)
        except OSError:
            log.exception("the crash report could not be saved")
        if sys.stderr is not None:  # None in a windowed Windows bundle
            sys.stderr.write(text)
        if self.interactive:
            self._crashed.emit(text, str(path or ""))  # queued when raised off the UI thread

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else None
        self(args.exc_type, args.exc_value, args.exc_traceback, thread=name)

    def _show(self, text: str, path: str) -> None:
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time: a crash while showing one is only saved
        self._showing = True
        try:
            self.dialog = CrashDialog(text, Path(path) if path else None,
                                      QApplication.activeWindow())
            self.dialog.exec()
            if self.dialog.quit_requested:
                QApplication.exit(70)  # EX_SOFTWARE
        finally:
            self._showing = False


_handler: list[CrashHandler] = []


def install(folder: Path, *, interactive: bool = True) -> CrashHandler:
    """Install a :class:`CrashHandler` for the main and other threads; returns it."""
    handler = CrashHandler(folder, interactive=interactive)
    _handler[:] = [handler]  # keep it alive as long as the process
    sys.excepthook = handler
    threading.excepthook = handler.thread_hook
    return handler


def installed() -> Any:
    """The installed handler, or None."""
    return _handler[0] if _handler else None
