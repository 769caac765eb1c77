"""The form of a new incentive claim (company, kind, school year, contracts, tutor when the
kind needs one) showing every eligibility check before saving, and the pieces the claims list
shares with it (checks table, company search, the ``offa`` role test). Claims are created and
moved by OFFA staff only (API.md: the other roles read them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.identifiers import format_iban
from offa_desktop.domain.incentives import CHECK_NAMES_FR, Outcomes, all_passed
from offa_desktop.ops import incentives
from offa_desktop.ops.incentives import (
    FIRST_YEAR_KINDS,
    IC,
    TUTOR_KINDS,
)
from offa_desktop.ops.records.editing import Check
from offa_desktop.store import queries
from offa_desktop.ui.dialogs import wrapping_label
from offa_desktop.ui.formats import name_of
from offa_desktop.ui.forms.base import RecordForm, field_label, tr
from offa_desktop.ui.forms.fields import (
    ChecksField,
    ChoiceField,
    MoneyField,
    TextField,
)
from offa_desktop.ui.forms.record_search import PickerField
from offa_desktop.ui.forms.support import user_profile
from offa_desktop.ui.tables import read_only_table


def is_offa(context: Any) -> bool:
    """True for OFFA staff, who create claims and change their status."""
    return user_profile(context).get("role") == "offa"


def company_choices(wc: Any, text: str, current: Any) -> list[tuple[str, str]]:
    """[(id, name)] of the companies matching ``text`` (full-text, 200 at most), the current
    one kept."""
    with wc.session() as db:
        found = queries.page(db, "companies", sort="name", limit=200, text=text or None)
        rows = [(r.id, str(r.data.get("name"))) for r in found]
        if current and all(r[0] != current for r in rows):
            kept = queries.get(db, "companies", str(current))
            if kept is not None:
                rows.insert(0, (str(current), str(kept.get("name"))))
    return rows


def fill_checks_table(table: QTableWidget, outcomes: Outcomes) -> None:
    """One row per eligibility check: its name, satisfied or not (green / red), the detail."""
    table.setRowCount(len(outcomes))
    for r, (name, (ok, note)) in enumerate(outcomes.items()):
        result = QTableWidgetItem(tr("satisfait") if ok else tr("non satisfait"))
        result.setForeground(QColor("#1e8449" if ok else "#a93226"))
        table.setItem(r, 0, QTableWidgetItem(tr(CHECK_NAMES_FR.get(name, name))))
        table.setItem(r, 1, result)
        table.setItem(r, 2, QTableWidgetItem(note))
    table.resizeColumnToContents(0)
    table.resizeColumnToContents(1)
    table.resizeRowsToContents()


def checks_table() -> QTableWidget:
    table = read_only_table([tr("Contrôle"), tr("Résultat"), tr("Détail")])
    table.setObjectName("claim-checks")
    table.setWordWrap(True)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


class IncentiveClaimForm(RecordForm):
    """Nouvelle demande d'incitant: company, kind (those of the regions of its units), school
    year, the contracts it is for (a tutor's contracts for the Brussels tutor premium), amount
    pre-filled from the kind's reference amount, IBAN; each eligibility check shown as typed.
    Saved « à vérifier » with its checks through the unit of work (OFFA staff only)."""

    collection = IC

    def __init__(
        self,
        context: Any,
        record_id: str | None = None,
        parent: QWidget | None = None,
        *,
        company_id: str | None = None,
        school_year: str | None = None,
    ) -> None:
        if record_id is not None:
            raise ValueError("IncentiveClaimForm creates claims: open a claim with open_claim")
        super().__init__(context, None, parent, initial={
            "status": "to_check", "company_id": company_id, "school_year": school_year})
        self.setWindowTitle(tr("Nouvelle demande d'incitant"))
        self.resize(760, 780)
        self.can_create = is_offa(context)
        self._seen: tuple[Any, ...] = ("?",)
        self._auto_amount: str | None = None
        self.contract_options: dict[str, Any] = {}
        wc = self.wc
        self.add_field("company_id", PickerField(
            field_label(IC, "company_id"),
            lambda text, current: company_choices(wc, text, current), context.tasks))
        self.regions = QLabel("—")
        self.regions.setObjectName("claim-regions")
        self.regions.setWordWrap(True)
        self.form.addRow(tr("Règles applicables"), self.regions)
        self.add_field("kind_code", ChoiceField(field_label(IC, "kind_code"), []))
        self.add_field("school_year", ChoiceField(field_label(IC, "school_year"), []))
        self.add_field("tutor_id", ChoiceField(field_label(IC, "tutor_id"), []))
        contracts = ChecksField(field_label(IC, "contract_ids"))
        contracts.list.setMaximumHeight(160)
        contracts.list.setMinimumHeight(110)
        contracts.list.setWordWrap(True)
        contracts.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_field("contract_ids", contracts)
        self.contracts_hint = wrapping_label("claim-contracts-hint", style="color: #555;")
        self.form.addRow("", self.contracts_hint)
        self.add_field("amount", MoneyField(field_label(IC, "amount")))
        self.add_field("iban", TextField(field_label(IC, "iban"), placeholder="BE68 5390 0754 "
                                         "7034", display=format_iban))
        status = QLabel(name_of("claim_status", "to_check"))
        status.setObjectName("claim-status")
        self.form.addRow(tr("Statut"), status)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 0)
        column.addWidget(QLabel(tr("<b>Contrôles d'éligibilité (calculés sur la copie de "
                                   "travail)</b>")))
        self.checks = checks_table()
        self.checks.setMinimumHeight(170)
        column.addWidget(self.checks)
        self.verdict = wrapping_label("claim-verdict")
        column.addWidget(self.verdict)
        self.body_layout.addWidget(box)
        self.outcomes: Outcomes = {}
        self._choices_changed = False
        if not self.can_create:
            self.save_button.setToolTip(tr("Les demandes d'incitants sont créées par l'OFFA."))
        self.load_values()

    # --- choices that depend on the company, the kind, the year and the tutor ---------------
    def _refresh_choices(self, record: dict[str, Any]) -> bool:
        """Reload the kinds, years, tutors and contracts offered when what they depend on
        changed; True when a value the check read was changed by it."""
        company_id, kind = record.get("company_id"), record.get("kind_code")
        year, tutor_id = record.get("school_year"), record.get("tutor_id")
        key = (company_id, kind, year, tutor_id)
        if key == self._seen:
            return False
        company_changed = company_id != self._seen[0]
        self._seen = key
        before = self.collect_quietly()
        kinds_field = self.fields["kind_code"]
        years_field = self.fields["school_year"]
        tutors_field = self.fields["tutor_id"]
        contracts_field = self.fields["contract_ids"]
        assert isinstance(kinds_field, ChoiceField) and isinstance(years_field, ChoiceField)
        assert isinstance(tutors_field, ChoiceField)
        assert isinstance(contracts_field, ChecksField)
        if company_changed:
            regions = incentives.company_regions(self.wc, company_id)
            self.regions.setText(
                " · ".join(tr("primes de %1").replace("%1", name_of("region", r))
                           for r in sorted(regions, reverse=True))
                if regions else (tr("aucune unité d'établissement") if company_id else "—"))
            kinds = incentives.kind_options(self.wc, company_id)
            kinds_field.set_choices([(o.id, name_of("incentive_kind", o.id)) for o in kinds])
            years = incentives.school_year_options(self.wc, company_id)
            years_field.set_choices([(y, y) for y in years])
            if years_field.value() is None and years:
                years_field.set_value(years[0])
            tutors_field.set_choices([(o.id, o.label) for o in incentives.tutor_options(
                self.wc, company_id)])
        kind, year = kinds_field.value(), years_field.value()
        needs_tutor = kind in TUTOR_KINDS
        tutors_field.widget.setVisible(needs_tutor)
        label = self.form.labelForField(tutors_field.widget)
        if label is not None:
            label.setVisible(needs_tutor)
        tutor_id = tutors_field.value() if needs_tutor else None
        options = incentives.company_contracts(
            self.wc, company_id, year, tutor_id=tutor_id,
            started_in_year=kind in FIRST_YEAR_KINDS)
        self.contract_options = {o.id: o for o in options}
        contracts_field.set_choices([(o.id, f"{o.label} — {o.detail}") for o in options])
        if needs_tutor and tutor_id and contracts_field.value() is None:
            contracts_field.set_value([o.id for o in options])  # the tutor's learners
        if not company_id:
            hint = tr("Choisissez d'abord l'entreprise.")
        elif needs_tutor and not tutor_id:
            hint = tr("Choisissez le tuteur : ses apprenants de l'année sont proposés.")
        elif not options and kind in FIRST_YEAR_KINDS:
            hint = tr("Aucun contrat de cette entreprise n'a commencé pendant l'année scolaire "
                      "choisie (première année du contrat).")
        elif not options:
            hint = tr("Aucun contrat de cette entreprise pendant l'année scolaire choisie.")
        elif needs_tutor:
            hint = tr("Les apprenants (1 à 4) suivis par ce tuteur pendant l'année.")
        elif kind in FIRST_YEAR_KINDS:
            hint = tr("Contrats commencés pendant cette année scolaire : cochez celui de "
                      "l'apprenant concerné (un par demande).")
        else:
            hint = tr("Cochez le contrat de l'apprenant concerné (un par demande).")
        self.contracts_hint.setText(hint)
        amount_field = self.fields["amount"]
        amount = self.collect_quietly().get("amount")
        if amount is None or amount == self._auto_amount:
            self._auto_amount = incentives.default_amount(self.wc, kind, year)
            amount_field.set_value(self._auto_amount)
        return self.collect_quietly() != before

    def extra(self, data: dict[str, Any], problems: list[Any]) -> None:
        """The tutor of a learner's incentive is the tutor of its contract."""
        if data.get("kind_code") not in TUTOR_KINDS:
            ids = data.get("contract_ids") or []
            option = self.contract_options.get(ids[0]) if len(ids) == 1 else None
            data["tutor_id"] = (option.data or {}).get("tutor_id") if option else None

    def check_record(self, data: dict[str, Any]) -> Check:
        found = super().check_record(data)
        extra = incentives.claim_shape_problems(self.wc, found.record)
        return Check(found.problems + extra, found.pending, found.record)

    def validate_now(self) -> Check:
        """Check; when the choices offered changed a value (another company's kinds, a
        tutor's learners ticked), check again at once: what is shown is never stale."""
        for _ in range(3):
            self._choices_changed = False
            result = super().validate_now()
            if not self._choices_changed:
                break
        if not self.can_create:
            self.save_button.setEnabled(False)
        return result

    def update_derived(self, result: Check) -> None:
        if self._refresh_choices(result.record):
            self._choices_changed = True
            return
        record = self.collect_quietly()
        ready = record.get("company_id") and record.get("kind_code") and (
            record.get("contract_ids") or record.get("kind_code") in TUTOR_KINDS)
        self.outcomes = incentives.preview_checks(self.wc, record) if ready else {}
        fill_checks_table(self.checks, self.outcomes)
        if not self.can_create:
            self.verdict.setText(tr("Les demandes d'incitants sont créées par l'OFFA : "
                                    "vous pouvez consulter les contrôles, pas enregistrer."))
            self.verdict.setStyleSheet("color: #a93226;")
        elif not ready:
            self.verdict.setText(tr("Les contrôles s'affichent une fois l'entreprise, le type "
                                    "et le contrat choisis."))
            self.verdict.setStyleSheet("color: #555;")
        elif not self.outcomes:
            self.verdict.setText(tr("Pas de contrôle automatique pour cet incitant : à "
                                    "vérifier par une personne."))
            self.verdict.setStyleSheet("color: #555;")
        else:
            passed = sum(1 for ok, _ in self.outcomes.values() if ok)
            text = tr("%1 contrôle(s) satisfait(s) sur %2").replace("%1", str(passed)).replace(
                "%2", str(len(self.outcomes)))
            if all_passed(self.outcomes):
                self.verdict.setText(text + tr(" — éligible à première vue. La demande est "
                                               "enregistrée « à vérifier »."))
                self.verdict.setStyleSheet("color: #1e8449;")
            else:
                self.verdict.setText(text + tr(" — non éligible à ce stade. La demande peut "
                                               "être enregistrée « à vérifier »."))
                self.verdict.setStyleSheet("color: #a93226;")

    def save(self) -> None:
        if not self.can_create:
            return
        super().save()

    def save_call(self, data: dict[str, Any]) -> tuple[Any, tuple[Any, ...]]:
        return incentives.create_claim, (self.wc, data)
