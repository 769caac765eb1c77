"""The question «Se déconnecter» asks while edits or conflicts wait: each one named by its
record (issue 12: « logout lists exactly what blocks it »), what becomes of them, and the
choices: give up the edits refused for the role and log out, log out anyway (the rest stays in
the copy for the next login with this account), or stay."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

from offa_desktop.domain.problems import cap
from offa_desktop.domain.schema import COLLECTIONS

LOGOUT_LINES = 12  # edits named in the question (the rest counted)


class LogoutQuestion(QMessageBox):
    """Signals: ``log_out()`` (log out anyway), ``discard_forbidden()`` (give up the edits
    refused for the role, then log out); staying closes it."""

    log_out = Signal()
    discard_forbidden = Signal()

    def __init__(self, items: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Se déconnecter"))
        self.setObjectName("logout-question")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setText(self.tr(
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
        self.setInformativeText("\n".join(lines) + "\n\n" + self.tr(
            "Elles restent dans la copie de travail : %1."
        ).replace("%1", " ; ".join(after)))
        forbidden = sum(1 for item in items if item.state == "forbidden")
        self.discard: QPushButton | None = None
        if forbidden:
            self.discard = self.addButton(self.tr(
                "Abandonner les modifications interdites (%1) et se déconnecter"
            ).replace("%1", str(forbidden)), QMessageBox.ButtonRole.DestructiveRole)
            self.discard.setObjectName("logout-discard-forbidden")
        self.anyway = self.addButton(self.tr("Se déconnecter quand même"),
                                     QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
        self.anyway.setObjectName("logout-anyway")
        stay = self.addButton(self.tr("Rester connecté"), QMessageBox.ButtonRole.RejectRole)
        stay.setObjectName("logout-cancel")
        self.setDefaultButton(stay)
        self.setEscapeButton(stay)
        self.buttonClicked.connect(self._chosen)

    def _chosen(self, button: QAbstractButton) -> None:
        if button is self.anyway:
            self.log_out.emit()
        elif self.discard is not None and button is self.discard:
            self.discard_forbidden.emit()

    def blocker_text(self, item: Any) -> str:
        """One line of the logout question: « Entreprises « Nom » (modification, en conflit :
        fiche supprimée sur le serveur : …) »."""
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
