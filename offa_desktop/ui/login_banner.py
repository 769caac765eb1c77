"""The line across the top of the window while no one is connected: what to do and a button.

A first start without ``--demo`` used to open on an empty «Non connecté» window that said
neither that a login was needed nor which server: this says both, and the button (or Enter on
it) opens the login dialog.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files tr("…") calls there


class LoginBanner(QFrame):
    """«Pas encore connecté…» with «Se connecter…»; hidden while a login is held."""

    def __init__(self, on_login: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login-banner")
        self.setStyleSheet("QFrame#login-banner { background: #fdf3d8; "
                           "border-bottom: 1px solid #e0c36a; }")
        self.text = QLabel(self)
        self.text.setObjectName("login-banner-text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(tr("Se connecter…"), self)
        self.button.setObjectName("login-banner-button")
        self.button.clicked.connect(on_login)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def never_connected(self) -> None:
        self.text.setText(tr(
            "<b>Pas encore connecté.</b> Indiquez l'adresse du serveur OPLA de votre opérateur, "
            "votre utilisateur et votre mot de passe pour recevoir les fiches de votre "
            "périmètre. Pour essayer sans serveur : <code>offa-desktop --demo</code>."))
        self.button.setText(tr("Se connecter…"))
        self.show()

    def signed_out(self, username: str) -> None:
        self.text.setText(tr("<b>Déconnecté.</b> Les modifications restent sur cet ordinateur "
                             "et partiront à la prochaine connexion de %1.").replace(
                                 "%1", html.escape(username)))
        self.button.setText(tr("Se reconnecter…"))
        self.show()
