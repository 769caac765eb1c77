"""The base of every record form: validation as you type, Save off the UI thread, close guard.

A form holds field editors by API field name. Each edit restarts a short timer; when it fires
the form reads its fields (what cannot be read is a problem of that field), asks
``ops.records.editing.check`` for the domain's problems and shows each one under its field
(others in the summary), the warnings in amber and the checks left to the server as «vérifié à la
synchronisation». Save stays disabled while a blocking problem remains; it runs the ops call on
the writer lane and the form closes on the ChangeSet. Closing with unsaved changes asks:
enregistrer / abandonner / annuler (``unsaved.py``).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.errors import user_message
from offa_desktop.domain.problems import Problem, cap, label
from offa_desktop.domain.validation import ValidationError
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.editing import Check
from offa_desktop.ui.dialogs import wrapping_label
from offa_desktop.ui.forms.fields import Field, InputError, tr
from offa_desktop.ui.forms.unsaved import UnsavedChoice, ask_unsaved
from offa_desktop.ui.tasks import debounced

__all__ = ["RecordForm", "field_label", "tr"]
log = logging.getLogger("offa.ui")
CHECK_DELAY_MS = 150


def field_label(collection: str, name: str) -> str:
    return cap(label(collection, name))


def problems_html(problems: list[Problem]) -> str:
    return "<br>".join(html.escape(p.message) for p in problems)


class RecordForm(QDialog):
    """A dialog editing one record of ``collection`` (a new one when ``record_id`` is None).

    Signals: ``saved(ChangeSet)`` once the save went through (the Saved change set);
    ``checked(object)`` after each validation with the
    :class:`~offa_desktop.ops.records.editing.Check`.
    """

    saved = Signal(object)
    checked = Signal(object)
    collection = ""
    stay_open_after_create = False  # a new company stays open to add its units and tutors
    defaults: dict[str, Any] = {}  # what a new record starts with, besides ``initial``
    # Asked when closing with unsaved changes; tests replace it.
    ask: Callable[[QWidget], str] = staticmethod(ask_unsaved)

    def __init__(
        self,
        context: Any,
        record_id: str | None,
        parent: QWidget | None = None,
        *,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.wc = context.working_copy
        self.record_id = record_id
        self.previous: dict[str, Any] | None = (
            editing.load(self.wc, self.collection, record_id) if record_id else None
        )
        self.base: dict[str, Any] = dict(
            self.previous or self.new_record({**self.defaults, **(initial or {})})
        )
        self.fields: dict[str, Field] = {}
        self.targets: dict[str, str] = {}  # problem field -> editor shown for it
        self.last_check: Check | None = None
        self._saving = False
        self.setObjectName(f"form-{self.collection}")
        self.setMinimumWidth(560)
        self.resize(660, 760)

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.form = self.add_group("")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        self.summary = wrapping_label("form-summary", rich=True)
        self.pending = wrapping_label("form-pending", style="color: #555; font-style: italic;")
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(tr("Enregistrer"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.summary)
        outer.addWidget(self.pending)
        outer.addWidget(self.buttons)
        self._timer = debounced(self, CHECK_DELAY_MS, self.validate_now)
        self.build()

    def new_record(self, given: dict[str, Any]) -> dict[str, Any]:
        """A new record's first values from ``given``: the class's ``defaults`` and what the
        opener passed as ``initial`` (the record it is opened from: a company's id for its unit,
        a contract's for its event); a form derives more here (a visit's kind)."""
        return given

    def build(self) -> None:
        """The form's editors, ending with :meth:`load_values`: called last by this constructor.
        A form that takes more than the record to open builds in its own constructor instead."""

    # --- building ------------------------------------------------------------------------------
    def add_group(self, title: str) -> QFormLayout:
        """A titled box of rows in the form body (untitled: plain rows)."""
        box: QWidget = QGroupBox(title) if title else QWidget()
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if not title:
            layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.addWidget(box)
        return layout

    def add_field(
        self, name: str, field: Field, layout: QFormLayout | None = None, text: str = ""
    ) -> Field:
        self.fields[name] = field
        shown = text or field.label[:1].upper() + field.label[1:]
        (layout or self.form).addRow(shown, field.widget)
        field.edited.connect(self.schedule_check)
        return field

    def add_editors(
        self, editor: Callable[[str], Field], *names: str, layout: QFormLayout | None = None
    ) -> None:
        """An ``editor(label)`` for each of the fields ``names``, labelled as the collection
        names them."""
        for name in names:
            self.add_field(name, editor(field_label(self.collection, name)), layout)

    def load_values(self) -> None:
        """Fill the editors from the record (call at the end of a subclass's constructor)."""
        self.body_layout.addStretch(1)
        for name, field in self.fields.items():
            if name in self.base:
                field.set_value(self.base[name])
        self._initial = self.collect_quietly()
        self.validate_now()
        # editors filled from what the first check derived (choices of a unit's tutors)
        self._initial = self.collect_quietly()
        if self.record_id is not None and self.previous is None:
            self.summary.setText(tr("Cette fiche n'existe plus dans la copie de travail "
                                    "(supprimée ou pas encore synchronisée)."))
            self.summary.show()
            self.save_button.setEnabled(False)

    # --- reading -------------------------------------------------------------------------------
    def extra(self, data: dict[str, Any], problems: list[Problem]) -> None:
        """Subclasses put composed fields (JSON objects) into ``data`` and unreadable input into
        ``problems``."""

    def collect(self) -> tuple[dict[str, Any], list[Problem]]:
        """The record as typed, and the problems of what could not be read."""
        data = dict(self.base)
        problems: list[Problem] = []
        for name, field in self.fields.items():
            if name.startswith("_"):
                continue
            try:
                data[name] = field.value()
            except InputError as exc:
                data.pop(name, None)
                problems.append(Problem(name, "invalid", str(exc)))
        self.extra(data, problems)
        return data, problems

    def collect_quietly(self) -> dict[str, Any]:
        return self.collect()[0]

    @property
    def dirty(self) -> bool:
        return self.collect_quietly() != getattr(self, "_initial", None)

    # --- checking ------------------------------------------------------------------------------
    def schedule_check(self) -> None:
        self._timer.start()

    def check_record(self, data: dict[str, Any]) -> Check:
        """The domain's check of ``data`` (subclasses may add their own problems)."""
        return editing.check(
            self.wc, self.collection, data, previous=self.previous, record_id=self.record_id
        )

    def validate_now(self) -> Check:
        """Check what is typed now and show the outcome; returns it."""
        self._timer.stop()
        data, unreadable = self.collect()
        found = self.check_record(data)
        bad_fields = {p.field for p in unreadable}
        problems = unreadable + [
            p
            for p in found.problems
            if not (p.field in bad_fields and p.code == "required")
        ]
        result = Check(problems, found.pending, found.record)
        self.last_check = result
        self.show_check(result)
        self.update_derived(result)
        self.save_button.setEnabled(not result.blocking and not self._saving)
        self.checked.emit(result)
        return result

    def show_check(self, result: Check) -> None:
        by_field: dict[str, list[Problem]] = {}
        loose: list[Problem] = []
        for p in result.problems:
            target = self.targets.get(p.field, p.field)
            if target in self.fields and self.fields[target].widget.isVisibleTo(self):
                by_field.setdefault(target, []).append(p)
            else:
                loose.append(p)
        for name, field in self.fields.items():
            found = by_field.get(name, [])
            text = " ".join(p.message for p in found)
            field.show_problem(text or None, warning=bool(found) and all(p.warning for p in found))
        blocking = result.blocking
        lines = []
        if blocking:
            count = len(blocking)
            lines.append(
                "<b style='color:#a93226'>"
                + html.escape(
                    tr("%n problème(s) à corriger avant d'enregistrer.").replace(
                        "%n", str(count)
                    )
                )
                + "</b>"
            )
        if loose:
            lines.append(
                "<span style='color:#a93226'>" + problems_html(
                    [p for p in loose if not p.warning]
                ) + "</span>"
            )
            warn = [p for p in loose if p.warning]
            if warn:
                lines.append("<span style='color:#9a5b00'>" + problems_html(warn) + "</span>")
        self.summary.setText("<br>".join(line for line in lines if line))
        self.summary.setVisible(bool(lines))
        if result.pending:
            self.pending.setText(
                tr("Vérifié à la synchronisation\u00a0: ") + "; ".join(result.pending) + "."
            )
            self.pending.show()
        else:
            self.pending.hide()

    def update_derived(self, result: Check) -> None:
        """Subclasses show values computed from the record (age, notice, pay...)."""

    # --- saving --------------------------------------------------------------------------------
    def save_call(self, data: dict[str, Any]) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        """The ops function and its arguments that save ``data`` (run on the writer lane)."""
        return editing.save, (self.wc, self.collection, self.record_id, data)

    def save(self) -> None:
        """Validate now; when nothing blocks, save off the UI thread."""
        if self._saving:
            return
        result = self.validate_now()
        if result.blocking:
            self.save_button.setEnabled(False)
            return
        data, _ = self.collect()
        fn, args = self.save_call(data)
        self._saving = True
        self.save_button.setEnabled(False)
        self.context.tasks.op(fn, *args).success(self._saved).failure(self._failed).run()

    def _saved(self, changes: Any) -> None:
        self._saving = False
        created = self.record_id is None
        new_id = getattr(changes, "record_id", "") or self.record_id
        if new_id and created:
            self.record_id = new_id
        if self.record_id:
            self.previous = editing.load(self.wc, self.collection, self.record_id)
            self.base = dict(self.previous or self.base)
            for name, field in self.fields.items():
                if name in self.base:
                    field.set_value(self.base[name])
        self._initial = self.collect_quietly()
        self.after_save(changes)
        window = self.context.extras.get("window") if hasattr(self.context, "extras") else None
        if window is not None and hasattr(window, "statusBar"):  # the form closes: say it
            window.statusBar().showMessage(
                tr("Enregistré dans la copie de travail\u00a0: %1 (envoi à la prochaine "
                   "synchronisation).").replace("%1", self.windowTitle() or tr("fiche")), 10_000)
        self.saved.emit(changes if isinstance(changes, ChangeSet) else ChangeSet())
        if created and self.stay_open_after_create:
            self.validate_now()
            return
        self.accept()

    def after_save(self, changes: Any) -> None:
        """Subclasses react to a successful save (print, open the next step)."""

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ValidationError):
            result = Check(list(error.problems), [], {})
            self.show_check(result)
            self.save_button.setEnabled(False)
            return
        log.error("save failed", exc_info=error)
        message = user_message(error)
        self.summary.setText(
            "<b style='color:#a93226'>"
            + html.escape(tr("Enregistrement impossible\u00a0: ") + str(message))
            + "</b>"
        )
        self.summary.show()
        self.save_button.setEnabled(True)

    def blocking_now(self) -> list[Problem]:
        """What would stop a save now (the unsaved-changes question reads it)."""
        return self.validate_now().blocking

    # --- closing ------------------------------------------------------------------------------
    def done(self, code: int) -> None:
        """Every way out but Save (Fermer, Escape, the window's close box) comes here as a
        reject: unsaved changes are guarded."""
        if code == QDialog.DialogCode.Rejected and not self._saving and self.dirty:
            choice = type(self).ask(self)
            if choice == UnsavedChoice.SAVE:
                self.save()
                return
            if choice == UnsavedChoice.CANCEL:
                return
            self._initial = self.collect_quietly()
        super().done(code)
