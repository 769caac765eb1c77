"""The pre-flight report before a sync or a batch print: "12 fiches seront refusées, voici
pourquoi", grouped by reason; Enter or a double-click opens a record; the person goes on anyway
or cancels."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.ops.preflight import Report

KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ONE = {"contracts": "Contrat", "learners": "Apprenant", "contract_events": "Événement de contrat",
       "approvals": "Agrément", "companies": "Entreprise",
       "establishment_units": "Unité d'établissement", "tutors": "Tuteur", "visits": "Visite",
       "incentive_claims": "Demande d'incitant", "snoozes": "Report"}


class _Tree(QTreeWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.itemActivated.emit(self.currentItem(), 0)
            return
        super().keyPressEvent(event)


class PreflightDialog(QDialog):
    """Signal ``open_requested(collection: str, record_id: str)``. Accepted = go on anyway."""

    open_requested = Signal(str, str)

    def __init__(self, report: Report, go_on: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preflight-dialog")
        self.setWindowTitle(self.tr("Contrôle avant envoi"))
        self.resize(760, 460)
        self.report = report
        headline = QLabel(report.headline(), self)
        headline.setObjectName("preflight-headline")
        headline.setWordWrap(True)
        self.tree = _Tree(self)
        self.tree.setObjectName("preflight-tree")
        self.tree.setHeaderLabels([self.tr("Raison / fiche"), self.tr("Champ")])
        self.tree.setColumnWidth(0, 520)
        for reason, found in report.groups():
            group = QTreeWidgetItem([f"{reason} ({len(found)})", ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for p in found:
                one = ONE.get(p.collection, COLLECTIONS[p.collection].label)
                line = QTreeWidgetItem([f"{self.tr(one)} {p.id}", p.field])
                line.setToolTip(0, p.message)
                line.setData(0, KEY_ROLE, (p.collection, p.id))
                group.addChild(line)
            group.setExpanded(True)
        self.tree.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(self)
        self.go_on = buttons.addButton(go_on, QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_on.setObjectName("preflight-go-on")
        cancel = buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, KEY_ROLE)
        if key:
            self.open_requested.emit(str(key[0]), str(key[1]))


def run_preflight(context: Any, window: Any, keys: list[tuple[str, str]] | None, go_on: str,
                  then: Callable[[], None]) -> None:
    """Check on a worker; without problems call ``then`` at once, else show the report and call
    ``then`` only when the person goes on anyway."""
    from offa_desktop.ops import preflight

    def checked(report: Report) -> None:
        if not report.problems:
            then()
            return
        dialog = PreflightDialog(report, go_on, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(window.open_record)
        dialog.accepted.connect(then)
        window.preflight = dialog
        dialog.open()

    context.tasks.background(preflight.check, context.working_copy, keys).success(
        checked).failure(lambda _error: then()).run()
