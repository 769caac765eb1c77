"""Historique: who changed what on a record (server audit), and local edits not sent yet."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.ui.dialogs import close_buttons

KINDS = {"create": "création", "update": "modification", "delete": "suppression"}
STATES = {"rejected": "refusée par le serveur", "forbidden": "hors de votre périmètre",
          "conflict": "en conflit"}


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d/%m/%Y %H:%M")
    text = str(value or "")
    try:
        return (
            datetime.fromisoformat(text.replace("Z", "+00:00"))
            .astimezone()
            .strftime("%d/%m/%Y %H:%M")
        )
    except ValueError:
        return text


class HistoryDialog(QDialog):
    """Two lists: the server's entries (who, when, what) and the edits waiting to be sent."""

    def __init__(self, collection: str, history: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history-dialog")
        self.setWindowTitle(self.tr("Historique de la fiche"))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Quand"), self.tr("Qui"), self.tr("Quoi")])
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 190)
        self.tree.setColumnWidth(1, 180)
        server = QTreeWidgetItem(self.tree, [self.tr("Sur le serveur")])
        for entry in history.server:
            kind = self.tr(KINDS.get(str(entry.get("kind")), str(entry.get("kind"))))
            item = QTreeWidgetItem(
                server, [_when(entry.get("at")), str(entry.get("user_name") or "—"), kind]
            )
            for line in entry.get("lines") or []:
                QTreeWidgetItem(item, ["", "", line])
        if history.server_error:
            QTreeWidgetItem(server, ["", "", history.server_error])
        elif not history.server:
            QTreeWidgetItem(server, ["", "", self.tr("Aucune modification enregistrée sur le "
                                                     "serveur pour cette fiche.")])
        local = QTreeWidgetItem(self.tree, [self.tr("Sur cet ordinateur, pas encore envoyé")])
        for op in history.local:
            kind = self.tr(KINDS.get(op["kind"], op["kind"]))
            state = self.tr(STATES.get(op["state"], ""))
            item = QTreeWidgetItem(local, [_when(op["at"]), self.tr("moi"),
                                           f"{kind} ({state})" if state else kind])
            for line in op.get("lines") or []:
                QTreeWidgetItem(item, ["", "", line])
        if not history.local:
            QTreeWidgetItem(local, ["", "", self.tr("Rien en attente : tout est sur le serveur.")])
        server.setFirstColumnSpanned(True)
        local.setFirstColumnSpanned(True)
        chain = list(getattr(history, "chain", []) or [])
        if chain:
            links = QTreeWidgetItem(self.tree, [self.tr("Annulé et remplacé : la chaîne")])
            links.setFirstColumnSpanned(True)
            for line in chain:
                QTreeWidgetItem(links, ["", "", line])
        self.tree.expandAll()
        self.summary = QLabel(
            self.tr("%1 modification(s) sur le serveur, %2 en attente d'envoi")
            .replace("%1", str(len(history.server)))
            .replace("%2", str(len(history.local))),
            self,
        )
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(820, 520)
