"""A field's value as people read it, in French: what a record's history says.

Every kind of field has its wording: a linked record by its name (never its UUID), a code of the
reference data by its name, an enumeration by its French word (never ``draft`` or
``favourable``), dates ``31/08/2026``, money ``360,50 €``, hours ``7,5 h``, identifiers as
people write them (``0403.170.701``, ``05.06.07-123.45``), and the objects (a weekly schedule,
a visit's answers, a legal representative, a contract event's details, an incentive's checks)
in sentences, never as a Python dict.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from offa_desktop.domain import (
    approvals,
    cases,
    contracts,
    incentives,
    overrides,
    radar,
    shapes,
)
from offa_desktop.domain.identifiers import format_enterprise_number, format_iban, format_niss
from offa_desktop.domain.schema import COLLECTIONS, FieldSpec, Kind
from offa_desktop.domain.values import BRUSSELS, format_date_fr, format_money_fr, parse_date
from offa_desktop.store import search
from offa_desktop.store.queries import ReadSession, StoreContext

EMPTY = "—"
GONE = "fiche supprimée ou hors de votre périmètre"
YES_NO = {True: "oui", False: "non"}

# French words of every enumeration of the working collections ((collection, field) -> code ->
# word); the statuses come from the domain's own tables.
ENUM_FR: dict[tuple[str, str], dict[str, str]] = {
    ("contracts", "status"): dict(contracts.STATUS_FR),
    ("contracts", "level"): {"a": "A", "b": "B", "c": "C"},
    ("approvals", "status"): dict(approvals.STATUS_FR),
    ("visits", "kind"): {"approval": "visite d'agrément", "follow_up": "visite de suivi"},
    ("visits", "status"): {"planned": "prévue", "done": "effectuée", "cancelled": "annulée"},
    ("visits", "opinion"): {
        "favourable": "favorable", "unfavourable": "défavorable",
        "conditional": "favorable sous conditions",
    },
    ("establishment_units", "region"): {"wal": "Wallonie", "bxl": "Bruxelles-Capitale"},
    ("tutors", "condition"): {
        "experience": "expérience dans le métier", "diploma": "titre pédagogique",
        "validation": "validation des compétences",
    },
    ("contract_events", "kind"): {
        "amendment": "avenant", "level_change": "changement de niveau",
        "suspension": "suspension", "resumption": "reprise", "termination": "rupture",
    },
    ("incentive_claims", "kind_code"): {
        "wal_p1": "prime P1 (Wallonie)", "wal_p2": "prime P2 (Wallonie)",
        "wal_learner": "prime à l'apprenant (Wallonie)",
        "bxl_tutor": "prime au tuteur (Bruxelles)",
        "bxl_learner": "prime à l'apprenant (Bruxelles)",
    },
    ("incentive_claims", "status"): {
        "to_check": "à vérifier", "eligible": "éligible", "not_eligible": "non éligible",
        "approved": "approuvée", "paid": "payée",
    },
    ("documents", "media_type"): {
        "application/pdf": "PDF", "image/jpeg": "image JPEG", "image/png": "image PNG",
    },
    ("stage_offers", "status"): dict(cases.OFFER_STATUS_FR),
    ("mediation_referrals", "status"): dict(cases.REFERRAL_STATUS_FR),
    ("mediation_referrals", "subject"): {"contract": "contrat", "approval": "agrément"},
    ("learner_transfers", "status"): dict(cases.TRANSFER_STATUS_FR),
    ("learner_transfers", "level_reached"): {"a": "A", "b": "B", "c": "C"},
}  # fmt: skip
# Code fields naming a row of the reference data -> the collections to look in.
CODE_REFERENCES: dict[str, tuple[str, ...]] = {
    "trade_code": ("trades",),
    "operator_code": ("operators",),
    "sector": ("sectors",),
    "reason_code": ("termination_reasons", "suspension_reasons"),
    "checklist_code": ("checklist_templates",),
}
ANSWERS_FR = {"yes": "oui", "no": "non", "na": "sans objet"}
INITIATORS_FR = {"learner": "l'apprenant", "company": "l'entreprise", "both": "d'un commun accord"}
REPRESENTATIVE_FR = {"name": "", "niss": "NISS", "phone": "tél.", "email": "courriel"}


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _number_fr(value: Any) -> str:
    number = _decimal(value)
    if number is None:
        return str(value)
    return f"{number.normalize():f}".replace(".", ",")


class Wording:
    """Words for the values of one copy (it names linked records by reading them)."""

    def __init__(self, session: ReadSession) -> None:
        self.session = session
        self.ctx = StoreContext(session)
        self._names: dict[tuple[str, str], str] = {}

    # --- one value -----------------------------------------------------------------------------
    def value(self, collection: str, name: str, value: Any) -> str:
        """``value`` of the field ``name`` of ``collection`` in words."""
        spec = COLLECTIONS[collection].by_name.get(name)
        if value is None or value == "" or value == [] or value == {}:
            return EMPTY
        if spec is None:
            return self._loose(value)
        return self._by_kind(collection, spec, value)

    def _by_kind(self, collection: str, spec: FieldSpec, value: Any) -> str:
        kind = spec.kind
        simple: dict[Kind, Callable[[Any], str]] = {
            Kind.DATE: self._date,
            Kind.INSTANT: self._instant,
            Kind.MONEY: self._money,
            Kind.PERCENT: lambda v: f"{_number_fr(v)}\u00a0%",
            Kind.HOURS: lambda v: f"{_number_fr(v)}\u00a0h",
            Kind.INT: str,
            Kind.BOOL: lambda v: YES_NO.get(bool(v), str(v)),
            Kind.ENTERPRISE_NUMBER: lambda v: format_enterprise_number(str(v)),
            Kind.UNIT_NUMBER: lambda v: format_enterprise_number(str(v)),
            Kind.NISS: lambda v: format_niss(str(v)),
            Kind.IBAN: lambda v: format_iban(str(v)),
        }
        if kind in simple:
            return simple[kind](value)
        if kind is Kind.ENUM:
            return ENUM_FR.get((collection, spec.name), {}).get(str(value), str(value))
        if kind is Kind.CODE:
            return self._code(spec.name, value)
        if kind is Kind.REF:
            return self.record(str(spec.ref), str(value))
        if kind is Kind.REFS:
            return ", ".join(self.record(str(spec.ref), str(v)) for v in value) or EMPTY
        if kind is Kind.STRINGS:
            names = [self._code("sector", v) if spec.name == "sectors" else str(v) for v in value]
            return ", ".join(names)
        if kind is Kind.JSON:
            return self._json(collection, spec.name, value)
        text = str(value)
        return text if len(text) <= 160 else text[:157] + "…"

    @staticmethod
    def _date(value: Any) -> str:
        try:
            return format_date_fr(parse_date(str(value)))
        except ValueError:
            return str(value)

    @staticmethod
    def _instant(value: Any) -> str:
        try:
            moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return str(value)
        return moment.astimezone(BRUSSELS).strftime("%d/%m/%Y %H:%M")

    @staticmethod
    def _money(value: Any) -> str:
        amount = _decimal(value)
        return format_money_fr(amount) if amount is not None else str(value)

    def _code(self, name: str, value: Any) -> str:
        if name == "rule":  # a snooze's deadline rule, by its radar label
            found = radar.RULE_BY_CODE.get(str(value))
            return found.label if found else str(value)
        for collection in CODE_REFERENCES.get(name, ()):
            for row in self.ctx.reference(collection):
                if row.get("code") == value:
                    return str(row.get("name") or row.get("label") or row.get("title") or value)
        return str(value)

    def record(self, collection: str, record_id: str) -> str:
        """A linked record by its name (a person, a company, a unit and its city...)."""
        key = (collection, record_id)
        if key not in self._names:
            self._names[key] = self._record(collection, record_id)
        return self._names[key]

    def _record(self, collection: str, record_id: str) -> str:
        if collection == "users":
            user = next((u for u in self.ctx.reference("users") if u.get("id") == record_id), None)
            return str(user.get("display_name")) if user else GONE
        data = self.ctx.get(collection, record_id)
        if data is None:
            return GONE
        if collection in ("learners", "tutors"):
            return " ".join(str(data.get(n) or "") for n in ("last_name", "first_name")).strip()
        if collection == "establishment_units":
            city = data.get("city")
            return f"{data.get('name')} ({city})" if city else str(data.get("name"))
        if collection == "approvals":
            unit = self.record("establishment_units", str(data.get("establishment_unit_id")))
            return f"agrément {self._code('trade_code', data.get('trade_code'))} — {unit}"
        if collection in ("contracts", "contract_events", "visits"):
            return search.describe(self.session, collection, record_id)
        return str(data.get("name") or data.get("title") or GONE)

    # --- objects -------------------------------------------------------------------------------
    def _json(self, collection: str, name: str, value: Any) -> str:
        if name == "schedule" and isinstance(value, Mapping):
            return self._schedule(value)
        if name == "answers" and isinstance(value, Mapping):
            return self._answers(value)
        if name == "representative" and isinstance(value, Mapping):
            return ", ".join(
                f"{REPRESENTATIVE_FR.get(k, k)} {self._identifier(k, v)}".strip()
                for k, v in value.items() if v not in (None, ""))
        if name == "checks" and isinstance(value, Mapping):
            return "; ".join(
                f"{incentives.CHECK_NAMES_FR.get(k, k.replace('_', ' '))} : "
                f"{'respecté' if (v or {}).get('passed') else 'non respecté'}"
                + (f" ({v['note']})" if isinstance(v, Mapping) and v.get("note") else "")
                for k, v in value.items())
        if name == "details" and isinstance(value, Mapping):
            return self._details(value)
        if name == overrides.FIELD and isinstance(value, list):
            return self._overrides(value)
        return self._loose(value)

    def _override_parts(self, entry: overrides.Override) -> tuple[str, str, str]:
        """An override's rule by its name, who set it aside and when (an instant in words;
        "" when the entry does not say)."""
        rule = overrides.RULES.get(entry.rule)
        name = rule.name_fr if rule else entry.rule.replace("_", " ")
        by = self.record("users", entry.by) if entry.by else ""
        return name, by, self._instant(entry.at) if entry.at else ""

    def _overrides_added(self, old: Any, new: Any) -> list[str]:
        """«Dérogation à « un seul contrat à la fois… » : « raison », par Marie Lejeune, le
        12/08/2026 14:05» for each override a change appends."""
        out = []
        for entry in overrides.added({overrides.FIELD: new}, {overrides.FIELD: old}):
            name, by, at = self._override_parts(entry)
            out.append(f"Dérogation à « {name} » : « {entry.reason} »"
                       + (f", par {by}" if by else "") + (f", le {at}" if at else ""))  # fmt: skip
        return out

    def _overrides(self, value: list[Any]) -> str:
        """«dérogation à « contrôles d'éligibilité de l'incitant » par Marie Lejeune le
        23/02/2026 : <reason> (tuteur agréé)» (one wording for every rule: «âge … écartés»
        was wrong in gender and number for most of them)."""
        out = []
        for entry in overrides.entries({overrides.FIELD: value}):
            name, by, at = self._override_parts(entry)
            text = (f"dérogation à « {name} »" + (f" par {by}" if by else "")
                    + (f" le {at[:10]}" if at else "") + f" : {entry.reason}")  # fmt: skip
            # the checks a claim failed, by name; a contract rule's codes (too_old…) are not
            # words for people, and its name already says what was set aside
            failed = ", ".join(incentives.CHECK_NAMES_FR[f] for f in entry.failed
                               if f in incentives.CHECK_NAMES_FR)
            if failed:
                text += f" ({failed})"
            out.append(text)
        return "; ".join(out) or EMPTY

    @staticmethod
    def _identifier(key: str, value: Any) -> str:
        return format_niss(str(value)) if key == "niss" else str(value)

    @staticmethod
    def _schedule(value: Mapping[str, Any]) -> str:
        days = []
        for day, label in shapes.DAY_NAMES_FR.items():
            hours = value.get(day) or {}
            parts = []
            if hours.get("company_hours"):
                parts.append(f"{_number_fr(hours['company_hours'])}\u00a0h en entreprise")
            if hours.get("operator_hours"):
                parts.append(f"{_number_fr(hours['operator_hours'])}\u00a0h à l'opérateur")
            if parts:
                days.append(f"{label} {' et '.join(parts)}")
        return "; ".join(days) or EMPTY

    def _answers(self, value: Mapping[str, Any]) -> str:
        labels: dict[str, str] = {}
        for template in self.ctx.reference("checklist_templates"):
            for item in template.get("items") or []:
                if isinstance(item, Mapping):
                    labels[str(item.get("key"))] = str(item.get("label"))
        out = []
        for key, answer in value.items():
            answer = answer if isinstance(answer, Mapping) else {"value": answer}
            text = f"{labels.get(key, key.replace('_', ' '))} : "
            text += ANSWERS_FR.get(str(answer.get("value")), str(answer.get("value")))
            if answer.get("note"):
                text += f" ({answer['note']})"
            out.append(text)
        return "; ".join(out)

    def _details(self, value: Mapping[str, Any]) -> str:
        out = []
        for key, detail in value.items():
            label = shapes.DETAIL_NAMES_FR.get(key, key.replace("_", " "))
            if key == "changes" and isinstance(detail, Mapping):
                changed = "; ".join(
                    f"{COLLECTIONS['contracts'].by_name[k].label} : "
                    f"{self.value('contracts', k, v)}"
                    if k in COLLECTIONS["contracts"].by_name else f"{k} : {self._loose(v)}"
                    for k, v in detail.items())
                out.append(f"{label} : {changed}")
                continue
            kind = shapes.DETAIL_KINDS_BY_NAME.get(key)
            shown = (
                self._date(detail) if kind == "date"
                else YES_NO.get(bool(detail)) if kind == "bool"
                else str(detail).upper() if kind == "level"
                else self._money(detail) if kind == "money"
                else INITIATORS_FR.get(str(detail), str(detail)) if kind == "initiator"
                else self._loose(detail)
            )
            out.append(f"{label} : {shown}")
        return "; ".join(out) or EMPTY

    def _loose(self, value: Any) -> str:
        """Anything else, still in words: a list joined, an object as «clé : valeur»."""
        if isinstance(value, bool):
            return YES_NO[value]
        if isinstance(value, Mapping):
            return "; ".join(f"{str(k).replace('_', ' ')} : {self._loose(v)}"
                             for k, v in value.items()) or EMPTY
        if isinstance(value, list | tuple):
            return ", ".join(self._loose(v) for v in value) or EMPTY
        if value is None:
            return EMPTY
        return str(value)

    # --- a change ------------------------------------------------------------------------------
    def changes(
        self, collection: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
    ) -> list[str]:
        """One line per field that changed: «Statut : projet → signé» (in the collection's
        field order; a created record lists its values: «Statut : projet»)."""
        before, after = before or {}, after or {}
        order = [f.name for f in COLLECTIONS[collection].fields]
        names = [n for n in order if n in before or n in after]
        names += sorted(n for n in set(before) | set(after) if n not in order)
        lines = []
        for name in names:
            old, new = before.get(name), after.get(name)
            if old == new:
                continue
            if name == overrides.FIELD:  # what this change set aside, with its reason
                lines += self._overrides_added(old, new)
                continue
            spec = COLLECTIONS[collection].by_name.get(name)
            label = spec.label if spec else name.replace("_", " ")
            label = label[:1].upper() + label[1:]
            shown_new = self.value(collection, name, new)
            if name not in before:
                lines.append(f"{label} : {shown_new}")
            else:
                lines.append(f"{label} : {self.value(collection, name, old)} → {shown_new}")
        return lines
