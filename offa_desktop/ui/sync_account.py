"""The account in the window: «Se connecter…» (the login dialog), «Se déconnecter» (what holds
it back listed first, ``ui/logout_question.py``) and «Mes appareils…»; for the sync controller
(``ui/sync_controller.py``), its host."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer


class SyncHost(Protocol):
    """What the account flow reads and moves of the sync controller."""

    context: Any
    window: Any
    tasks: Any
    last_status: Any
    online: bool | None

    def refresh_status(self) -> None: ...

    def sync(self, checked: bool = False, *, preflight: bool = True, verify: bool = False) -> None:
        ...


class AccountFlow(QObject):
    """Login, logout and devices for one window's sync controller."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.host: SyncHost = host
        self.login_dialog: Any = None
        self.logout_box: Any = None
        self.devices_dialog: Any = None

    def open_devices(self) -> Any:
        """« Mes appareils » (``ui/devices_dialog.py``); returns the dialog."""
        if self.host.context.session is None:
            return None
        if self.host.context.session.account() is None:
            return self.ask_login()
        from offa_desktop.ui.devices_dialog import open_devices

        self.devices_dialog = open_devices(self.host.context, self.host.window)
        return self.devices_dialog

    def ask_login(self) -> Any:
        """Open the login dialog (window-modal, never blocking a running loop); returns it."""
        from offa_desktop.ui.login_dialog import open_login

        session = self.host.context.session
        if session is None:
            return None
        if self.login_dialog is not None and self.login_dialog.isVisible():
            return self.login_dialog
        dialog = open_login(self.host.context, session, self.host.last_status, self.host.window)
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
        self.host.online = True
        user = getattr(dialog, "user", None) or {}
        name = user.get("display_name") or (dialog.username.text() if dialog else "")
        self.host.window.statusBar().showMessage(
            self.tr("Connecté en tant que %1.").replace("%1", str(name)), 10_000)
        self.host.refresh_status()
        QTimer.singleShot(0, self.host.sync)

    def logout(self) -> None:
        """Se déconnecter: what is not sent or not settled yet is listed first, each edit and
        conflict by its record (issue 12: « logout lists exactly what blocks it »), with the
        choices: give up the edits refused for the role and log out, log out anyway (the rest
        stays in the copy for the next login with this account), or stay."""
        session = self.host.context.session
        if session is None:
            return
        from offa_desktop.ops.sync.conflicts import blocking

        # the writer lane: the list sees every edit saved before the click
        self.host.tasks.op(blocking, session.wc).owned_by(self).success(self._ask_logout).run()

    def _ask_logout(self, items: list[Any]) -> None:
        if not items:
            self._logout_now()
            return
        from offa_desktop.ui.logout_question import LogoutQuestion

        box = LogoutQuestion(items, self.host.window)
        box.log_out.connect(self._logout_now)
        box.discard_forbidden.connect(self._discard_forbidden)
        # deleted on close: forget it then (a test waiting for the next question read the
        # deleted one: "Internal C++ object (LogoutQuestion) already deleted", 2 runs in 3)
        box.finished.connect(lambda _code: self._question_closed(box))
        self.logout_box = box
        box.open()

    def _question_closed(self, box: Any) -> None:
        if self.logout_box is box:
            self.logout_box = None

    def _discard_forbidden(self) -> None:
        """Give up the edits refused for the role, then log out."""
        from offa_desktop.ops.sync.conflicts import discard_forbidden

        self.host.tasks.op(discard_forbidden, self.host.context.session.wc).success(
            lambda _changes: self._logout_now()).run()

    def _logout_now(self) -> None:
        session = self.host.context.session
        if session is None:
            return
        from offa_desktop.ops.sync.actions import logout

        self.host.tasks.background(logout, session).owned_by(self).success(self._logged_out).run()

    def _logged_out(self, _unsent: int) -> None:
        self.host.online = None
        self.host.window.statusBar().showMessage(self.tr("Déconnecté."), 10_000)
        self.host.refresh_status()
