"""The events on a contract: amendment, level change, suspension and resumption, termination.

One form per event kind; the details (``contract_events.details``) are typed in their own
editors and composed on each check. A termination computes its notice (7 days in the trial
period, 14 after) from the notification date; a suspension shows who pays its first days; a
level change pre-fills the new level's minimum pay on its effective date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel

from offa_desktop.domain.problems import Problem
from offa_desktop.domain.values import format_date_fr, parse_date
from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.contracts import events as contract_events
from offa_desktop.ops.records.editing import Check
from offa_desktop.ui.dialogs import wrapping_label
from offa_desktop.ui.forms.base import RecordForm, field_label, tr
from offa_desktop.ui.forms.fields import (
    BoolField,
    ChoiceField,
    DateField,
    Field,
    MoneyField,
    TextField,
)
from offa_desktop.ui.forms.support import code_choices

E = "contract_events"
TITLES = {
    "amendment": "Avenant",
    "level_change": "Changement de niveau",
    "suspension": "Suspension",
    "resumption": "Reprise après suspension",
    "termination": "Rupture du contrat",
}
LEVELS = [("a", "A"), ("b", "B"), ("c", "C")]


def _day(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


class ContractEventForm(RecordForm):
    """A new event of ``kind`` on a contract."""

    collection = E
    def new_record(self, given: dict[str, Any]) -> dict[str, Any]:
        """Opened from a contract: ``initial={"contract_id": …, "kind": …}``."""
        return {"kind": "termination", "details": {}, **given}

    def build(self) -> None:
        self.kind = str(self.base.get("kind") or "termination")
        contract_id = str(self.base.get("contract_id") or "")
        self.contract, title = contract_events.contract_title(self.wc, contract_id)
        self.start = _day(self.contract.get("start_date"))
        self.setWindowTitle(tr(TITLES[self.kind]) + " — " + title)
        self.resize(620, 560)
        head = QLabel(f"<b>{title}</b><br>" + tr("Contrat du %1 au %2, niveau %3").replace(
            "%1", _fmt(self.contract.get("start_date"))).replace(
            "%2", _fmt(self.contract.get("end_date"))).replace(
            "%3", str(self.contract.get("level") or "—").upper()))
        self.form.addRow(head)
        self.details: dict[str, Field] = {}
        self.add_field("effective_date", DateField(field_label(E, "effective_date")))
        self.facts = wrapping_label("event-facts")
        getattr(self, f"_build_{self.kind}")()
        self.form.addRow(tr("Calcul"), self.facts)
        self.what_if = wrapping_label("event-what-if")
        if self.kind in ("termination", "suspension"):
            self.form.addRow(tr("Primes"), self.what_if)
        self.targets["details"] = next(iter(self.details), "effective_date")
        self.load_values()

    # --- editors per kind --------------------------------------------------------------------
    def detail(self, key: str, field: Field) -> Field:
        name = f"_d_{key}"
        self.details[name] = field
        self.add_field(name, field)
        value = (self.base.get("details") or {}).get(key)
        if value is not None:
            field.set_value(value)
        return field

    def _build_termination(self) -> None:
        self.add_field("reason_code", ChoiceField(
            field_label(E, "reason_code"), code_choices(self.wc, "termination_reasons")))
        self.detail("initiator", ChoiceField(tr("initiative"), [
            ("learner", tr("l'apprenant")), ("company", tr("l'entreprise")),
            ("both", tr("les deux parties"))]))
        self.detail("notified_on", DateField(tr("date de notification")))
        self.detail("notice_worked", BoolField(tr("préavis"), tr("presté (sinon indemnité)")))
        self.detail("referent_consulted_on", DateField(tr("référent consulté le")))

    def _build_suspension(self) -> None:
        self.add_field("reason_code", ChoiceField(
            field_label(E, "reason_code"), code_choices(self.wc, "suspension_reasons")))
        self.detail("end_date", DateField(tr("fin prévue de la suspension")))

    def _build_resumption(self) -> None:
        pass

    def _build_level_change(self) -> None:
        current = str(self.contract.get("level") or "a")
        self.detail("to_level", ChoiceField(tr("nouveau niveau"),
                                            [c for c in LEVELS if c[0] != current]))
        self.detail("monthly_pay", MoneyField(tr("nouvelle rétribution mensuelle")))
        self.detail("tutor_opinion_on", DateField(tr("date de l'avis du tuteur")))
        note = QLabel(tr("Le référent décide du changement de niveau après l'avis du tuteur\u00a0; "
                         "la date d'effet est celle de sa décision."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.form.addRow(note)
        self._last_minimum: str | None = None

    def _build_amendment(self) -> None:
        self.detail("end_date", DateField(tr("nouvelle date de fin")))
        unit_id = str(self.contract.get("establishment_unit_id"))
        on = self.start or date.today()
        tutors = drafting.tutors(self.wc, unit_id, self.contract.get("trade_code"), on)
        self.detail("tutor_id", ChoiceField(tr("nouveau tuteur"), [
            (t.id, f"{t.label} ({t.detail})") for t in tutors
            if t.id != self.contract.get("tutor_id")]))
        self.detail("referent_name", TextField(tr("nouveau référent")))
        self.detail("company_signatory", TextField(tr("nouveau signataire pour l'entreprise")))
        self.detail("monthly_pay", MoneyField(tr("nouvelle rétribution mensuelle")))

    # --- composing the details -----------------------------------------------------------------
    def extra(self, data: dict[str, Any], problems: list[Problem]) -> None:
        values: dict[str, Any] = {}
        for name, field in self.details.items():
            try:
                values[name[3:]] = field.value()
            except ValueError as exc:
                problems.append(Problem(name, "invalid", str(exc)))
        details: dict[str, Any]
        if self.kind == "amendment":
            changes = {k: v for k, v in values.items() if v is not None}
            details = {"changes": changes}
        else:
            details = {k: v for k, v in values.items() if v is not None}
        if self.kind == "termination":
            notified = _day(details.get("notified_on"))
            if notified is not None and self.start is not None:
                found = contract_events.notice(self.start, notified)
                details["notice_start"] = found.first.isoformat()
                details["notice_end"] = found.last.isoformat()
        if self.kind == "suspension":
            days = contract_events.company_pays_days(self.wc, data.get("reason_code"))
            if days is not None:
                details["company_pays_days"] = days
        if self.kind == "level_change":
            details["from_level"] = self.contract.get("level")
        data["details"] = details

    def update_derived(self, result: Check) -> None:
        details = result.record.get("details") or {}
        getattr(self, f"_facts_{self.kind}", lambda _d, _r: self.facts.setText("—"))(
            details, result.record)
        if self.kind in ("termination", "suspension"):
            from offa_desktop.ops.forecast import what_if

            line = what_if(self.wc, str(result.record.get("contract_id") or ""), self.kind,
                           _day(result.record.get("effective_date")))
            self.what_if.setText(line[:1].upper() + line[1:] if line else
                                 tr("Aucune prime P2 en jeu pour ce contrat."))

    def _facts_termination(self, details: dict[str, Any], record: dict[str, Any]) -> None:
        first, last = _day(details.get("notice_start")), _day(details.get("notice_end"))
        if first is None or last is None:
            self.facts.setText(tr("Préavis calculé dès la date de notification."))
            return
        days = (last - first).days + 1
        effective = self.fields["effective_date"]
        typed = effective.line.text() if isinstance(effective, DateField) else ""
        if record.get("effective_date") is None and not typed:
            self.fields["effective_date"].set_value(last.isoformat())  # ends with the notice
            self.schedule_check()
        when = tr("pendant la période d'essai") if days == 7 else tr("après la période d'essai")
        self.facts.setText(
            tr("Préavis de %1 jours (notifié %2)\u00a0: du %3 au %4.")
            .replace("%1", str(days)).replace("%2", when)
            .replace("%3", format_date_fr(first)).replace("%4", format_date_fr(last))
        )

    def _facts_suspension(self, details: dict[str, Any], record: dict[str, Any]) -> None:
        if record.get("reason_code") is None:
            self.facts.setText(tr("Choisissez le motif."))
        elif "company_pays_days" in details:
            self.facts.setText(tr("L'entreprise paie les %1 premiers jours de la suspension.")
                               .replace("%1", str(details["company_pays_days"])))
        else:
            self.facts.setText(tr("Suspension due à l'entreprise\u00a0: la rétribution reste "
                                  "due pendant toute la suspension."))

    def _facts_level_change(self, details: dict[str, Any], record: dict[str, Any]) -> None:
        on, level = _day(record.get("effective_date")), details.get("to_level")
        if on is None or not isinstance(level, str):
            self.facts.setText(tr("Minimum calculé à la date d'effet."))
            return
        minimum = contract_events.level_minimum(self.wc, level, on)
        if minimum is None:
            self.facts.setText(tr("Aucun barème en vigueur à cette date."))
            return
        text = f"{minimum:.2f}"
        field = self.details["_d_monthly_pay"]
        if details.get("monthly_pay") in (None, self._last_minimum):
            field.set_value(text)
            self.schedule_check()
        self._last_minimum = text
        self.facts.setText(tr("Minimum du niveau %1 au %2\u00a0: %3").replace(
            "%1", level.upper()).replace("%2", format_date_fr(on)).replace(
            "%3", text.replace(".", ",") + "\u00a0€"))

    def save_call(self, data: dict[str, Any]) -> tuple[Any, tuple[Any, ...]]:
        return contract_events.record_event, (self.wc, data)


def _fmt(value: Any) -> str:
    day = _day(value)
    return format_date_fr(day) if day else "—"
