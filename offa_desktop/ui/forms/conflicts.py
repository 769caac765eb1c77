"""The conflicts dialog (base / mine / theirs per field; pick a side or type a value; saved as a
new edit carrying the resolution) and the list of edits the server refused, with its message,
to open the record, correct it and send it again, or give the edit up."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.problems import cap, label
from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.ops.sync import conflicts
from offa_desktop.ui.dialogs import REFUSED, close_buttons, say
from offa_desktop.ui.formats import date_fr, money_fr
from offa_desktop.ui.forms.base import tr
from offa_desktop.ui.forms.fields import (
    DateField,
    Field,
    InputError,
    MoneyField,
    NumberField,
    TextField,
)
from offa_desktop.ui.forms.registry import open_record
from sync.ports import Conflict

SIDES = [("mine", "la mienne"), ("theirs", "celle du serveur"), ("edited", "autre valeur")]


def shown(collection: str, name: str, value: Any) -> str:
    """A value as people read it (dates and money in fr_BE, JSON as text)."""
    if value is None:
        return "—"
    spec = COLLECTIONS[collection].by_name.get(name)
    kind = spec.kind if spec else None
    if kind is Kind.DATE:
        return date_fr(value)
    if kind is Kind.MONEY:
        return money_fr(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class JsonField(TextField):
    """A JSON value typed as text."""

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError as exc:
            raise self._fail(tr("JSON invalide.")) from exc

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else json.dumps(value, ensure_ascii=False))


def editor_for(collection: str, name: str) -> Field:
    """The editor for a typed value of a field."""
    spec = COLLECTIONS[collection].by_name.get(name)
    text = label(collection, name)
    kind = spec.kind if spec else Kind.TEXT
    if kind is Kind.DATE:
        return DateField(text)
    if kind is Kind.MONEY:
        return MoneyField(text)
    if kind is Kind.INT:
        return NumberField(text)
    if kind is Kind.HOURS:
        return NumberField(text, decimals=True)
    if kind in (Kind.JSON, Kind.REFS, Kind.STRINGS, Kind.BOOL):
        return JsonField(text)
    return TextField(text)


class _EditsDialog(QDialog):
    """A dialog over edits of the copy that wait on a person: their list, a message line, and
    «Fermer». Signal ``saved(ChangeSet)`` after a change."""

    saved = Signal(object)

    def __init__(self, context: Any, parent: QWidget | None, title: str, name: str) -> None:
        super().__init__(parent)
        self.context = context
        self.wc = context.working_copy
        self.setWindowTitle(title)
        self.setObjectName(name)
        self.list = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)


class ConflictsDialog(_EditsDialog):
    """Every open conflict; one at a time, field by field.

    Signals: ``saved(ChangeSet)`` after a conflict was settled.
    """

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, tr("Conflits à régler"), "conflicts-dialog")
        self.resize(900, 560)
        self.list.setMaximumWidth(260)
        self.detail = QWidget()
        self.grid = QGridLayout(self.detail)
        self.grid.setColumnStretch(5, 1)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.message.setObjectName("conflict-message")
        self.message.setStyleSheet(f"color: {REFUSED};")
        self.save_button = QPushButton(tr("Enregistrer la résolution"))
        self.save_button.clicked.connect(self.resolve)
        right = QVBoxLayout()
        right.addWidget(self.explain)
        right.addWidget(self.detail)
        right.addStretch(1)
        right.addWidget(self.message)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addLayout(right, 1)
        close = close_buttons(self)
        outer = QVBoxLayout(self)
        outer.addLayout(row, 1)
        outer.addWidget(close)
        self.choices: dict[str, tuple[QComboBox, Field]] = {}
        self.current: Conflict | None = None
        self.list.currentRowChanged.connect(self.show_conflict)
        self.reload()

    def reload(self) -> None:
        self.items = conflicts.conflicts(self.wc)
        self.list.clear()
        for conflict in self.items:
            name = conflicts.title(self.wc, conflict.collection, conflict.record_id)
            what = cap(COLLECTIONS[conflict.collection].label)
            self.list.addItem(f"{what}\u00a0: {name}")
        if self.items:
            self.list.setCurrentRow(0)
        else:
            self.show_conflict(-1)

    def show_conflict(self, row: int) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices.clear()
        self.message.clear()
        self.current = self.items[row] if 0 <= row < len(self.items) else None
        conflict = self.current
        self.save_button.setEnabled(conflict is not None)
        if conflict is None:
            self.explain.setText(tr("Aucun conflit à régler."))
            return
        if conflict.kind != "fields":
            self._whole_record(conflict)
            return
        self.explain.setText(tr("Cette fiche a été modifiée ici et sur le serveur. Pour chaque "
                                "champ, gardez votre valeur, celle du serveur, ou tapez-en une "
                                "autre."))
        for col, text in enumerate((tr("Champ"), tr("Avant"), tr("Ma valeur"),
                                    tr("Valeur du serveur"), tr("Garder"), tr("Autre valeur"))):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        for r, (name, detail) in enumerate(sorted(conflict.fields.items()), start=1):
            c = conflict.collection
            self.grid.addWidget(QLabel(cap(label(c, name))), r, 0)
            for col, side in ((1, "base"), (2, "mine"), (3, "theirs")):
                value = QLabel(shown(c, name, detail.get(side)))
                value.setWordWrap(True)
                self.grid.addWidget(value, r, col)
            combo = QComboBox()
            for code, text in SIDES:
                combo.addItem(tr(text), code)
            editor = editor_for(c, name)
            editor.set_value(detail.get("mine"))
            editor.widget.setEnabled(False)
            combo.currentIndexChanged.connect(
                lambda _i, cb=combo, ed=editor: ed.widget.setEnabled(cb.currentData() == "edited"))
            self.grid.addWidget(combo, r, 4)
            self.grid.addWidget(editor.widget, r, 5)
            self.choices[name] = (combo, editor)

    def _whole_record(self, conflict: Conflict) -> None:
        if conflict.kind == "deleted_by_server":
            text = tr("Le serveur a supprimé cette fiche alors que vous la modifiiez. Garder la "
                      "vôtre la recrée (nouvelle fiche)\u00a0; accepter la suppression abandonne "
                      "vos modifications.")
        else:
            text = tr("Vous avez supprimé cette fiche alors qu'elle était modifiée sur le "
                      "serveur. Garder la vôtre confirme la suppression\u00a0; accepter garde la "
                      "fiche du serveur.")
        self.explain.setText(text)
        combo = QComboBox()
        if conflict.kind == "deleted_by_server":
            combo.addItem(tr("rétablir la fiche avec mes valeurs"), "mine")
            combo.addItem(tr("accepter la suppression"), "theirs")
        else:
            combo.addItem(tr("confirmer ma suppression"), "mine")
            combo.addItem(tr("garder la fiche du serveur"), "theirs")
        self.grid.addWidget(QLabel(tr("Choix")), 0, 0)
        self.grid.addWidget(combo, 0, 1)
        self.choices[""] = (combo, TextField(""))

    def selection(self) -> dict[str, tuple[Any, Any]] | str | None:
        """The choices made (None, with the message shown, when a typed value is invalid)."""
        if "" in self.choices:
            return str(self.choices[""][0].currentData())
        out: dict[str, tuple[Any, Any]] = {}
        for name, (combo, editor) in self.choices.items():
            choice = combo.currentData()
            value = None
            if choice == "edited":
                try:
                    value = editor.value()
                except InputError as exc:
                    self.message.setText(str(exc))
                    return None
            out[name] = (choice, value)
        return out

    def resolve(self) -> None:
        conflict = self.current
        chosen = self.selection()
        if conflict is None or chosen is None:
            return
        if isinstance(chosen, dict):
            problems = conflicts.resolution_problems(conflict.collection, chosen, conflict)
            if problems:
                self.message.setText("\n".join(p.message for p in problems))
                return
        self.save_button.setEnabled(False)
        self.context.tasks.op(
            conflicts.resolve, self.wc, conflict.collection, conflict.record_id, chosen
        ).success(self._resolved).failure(self._failed).run()

    def _resolved(self, changes: Any) -> None:
        self.saved.emit(changes)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(tr("Résolution impossible\u00a0: ") + str(error))
        self.save_button.setEnabled(True)


class RejectedDialog(_EditsDialog):
    """Edits the server refused, with its message: open the record to correct it, send again,
    or give up.

    Signals: ``saved(ChangeSet)`` after a retry or a discard.
    """

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, tr("Modifications refusées par le serveur"),
                         "rejected-dialog")
        self.resize(760, 480)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text in (("open", tr("Ouvrir la fiche…")), ("retry", tr("Renvoyer")),
                          ("discard", tr("Abandonner cette modification"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=key: self.act(k))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        # Edits the server refuses for the user's role can never be sent: given up together.
        self.discard_forbidden_button = QPushButton()
        self.discard_forbidden_button.setObjectName("discard-forbidden")
        self.discard_forbidden_button.clicked.connect(self.discard_forbidden)
        row.addWidget(self.discard_forbidden_button)
        close = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.opened: list[QWidget] = []
        self.reload()

    def reload(self) -> None:
        self.items = conflicts.rejected(self.wc)
        self.list.clear()
        kinds = {"create": tr("création"), "update": tr("modification"),
                 "delete": tr("suppression")}
        for item in self.items:
            what = cap(COLLECTIONS[item.collection].label)
            details = "; ".join(str(e.get("message")) for e in item.errors if e.get("message"))
            lines = [f"{what}\u00a0: {item.title} ({kinds.get(item.kind, item.kind)})",
                     item.message or tr("refusée par le serveur")]
            if details and details != item.message:
                lines.append(details)
            self.list.addItem("\n".join(lines))
        if self.items:
            self.list.setCurrentRow(0)
        for button in self.buttons.values():
            button.setEnabled(bool(self.items))
        forbidden = sum(1 for item in self.items if item.state == "forbidden")
        self.discard_forbidden_button.setText(
            tr("Abandonner les modifications interdites (%1)").replace("%1", str(forbidden))
        )
        self.discard_forbidden_button.setToolTip(tr(
            "Le serveur les refuse pour votre rôle : elles ne pourront jamais être envoyées. "
            "Chaque fiche reprend l'état du serveur."))  # fmt: skip
        self.discard_forbidden_button.setVisible(forbidden > 0)

    def discard_forbidden(self) -> None:
        """Give up every edit refused for the user's role, in one transaction per edit."""
        self.context.tasks.op(conflicts.discard_forbidden, self.wc).success(
            self._done).failure(self._failed).run()

    def act(self, key: str) -> QWidget | None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return None
        item = self.items[row]
        if key == "open":
            form = open_record(self.context, item.collection, item.record_id, self)
            if form is not None:
                self.opened.append(form)
            return form
        fn = conflicts.retry if key == "retry" else conflicts.discard
        self.context.tasks.op(fn, self.wc, item.seq, item.collection, item.record_id).success(
            self._done).failure(self._failed).run()
        return None

    def _done(self, changes: Any) -> None:
        say(self.message, tr("Enregistré\u00a0: envoyé à la prochaine synchronisation."))
        self.saved.emit(changes)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        say(self.message, str(error), failed=True)


def open_conflicts(context: Any, parent: QWidget | None) -> QDialog:
    """The conflicts to settle (for the sync status's "conflits" link)."""
    dialog = ConflictsDialog(context, parent)
    dialog.show()
    return dialog


def open_rejected(context: Any, parent: QWidget | None) -> QDialog:
    """The edits the server refused (for the sync status's "refusées" link)."""
    dialog = RejectedDialog(context, parent)
    dialog.show()
    return dialog
