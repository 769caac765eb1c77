"""Starts the window: Qt application, translations, logs, working copy, main window.

``main(args)`` is called by ``offa_desktop/cli.py`` with its parsed arguments (``data_dir``,
``demo``, ``demo_size``). Heavy modules (reportlab, keyring, requests, QtPdf) are imported only
when first used, so the window paints quickly.

Hidden switch for the start-up benchmark: ``OFFA_STARTUP_PROBE=1`` writes
``painted <seconds since main()>`` on standard output at the first paint of the current area,
then quits; ``OFFA_STARTUP_PROBE=home`` goes on until "À faire" paints its computed lines and
writes ``home <seconds>`` too.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from offa_desktop import paths
from offa_desktop.domain.errors import Cancelled, user_message
from offa_desktop.logfile import setup_logging

log = logging.getLogger("offa.ui")
PROBE_ENV = "OFFA_STARTUP_PROBE"
# With the probe: a file to write the names of the modules loaded at the first paint (tests).
PROBE_MODULES_ENV = "OFFA_STARTUP_PROBE_MODULES"


class _FirstPaint(QObject):
    """Event filter reporting the first paint of a widget (start-up benchmark)."""

    def __init__(self, started: float, parent: QObject, *, word: str = "painted",
                 quit_after: bool = True) -> None:
        super().__init__(parent)
        self._started = started
        self._done = False
        self._word = word
        self._quit = quit_after

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            sys.stdout.write(f"{self._word} {time.perf_counter() - self._started:.4f}\n")
            sys.stdout.flush()
            if self._word == "painted" and (modules_file := os.environ.get(PROBE_MODULES_ENV)):
                Path(modules_file).write_text("\n".join(sorted(sys.modules)), encoding="utf-8")
            if self._quit:
                QTimer.singleShot(0, QApplication.quit)
        return False


def open_window(
    folder: Path, *, demo_size: int | None = None, demo_user: str | None = None
) -> tuple[Any, Any]:
    """Open the working copy of ``folder`` and build the main window (not shown yet).

    Returns ``(window, context)``; ``context`` keeps the working copy and task manager alive.
    """
    from offa_desktop.ui.context import AppContext

    context = AppContext.open(folder, demo_size=demo_size, demo_user=demo_user)
    return context.build_window(), context


class StartCancelled(Cancelled):
    """The person chose to quit rather than restore a lost working copy."""


def open_with_restore(
    folder: Path, *, demo_size: int | None = None, demo_user: str | None = None
) -> tuple[Any, Any]:
    """``open_window``; a working copy found empty, missing, foreign or damaged shows the
    restore dialog (latest backup, a file, an empty copy by choice) and opens again after a
    restore. StartCancelled when the person quits."""
    from offa_desktop.store.copy_errors import WorkingCopyGone

    while True:
        try:
            return open_window(folder, demo_size=demo_size, demo_user=demo_user)
        except WorkingCopyGone as exc:
            if os.environ.get(PROBE_ENV):
                raise
            from offa_desktop.ui.restore_dialog import RestoreDialog

            if RestoreDialog(exc).exec() != RestoreDialog.DialogCode.Accepted:
                raise StartCancelled() from exc


def main(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("OFFA")
    app.setApplicationDisplayName("OFFA – alternance")
    app.setOrganizationName("OFFA")
    from offa_desktop.ui import i18n
    from offa_desktop.ui.preferences import Preferences

    folder = paths.data_dir(getattr(args, "data_dir", None))
    pseudo = Preferences(folder).get("ui/pseudo_l10n") or bool(os.environ.get(i18n.PSEUDO_ENV))
    i18n.install(app, pseudo=pseudo)
    setup_logging(folder)
    from offa_desktop.ui import about, crash

    crash.install(folder)  # our bugs: a report in the data folder and a dialog, not a vanishing
    app.setWindowIcon(about.app_icon())
    demo = bool(getattr(args, "demo", False))
    if not demo:  # the copy's key before anything reads it: keyring, or the passphrase dialog
        from offa_desktop.ui.passphrase_dialog import unlock_window

        try:
            if not unlock_window(paths.working_copy_path(folder)):
                return 1
        except Exception as exc:  # a key file or keyring the app cannot read: said in French
            log.exception("working copy key")
            QMessageBox.critical(
                None,
                QApplication.translate("app", "Démarrage impossible"),
                QApplication.translate("app", "La copie de travail n'a pas pu être ouverte :\n%1")
                .replace("%1", user_message(exc)),
            )  # fmt: skip
            return 1
    try:
        window, context = open_with_restore(
            folder, demo_size=int(getattr(args, "demo_size", 2000)) if demo else None,
            demo_user=getattr(args, "demo_user", None) if demo else None,
        )
    except StartCancelled:
        return 1
    except Exception as exc:  # the environment's fault (corrupt file, disk): say it in French
        log.exception("start failed")
        if os.environ.get(PROBE_ENV):
            sys.stderr.write(f"start failed: {exc!r}\n")
            return 1
        QMessageBox.critical(
            None,
            QApplication.translate("app", "Démarrage impossible"),
            QApplication.translate("app", "La copie de travail n'a pas pu être ouverte :\n%1")
            .replace("%1", user_message(exc)),
        )
        return 1
    if os.environ.get(PROBE_ENV):
        # OFFA_STARTUP_PROBE=home: also "home <s>" when "À faire" paints its computed lines
        home = window.pages.get("home") if os.environ[PROBE_ENV] == "home" else None
        probe = _FirstPaint(started, app, quit_after=home is None)
        target: QWidget = context.first_paint_target(window)
        target.installEventFilter(probe)
        if home is not None:
            filled = _FirstPaint(started, app, word="home")
            home.computed.connect(lambda _r: target.installEventFilter(filled))
    window.showMaximized() if getattr(window, "start_maximized", False) else window.show()
    code = app.exec()
    context.close()
    return int(code)
