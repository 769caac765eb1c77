"""The login dialog: server, user, password; the login runs off the UI thread."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.errors import user_message
from offa_desktop.ui.dialogs import ok_cancel_buttons
from offa_desktop.ui.tasks import TaskManager


class LoginDialog(QDialog):
    """Asks for the server address, the username and the password, then logs in.

    The password never leaves this dialog but for the login call; tokens go to the keyring.
    """

    def __init__(
        self,
        tasks: TaskManager,
        session: Any,
        *,
        server: str = "",
        username: str = "",
        parent: QWidget | None = None,
        demo_accounts: Sequence[tuple[str, str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login-dialog")
        self.setWindowTitle(self.tr("Connexion au serveur OPLA"))
        self.tasks = tasks
        self.session = session
        self.user: dict[str, Any] = {}
        self.server = QLineEdit(server, self)
        self.server.setObjectName("login-server")
        self.server.setPlaceholderText(self.tr("adresse donnée par votre opérateur, "
                                               "ex. https://opla.example.be"))
        self.username = QLineEdit(username, self)
        self.username.setObjectName("login-username")
        self.password = QLineEdit(self)
        self.password.setObjectName("login-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("login-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        self.demo: QComboBox | None = None
        if demo_accounts:  # the demo's accounts, where a person looks for them
            self.demo = QComboBox(self)
            self.demo.setObjectName("login-demo")
            self.demo.addItem(self.tr("— choisir un compte de démonstration —"), None)
            for name, password, shown in demo_accounts:
                self.demo.addItem(f"{name} · {shown}", (name, password))
            self.demo.currentIndexChanged.connect(self._demo_chosen)
            form.addRow(self.tr("Démonstration"), self.demo)
        form.addRow(self.tr("Serveur"), self.server)
        form.addRow(self.tr("Utilisateur"), self.username)
        form.addRow(self.tr("Mot de passe"), self.password)
        self.buttons, _ok = ok_cancel_buttons(self, self.tr("Se connecter"), self.try_login)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if server and username else self.server).setFocus()

    def _demo_chosen(self, _index: int) -> None:
        chosen = self.demo.currentData() if self.demo is not None else None
        if chosen:
            self.username.setText(chosen[0])
            self.password.setText(chosen[1])

    def try_login(self) -> None:
        server = self.server.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        missing = [
            name
            for name, value in (
                (self.tr("le serveur"), server),
                (self.tr("l'utilisateur"), username),
                (self.tr("le mot de passe"), password),
            )
            if not value
        ]
        if missing:
            self.message.setText(self.tr("Indiquez %1.").replace("%1", ", ".join(missing)))
            return
        from offa_desktop.ops.sync.actions import login

        self._busy(True)
        self.message.setText(self.tr("Connexion en cours…"))
        self.tasks.background(login, self.session, server, username, password).owned_by(
            self
        ).success(self._logged_in).failure(self._failed).run()

    def _busy(self, busy: bool) -> None:
        for widget in (self.server, self.username, self.password, self.buttons):
            widget.setEnabled(not busy)

    def _logged_in(self, user: Any) -> None:
        self.user = dict(user or {})
        self.password.clear()
        self._busy(False)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        message = user_message(error)
        self.message.setText(str(message))
        self.password.selectAll()
        self.password.setFocus()


def open_login(context: Any, session: Any, status: Any, parent: QWidget) -> LoginDialog:
    """The login dialog for ``session``, filled with the last server and user of ``status``
    (None: none known), and the demo's accounts to pick from when the demo runs."""
    demo = None
    if getattr(context, "demo", None) is not None:
        from offa_desktop.demo.accounts import DEMO_ACCOUNTS

        demo = [(a.username, a.password, a.display_name) for a in DEMO_ACCOUNTS]
    return LoginDialog(
        context.tasks,
        session,
        server=(status.server or "") if status else "",
        username=(status.username or "") if status else "",
        parent=parent,
        demo_accounts=demo,
    )
