"""Fichier > «Doublons possibles…» (issue 18): the records that may be one person, company or
place (``ops.duplicates.find``, read on the pool), and their merge by OFFA staff.

One line per pair: the kind, why they look alike, each record as people read it. «Garder la
première» / «Garder la seconde» asks the server to merge the other into the one kept (every
reference moves to it, the other becomes a tombstone pointing to it), then syncs; the list is
read again. Other roles see the list and are told only OFFA staff merge.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from offa_desktop.ui.dialogs import ContextDialog, close_buttons, show_kept
from offa_desktop.ui.tables import fill_rows, read_only_table


def tr(text: str) -> str:
    return QCoreApplication.translate("DuplicatesDialog", text)


def show(context: Any, window: Any) -> DuplicatesDialog:
    return show_kept(context, DuplicatesDialog(context, window), "last_duplicates")


class DuplicatesDialog(ContextDialog):
    """Signals: ``listed(object)`` with the pairs shown; ``merged(object)`` after a merge."""

    listed = Signal(object)
    merged = Signal(object)

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, "duplicates-dialog")
        from offa_desktop.ui.forms.support import user_profile

        self.setWindowTitle(tr("Doublons possibles"))
        self.pairs: list[Any] = []
        self.is_offa = user_profile(context).get("role") == "offa"
        self.table = read_only_table(
            [tr("Fiches"), tr("Pourquoi"), tr("Première fiche"), tr("Seconde fiche")], (), self,
            select_rows=True, single=True)  # fmt: skip
        self.table.setObjectName("duplicates-table")
        self.summary = QLabel(self)
        self.summary.setObjectName("duplicates-summary")
        self.summary.setWordWrap(True)
        self.keep_first = QPushButton(tr("Garder la première, fusionner la seconde"), self)
        self.keep_second = QPushButton(tr("Garder la seconde, fusionner la première"), self)
        self.keep_first.clicked.connect(lambda: self.merge_selected(keep_first=True))
        self.keep_second.clicked.connect(lambda: self.merge_selected(keep_first=False))
        for button in (self.keep_first, self.keep_second):
            button.setEnabled(False)
        self.table.itemSelectionChanged.connect(self._selection)
        row = QHBoxLayout()
        row.addWidget(self.keep_first)
        row.addWidget(self.keep_second)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(close_buttons(self))
        self.resize(980, 520)
        self.reload()

    def reload(self) -> None:
        from offa_desktop.ops.duplicates import find

        self.summary.setText(tr("Recherche des doublons…"))
        (self.context.tasks.background(find, self.context.working_copy).owned_by(self)
         .success(self._show).run())  # fmt: skip

    def _show(self, pairs: list[Any]) -> None:
        # here, not at the top: the Fichier menu installs this module before the first paint,
        # and ops.duplicates brings the sync session (requests, keyring) with its merge
        from offa_desktop.ops.duplicates import KINDS_FR

        self.pairs = pairs
        fill_rows(self.table, [
            (None, (KINDS_FR.get(pair.collection, pair.collection).capitalize(), pair.reason,
                    pair.first_label, pair.second_label)) for pair in pairs])  # fmt: skip
        if not pairs:
            self.summary.setText(tr("Aucun doublon possible dans la copie de travail."))
        elif self.is_offa:
            self.summary.setText(tr("%1 paire(s). Choisissez une paire, puis la fiche à garder : "
                                    "les références à l'autre passent à celle-ci, l'autre est "
                                    "supprimée (son historique garde la fusion).")
                                 .replace("%1", str(len(pairs))))  # fmt: skip
        else:
            self.summary.setText(tr("%1 paire(s). Seul le personnel de l'OFFA fusionne des "
                                    "fiches : signalez-lui ces doublons.")
                                 .replace("%1", str(len(pairs))))  # fmt: skip
        self._selection()
        self.listed.emit(pairs)

    def _selection(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows()) and self.is_offa
        for button in (self.keep_first, self.keep_second):
            button.setEnabled(chosen)

    def merge_selected(self, *, keep_first: bool) -> Any:
        from offa_desktop.ops.duplicates import merge

        rows = self.table.selectionModel().selectedRows()
        if not rows or self.context.session is None:
            return None
        pair = self.pairs[rows[0].row()]
        kept, gone = (pair.first, pair.second) if keep_first else (pair.second, pair.first)
        for button in (self.keep_first, self.keep_second):
            button.setEnabled(False)
        self.summary.setText(tr("Fusion en cours sur le serveur…"))
        return (self.context.tasks.background(merge, self.context.session, pair.collection,
                                              kept, gone)
                .owned_by(self).success(self._merged).failure(self._failed).run())  # fmt: skip

    def _merged(self, synced: Any) -> None:
        # the sync's ChangeSet refreshes the lists (the task manager emits data_changed)
        self.merged.emit(synced)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        from offa_desktop.domain.errors import user_message

        self.summary.setText(tr("Fusion impossible : ") + user_message(error))
        self._selection()
