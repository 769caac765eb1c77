"""Sync in the window: status line, "Synchroniser" (F5) with progress and cancel, login, logout,
and an automatic sync every few minutes while the server answers."""

from __future__ import annotations

import html
import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton

from offa_desktop import logfile
from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.errors import user_message
from offa_desktop.ui.tasks import Op, paused_gc

log = logging.getLogger("offa.ui")
AUTO_SYNC_MS = 5 * 60 * 1000
LOGOUT_LINES = 12  # edits named in the logout question (the rest counted)


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
        self.login_dialog: Any = None
        self.message_box: QMessageBox | None = None
        self.logout_box: QMessageBox | None = None
        self.verifying = False  # the running sync was asked by "Vérifier la copie"
        self._started = False
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
        self.verify_action = menu.addAction(self.tr("&Vérifier la copie"))
        self.verify_action.setObjectName("action-verify")
        self.verify_action.setStatusTip(
            self.tr("Compare toute la copie de travail avec le serveur et rétablit ce qui diffère")
        )
        self.verify_action.triggered.connect(lambda: self.sync(verify=True))
        menu.addSeparator()
        self.login_action = menu.addAction(self.tr("Se &connecter…"))
        self.login_action.setObjectName("action-login")
        self.login_action.triggered.connect(self.ask_login)
        self.logout_action = menu.addAction(self.tr("Se &déconnecter"))
        self.logout_action.setObjectName("action-logout")
        self.logout_action.triggered.connect(self.logout)
        self.devices_action = menu.addAction(self.tr("Mes &appareils…"))
        self.devices_action.setObjectName("action-devices")
        self.devices_action.setStatusTip(
            self.tr("Les ordinateurs où ce compte est connecté ; révoquer un ordinateur perdu")
        )
        self.devices_action.triggered.connect(self.open_devices)
        self.devices_dialog: Any = None
        self.revoked_box: QMessageBox | None = None
        menu.addSeparator()
        self.conflicts_action = menu.addAction(self.tr("&Conflits à résoudre…"))
        self.conflicts_action.setObjectName("action-conflicts")
        self.conflicts_action.triggered.connect(lambda: self._open_list("open_conflicts"))
        self.rejected_action = menu.addAction(self.tr("Modifications &refusées…"))
        self.rejected_action.setObjectName("action-rejected")
        self.rejected_action.triggered.connect(lambda: self._open_list("open_rejected"))
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
        self.recount = QTimer(self)
        self.recount.setSingleShot(True)
        self.recount.setInterval(150)
        self.recount.timeout.connect(self.refresh_status)
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
        self.status_changed.emit(
            self.tr("Synchronisation indisponible : %1").replace(
                "%1", user_message(error)
            )
        )

    def _set_enabled(self, enabled: bool) -> None:
        for action in (
            self.window.sync_action,
            self.verify_action,
            self.login_action,
            self.logout_action,
            self.devices_action,
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
        if status.server is None:
            parts = [self.tr("Non connecté")]
        elif not getattr(status, "signed_in", True):
            parts = [self.tr("Déconnecté")]
        elif self.online is False:
            parts = [self.tr("Hors ligne")]
        else:
            parts = [self.tr("En ligne") if self.online else self.tr("Connecté")]
        if status.username:
            parts.append(html.escape(status.username))
        parts.append(self.tr("%1 en attente").replace("%1", str(status.pending)))
        conflicts = self.tr("%1 conflit(s)").replace("%1", str(status.conflicts))
        rejected = self.tr("%1 refusée(s)").replace("%1", str(status.rejected))
        # links open the lists to settle (the label is rich text)
        parts.append(f'<a href="open_conflicts">{conflicts}</a>' if status.conflicts else conflicts)
        parts.append(f'<a href="open_rejected">{rejected}</a>' if status.rejected else rejected)
        if status.last_sync is not None:
            local = status.last_sync.astimezone()
            parts.append(
                self.tr("synchronisé le %1").replace("%1", local.strftime("%d/%m/%Y %H:%M"))
            )
        else:
            parts.append(self.tr("jamais synchronisé"))
        return " · ".join(parts)

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
        labels = {
            "push": self.tr("Envoi"),
            "documents": self.tr("Envoi des documents"),
            "pull": self.tr("Réception"),
            "resync": self.tr("Vérification"),
        }
        label = labels.get(phase, phase)
        self.progress.setFormat(f"{label} %v " + self.tr("sur") + " %m")

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
            message = self.repaired_text(repaired)
            self._tell(self.tr("Copie de travail réparée"), message)
        elif self.verifying:
            message = self.tr("Copie de travail vérifiée : elle est identique à celle du serveur.")
            self._tell(self.tr("Vérifier la copie"), message)
        self.verifying = False
        self.window.statusBar().showMessage(message, 15_000 if repaired else 10_000)
        self.refresh_status()
        self.finished.emit(True, message)

    def repaired_text(self, repaired: dict[str, int]) -> str:
        """What a repair did, in French: "... Tuteurs : 1 ; Entreprises : 2 ..."."""
        from offa_desktop.domain.problems import cap
        from offa_desktop.domain.schema import COLLECTIONS

        parts = [
            f"{cap(COLLECTIONS[c].label) if c in COLLECTIONS else c}\u00a0: {n}"
            for c, n in sorted(repaired.items())
        ]
        return self.tr(
            "La vérification a trouvé des fiches de la copie de travail différentes de "
            "celles du serveur et les a rétablies comme sur le serveur (%1). Vos "
            "modifications non envoyées et vos conflits sont conservés ; le détail est "
            "dans le journal."
        ).replace("%1", " ; ".join(parts))

    def _tell(self, title: str, text: str) -> None:
        """A message that does not block (window-modal, opened)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.window)
        box.setObjectName("sync-check-message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

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
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Accès révoqué"), message,
                          parent=self.window)  # fmt: skip
        box.setObjectName("device-revoked")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if error.erased:
            from PySide6.QtWidgets import QApplication

            self._set_enabled(False)
            box.finished.connect(lambda _code: QApplication.exit(0))
        self.revoked_box = box
        box.open()

    def open_devices(self) -> Any:
        """« Mes appareils » (``ui/devices_dialog.py``); returns the dialog."""
        if self.context.session is None:
            return None
        if self.context.session.account() is None:
            return self.ask_login()
        from offa_desktop.ui.devices_dialog import open_devices

        self.devices_dialog = open_devices(self.context, self.window)
        return self.devices_dialog

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

    # --- login / logout ------------------------------------------------------------------------
    def ask_login(self) -> Any:
        """Open the login dialog (window-modal, never blocking a running loop); returns it."""
        from offa_desktop.ui.login_dialog import LoginDialog

        session = self.context.session
        if session is None:
            return None
        if self.login_dialog is not None and self.login_dialog.isVisible():
            return self.login_dialog
        status = self.last_status
        demo = None
        if getattr(self.context, "demo", None) is not None:
            from offa_desktop.demo.accounts import DEMO_ACCOUNTS

            demo = [(a.username, a.password, a.display_name) for a in DEMO_ACCOUNTS]
        dialog = LoginDialog(
            self.tasks,
            session,
            server=(status.server or "") if status else "",
            username=(status.username or "") if status else "",
            parent=self.window,
            demo_accounts=demo,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        # deleted on close: forget it then, or the next "Se connecter…" touches a dead object
        dialog.finished.connect(self._login_closed)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def _login_closed(self, _result: int) -> None:
        self.login_dialog = None

    def _logged_in(self, dialog: Any = None) -> None:
        """Say who is connected (replacing a «session expirée» still shown), then sync: a
        login is asked for when a sync needs one, or to start syncing."""
        self.online = True
        user = getattr(dialog, "user", None) or {}
        name = user.get("display_name") or (dialog.username.text() if dialog else "")
        self.window.statusBar().showMessage(
            self.tr("Connecté en tant que %1.").replace("%1", str(name)), 10_000)
        self.refresh_status()
        QTimer.singleShot(0, self.sync)

    def logout(self) -> None:
        """Se déconnecter: what is not sent or not settled yet is listed first, each edit and
        conflict by its record (issue 12: « logout lists exactly what blocks it »), with the
        choices: give up the edits refused for the role and log out, log out anyway (the rest
        stays in the copy for the next login with this account), or stay."""
        session = self.context.session
        if session is None:
            return
        from offa_desktop.ops.sync.conflicts import blocking

        # the writer lane: the list sees every edit saved before the click
        self.tasks.op(blocking, session.wc).owned_by(self).success(self._ask_logout).run()

    def _ask_logout(self, items: list[Any]) -> None:
        if not items:
            self._logout_now()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Se déconnecter"), "",
                          parent=self.window)  # fmt: skip
        box.setObjectName("logout-question")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setText(self.tr(
            "%1 modification(s) ou conflit(s) ne sont pas encore envoyés ou réglés :"
        ).replace("%1", str(len(items))))
        lines = [f"• {self.blocker_text(item)}" for item in items[:LOGOUT_LINES]]
        if len(items) > LOGOUT_LINES:
            lines.append(self.tr("… et %1 autre(s) (« Modifications refusées », « Conflits à "
                                 "résoudre… »)").replace("%1", str(len(items) - LOGOUT_LINES)))
        states = {item.state for item in items}
        after = []
        if "pending" in states:
            after.append(self.tr("les modifications en attente partiront à la prochaine "
                                 "connexion avec ce compte"))  # fmt: skip
        if "conflict" in states:
            after.append(self.tr("les conflits attendent votre choix"))
        if states & {"rejected", "forbidden"}:
            after.append(self.tr("les modifications refusées attendent d'être corrigées ou "
                                 "abandonnées"))  # fmt: skip
        box.setInformativeText("\n".join(lines) + "\n\n" + self.tr(
            "Elles restent dans la copie de travail : %1."
        ).replace("%1", " ; ".join(after)))
        forbidden = sum(1 for item in items if item.state == "forbidden")
        discard = None
        if forbidden:
            discard = box.addButton(self.tr(
                "Abandonner les modifications interdites (%1) et se déconnecter"
            ).replace("%1", str(forbidden)), QMessageBox.ButtonRole.DestructiveRole)
            discard.setObjectName("logout-discard-forbidden")
        anyway = box.addButton(self.tr("Se déconnecter quand même"),
                               QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
        anyway.setObjectName("logout-anyway")
        stay = box.addButton(self.tr("Rester connecté"), QMessageBox.ButtonRole.RejectRole)
        stay.setObjectName("logout-cancel")
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)

        def chosen(button: Any) -> None:
            if button is anyway:
                self._logout_now()
            elif discard is not None and button is discard:
                from offa_desktop.ops.sync.conflicts import discard_forbidden

                self.tasks.op(discard_forbidden, self.context.session.wc).success(
                    lambda _changes: self._logout_now()).run()

        box.buttonClicked.connect(chosen)
        self.logout_box = box
        box.open()

    def blocker_text(self, item: Any) -> str:
        """One line of the logout question: « Entreprises « Nom » (modification, en conflit :
        fiche supprimée sur le serveur : …) »."""
        from offa_desktop.domain.problems import cap
        from offa_desktop.domain.schema import COLLECTIONS

        kinds = {"create": self.tr("création"), "update": self.tr("modification"),
                 "delete": self.tr("suppression")}  # fmt: skip
        states = {
            "pending": self.tr("en attente d'envoi"),
            "conflict": self.tr("en conflit"),
            "rejected": self.tr("refusée par le serveur"),
            "forbidden": self.tr("interdite pour votre rôle"),
        }
        label = cap(COLLECTIONS[item.collection].label) if item.collection in COLLECTIONS \
            else item.collection
        detail = f"{kinds.get(item.kind, item.kind)}, {states.get(item.state, item.state)}"
        if item.message and item.state != "pending":
            detail += f"\u00a0: {item.message}"
        return f"{label} « {item.title} » ({detail})"

    def _logout_now(self) -> None:
        session = self.context.session
        if session is None:
            return
        from offa_desktop.ops.sync.actions import logout

        self.tasks.background(logout, session).owned_by(self).success(self._logged_out).run()

    def _logged_out(self, _unsent: int) -> None:
        self.online = None
        self.window.statusBar().showMessage(self.tr("Déconnecté."), 10_000)
        self.refresh_status()


def _open_session(folder: Any, wc: Any) -> Any:
    """On a worker: imports sync (requests, keyring) there, then opens the session."""
    from offa_desktop.ops.sync.actions import open_sync_session

    return open_sync_session(folder, wc)
