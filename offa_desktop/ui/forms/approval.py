"""The approval (agrément) form: request (unit x trade, operator, tutors), instruction with its
visits, decision (granted / refused, capacity and tutor checked, reason), then suspension or
withdrawal. Only the statuses the current one may move to are offered; a withdrawal lists the
running contracts it will end and asks to confirm before saving."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.ops import approvals
from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.contracts.drafting import Option
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.editing import Check
from offa_desktop.ui.dialogs import confirmed, keep_open
from offa_desktop.ui.formats import date_fr, name_of
from offa_desktop.ui.forms.base import RecordForm, field_label, tr
from offa_desktop.ui.forms.fields import (
    ChecksField,
    ChoiceField,
    DateField,
    LongTextField,
)
from offa_desktop.ui.forms.record_search import PickerField
from offa_desktop.ui.forms.support import (
    RequestForm,
    code_choices,
    operator_choices,
)
from offa_desktop.ui.tables import fill_rows, read_only_table

A = "approvals"


def confirm_withdrawal(parent: QWidget, contracts: list[Option]) -> bool:
    """Ask before a withdrawal that ends running contracts (tests replace it)."""
    names = "\n".join(f"• {c.label} ({c.detail})" for c in contracts)
    return confirmed(
        parent,
        tr("Retirer l'agrément"),
        tr("Ce retrait met fin à %n contrat(s) en cours dans ce métier\u00a0:").replace(
            "%n", str(len(contracts))) + "\n" + names + "\n\n"
        + tr("Les ruptures sont enregistrées à la synchronisation. Confirmer le retrait\u00a0?"),
    )


class ApprovalForm(RequestForm):
    """Agrément of an establishment unit for a trade."""

    collection = A
    stay_open_after_create = True  # then visits can be planned
    confirm: Callable[[QWidget, list[Option]], bool] = staticmethod(confirm_withdrawal)

    def __init__(self, context: Any, record_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(context, record_id, parent)
        self.setWindowTitle(tr("Agrément") if record_id else tr("Nouvelle demande d'agrément"))
        self.resize(700, 800)
        self.add_field("establishment_unit_id", PickerField(
            field_label(A, "establishment_unit_id"), self._units, context.tasks))
        self.add_field("trade_code", ChoiceField(field_label(A, "trade_code"),
                                                 code_choices(self.wc, "trades")))
        self.add_field("operator_code", ChoiceField(field_label(A, "operator_code"),
                                                    operator_choices(self.wc)))
        self.add_field("requested_on", DateField(field_label(A, "requested_on")))
        self.add_field("tutor_ids", ChecksField(field_label(A, "tutor_ids")))
        self.capacity = QLabel()
        self.capacity.setObjectName("approval-capacity")
        self.capacity.setWordWrap(True)
        self.form.addRow(tr("Capacité"), self.capacity)
        decision = self.add_group(tr("Instruction et décision"))
        current = self.base.get("status")
        self.add_field("status", ChoiceField(field_label(A, "status"), [
            (s, name_of("approval_status", s))
            for s in approvals.next_statuses(current if record_id else None)], empty=False),
            decision)
        self.add_field("decided_on", DateField(field_label(A, "decided_on")), decision)
        self.add_field("decision_note", LongTextField(field_label(A, "decision_note")), decision)
        self.add_field("referred_on", DateField(field_label(A, "referred_on")), decision)
        self.ending = QLabel()
        self.ending.setObjectName("withdrawal-contracts")
        self.ending.setWordWrap(True)
        self.ending.setStyleSheet("color: #a93226;")
        decision.addRow(self.ending)
        self._visits_box()
        self._unit_seen: str | None = "?"
        self.load_values()

    def _units(self, text: str, current: Any) -> list[tuple[str, str]]:
        keep = str(current) if current else self.base.get("establishment_unit_id")
        return [(o.id, f"{o.label} ({o.detail})")
                for o in approvals.units(self.wc, text, keep)]

    def _visits_box(self) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(tr("<b>Visites</b>")))
        head.addStretch(1)
        self.plan_button = QPushButton(tr("Planifier une visite…"))
        self.plan_button.clicked.connect(self.plan_visit)
        head.addWidget(self.plan_button)
        column.addLayout(head)
        self.visits = read_only_table(
            [tr("Date"), tr("Statut"), tr("Avis"), tr("Commentaires")], select_rows=True
        )
        self.visits.setMinimumHeight(100)
        self.visits.cellDoubleClicked.connect(self.open_visit)
        column.addWidget(self.visits)
        self.body_layout.addWidget(box)
        self.open_children: list[QWidget] = []
        self.refresh_visits()

    def refresh_visits(self) -> None:
        self.plan_button.setEnabled(self.record_id is not None)
        rows = approvals.visits(self.wc, self.record_id)
        fill_rows(self.visits, [
            (visit_id, (
                date_fr(v.get("visit_date") or v.get("planned_on") or ""),
                name_of("visit_status", v.get("status")),
                name_of("opinion", v.get("opinion")) if v.get("opinion") else "—",
                str(v.get("comments") or ""),
            ))
            for visit_id, v in rows
        ])  # fmt: skip

    def plan_visit(self) -> RecordForm:
        from offa_desktop.ui.forms.visit import VisitForm

        visit = VisitForm(self.context, None, self, initial={"approval_id": self.record_id})
        return self._child(visit)

    def open_visit(self, row: int, _column: int = 0) -> RecordForm | None:
        from offa_desktop.ui.forms.visit import VisitForm

        item = self.visits.item(row, 0)
        if item is None:
            return None
        return self._child(VisitForm(self.context, item.data(Qt.ItemDataRole.UserRole), self))

    def _child(self, form: RecordForm) -> RecordForm:
        form.saved.connect(lambda _c: self.refresh_visits())
        return keep_open(self.open_children, form)

    def update_derived(self, result: Check) -> None:
        record = result.record
        unit_id = record.get("establishment_unit_id")
        if unit_id != self._unit_seen:
            self._unit_seen = unit_id
            facts = approvals.unit_facts(self.wc, unit_id)
            field = self.fields["tutor_ids"]
            assert isinstance(field, ChecksField)
            field.set_choices([(t.id, f"{t.label} — {t.detail}") for t in facts.tutors])
            field.set_value(self.base.get("tutor_ids") if unit_id == self.base.get(
                "establishment_unit_id") else record.get("tutor_ids"))
            if facts.employees is None:
                self.capacity.setText("—")
            else:
                running = drafting.company_capacity(
                    self.wc, str(unit_id), editing.today(self.wc)).running
                text = tr("%1 travailleur(s)\u00a0: %2 apprenant(s) à la fois au plus dans "
                          "l'entreprise, %3 en cours (copie locale)").replace(
                    "%1", str(facts.employees)).replace("%2", str(facts.capacity)).replace(
                    "%3", str(running))
                full = facts.capacity is not None and running >= facts.capacity
                self.capacity.setText(text + (" — " + tr("complet") if full else ""))
                self.capacity.setStyleSheet("color: #a93226;" if full else "")
        self.ending.setText("")
        if record.get("status") == "withdrawn" and self.previous and self.record_id:
            ending = self.contracts_ending(record)
            if ending:
                self.ending.setText(tr("Ce retrait mettra fin à %n contrat(s) en cours\u00a0: ")
                                    .replace("%n", str(len(ending)))
                                    + ", ".join(c.label for c in ending) + ". "
                                    + tr("Leurs ruptures (motif «\u00a0retrait de l'agrément"
                                         "\u00a0») sont enregistrées à la synchronisation."))

    def contracts_ending(self, record: dict[str, Any]) -> list[Option]:
        assert self.record_id is not None and self.previous is not None
        return approvals.contracts_ended_by_withdrawal(
            self.wc, self.record_id, record, self.previous)

    def save(self) -> None:
        """A withdrawal that ends running contracts is confirmed first."""
        record = self.validate_now().record
        if (record.get("status") == "withdrawn" and self.previous is not None
                and self.previous.get("status") != "withdrawn" and self.record_id):
            ending = self.contracts_ending(record)
            if ending and not type(self).confirm(self, ending):
                return
        super().save()

    def after_save(self, changes: Any) -> None:
        self.refresh_visits()


def open_approval(context: Any, record_id: str | None, parent: QWidget | None) -> ApprovalForm:
    return ApprovalForm(context, record_id, parent)
