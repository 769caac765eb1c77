"""Incentive claims of a company and a school year, each eligibility check shown (P1/P2 in
Wallonia, tutor premium in Brussels), status changes for OFFA staff (``offa`` role); a new claim
opens :class:`~offa_desktop.ui.forms.claim_form.IncentiveClaimForm`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain import overrides
from offa_desktop.domain.incentives import CHECK_NAMES_FR, failed
from offa_desktop.ops import incentives
from offa_desktop.ops.incentives import (
    IC,
    ClaimRow,
)
from offa_desktop.ops.records import editing
from offa_desktop.ui.dialogs import close_buttons, keep_open, ok_cancel_buttons, say, wrapping_label
from offa_desktop.ui.formats import money_fr, name_of
from offa_desktop.ui.forms.base import tr
from offa_desktop.ui.forms.claim_form import (
    IncentiveClaimForm,
    checks_table,
    company_choices,
    fill_checks_table,
    is_offa,
)
from offa_desktop.ui.forms.fields import (
    DateField,
)
from offa_desktop.ui.forms.record_search import PickerField
from offa_desktop.ui.tables import fill_rows, read_only_table

__all__ = ["IncentiveClaimForm", "IncentivesDialog", "is_offa", "open_claim"]

STATUS_ACTIONS = {
    "eligible": "Déclarer éligible",
    "not_eligible": "Déclarer non éligible",
    "to_check": "Remettre à vérifier",
    "approved": "Approuver",
    "paid": "Marquer payée",
}


class IncentivesDialog(QDialog):
    """Claims of one company and school year.

    Signals: ``saved(ChangeSet)`` after a status change.
    """

    saved = Signal(object)

    def __init__(
        self, context: Any, company_id: str | None = None, parent: QWidget | None = None,
        *, school_year: str | None = None, claim_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.wc = context.working_copy
        self.can_decide = is_offa(context)
        self.open_children: list[QWidget] = []
        self.rows: list[ClaimRow] = []
        self.setWindowTitle(tr("Incitants"))
        self.setObjectName("incentives-dialog")
        self.resize(860, 640)
        self.company = PickerField(tr("entreprise"), self._companies, context.tasks)
        self.year = QComboBox()
        top = QFormLayout()
        top.addRow(tr("Entreprise"), self.company.widget)
        top.addRow(tr("Année scolaire"), self.year)
        self.table = read_only_table(
            [tr("Incitant"), tr("Apprenant(s)"), tr("Montant"), tr("Statut"), tr("Contrôles")],
            select_rows=True,
            single=True,
        )
        self.checks = checks_table()
        self.action_row = QHBoxLayout()
        self.paid_on = DateField(tr("date de paiement"))
        self.action_buttons: dict[str, QPushButton] = {}
        for status, text in STATUS_ACTIONS.items():
            button = QPushButton(tr(text))
            button.clicked.connect(lambda _c=False, s=status: self.change_status(s))
            self.action_buttons[status] = button
            self.action_row.addWidget(button)
        self.paid_label = QLabel(tr("Payée le"))
        self.action_row.addWidget(self.paid_label)
        self.action_row.addWidget(self.paid_on.widget)
        self.action_row.addStretch(1)
        self.message = wrapping_label("incentives-message")
        self.new_button = QPushButton(tr("Nouvelle demande d'incitant…"))
        self.new_button.setObjectName("new-claim")
        self.new_button.clicked.connect(self.new_claim)
        self.new_button.setEnabled(self.can_decide)
        if not self.can_decide:
            self.new_button.setToolTip(tr("Les demandes d'incitants sont créées par l'OFFA."))
        close = close_buttons(self, self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(tr("<b>Contrôles d'éligibilité (calculés sur la copie de "
                                   "travail)</b>")))
        layout.addWidget(self.checks, 1)
        self.checks.setMinimumHeight(200)
        layout.addLayout(self.action_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.company.edited.connect(self.company_changed)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.itemSelectionChanged.connect(self.show_claim)
        if company_id:
            self.company.set_value(company_id)
        self.company_changed(school_year)
        if claim_id:
            self.select(claim_id)

    def _companies(self, text: str, current: Any) -> list[tuple[str, str]]:
        return company_choices(self.wc, text, current)

    def company_changed(self, year: str | None = None) -> None:
        company_id = self.company.value()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(tr("toutes"), None)
        if company_id:
            for value in incentives.school_years(self.wc, company_id):
                self.year.addItem(value, value)
        index = self.year.findData(year) if year else -1
        self.year.setCurrentIndex(index if index >= 0 else min(1, self.year.count() - 1))
        self.year.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        company_id = self.company.value()
        selected = self.current()
        self.rows = (incentives.claims(self.wc, company_id, self.year.currentData())
                     if company_id else [])
        lines = []
        for row in self.rows:
            passed = sum(1 for ok, _ in row.checks.values() if ok)
            checks = (f"{passed}/{len(row.checks)}" + (" ✓" if row.eligible else "")
                      if row.checks else tr("à vérifier par une personne"))
            lines.append((row.id, (
                name_of("incentive_kind", row.data.get("kind_code")), row.learners,
                money_fr(row.data.get("amount")), name_of("claim_status", row.data.get("status")),
                checks,
            )))  # fmt: skip
        fill_rows(self.table, lines)
        if selected:
            self.select(selected.id)
        self.show_claim()

    def select(self, claim_id: str) -> None:
        for r, row in enumerate(self.rows):
            if row.id == claim_id:
                self.table.selectRow(r)

    def current(self) -> ClaimRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        claim_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == claim_id), None)

    def show_claim(self) -> None:
        row = self.current()
        fill_checks_table(self.checks, row.checks if row else {})
        allowed = incentives.next_statuses(row.data) if row else []
        for status, button in self.action_buttons.items():
            button.setVisible(self.can_decide and status in allowed)
            button.setEnabled(not (status == "eligible" and row is not None and row.checks
                                   and not row.eligible))
        self.paid_on.widget.setVisible(self.can_decide and "paid" in allowed)
        self.paid_label.setVisible(self.can_decide and "paid" in allowed)
        if not self.can_decide and row is not None:
            self.message.setText(tr("Les changements de statut sont réservés à l'OFFA."))

    def new_claim(self) -> IncentiveClaimForm:
        """The form of a new claim for the company and school year shown; once saved, the
        list shows it selected."""
        year = self.year.currentData()
        form = IncentiveClaimForm(self.context, None, self, company_id=self.company.value(),
                                  school_year=year)
        form.saved.connect(lambda changes: self._created(changes, form))
        return keep_open(self.open_children, form)

    def _created(self, changes: Any, form: IncentiveClaimForm) -> None:
        claim = editing.load(self.wc, IC, str(form.record_id)) or {}
        self.company.set_value(claim.get("company_id"))
        self.company_changed(claim.get("school_year"))
        if form.record_id:
            self.select(form.record_id)
        self.saved.emit(changes)

    def change_status(self, status: str) -> None:
        row = self.current()
        if row is None:
            return
        paid_on = None
        if status == "paid":
            try:
                paid_on = self.paid_on.value()
            except ValueError as exc:
                self.message.setText(str(exc))
                return
            if paid_on is None:
                self.paid_on.show_problem(tr("Date de paiement\u00a0: requise pour une prime "
                                             "payée."))
                return
        if status == "approved" and row.checks and not row.eligible:
            self.ask_override(row)  # approving over a failing check: OFFA says why
            return
        self._set_status(row.id, status, paid_on=paid_on)

    def _set_status(self, claim_id: str, status: str, **options: Any) -> None:
        self.context.tasks.op(
            incentives.set_status, self.wc, claim_id, status, **options
        ).success(self._changed).failure(self._failed).run()

    def ask_override(self, row: ClaimRow) -> OverrideDialog:
        """The reason to approve ``row`` although some checks fail; approved once given."""
        failing = [CHECK_NAMES_FR.get(n, n) for n in failed(row.checks)]
        dialog = OverrideDialog(failing, self)
        dialog.accepted.connect(
            lambda: self._set_status(row.id, "approved", override_reason=dialog.reason())
        )
        self.open_children.append(dialog)
        dialog.open()
        return dialog

    def _changed(self, changes: Any) -> None:
        say(self.message, tr("Statut enregistré."))
        self.paid_on.show_problem(None)
        self.reload()
        self.saved.emit(changes)

    def _failed(self, error: BaseException) -> None:
        problems = getattr(error, "problems", None)
        text = "\n".join(p.message for p in problems) if problems else str(error)
        say(self.message, tr("Changement impossible\u00a0: ") + text, failed=True)


class OverrideDialog(QDialog):
    """Approving a claim although checks fail: the reason, kept on the claim and in its history
    (``domain.overrides``). OK stays disabled until the reason is long enough."""

    def __init__(self, failing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("override-dialog")
        self.setWindowTitle(tr("Approuver avec une dérogation"))
        layout = QVBoxLayout(self)
        listed = "".join(f"<li>{name}</li>" for name in failing)
        intro = QLabel(
            tr("Ces contrôles ne sont pas satisfaits :") + f"<ul>{listed}</ul>"
            + tr("Pour approuver quand même, dites pourquoi (au moins %1 caractères) : la raison "
                 "est enregistrée sur la demande et dans son historique, avec votre nom.")
            .replace("%1", str(overrides.REASON_MIN))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit()
        self.text.setObjectName("override-reason")
        layout.addWidget(self.text)
        buttons, self.ok = ok_cancel_buttons(self, tr("Approuver"))
        self.ok.setEnabled(False)
        layout.addWidget(buttons)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(len(self.reason()) >= overrides.REASON_MIN)
        )

    def reason(self) -> str:
        return self.text.toPlainText().strip()


def open_claim(context: Any, record_id: str | None, parent: QWidget | None) -> QDialog:
    """The claims view on a claim's company and school year, that claim selected; a new
    claim's form when ``record_id`` is None."""
    if record_id is None:
        return IncentiveClaimForm(context, None, parent)
    claim = editing.load(context.working_copy, "incentive_claims", record_id) or {}
    return IncentivesDialog(context, claim.get("company_id"), parent,
                            school_year=claim.get("school_year"), claim_id=record_id)
