"""The company form with its establishment units and tutors (condition désigné / agréé shown),
and the unit and tutor forms it opens."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.identifiers import format_enterprise_number
from offa_desktop.domain.rules import tutor_is_certified, tutor_is_designated
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.editing import Check
from offa_desktop.ui.dialogs import keep_open
from offa_desktop.ui.formats import choices, date_fr, name_of
from offa_desktop.ui.forms.base import RecordForm, field_label, tr
from offa_desktop.ui.forms.fields import (
    BoolField,
    ChoiceField,
    DateField,
    NumberField,
    TextField,
)
from offa_desktop.ui.forms.incentives import IncentiveClaimForm, IncentivesDialog, is_offa
from offa_desktop.ui.forms.support import code_choices, tutor_condition
from offa_desktop.ui.tables import fill_rows, read_only_table

C, U, T = "companies", "establishment_units", "tutors"


class CompanyForm(RecordForm):
    """Entreprise: enterprise number checked, sector, head count; its units and tutors."""

    collection = C
    stay_open_after_create = True

    def __init__(self, context: Any, record_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(context, record_id, parent)
        self.setWindowTitle(tr("Entreprise") if record_id else tr("Nouvelle entreprise"))
        self.add_field(
            "enterprise_number",
            TextField(field_label(C, "enterprise_number"), placeholder="0428.759.497",
                      display=format_enterprise_number),
        )
        self.add_field("name", TextField(field_label(C, "name")))
        self.add_field("legal_form", TextField(field_label(C, "legal_form"), placeholder="SRL"))
        self.add_field("employee_count", NumberField(field_label(C, "employee_count")))
        self.capacity = QLabel()
        self.capacity.setObjectName("company-capacity")
        self.form.addRow(tr("Capacité d'accueil"), self.capacity)
        sectors = code_choices(self.wc, "sectors")
        self.add_field("sector", ChoiceField(field_label(C, "sector"), sectors))
        self.add_field("email", TextField(field_label(C, "email")))
        self.add_field("phone", TextField(field_label(C, "phone")))
        self.units = self._table(
            tr("Unités d'établissement"),
            [tr("Numéro"), tr("Nom"), tr("Localité"), tr("Région")],
            tr("Ajouter une unité…"),
            self.add_unit,
        )
        self.tutors = self._table(
            tr("Tuteurs"),
            [tr("Nom"), tr("Condition"), tr("Statut"), tr("Casier judiciaire")],
            tr("Ajouter un tuteur…"),
            self.add_tutor,
        )
        self.units.cellDoubleClicked.connect(lambda row, _c: self._open_child(U, self.units, row))
        self.tutors.cellDoubleClicked.connect(lambda row, _c: self._open_child(T, self.tutors, row))
        self.children_hint = QLabel(tr("Enregistrez d'abord l'entreprise pour ajouter ses unités "
                                       "et ses tuteurs."))
        self.children_hint.setStyleSheet("color: #555;")
        self.body_layout.addWidget(self.children_hint)
        self.open_children: list[QWidget] = []
        self.incentives_button = QPushButton(tr("Incitants…"))
        self.incentives_button.setObjectName("company-incentives")
        self.incentives_button.clicked.connect(self.show_incentives)
        self.buttons.addButton(self.incentives_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.claim_button = QPushButton(tr("Nouvelle demande d'incitant…"))
        self.claim_button.setObjectName("company-new-claim")
        self.claim_button.clicked.connect(self.new_claim)
        self.buttons.addButton(self.claim_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.load_values()
        self.refresh_children()

    def _table(
        self, title: str, headers: list[str], add_text: str, add: Any
    ) -> QTableWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 0)
        head = QHBoxLayout()
        caption = QLabel(f"<b>{title}</b>")
        head.addWidget(caption)
        head.addStretch(1)
        button = QPushButton(add_text)
        button.clicked.connect(add)
        head.addWidget(button)
        column.addLayout(head)
        table = read_only_table(headers, select_rows=True)
        table.setMinimumHeight(110)
        column.addWidget(table)
        table.setProperty("add_button", button)
        self.body_layout.addWidget(box)
        return table

    def refresh_children(self) -> None:
        """Reload the company's units and tutors from the working copy."""
        saved = self.record_id is not None
        self.incentives_button.setEnabled(saved)
        self.claim_button.setEnabled(saved and is_offa(self.context))
        self.claim_button.setToolTip("" if is_offa(self.context) else tr(
            "Les demandes d'incitants sont créées par l'OFFA."))
        for table in (self.units, self.tutors):
            table.property("add_button").setEnabled(saved)
        self.children_hint.setVisible(not saved)
        units = editing.find(self.wc, U, company_id=self.record_id) if saved else []
        tutors = editing.find(self.wc, T, company_id=self.record_id) if saved else []
        fill_rows(
            self.units,
            [
                (
                    uid,
                    [
                        format_enterprise_number(str(u.get("unit_number") or "")),
                        str(u.get("name") or ""),
                        f"{u.get('postal_code') or ''} {u.get('city') or ''}".strip(),
                        name_of("region", u.get("region")),
                    ],
                )
                for uid, u in sorted(units, key=lambda item: str(item[1].get("name")))
            ],
        )
        fill_rows(
            self.tutors,
            [
                (
                    tid,
                    [
                        f"{t.get('last_name') or ''} {t.get('first_name') or ''}".strip(),
                        name_of("condition", t.get("condition")),
                        tutor_condition(t),
                        date_fr(t["criminal_record_date"])
                        if t.get("criminal_record_date")
                        else tr("manque"),
                    ],
                )
                for tid, t in sorted(tutors, key=lambda item: str(item[1].get("last_name")))
            ],
        )

    def update_derived(self, result: Check) -> None:
        count = result.record.get("employee_count")
        if isinstance(count, int) and count >= 0:
            places = count if count > 0 else 1
            self.capacity.setText(
                tr("%n apprenant(s) à la fois au plus (autant que de travailleurs, 1 sans "
                   "travailleur)").replace("%n", str(places))
            )
        else:
            self.capacity.setText("—")

    # --- children ------------------------------------------------------------------------------
    def add_unit(self) -> RecordForm:
        return self._child(UnitForm(self.context, None, self, initial=self._belonging()))

    def add_tutor(self) -> RecordForm:
        return self._child(TutorForm(self.context, None, self, initial=self._belonging()))

    def _belonging(self) -> dict[str, Any]:
        """What a new unit or tutor of this company starts with."""
        return {"company_id": self.record_id}

    def _open_child(self, collection: str, table: QTableWidget, row: int) -> RecordForm | None:
        item = table.item(row, 0)
        if item is None:
            return None
        record_id = item.data(Qt.ItemDataRole.UserRole)
        cls = UnitForm if collection == U else TutorForm
        return self._child(cls(self.context, record_id, self))

    def show_incentives(self) -> QDialog:
        """The company's incentive claims per school year, with their checks."""
        return keep_open(self.open_children, IncentivesDialog(self.context, self.record_id, self))

    def new_claim(self) -> RecordForm:
        """A new incentive claim for this company (OFFA staff)."""
        form = IncentiveClaimForm(self.context, None, self, company_id=self.record_id)
        return keep_open(self.open_children, form)

    def _child(self, form: RecordForm) -> RecordForm:
        form.saved.connect(lambda _changes: self.refresh_children())
        return keep_open(self.open_children, form)

    def after_save(self, changes: Any) -> None:
        self.setWindowTitle(tr("Entreprise"))
        self.refresh_children()


class CompanyChildForm(RecordForm):
    """A record of a company (unit, tutor), opened from the company form with
    ``initial={"company_id": …}`` and the class's ``defaults``; ``add_fields`` builds the rest."""

    def build(self) -> None:
        self.add_fields()
        self.load_values()

    def add_fields(self) -> None:
        raise NotImplementedError


class UnitForm(CompanyChildForm):
    """Unité d'établissement: number checked (10 digits, 2 to 8 first), address, region."""

    collection = U

    def add_fields(self) -> None:
        self.setWindowTitle(tr("Unité d'établissement"))
        self.resize(560, 420)
        self.add_field(
            "unit_number",
            TextField(field_label(U, "unit_number"), placeholder="2.123.456.789",
                      display=format_enterprise_number),
        )
        self.add_field("name", TextField(field_label(U, "name")))
        self.add_field("street", TextField(field_label(U, "street")))
        self.add_field("postal_code", TextField(field_label(U, "postal_code")))
        self.add_field("city", TextField(field_label(U, "city")))
        self.add_field("region", ChoiceField(field_label(U, "region"), choices("region")))


class TutorForm(CompanyChildForm):
    """Tuteur: the condition declared (A/B/C) and what makes the tutor désigné or agréé."""

    collection = T
    defaults = {"certified": False}

    def add_fields(self) -> None:
        self.setWindowTitle(tr("Tuteur"))
        self.resize(600, 640)
        self.add_field("last_name", TextField(field_label(T, "last_name")))
        self.add_field("first_name", TextField(field_label(T, "first_name")))
        self.add_field("birth_date", DateField(field_label(T, "birth_date")))
        proofs = self.add_group(tr("Condition et preuves"))
        self.add_field(
            "condition",
            ChoiceField(
                field_label(T, "condition"),
                [
                    ("experience", tr("A — 5 ans d'expérience dans le métier")),
                    ("diploma", tr("B — diplôme pédagogique ou certificat de tuteur")),
                    ("validation", tr("C — titre de validation de tuteur")),
                ],
            ),
            proofs,
        )
        self.add_field("experience_years", NumberField(field_label(T, "experience_years")), proofs)
        self.add_field(
            "entrepreneur_title",
            BoolField(field_label(T, "entrepreneur_title"), tr("titre IFAPME / SFPME")),
            proofs,
        )
        self.add_field(
            "training_hours",
            NumberField(field_label(T, "training_hours"), decimals=True),
            proofs,
        )
        self.add_field(
            "criminal_record_date", DateField(field_label(T, "criminal_record_date")), proofs
        )
        self.add_field(
            "certified", BoolField(field_label(T, "certified"), tr("déclaré agréé")), proofs
        )
        self.status = QLabel()
        self.status.setObjectName("tutor-status")
        self.status.setWordWrap(True)
        proofs.addRow(tr("Statut"), self.status)
        contact = self.add_group(tr("Contact"))
        self.add_field("email", TextField(field_label(T, "email")), contact)
        self.add_field("phone", TextField(field_label(T, "phone")), contact)

    def update_derived(self, result: Check) -> None:
        record = result.record
        designated = tutor_is_designated(record) and record.get("condition") is not None
        certified = tutor_is_certified(record)
        parts = [
            tr("Tuteur désigné\u00a0: ") + (tr("oui") if designated else tr("non")),
            tr("Tuteur agréé\u00a0: ") + (tr("oui") if certified else tr("non (5 ans et 8 h "
                                                                          "de formation)")),
        ]
        if not record.get("criminal_record_date"):
            parts.append(tr("Extrait de casier judiciaire (modèle II) manquant\u00a0: requis "
                            "pour un agrément et un contrat."))
        self.status.setText("<br>".join(parts))
