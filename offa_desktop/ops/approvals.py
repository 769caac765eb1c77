"""Use cases of the approval workflow: request, instruction, visits, decision, suspension,
withdrawal (and the running contracts a withdrawal ends, known before it is confirmed)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from offa_desktop.domain.access import get_int
from offa_desktop.domain.approvals import TRANSITIONS
from offa_desktop.domain.effects import side_effects
from offa_desktop.domain.rules import capacity_limit, tutor_is_certified, tutor_is_designated
from offa_desktop.ops.contracts.drafting import Option, unit_options
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext

LIMIT = 200


def next_statuses(status: str | None) -> list[str]:
    """The current status then the ones it may move to (a new request: requested)."""
    if status is None:
        return ["requested"]
    return [status, *sorted(TRANSITIONS.get(status, frozenset()))]


def units(wc: WorkingCopy, text: str = "", keep: str | None = None) -> list[Option]:
    """Establishment units matching ``text`` (full-text), with their company's name; ``keep``
    (the current choice) is always included."""
    found = unit_options(wc, text)
    if keep and all(o.id != keep for o in found):
        found = unit_options(wc, ids=[keep]) + found
    return found


@dataclass(frozen=True)
class UnitFacts:
    """What a decision looks at: the company's head count and capacity, its tutors."""

    employees: int | None
    capacity: int | None
    tutors: list[Option]


def unit_facts(wc: WorkingCopy, unit_id: str | None) -> UnitFacts:
    """The unit's company's capacity and tutors (with désigné / agréé / extract status)."""
    if not unit_id:
        return UnitFacts(None, None, [])
    with wc.session() as db:
        ctx = StoreContext(db)
        unit = ctx.get("establishment_units", unit_id) or {}
        company = ctx.get("companies", str(unit.get("company_id"))) or {}
        employees = get_int(company, "employee_count")
        tutors = []
        for tutor_id, t in ctx.find("tutors", company_id=unit.get("company_id")):
            state = []
            state.append("désigné" if tutor_is_designated(t) else "non désigné")
            if tutor_is_certified(t):
                state.append("agréé")
            if not t.get("criminal_record_date"):
                state.append("extrait de casier manquant")
            tutors.append(
                Option(tutor_id, f"{t.get('last_name')} {t.get('first_name')}", ", ".join(state), t)
            )
    capacity = capacity_limit(employees) if employees is not None else None
    return UnitFacts(employees, capacity, sorted(tutors, key=lambda o: o.label))


def contracts_ended_by_withdrawal(
    wc: WorkingCopy, approval_id: str, data: Mapping[str, Any], previous: Mapping[str, Any]
) -> list[Option]:
    """The running contracts that withdrawing this approval would terminate (the domain's own
    side effects, computed without writing)."""
    withdrawn = {**data, "status": "withdrawn"}
    with wc.session() as db:
        ctx = StoreContext(db)
        effects = side_effects("approvals", approval_id, withdrawn, previous, ctx)
        out = []
        for effect in effects:
            if effect.collection != "contracts":
                continue
            contract = ctx.get("contracts", effect.record_id) or {}
            learner = ctx.get("learners", str(contract.get("learner_id"))) or {}
            out.append(
                Option(
                    effect.record_id,
                    f"{learner.get('last_name') or ''} {learner.get('first_name') or ''}".strip(),
                    f"{contract.get('start_date')} → {contract.get('end_date')}",
                    contract,
                )
            )
    return out


def visits(wc: WorkingCopy, approval_id: str | None) -> list[tuple[str, dict[str, Any]]]:
    """The approval's visits, by planned or actual date."""
    if not approval_id:
        return []
    with wc.session() as db:
        found = StoreContext(db).find("visits", approval_id=approval_id)
    rows = [(i, dict(v)) for i, v in found]
    return sorted(rows, key=lambda r: str(r[1].get("visit_date") or r[1].get("planned_on")))


def checklist(wc: WorkingCopy, code: str | None) -> list[dict[str, str]]:
    """The items ``[{key, label}]`` of a visit checklist template."""
    with wc.session() as db:
        for row in queries.reference(db, "checklist_templates"):
            if row.get("code") == code:
                items = row.get("items") or []
                return [
                    {"key": str(i.get("key")), "label": str(i.get("label"))}
                    for i in items
                    if isinstance(i, Mapping)
                ]
    return []
