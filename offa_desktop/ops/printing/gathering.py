"""Gathers from the working copy everything a printed document needs, as plain data.

``gather(session, kind, record_id)`` reads the record and its related records (learner and
representative, company, unit, tutor, operator, trade, training plan, wage reference and pay
rate in force, events, reasons, checklist...) and returns a :class:`PrintData` for
``offa_desktop.printing``. A draft contract also carries what would block its signing (the
domain's ``signing_problems``), which prints as «PROJET».
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from offa_desktop.domain import overrides
from offa_desktop.domain.access import in_force
from offa_desktop.domain.contract_rules import signing_problems
from offa_desktop.domain.documents import BLANK_KINDS, KINDS
from offa_desktop.domain.problems import Problem, cap, label
from offa_desktop.printing.data import PrintData, PrintError, PrintProblem
from offa_desktop.store import queries
from offa_desktop.store.queries import ReadSession as Session
from offa_desktop.store.queries import StoreContext

Record = Mapping[str, Any]
__all__ = ["PrintError", "blank", "gather", "gather_many", "printable_kinds"]

# Which contract event kinds each notice prints.
EVENT_KINDS = {
    "amendment": ("amendment", "level_change"),
    "suspension": ("suspension",),
    "termination": ("termination",),
}


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def printable_kinds(collection: str, data: Mapping[str, Any] | None = None) -> list[str]:
    """The documents a record of ``collection`` prints as (for the UI's print menu)."""
    if collection == "contracts":
        return ["contract"]
    if collection == "approvals":
        return ["approval"]
    if collection == "visits":
        return ["visit"]
    if collection == "contract_events":
        kind = (data or {}).get("kind")
        return [k for k, kinds in EVENT_KINDS.items() if kind in kinds]
    return []


class _Reader:
    """Reads of one session, with reference collections loaded once."""

    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.today = today
        self._reference: dict[str, list[dict[str, Any]]] = {}

    def get(self, collection: str, record_id: object) -> dict[str, Any] | None:
        if not record_id:
            return None
        return queries.get(self.session, collection, str(record_id))

    def reference(self, collection: str) -> list[dict[str, Any]]:
        if collection not in self._reference:
            self._reference[collection] = queries.reference(self.session, collection)
        return self._reference[collection]

    def by_code(self, collection: str, code: object) -> dict[str, Any] | None:
        if not code:
            return None
        return next((r for r in self.reference(collection) if r.get("code") == code), None)

    def by_id(self, collection: str, record_id: object) -> dict[str, Any] | None:
        return next((r for r in self.reference(collection) if r.get("id") == record_id), None)

    def in_force(self, collection: str, on: date, **equals: Any) -> dict[str, Any] | None:
        found = in_force(self.reference(collection), on, **equals)
        return dict(found) if found is not None else None


def _plan(r: _Reader, trade_code: object, on: date) -> dict[str, list[str]]:
    plan: dict[str, list[str]] = {}
    for level in ("a", "b", "c"):
        row = r.in_force("training_plans", on, trade_code=trade_code, level=level)
        if row and isinstance(row.get("competences"), list):
            plan[level] = [str(c) for c in row["competences"]]
    return plan


def _parties(
    r: _Reader, contract: Record, data: dict[str, Any], pay_on: date | None = None
) -> None:
    """Fill ``data`` with the contract's parties and reference rows; the wage reference and pay
    rate are those in force on ``pay_on`` (the last level change), else on the start date."""
    unit = r.get("establishment_units", contract.get("establishment_unit_id"))
    start = _day(contract.get("start_date")) or r.today
    pay_day = pay_on or start
    data.update(
        learner=r.get("learners", contract.get("learner_id")),
        unit=unit,
        company=r.get("companies", (unit or {}).get("company_id")),
        tutor=r.get("tutors", contract.get("tutor_id")),
        operator=r.by_code("operators", contract.get("operator_code")),
        trade=r.by_code("trades", contract.get("trade_code")),
        approval=r.get("approvals", contract.get("approval_id")),
        workplaces=[
            w
            for w in (r.get("establishment_units", i) for i in contract.get("workplace_ids") or [])
            if w is not None
        ],
        training_plan=_plan(r, contract.get("trade_code"), start),
        wage_reference=r.in_force("wage_references", pay_day),
        pay_rate=r.in_force("pay_rates", pay_day, level=contract.get("level")),
    )


def _problems(
    session: Session, contract: Record, record_id: str, today: date
) -> list[PrintProblem]:
    """What would block signing a draft (warnings left out: they never block)."""
    if contract.get("status") != "draft":
        return []
    ctx = StoreContext(session, today=today)
    found = signing_problems(contract, ctx, record_id)
    return [
        PrintProblem(cap(label("contracts", p.field)) if p.field else "Fiche", _noted(p))
        for p in found
        if not p.warning
    ]


def _noted(p: Problem) -> str:
    """The message, and whether the rule may be set aside with a reason (and by whom) or never."""
    rule_name = overrides.rule_for("contracts", p.code)
    if rule_name is not None:
        rule = overrides.RULES[rule_name]
        return f"{p.message} (dérogation motivée possible : {rule.who_fr})"
    note = overrides.never_note(p.code)
    return f"{p.message} ({note})" if note else p.message


def _override_lines(r: _Reader, record: Record) -> list[str]:
    """The record's overrides in words: rule, reason, who, when."""
    users = {str(u.get("id")): str(u.get("display_name")) for u in r.reference("users")}
    out = []
    for entry in overrides.entries(record):
        name, tail = overrides.in_words(entry, users)
        out.append(f"« {name} » : {entry.reason}" + (f" ({tail})" if tail else ""))
    return out


def _events(session: Session, contract_id: str) -> list[dict[str, Any]]:
    ctx = StoreContext(session)
    events = [{"id": i, **e} for i, e in ctx.find("contract_events", contract_id=contract_id)]
    return sorted(events, key=lambda e: (str(e.get("effective_date")), e["id"]))


def _reason(r: _Reader, event: Record) -> dict[str, Any] | None:
    """The termination or suspension reason of an event, from the reference tables."""
    collection = (
        "termination_reasons" if event.get("kind") == "termination" else "suspension_reasons"
    )
    return r.by_code(collection, event.get("reason_code"))


def _names(r: _Reader, changes: Record) -> dict[str, str]:
    """Names of the records an amendment refers to (tutor, workplaces)."""
    names: dict[str, str] = {}
    tutor = r.get("tutors", changes.get("tutor_id"))
    if tutor:
        names[str(changes["tutor_id"])] = f"{tutor.get('first_name')} {tutor.get('last_name')}"
    for unit_id in changes.get("workplace_ids") or []:
        unit = r.get("establishment_units", unit_id)
        if unit:
            names[str(unit_id)] = f"{unit.get('name')}, {unit.get('city')}"
    return names


def _contract(r: _Reader, record_id: str, record: Record, version: int | None) -> PrintData:
    events = _events(r.session, record_id)
    changes = [
        day
        for e in events
        if e.get("kind") == "level_change"
        and (day := _day(e.get("effective_date"))) is not None
        and day <= r.today
    ]
    data: dict[str, Any] = {}
    _parties(r, record, data, max(changes) if changes else None)
    replaced = r.get("contracts", record.get("supersedes_id"))
    successors = StoreContext(r.session).find("contracts", supersedes_id=record_id)
    return PrintData(
        kind="contract",
        replaces={**replaced, "id": record["supersedes_id"]} if replaced else None,
        replaced_by=[{**d, "id": i} for i, d in sorted(successors, key=lambda s: s[0])],
        overrides=_override_lines(r, record),
        record_id=record_id,
        version=version,
        record=record,
        events=[{**e, "reason_label": (_reason(r, e) or {}).get("label")} for e in events],
        problems=_problems(r.session, record, record_id, r.today),
        printed_on=r.today,
        **data,
    )


def _event(r: _Reader, kind: str, record_id: str, record: Record, version: int | None) -> PrintData:
    if record.get("kind") not in EVENT_KINDS[kind]:
        raise PrintError(
            f"L'événement {record_id} est de type «{record.get('kind')}» : "
            f"il ne s'imprime pas comme «{kind}»."
        )
    contract = r.get("contracts", record.get("contract_id")) or {}
    data: dict[str, Any] = {}
    _parties(r, contract, data)
    details = record.get("details") or {}
    if record.get("kind") == "level_change":  # printed as an amendment of level and pay
        changes = {"level": details.get("to_level"), "monthly_pay": details.get("monthly_pay")}
        record = {**record, "details": {"changes": changes}}
    changes = (record.get("details") or {}).get("changes") or {}
    if kind == "amendment" and changes.get("tutor_id"):
        data["tutor"] = r.get("tutors", changes["tutor_id"]) or data["tutor"]
    return PrintData(
        kind=kind,
        record_id=record_id,
        version=version,
        record=record,
        contract=contract,
        reason=_reason(r, record),
        names=_names(r, changes) if isinstance(changes, Mapping) else {},
        printed_on=r.today,
        **data,
    )


def _approval(r: _Reader, record_id: str, record: Record, version: int | None) -> PrintData:
    unit = r.get("establishment_units", record.get("establishment_unit_id"))
    tutors = [t for t in (r.get("tutors", i) for i in record.get("tutor_ids") or []) if t]
    return PrintData(
        kind="approval",
        record_id=record_id,
        version=version,
        record=record,
        unit=unit,
        company=r.get("companies", (unit or {}).get("company_id")),
        tutors=tutors,
        operator=r.by_code("operators", record.get("operator_code")),
        trade=r.by_code("trades", record.get("trade_code")),
        printed_on=r.today,
    )


def _visit(r: _Reader, record_id: str, record: Record, version: int | None) -> PrintData:
    data: dict[str, Any] = {}
    contract = r.get("contracts", record.get("contract_id"))
    if contract is not None:
        _parties(r, contract, data)
        data["contract"] = contract
        data.pop("training_plan"), data.pop("wage_reference"), data.pop("pay_rate")
    else:
        approval = r.get("approvals", record.get("approval_id"))
        unit = r.get("establishment_units", (approval or {}).get("establishment_unit_id"))
        data.update(
            approval=approval,
            unit=unit,
            company=r.get("companies", (unit or {}).get("company_id")),
            trade=r.by_code("trades", (approval or {}).get("trade_code")),
        )
    return PrintData(
        kind="visit",
        record_id=record_id,
        version=version,
        record=record,
        visitor=r.by_id("users", record.get("visitor_id")),
        checklist=r.by_code("checklist_templates", record.get("checklist_code")),
        printed_on=r.today,
        **data,
    )


def blank(kind: str, session: Session | None, today: date) -> PrintData:
    """A blank form; with a session, the reference data in force today fills what it can."""
    if session is None:
        return PrintData(kind=kind, printed_on=today)
    r = _Reader(session, today)
    rates = [
        rate
        for level in ("a", "b", "c")
        if (rate := r.in_force("pay_rates", today, level=level)) is not None
    ]
    return PrintData(
        kind=kind,
        wage_reference=r.in_force("wage_references", today),
        pay_rates=rates,
        checklists=r.reference("checklist_templates"),
        printed_on=today,
    )


def _find_event(r: _Reader, kind: str, contract_id: str) -> tuple[str, dict[str, Any]] | None:
    """The latest event of that kind of a contract (``print termination --id <contract>``)."""
    events = [e for e in _events(r.session, contract_id) if e.get("kind") in EVENT_KINDS[kind]]
    if not events:
        return None
    last = dict(events[-1])
    return str(last.pop("id")), last


def gather(
    session: Session, kind: str, record_id: str | None, *, today: date | None = None
) -> PrintData:
    """Everything the document ``kind`` of ``record_id`` needs; PrintError when it cannot be."""
    if kind not in KINDS:
        raise PrintError(f"Type de document inconnu : «{kind}».")
    day = today or StoreContext(session).today()
    if kind in BLANK_KINDS:
        return blank(kind, session, day)
    if not record_id:
        raise PrintError(f"Indiquez la fiche à imprimer (--id) pour un document «{kind}».")
    r = _Reader(session, day)
    collection = {"contract": "contracts", "approval": "approvals", "visit": "visits"}.get(
        kind, "contract_events"
    )
    stored = queries.get_record(session, collection, record_id)
    if stored is None and collection == "contract_events":
        contract = queries.get_record(session, "contracts", record_id)
        found = _find_event(r, kind, record_id) if contract and not contract.deleted else None
        if found is not None:
            stored = queries.get_record(session, collection, found[0])
    if stored is None or stored.deleted:
        raise PrintError(
            f"Aucune fiche {record_id} à imprimer comme «{kind}» dans la copie de travail : "
            "vérifiez l'identifiant ou synchronisez."
        )
    if collection == "contracts":
        return _contract(r, stored.id, stored.data, stored.version)
    if collection == "approvals":
        return _approval(r, stored.id, stored.data, stored.version)
    if collection == "visits":
        return _visit(r, stored.id, stored.data, stored.version)
    return _event(r, kind, stored.id, stored.data, stored.version)


def gather_many(
    session: Session, kind: str, record_ids: Sequence[str], *, today: date | None = None
) -> list[PrintData]:
    """``gather`` for several records in one session."""
    return [gather(session, kind, i, today=today) for i in record_ids]
