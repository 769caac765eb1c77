"""Sync in the window: status line, "Synchroniser" (F5) with progress and cancel, login, logout,
and an automatic sync every few minutes while the server answers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressBar, QPushButton

from offa_desktop import logfile
from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.errors import user_message
from offa_desktop.ui import sync_words
from offa_desktop.ui.dialogs import tell
from offa_desktop.ui.sync_account import AccountFlow
from offa_desktop.ui.tasks import Op, debounced, paused_gc

log = logging.getLogger("offa.ui")
AUTO_SYNC_MS = 5 * 60 * 1000


class SyncController(QObject):
    """Drives sync for one window; the session opens in the background after the first paint.

    Signals: ``status_changed(text: str)``; ``finished(ok: bool, message: str)`` after each sync.
    """

    status_changed = Signal(str)
    finished = Signal(bool, str)
    session_ready = Signal()

    def __init__(
        self, context: Any, window: Any, *, auto_sync: bool = True, interval_minutes: int = 5
    ) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.tasks = context.tasks
        self.online: bool | None = None
        self.running: Op | None = None
        self.last_status: Any = None
        self.message_box: QMessageBox | None = None
        self.verifying = False  # the running sync was asked by "Vérifier la copie"
        self.left_scope_note = ""  # what the last sync said of records gone out of scope
        self._started = False
        self.account = AccountFlow(self)
        self.progress = QProgressBar(window)
        self.progress.setObjectName("sync-progress")
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("%v sur %m"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Annuler"), window)
        self.cancel_button.setObjectName("sync-cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.progress)
        window.statusBar().addPermanentWidget(self.cancel_button)
        window.sync_action.triggered.connect(self.sync)
        menu = window.menu_sync
        self.verify_action = _action(
            menu, self.tr("&Vérifier la copie"), "action-verify", lambda: self.sync(verify=True),
            self.tr("Compare toute la copie de travail avec le serveur et rétablit ce qui diffère"))
        menu.addSeparator()
        self.login_action = _action(
            menu, self.tr("Se &connecter…"), "action-login", self.ask_login)
        self.logout_action = _action(
            menu, self.tr("Se &déconnecter"), "action-logout", self.logout)
        self.devices_action = _action(
            menu, self.tr("Mes &appareils…"), "action-devices", self.open_devices,
            self.tr("Les ordinateurs où ce compte est connecté ; révoquer un ordinateur perdu"))
        self.forget_action = _action(
            menu, self.tr("&Oublier cet ordinateur…"), "action-forget", self.forget,
            self.tr("Dernière synchronisation, puis effacer les données OFFA de cet ordinateur"))
        self.forget_flow: Any = None
        self.revoked_box: QMessageBox | None = None
        menu.addSeparator()
        self.conflicts_action = _action(menu, self.tr("&Conflits à résoudre…"), "action-conflicts",
                                        lambda: self._open_list("open_conflicts"))
        self.rejected_action = _action(menu, self.tr("Modifications &refusées…"), "action-rejected",
                                       lambda: self._open_list("open_rejected"))
        self.status_changed.connect(window.set_sync_status)
        from offa_desktop.ui.login_banner import LoginBanner

        self.banner = LoginBanner(self.ask_login, window)
        if hasattr(window, "add_banner"):
            window.add_banner(self.banner)
        window.sync_label.setTextFormat(Qt.TextFormat.RichText)
        window.sync_label.linkActivated.connect(self._open_list)
        self.timer = QTimer(self)
        self.timer.setInterval(
            max(1, interval_minutes) * 60_000 if interval_minutes else AUTO_SYNC_MS
        )
        self.timer.timeout.connect(self._auto_sync)
        if auto_sync:
            self.timer.start()
        # Every saved edit, resolved conflict or discarded rejection changes the counts: read
        # them again once the burst of change sets is over (one small query).
        self.recount = debounced(self, 150, self.refresh_status)
        self.tasks.data_changed.connect(lambda _changes: self.recount.start())
        self._set_enabled(False)

    # --- session -------------------------------------------------------------------------------
    def start(self) -> None:
        """Open the sync session off the UI thread (requests and keyring load there); once."""
        if self._started:
            return
        self._started = True
        if self.context.session is not None:
            self._session_ready(self.context.session)
            return
        self.tasks.background(
            _open_session, self.context.folder, self.context.working_copy
        ).owned_by(self).success(self._session_ready).failure(self._session_failed).run()

    def _session_ready(self, session: Any) -> None:
        self.context.session = session
        self._set_enabled(True)
        self.refresh_status()
        self.session_ready.emit()

    def _session_failed(self, error: BaseException) -> None:
        log.error("sync session failed", exc_info=error)
        unavailable = self.tr("Synchronisation indisponible : %1")
        self.status_changed.emit(unavailable.replace("%1", user_message(error)))

    def _set_enabled(self, enabled: bool) -> None:
        for action in (
            self.window.sync_action,
            self.verify_action,
            self.login_action,
            self.logout_action,
            self.devices_action,
            self.forget_action,
            self.conflicts_action,
            self.rejected_action,
        ):
            action.setEnabled(enabled)

    # --- status --------------------------------------------------------------------------------
    def refresh_status(self) -> None:
        session = self.context.session
        if session is None:
            return
        from offa_desktop.ops.sync.actions import read_status

        self.tasks.background(read_status, session).owned_by(self).success(self._show_status).run()

    def _show_status(self, status: Any) -> None:
        self.last_status = status
        self.status_changed.emit(self.status_text(status))
        if status.server is None:
            self.banner.never_connected()
        elif not getattr(status, "signed_in", True):
            self.banner.signed_out(str(status.username or ""))
        else:
            self.banner.hide()

    def status_text(self, status: Any) -> str:
        return sync_words.status_line(status, self.online)

    # --- sync ----------------------------------------------------------------------------------
    def sync(self, checked: bool = False, *, preflight: bool = True, verify: bool = False) -> None:
        """Synchroniser (F5): asks for a login first when no account is set; the pre-flight
        report first (``ui/preflight_dialog.py``), shown only when edits would be refused.
        ``verify`` ("Vérifier la copie"): the whole copy is compared with the server on this
        sync and repaired where it differs (``checked`` is the action's, unused)."""
        session = self.context.session
        if session is None or self.running is not None:
            return
        if session.account() is None:  # one tiny read: the status may be older than a login
            self.ask_login()
            return
        if preflight:
            from offa_desktop.ui.preflight_dialog import run_preflight

            run_preflight(self.context, self.window, None, self.tr("Synchroniser quand même"),
                          lambda: self.sync(preflight=False, verify=verify))
            return
        from offa_desktop.ops.sync.actions import sync_now

        self.verifying = verify
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.window.sync_action.setEnabled(False)
        self.verify_action.setEnabled(False)
        self.window.statusBar().showMessage(
            self.tr("Vérification de la copie…") if verify else self.tr("Synchronisation…")
        )

        def run(ctx: Any) -> ChangeSet:
            with paused_gc():
                return sync_now(session, progress=ctx.report, verify=verify)

        self.running = (
            self.tasks.background(run)
            .owned_by(self)
            .progress(self._show_progress)
            .success(self._synced)
            .failure(self._sync_failed)
            .run()
        )

    def _show_progress(self, phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(sync_words.progress_format(phase))

    def cancel(self) -> None:
        session = self.context.session
        if session is not None and self.running is not None:
            session.cancel.set()
            self.cancel_button.setEnabled(False)
            self.window.statusBar().showMessage(self.tr("Annulation…"))

    def _done(self) -> None:
        self.running = None
        self.progress.hide()
        self.cancel_button.hide()
        self.window.sync_action.setEnabled(True)
        self.verify_action.setEnabled(True)

    def _synced(self, changes: ChangeSet) -> None:
        self._done()
        logfile.names_changed()  # the people the sync brought: their names are redacted too
        self.online = True
        when = datetime.now().strftime("%H:%M")
        message = self.tr("Synchronisation terminée à %1").replace("%1", when)
        repaired: dict[str, int] = getattr(changes, "repaired", {})
        if repaired:
            message = sync_words.repaired(repaired)
            self._tell(self.tr("Copie de travail réparée"), message)
        elif self.verifying:
            message = self.tr("Copie de travail vérifiée : elle est identique à celle du serveur.")
            self._tell(self.tr("Vérifier la copie"), message)
        self.verifying = False
        gone: dict[str, int] = getattr(changes, "left_scope", {})
        if gone.get("learners"):
            note = self.tr("%1 apprenant(s) passé(s) à un autre opérateur ne sont plus dans "
                           "votre copie ; vos contrats passés avec eux restent consultables."
                           ).replace("%1", str(gone["learners"]))
            message = f"{message} — {note}"
            self.left_scope_note = note
        self.window.statusBar().showMessage(message, 15_000 if repaired or gone else 10_000)
        self.refresh_status()
        self.finished.emit(True, message)

    def _tell(self, title: str, text: str) -> None:
        self.message_box = tell(self.window, title, text, "sync-check-message")

    def _sync_failed(self, error: BaseException) -> None:
        self._done()
        self.verifying = False
        from sync.errors import Cancelled, DeviceRevoked, LoginRequired, NetworkError

        message = user_message(error)
        if isinstance(error, DeviceRevoked):
            self._device_revoked(error)
            return
        if isinstance(error, NetworkError):
            self.online = False
        elif isinstance(error, LoginRequired | Cancelled):
            log.info("sync stopped: %s", message)  # the person's doing, not a fault
        else:
            log.error("sync failed", exc_info=error)
        self.window.statusBar().showMessage(message, 15_000)
        self.refresh_status()
        self.finished.emit(False, message)
        if isinstance(error, LoginRequired):
            self.ask_login()

    def _device_revoked(self, error: Any) -> None:
        """The server revoked this computer: no more automatic syncs, the person is told in
        French; its data erased (OFFA's « à effacer »), the window closes once they read it."""
        log.warning("device revoked by the server (erased: %s)", error.erased)
        self.timer.stop()
        self.online = False
        message = user_message(error)
        self.window.statusBar().showMessage(message)
        self.status_changed.emit(self.tr("Accès révoqué"))
        self.finished.emit(False, message)
        if error.erased:
            self._set_enabled(False)
        self.revoked_box = tell(self.window, self.tr("Accès révoqué"), message, "device-revoked",
                                warning=True, quit_after=error.erased)  # fmt: skip

    def _auto_sync(self) -> None:
        status = self.last_status
        if status is not None and status.server and self.online is not False:
            self.sync(preflight=False)  # automatic: never a dialog out of the blue

    def _open_list(self, name: str) -> Any:
        """The forms package's conflicts or rejected-edits dialog; refreshes the status after."""
        from offa_desktop.ui.forms import conflicts  # loads on first use, not at start-up

        openers = {
            "open_conflicts": conflicts.open_conflicts,
            "open_rejected": conflicts.open_rejected,
        }
        opener = openers.get(name)
        if opener is None or self.context.session is None:
            return None
        dialog = opener(self.context, self.window)
        dialog.finished.connect(lambda _code: self.refresh_status())
        return dialog

    # --- login / logout (ui/sync_account.py) ---------------------------------------------------
    def ask_login(self) -> Any:
        return self.account.ask_login()

    def logout(self) -> None:
        self.account.logout()

    def open_devices(self) -> Any:
        return self.account.open_devices()

    def forget(self) -> Any:
        """« Oublier cet ordinateur » (``ui/forget_flow.py``); returns the flow."""
        if self.context.session is None or self.running is not None:
            return None
        from offa_desktop.ui.forget_flow import ForgetFlow

        self.forget_flow = ForgetFlow(self.context, self.window, self)
        self.forget_flow.start()
        return self.forget_flow

    @property
    def login_dialog(self) -> Any:
        return self.account.login_dialog

    @property
    def logout_box(self) -> Any:
        return self.account.logout_box


def _action(
    menu: QMenu, text: str, name: str, slot: Callable[[], object], tip: str = ""
) -> QAction:
    """An item of the Synchronisation menu running ``slot``."""
    action = menu.addAction(text)
    action.setObjectName(name)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _open_session(folder: Any, wc: Any) -> Any:
    """On a worker: imports sync (requests, keyring) there, then opens the session."""
    from offa_desktop.ops.sync.actions import open_sync_session

    return open_sync_session(folder, wc)
