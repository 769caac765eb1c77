"""The forms of a Stage+ offer and of a referral to the Commission (issue 18).

*Offre Stage+*: the granted approval it is posted under (its unit and trade follow), the
title, description, start, places, contact and operator; its status offers only the moves it
may make (en préparation → publiée → clôturée), and a move fills in its date (publication,
closing) with today when left empty. «Fiche d'offre (PDF)» prints the offer sheet.

*Mobilité*: the receiving operator asks for a learner (by NISS) of another operator; the
sending operator accepts (the decision date and the level the learner reached filled in from
its copy) or refuses; the server then moves the learner.

*Saisine de la Commission*: what it is about (a contract of the operator, or an approval), the
reason, the dates; the status and outcome are the Commission's (offa): a secretariat's copy
refuses their change with the server's words, as any form does. Its documents go through
«Pièces jointes» (Ctrl+J) as any record's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from offa_desktop.domain.identifiers import format_niss
from offa_desktop.domain.problems import Problem
from offa_desktop.ops import cases
from offa_desktop.ops.records import editing
from offa_desktop.ui.formats import name_of
from offa_desktop.ui.forms.base import RecordForm, field_label, tr
from offa_desktop.ui.forms.fields import (
    ChoiceField,
    DateField,
    LongTextField,
    NumberField,
    TextField,
)
from offa_desktop.ui.forms.record_search import PickerField
from offa_desktop.ui.forms.support import RequestForm, operator_choices, user_profile

OFFER = "stage_offers"
R = "mediation_referrals"
T = "learner_transfers"


def _statuses(kind: str, statuses: list[str]) -> list[tuple[str, str]]:
    """The choices of a status (the moves the record may make), by their French names."""
    return [(s, name_of(kind, s)) for s in statuses]


def _status_group(
    form: RecordForm, title: str, kind: str, moves: Callable[[str | None], list[str]]
) -> QFormLayout:
    """A group of the form headed by the record's status, offering only the moves it may make
    from the status it has (``moves(current)``; any first status for a new record)."""
    group = form.add_group(title)
    current = form.base.get("status") if form.record_id else None
    form.add_field("status", ChoiceField(field_label(form.collection, "status"), _statuses(
        kind, moves(current)), empty=False), group)
    return group


class OfferForm(RecordForm):
    """Offre Stage+ of a granted approval."""

    collection = OFFER
    stay_open_after_create = True  # then it can be printed or published

    def __init__(self, context: Any, record_id: str | None, parent: QWidget | None = None) -> None:
        profile = user_profile(context)
        initial = None
        if record_id is None:
            initial = {"status": "draft", "operator_code": profile.get("operator_code"),
                       "places": 1}  # fmt: skip
        super().__init__(context, record_id, parent, initial=initial)
        self.setWindowTitle(tr("Offre Stage+") if record_id else tr("Nouvelle offre Stage+"))
        self.add_field("approval_id", PickerField(
            field_label(OFFER, "approval_id"), self._approvals, context.tasks))
        self.targets.update({"establishment_unit_id": "approval_id", "trade_code": "approval_id"})
        self.add_editors(TextField, "title")
        self.add_editors(LongTextField, "description")
        self.add_editors(DateField, "start_date")
        self.add_editors(NumberField, "places")
        self.add_field("contact", TextField(field_label(OFFER, "contact"),
                                            placeholder=tr("nom, téléphone ou courriel")))
        self.add_field("operator_code", ChoiceField(field_label(OFFER, "operator_code"),
                                                    operator_choices(self.wc)))
        state = _status_group(self, tr("Publication"), "offer_status", cases.offer_statuses)
        self.add_editors(DateField, "published_on", "closed_on", layout=state)
        self.print_button = QPushButton(tr("Fiche d'offre (PDF)"))
        self.print_button.setObjectName("offer-print")
        self.print_button.clicked.connect(self.print_sheet)
        self.buttons.addButton(self.print_button, self.buttons.ButtonRole.ActionRole)
        self.load_values()

    def _approvals(self, text: str, current: Any) -> list[tuple[str, str]]:
        keep = str(current) if current else self.base.get("approval_id")
        return [(o.id, o.label) for o in cases.approval_options(self.wc, text, keep)]

    def extra(self, data: dict[str, Any], problems: list[Problem]) -> None:
        approval = editing.load(self.wc, "approvals", str(data.get("approval_id") or ""))
        if approval is not None:
            data["establishment_unit_id"] = approval.get("establishment_unit_id")
            data["trade_code"] = approval.get("trade_code")
        if data.get("status") != self.base.get("status"):
            data.update(cases.dated(data, cases.OFFER_DATES, editing.today(self.wc)))

    def update_derived(self, result: Any) -> None:
        self.print_button.setEnabled(self.record_id is not None)

    def after_save(self, changes: Any) -> None:
        """The form stays open: offer the moves of the status just saved."""
        field = self.fields["status"]
        assert isinstance(field, ChoiceField)
        current = self.base.get("status")
        field.set_choices(_statuses("offer_status", cases.offer_statuses(
            current if isinstance(current, str) else None)))
        field.set_value(current)
        self._initial = self.collect_quietly()

    def print_sheet(self) -> Any:
        """Write the offer sheet on the pool lane, then announce and open it."""
        from offa_desktop.ui import file_notice

        if self.record_id is None:
            return None
        folder = Path(getattr(self.context, "folder", Path.home())) / "impressions"
        return (self.context.tasks.background(cases.print_offer, self.wc, self.record_id, folder,
                                              editing.today(self.wc))
                .owned_by(self)
                .success(lambda path: file_notice.announce(
                    self.context.extras.get("window") or self, tr("Fiche d'offre enregistrée"),
                    path))
                .run())  # fmt: skip


class ReferralForm(RecordForm):
    """Saisine de la Commission d'agrément et de médiation."""

    collection = R

    def __init__(
        self, context: Any, record_id: str | None, parent: QWidget | None = None, **preset: Any
    ) -> None:
        profile = user_profile(context)
        initial = None
        if record_id is None:
            initial = {"status": "referred", "subject": "contract",
                       "operator_code": profile.get("operator_code"), **preset}  # fmt: skip
        super().__init__(context, record_id, parent, initial=initial)
        if record_id is None:
            self.base.setdefault("referred_on", editing.today(self.wc).isoformat())
        self.operator = profile.get("operator_code") if profile.get("role") == "secretariat" \
            else None
        self.setWindowTitle(tr("Saisine de la Commission") if record_id
                            else tr("Nouvelle saisine de la Commission"))  # fmt: skip
        self.add_field("subject", ChoiceField(field_label(R, "subject"), [
            (s, name_of("referral_subject", s)) for s in ("contract", "approval")], empty=False))
        self.add_field("contract_id", PickerField(
            field_label(R, "contract_id"), self._contracts, context.tasks))
        self.add_field("approval_id", PickerField(
            field_label(R, "approval_id"), self._approvals, context.tasks))
        self.add_field("operator_code", ChoiceField(field_label(R, "operator_code"),
                                                    operator_choices(self.wc)))
        self.add_editors(LongTextField, "reason")
        self.add_editors(DateField, "referred_on")
        commission = _status_group(self, tr("Commission"), "referral_status",
                                   cases.referral_statuses)
        self.add_editors(DateField, "mediation_on", "closed_on", layout=commission)
        self.add_editors(LongTextField, "outcome", layout=commission)
        self.fields["subject"].edited.connect(self._show_subject)
        self.load_values()
        self._show_subject()

    def _contracts(self, text: str, current: Any) -> list[tuple[str, str]]:
        keep = str(current) if current else self.base.get("contract_id")
        return [(o.id, f"{o.label} ({o.detail})")
                for o in cases.contract_options(self.wc, text, keep, self.operator)]

    def _approvals(self, text: str, current: Any) -> list[tuple[str, str]]:
        keep = str(current) if current else self.base.get("approval_id")
        return [(o.id, o.label)
                for o in cases.approval_options(self.wc, text, keep, granted_only=False)]

    def _show_subject(self) -> None:
        about_contract = self.fields["subject"].value() == "contract"
        self.fields["contract_id"].widget.setVisible(about_contract)
        self.fields["approval_id"].widget.setVisible(not about_contract)
        for name, shown in (("contract_id", about_contract), ("approval_id", not about_contract)):
            label = self.form.labelForField(self.fields[name].widget)
            if label is not None:
                label.setVisible(shown)

    def update_derived(self, result: Any) -> None:
        operator = self.fields["operator_code"]
        taken = result.record.get("operator_code")
        if operator.value() is None and taken:  # shown as the record takes it (the file's)
            operator.set_value(taken)

    def extra(self, data: dict[str, Any], problems: list[Problem]) -> None:
        about_contract = data.get("subject") == "contract"
        other = "approval_id" if about_contract else "contract_id"
        data[other] = None
        named = data.get("contract_id" if about_contract else "approval_id")
        if named and not data.get("operator_code"):  # the file's operator, as the rule wants
            target = editing.load(self.wc, "contracts" if about_contract else "approvals",
                                  str(named))  # fmt: skip
            data["operator_code"] = (target or {}).get("operator_code")
        if data.get("status") != self.base.get("status"):
            data.update(cases.dated(data, cases.REFERRAL_DATES, editing.today(self.wc)))


class TransferForm(RequestForm):
    """Mobilité d'un apprenant vers un autre opérateur."""

    collection = T
    operator_field = "to_operator"

    def __init__(self, context: Any, record_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(context, record_id, parent)
        self.setWindowTitle(tr("Mobilité d'un apprenant") if record_id
                            else tr("Nouvelle demande de mobilité"))  # fmt: skip
        self.add_field("niss", TextField(field_label(T, "niss"), placeholder="00.00.00-000.00",
                                         display=format_niss))  # fmt: skip
        self.who = QLabel()
        self.who.setObjectName("transfer-learner")
        self.who.setWordWrap(True)
        self.form.addRow(tr("Apprenant"), self.who)
        self.add_editors(lambda text: ChoiceField(text, operator_choices(self.wc)),
                         "from_operator", "to_operator")
        self.add_editors(DateField, "requested_on")
        self.add_editors(LongTextField, "note")
        decision = _status_group(self, tr("Décision de l'opérateur d'origine"),
                                 "transfer_status", cases.transfer_statuses)
        self.add_editors(DateField, "decided_on", layout=decision)
        self.add_field("level_reached", ChoiceField(field_label(T, "level_reached"), [
            (level, level.upper()) for level in ("a", "b", "c")]), decision)  # fmt: skip
        self.load_values()

    def extra(self, data: dict[str, Any], problems: list[Problem]) -> None:
        if data.get("status") == self.base.get("status"):
            return
        data.update(cases.dated(data, cases.TRANSFER_DATES, editing.today(self.wc)))
        if data.get("status") == "accepted" and not data.get("level_reached"):
            found = cases.learner_by_niss(self.wc, data.get("niss"))
            if found is not None:  # the sending copy knows the level the learner reached
                data["level_reached"] = cases.level_reached(self.wc, found[0])

    def update_derived(self, result: Any) -> None:
        found = cases.learner_by_niss(self.wc, result.record.get("niss"))
        if found is None:
            self.who.setText(tr("pas dans votre copie (inscrit chez un autre opérateur)"))
        else:
            operators = dict(operator_choices(self.wc))
            code = str(found[1].get("operator_code"))
            self.who.setText(f"{found[1].get('last_name')} {found[1].get('first_name')} — "
                             f"{operators.get(code, code)}")  # fmt: skip
        level = result.record.get("level_reached")
        field = self.fields["level_reached"]
        if level and field.value() is None:
            field.set_value(level)
