"""Typed, frozen views of the records of every collection of API v1.

``Contract.from_api(id, data)`` turns an API-shaped dict into an object with ``date`` and
``Decimal`` values (money and percentages as Decimal, dates as date, instants as aware UTC
datetimes, hours as Decimal, lists as tuples); ``to_api()`` gives the dict back in wire form.
Fields required by API.md (``*``; for contracts only the ``*d`` ones, since drafts exist) are
not Optional. Fields this version does not know are kept in ``extra`` and written back.
The schema (``schema.COLLECTIONS``) stays the one list of fields: a test checks both agree.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from offa_desktop.domain.entity_base import JSON, Entity

__all__ = [
    "Approval",
    "ChecklistTemplate",
    "Company",
    "Contract",
    "ContractEvent",
    "Document",
    "ENTITY_TYPES",
    "Entity",
    "EstablishmentUnit",
    "IncentiveClaim",
    "IncentiveKind",
    "JSON",
    "Learner",
    "Limit",
    "Operator",
    "PayRate",
    "Sector",
    "Snooze",
    "SuspensionReason",
    "TerminationReason",
    "Trade",
    "TrainingPlan",
    "Tutor",
    "User",
    "VisitReport",
    "WageReference",
    "from_api",
]

# --- reference collections -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class Sector(Entity):
    """A sector (construction, horeca, ...)."""

    collection: ClassVar[str] = "sectors"
    code: str
    name: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class Operator(Entity):
    """A training operator (CEFA, IFAPME, SFPME)."""

    collection: ClassVar[str] = "operators"
    code: str
    name: str
    kind: str
    region: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class Trade(Entity):
    """A trade (métier) and its limits (None: the general ones)."""

    collection: ClassVar[str] = "trades"
    code: str
    name: str
    sector: str
    max_learners_per_tutor: int | None = None
    max_age: int | None = None
    max_daily_hours: Decimal | None = None
    max_weekly_hours: Decimal | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class TrainingPlan(Entity):
    """The competences of a trade at a level."""

    collection: ClassVar[str] = "training_plans"
    trade_code: str
    level: str
    competences: tuple[str, ...]
    valid_from: date


@dataclasses.dataclass(frozen=True, kw_only=True)
class WageReference(Entity):
    """The indexed guaranteed minimum monthly wage (RMMMG) from a date."""

    collection: ClassVar[str] = "wage_references"
    valid_from: date
    rmmmg: Decimal


@dataclasses.dataclass(frozen=True, kw_only=True)
class PayRate(Entity):
    """The percentage of the RMMMG paid at a level, from a date."""

    collection: ClassVar[str] = "pay_rates"
    level: str
    percent: Decimal
    valid_from: date


@dataclasses.dataclass(frozen=True, kw_only=True)
class TerminationReason(Entity):
    """Why a contract ends early."""

    collection: ClassVar[str] = "termination_reasons"
    code: str
    label: str
    company_pays_days: int | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class SuspensionReason(Entity):
    """Why a contract is suspended (None days: the company pays throughout)."""

    collection: ClassVar[str] = "suspension_reasons"
    code: str
    label: str
    company_pays_days: int | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class ChecklistTemplate(Entity):
    """The points a visit checks: ``items`` is ``[{key, label}]``."""

    collection: ClassVar[str] = "checklist_templates"
    code: str
    title: str
    items: JSON


@dataclasses.dataclass(frozen=True, kw_only=True)
class IncentiveKind(Entity):
    """An incentive and its amount from a date."""

    collection: ClassVar[str] = "incentive_kinds"
    code: str
    region: str
    amount: Decimal
    valid_from: date


@dataclasses.dataclass(frozen=True, kw_only=True)
class Limit(Entity):
    """A dated delay or limit (a criminal record extract's validity, in months)."""

    collection: ClassVar[str] = "limits"
    code: str
    label: str
    value: int
    unit: str
    valid_from: date


@dataclasses.dataclass(frozen=True, kw_only=True)
class User(Entity):
    """A user account as the server publishes it."""

    collection: ClassVar[str] = "users"
    display_name: str
    role: str
    operator_code: str | None = None
    sectors: tuple[str, ...] | None = None
    email: str | None = None
    phone: str | None = None


# --- working collections ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class Company(Entity):
    """A company (BCE enterprise number)."""

    collection: ClassVar[str] = "companies"
    enterprise_number: str
    name: str
    legal_form: str
    employee_count: int
    sector: str
    email: str | None = None
    phone: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class EstablishmentUnit(Entity):
    """An address where a company works (unité d'établissement)."""

    collection: ClassVar[str] = "establishment_units"
    company_id: str
    unit_number: str
    name: str
    street: str
    postal_code: str
    city: str
    region: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class Tutor(Entity):
    """A tutor in a company."""

    collection: ClassVar[str] = "tutors"
    company_id: str
    first_name: str
    last_name: str
    condition: str
    birth_date: date | None = None
    experience_years: int | None = None
    entrepreneur_title: bool | None = None
    training_hours: Decimal | None = None
    criminal_record_date: date | None = None
    certified: bool | None = None
    email: str | None = None
    phone: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Approval(Entity):
    """The approval of an establishment unit for a trade (agrément)."""

    collection: ClassVar[str] = "approvals"
    establishment_unit_id: str
    trade_code: str
    operator_code: str
    status: str
    requested_on: date
    decided_on: date | None = None
    decision_note: str | None = None
    tutor_ids: tuple[str, ...] | None = None
    referred_on: date | None = None
    signed_on: date | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class VisitReport(Entity):
    """A coach's visit for an approval or a contract, and its report."""

    collection: ClassVar[str] = "visits"
    kind: str
    visitor_id: str
    status: str
    approval_id: str | None = None
    contract_id: str | None = None
    planned_on: date | None = None
    visit_date: date | None = None
    checklist_code: str | None = None
    answers: JSON = None
    opinion: str | None = None
    comments: str | None = None
    signed_on: date | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Learner(Entity):
    """A learner (apprenant)."""

    collection: ClassVar[str] = "learners"
    niss: str
    first_name: str
    last_name: str
    birth_date: date
    street: str
    postal_code: str
    city: str
    operator_code: str
    email: str | None = None
    phone: str | None = None
    iban: str | None = None
    representative: JSON = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Contract(Entity):
    """An alternance contract; a draft holds at least the ``*d`` fields."""

    collection: ClassVar[str] = "contracts"
    learner_id: str
    establishment_unit_id: str
    operator_code: str
    trade_code: str
    start_date: date
    status: str
    approval_id: str | None = None
    tutor_id: str | None = None
    referent_name: str | None = None
    referent_email: str | None = None
    referent_phone: str | None = None
    company_signatory: str | None = None
    workplace_ids: tuple[str, ...] | None = None
    end_date: date | None = None
    level: str | None = None
    monthly_pay: Decimal | None = None
    schedule: JSON = None
    signed_on: date | None = None
    supersedes_id: str | None = None
    overrides: JSON = None  # rules set aside with a reason (domain.overrides)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ContractEvent(Entity):
    """Something that happens to a contract: amendment, level change, suspension, ..."""

    collection: ClassVar[str] = "contract_events"
    contract_id: str
    kind: str
    effective_date: date
    details: JSON
    reason_code: str | None = None
    signed_on: date | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class IncentiveClaim(Entity):
    """A company's claim for an incentive, with its eligibility checks."""

    collection: ClassVar[str] = "incentive_claims"
    kind_code: str
    company_id: str
    contract_ids: tuple[str, ...]
    school_year: str
    amount: Decimal
    status: str
    tutor_id: str | None = None
    checks: JSON = None
    iban: str | None = None
    paid_on: date | None = None
    overrides: JSON = None  # rules set aside with a reason (domain.overrides)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Document(Entity):
    """A stored file attached to a record (``record`` is ``collection/id``)."""

    collection: ClassVar[str] = "documents"
    record: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime


@dataclasses.dataclass(frozen=True, kw_only=True)
class Snooze(Entity):
    """A radar line a user put off until a date (``record``: ``collection/id``)."""

    collection: ClassVar[str] = "snoozes"
    user_id: str
    rule: str
    record: str
    until: date
    reason: str


ENTITY_TYPES: dict[str, type[Entity]] = {
    cls.collection: cls
    for cls in (
        Sector,
        Operator,
        Trade,
        TrainingPlan,
        WageReference,
        PayRate,
        TerminationReason,
        SuspensionReason,
        ChecklistTemplate,
        IncentiveKind,
        Limit,
        User,
        Company,
        EstablishmentUnit,
        Tutor,
        Approval,
        VisitReport,
        Learner,
        Contract,
        ContractEvent,
        IncentiveClaim,
        Document,
        Snooze,
    )
}


def from_api(collection: str, id: str, data: dict[str, Any]) -> Entity:
    """The typed record of any collection."""
    return ENTITY_TYPES[collection].from_api(id, data)
