"""The learner form: NISS checked, birth date and age derived from it, representative required
while the learner is a minor."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from offa_desktop.domain.dates import age_on
from offa_desktop.domain.identifiers import (
    IdentifierError,
    format_iban,
    format_niss,
    niss_birth_date,
    normalize_niss,
)
from offa_desktop.domain.problems import Problem
from offa_desktop.domain.rules import MAJORITY
from offa_desktop.domain.values import format_date_fr, parse_date
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.editing import Check
from offa_desktop.ui.dialogs import keep_open
from offa_desktop.ui.forms.base import RecordForm, field_label, tr
from offa_desktop.ui.forms.fields import ChoiceField, DateField, TextField
from offa_desktop.ui.forms.support import operator_choices, user_profile

L = "learners"
REP_KEYS = ("name", "niss", "phone", "email")


class LearnerForm(RecordForm):
    """Apprenant: identity (NISS, birth date, age), address, operator, contact, legal
    representative."""

    collection = L

    def __init__(self, context: Any, record_id: str | None, parent: QWidget | None = None) -> None:
        profile = user_profile(context)
        initial = {"operator_code": profile.get("operator_code")} if not record_id else None
        super().__init__(context, record_id, parent, initial=initial)
        self.setWindowTitle(tr("Apprenant") if record_id else tr("Nouvel apprenant"))
        self.today = editing.today(self.wc)
        self.add_field("niss", TextField(field_label(L, "niss"), placeholder="00.00.00-000.00",
                                         display=format_niss))
        self.add_field("last_name", TextField(field_label(L, "last_name")))
        self.add_field("first_name", TextField(field_label(L, "first_name")))
        self.add_field("birth_date", DateField(field_label(L, "birth_date")))
        self.age = QLabel()
        self.age.setObjectName("learner-age")
        self.form.addRow(tr("Âge"), self.age)
        address = self.add_group(tr("Adresse"))
        self.add_field("street", TextField(field_label(L, "street")), address)
        self.add_field("postal_code", TextField(field_label(L, "postal_code")), address)
        self.add_field("city", TextField(field_label(L, "city")), address)
        other = self.add_group(tr("Opérateur et contact"))
        self.add_field(
            "operator_code",
            ChoiceField(field_label(L, "operator_code"), operator_choices(self.wc)),
            other,
        )
        self.add_field("email", TextField(field_label(L, "email")), other)
        self.add_field("phone", TextField(field_label(L, "phone")), other)
        self.add_field("iban", TextField(field_label(L, "iban"), display=format_iban), other)
        self.rep_box = self.add_group(tr("Représentant légal"))
        self.rep_needed = QLabel()
        self.rep_needed.setObjectName("representative-needed")
        self.rep_box.addRow(self.rep_needed)
        for key, text in zip(
            REP_KEYS, (tr("Nom"), tr("NISS"), tr("Téléphone"), tr("Courriel")), strict=True
        ):
            display = format_niss if key == "niss" else None
            self.add_field(f"_rep_{key}", TextField(text, display=display), self.rep_box)
        self.targets["representative"] = "_rep_name"
        self.contract_button = QPushButton(tr("Nouveau contrat pour cet apprenant…"))
        self.contract_button.setEnabled(record_id is not None)
        self.contract_button.clicked.connect(self.new_contract)
        self.buttons.addButton(self.contract_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_children: list[QWidget] = []
        rep = self.base.get("representative") or {}
        for key in REP_KEYS:
            self.fields[f"_rep_{key}"].set_value(rep.get(key))
        self.load_values()

    def new_contract(self) -> QWidget:
        """The contract wizard with this learner chosen."""
        from offa_desktop.ui.forms.contract_wizard import ContractWizard

        return keep_open(self.open_children,
                         ContractWizard(self.context, None, self, learner_id=self.record_id))

    def after_save(self, changes: Any) -> None:
        self.contract_button.setEnabled(True)

    def extra(self, data: dict[str, Any], problems: list[Problem]) -> None:
        rep = {key: self.fields[f"_rep_{key}"].value() for key in REP_KEYS}
        if rep.get("niss"):
            try:
                rep["niss"] = normalize_niss(
                    rep["niss"], field="representative", label="NISS du représentant légal"
                )
            except IdentifierError as exc:
                problems.append(Problem("_rep_niss", "invalid", exc.problem.message))
                rep["niss"] = None
        data["representative"] = (
            {k: v for k, v in rep.items() if v is not None} if any(rep.values()) else None
        )

    def update_derived(self, result: Check) -> None:
        niss = self.fields["niss"].value()
        encoded = None
        if niss:
            try:
                encoded = niss_birth_date(normalize_niss(niss))
            except IdentifierError:
                encoded = None
        born_text = self.fields["birth_date"].editor.text().strip()  # type: ignore[attr-defined]
        if encoded is not None and not born_text:
            self.fields["birth_date"].set_value(encoded.isoformat())
            self.schedule_check()
        born = _date(result.record.get("birth_date")) or encoded
        if born is None:
            self.age.setText("—")
            self.rep_needed.setText(tr("Requis tant que l'apprenant est mineur."))
            return
        age = age_on(born, self.today)
        minor = age < MAJORITY
        text = tr("%1 ans (né(e) le %2)").replace("%1", str(age)).replace(
            "%2", format_date_fr(born)
        )
        self.age.setText(text + (tr(" — mineur") if minor else ""))
        if minor:
            self.rep_needed.setText(tr("Apprenant mineur\u00a0: le représentant légal est requis."))
            self.rep_needed.setStyleSheet("color: #a93226; font-weight: bold;")
        else:
            self.rep_needed.setText(tr("Facultatif\u00a0: l'apprenant est majeur."))
            self.rep_needed.setStyleSheet("color: #555;")


def _date(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None
