"""A company at a glance, for the Entreprises area's detail pane: its establishment units, its
tutors (désigné / agréé) and the contracts running there today (this copy's)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from offa_desktop.domain.access import get_int
from offa_desktop.domain.contracts import running_on
from offa_desktop.domain.rules import capacity_limit
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext

Rows = list[tuple[str, dict[str, Any]]]


@dataclass(frozen=True)
class CompanyOverview:
    """A company (None when gone), its units and tutors by name, the contracts running today
    at its units and its capacity (None without a head count)."""

    company_id: str
    company: dict[str, Any] | None
    units: Rows = field(default_factory=list)
    tutors: Rows = field(default_factory=list)
    running: int = 0
    capacity: int | None = None


def overview(wc: WorkingCopy, company_id: str) -> CompanyOverview:
    """The company's overview in one read session (indexed lookups by company and unit)."""
    with wc.session() as db:
        ctx = StoreContext(db)
        company = ctx.get("companies", company_id)
        if company is None:
            return CompanyOverview(company_id, None)
        units = [(i, dict(d)) for i, d in ctx.find("establishment_units", company_id=company_id)]
        tutors = [(i, dict(d)) for i, d in ctx.find("tutors", company_id=company_id)]
        today = ctx.today()
        running = 0
        for unit_id, _ in units:
            for contract_id, contract in ctx.find("contracts", establishment_unit_id=unit_id):
                running += running_on(ctx, contract_id, contract, today)
        employees = get_int(company, "employee_count")
    units.sort(key=lambda item: (str(item[1].get("name") or "").casefold(), item[0]))
    tutors.sort(key=lambda item: (str(item[1].get("last_name") or "").casefold(),
                                  str(item[1].get("first_name") or "").casefold(), item[0]))
    return CompanyOverview(
        company_id, dict(company), units, tutors, running,
        capacity_limit(employees) if employees is not None else None,
    )
