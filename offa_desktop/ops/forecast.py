"""The incentive forecast of a contract or a company on the working copy (domain/forecast.py
does the counting), and the "what if" line of a termination or suspension."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from offa_desktop.domain.contracts import RUNNING
from offa_desktop.domain.forecast import (
    NOT_APPLICABLE,
    Forecast,
    bxl_tutor_forecast,
    effective_end_of,
    p1_forecast,
    p2_forecast,
    p2_what_if,
    start_level_of,
    suspension_what_if,
)
from offa_desktop.domain.values import brussels_today
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext


def _facts(ctx: StoreContext, contract_id: str) -> dict[str, Any] | None:
    contract = ctx.get("contracts", contract_id)
    if contract is None:
        return None
    unit = ctx.get("establishment_units", str(contract.get("establishment_unit_id"))) or {}
    tutor_id = contract.get("tutor_id")
    tutor = ctx.get("tutors", str(tutor_id)) if tutor_id else None
    events = [e for _i, e in ctx.find("contract_events", contract_id=contract_id)]
    return {"contract": contract, "unit": unit, "tutor": tutor, "events": events}


def _forecasts(ctx: StoreContext, contract_id: str, facts: Mapping[str, Any],
               today: date) -> list[Forecast]:
    contract, unit = facts["contract"], facts["unit"]
    region = unit.get("region")
    events = facts["events"]
    end = effective_end_of(contract, events)
    out: list[Forecast] = []
    if region == "wal":
        company = ctx.get("companies", str(unit.get("company_id"))) or {}
        start = contract.get("start_date") or ""
        earlier = 0
        for unit_id, _u in ctx.find("establishment_units", company_id=unit.get("company_id")):
            for other_id, other in ctx.find("contracts", establishment_unit_id=unit_id):
                if (other_id != contract_id and other.get("status") != "draft"
                        and str(other.get("start_date") or "") <= start):
                    earlier += 1
        out.append(p1_forecast(region=region, employee_count=company.get("employee_count"),
                               earlier_contracts=earlier, tutor=facts["tutor"]))
        out.append(p2_forecast(contract, region=region,
                               start_level=start_level_of(contract, events),
                               tutor=facts["tutor"], end=end, today=today))
    elif region == "bxl":
        tutor_id = contract.get("tutor_id")
        learners = sum(1 for _i, c in ctx.find("contracts", tutor_id=tutor_id)
                       if c.get("status") in RUNNING) if tutor_id else 0
        out.append(bxl_tutor_forecast(contract, region=region, tutor_learners=learners,
                                      end=end, today=today))
    return [f for f in out if f.state != NOT_APPLICABLE]


def contract_forecasts(wc: WorkingCopy, contract_id: str,
                       today: date | None = None) -> list[Forecast]:
    """P1 / P2 (Wallonia) or the Brussels tutor premium of one contract."""
    with wc.session() as db:
        ctx = StoreContext(db, today=today)
        facts = _facts(ctx, contract_id)
        return [] if facts is None else _forecasts(ctx, contract_id, facts,
                                                   today or brussels_today())


def company_forecasts(wc: WorkingCopy, company_id: str,
                      today: date | None = None) -> dict[str, dict[str, int]]:
    """``{kind: {state: count}}`` over the company's running contracts."""
    out: dict[str, dict[str, int]] = {}
    day = today or brussels_today()
    with wc.session() as db:
        ctx = StoreContext(db, today=day)
        for unit_id, _u in ctx.find("establishment_units", company_id=company_id):
            for contract_id, contract in ctx.find("contracts", establishment_unit_id=unit_id):
                if contract.get("status") not in RUNNING:
                    continue
                facts = _facts(ctx, contract_id)
                for f in _forecasts(ctx, contract_id, facts or {}, day) if facts else []:
                    by = out.setdefault(f.kind, {})
                    by[f.state] = by.get(f.state, 0) + 1
    return out


def what_if(wc: WorkingCopy, contract_id: str, kind: str, end: date | None,
            today: date | None = None) -> str:
    """The P2 "what if" of a termination whose last day under contract is ``end``, or of a
    suspension; "" when P2 does not concern the contract."""
    day = today or brussels_today()
    with wc.session() as db:
        ctx = StoreContext(db, today=day)
        facts = _facts(ctx, contract_id)
        if facts is None:
            return ""
        p2 = next((f for f in _forecasts(ctx, contract_id, facts, day) if f.kind == "wal_p2"),
                  None)
    if p2 is None:
        return ""
    if kind == "suspension":
        return suspension_what_if(p2)
    if kind == "termination" and end is not None:
        return p2_what_if(p2, facts["contract"], end, label="cette rupture")
    return ""
