"""The contract wizard's use cases: only valid choices offered (learners, units with a granted
approval, those approvals, tutors who may train), capacity shown, pay computed from the dated
reference rates, the contract saved and, when asked, printed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from offa_desktop.domain.access import get_date, get_int, reference_by_code
from offa_desktop.domain.contracts import RUNNING, effective_end, running_on
from offa_desktop.domain.dates import age_on
from offa_desktop.domain.pay import minimum_monthly_pay, pay_rate_on, wage_reference_on
from offa_desktop.domain.rules import capacity_limit, schedule_limits, tutor_is_designated
from offa_desktop.domain.shapes import schedule_hours
from offa_desktop.domain.values import format_date_fr
from offa_desktop.ops.printing import rendering
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.writes import Saved
from offa_desktop.store import lookups, queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext
from offa_desktop.store.search import best_first

LIMIT = 200


@dataclass(frozen=True)
class Option:
    """One choice offered: the record's id, what the list shows, and a detail line."""

    id: str
    label: str
    detail: str = ""
    data: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Capacity:
    """Learners running at a company (or with a tutor) on a date, against the limit."""

    running: int
    limit: int | None

    @property
    def full(self) -> bool:
        return self.limit is not None and self.running >= self.limit


@dataclass(frozen=True)
class Engaged:
    """A learner's contract that is running or still to start (signed, active, suspended):
    where, and until when (its effective end)."""

    contract_id: str
    company: str
    start: date | None
    end: date | None

    def text(self, today: date) -> str:
        """``contrat en cours chez X jusqu'au 31/08/2027`` (or ``signé chez X à partir du``)."""
        until = f" jusqu'au {format_date_fr(self.end)}" if self.end else ""
        if self.start is not None and self.start > today:
            return f"contrat signé chez {self.company} du {format_date_fr(self.start)}" + (
                f" au {format_date_fr(self.end)}" if self.end else "")
        return f"contrat en cours chez {self.company}{until}"


def _engagements(
    db: queries.ReadSession, ctx: StoreContext, learner_ids: list[str], today: date
) -> dict[str, Engaged]:
    """Each learner's running or coming contract (the one ending last), in one query."""
    if not learner_ids:
        return {}
    found = queries.page(db, "contracts", filters={"learner_id": learner_ids,
                         "status": list(RUNNING)}, limit=len(learner_ids) * 10)
    out: dict[str, Engaged] = {}
    for rec in found:
        end = effective_end(ctx, rec.id, rec.data)
        if end is not None and end < today:
            continue
        unit = ctx.get("establishment_units", str(rec.data.get("establishment_unit_id"))) or {}
        company = ctx.get("companies", str(unit.get("company_id"))) or {}
        learner_id = str(rec.data.get("learner_id"))
        known = out.get(learner_id)
        if known is None or (end or date.max) > (known.end or date.max):
            out[learner_id] = Engaged(rec.id, str(company.get("name") or unit.get("name") or ""),
                                      get_date(rec.data, "start_date"), end)
    return out


def learners(wc: WorkingCopy, text: str = "", on: date | None = None) -> list[Option]:
    """Learners matching ``text`` (full-text), the best match first (a last name starting with
    it), each with their age on ``on``, locality and running contract (``data["_engaged"]``:
    an :class:`Engaged`, so the wizard says at once when a new contract would overlap)."""
    with wc.session() as db:
        ctx = StoreContext(db)
        found = queries.page(db, "learners", sort="last_name", limit=LIMIT, text=text or None)
        day = on or ctx.today()
        engaged = _engagements(db, ctx, [r.id for r in found], ctx.today())
    found = best_first(text, found, lambda r: (str(r.data.get("last_name") or ""),
                                                 str(r.data.get("first_name") or "")))
    out = []
    for rec in found:
        d = rec.data
        born = get_date(d, "birth_date")
        age = f"{age_on(born, day)} ans" if born else ""
        place = f"{d.get('postal_code') or ''} {d.get('city') or ''}".strip()
        busy = engaged.get(rec.id)
        detail = " — ".join(p for p in (age, place, busy.text(day) if busy else "") if p)
        out.append(
            Option(rec.id, f"{d.get('last_name')} {d.get('first_name')}", detail,
                   {**d, "_engaged": busy})
        )
    return out


def learner(wc: WorkingCopy, learner_id: str) -> dict[str, Any]:
    """A learner's data ({} when gone)."""
    return editing.load(wc, "learners", learner_id) or {}


def unit(wc: WorkingCopy, unit_id: str) -> dict[str, Any]:
    """An establishment unit's data ({} when gone)."""
    return editing.load(wc, "establishment_units", unit_id) or {}


def units_with_granted_approval(wc: WorkingCopy, text: str = "") -> list[Option]:
    """Establishment units that hold at least one granted approval, matching ``text``
    (full-text), by name."""
    return unit_options(wc, text, granted_only=True)


def unit_options(
    wc: WorkingCopy, text: str = "", *, granted_only: bool = False, ids: list[str] | None = None
) -> list[Option]:
    """Establishment units with their company's name, matching ``text`` (full-text), the best
    match first (a company or unit name starting with it), then by name: one SQL query
    (``granted_only``: an EXISTS on granted approvals), never whole tables."""
    with wc.session() as db:
        rows = lookups.units(db, text, granted_only=granted_only, ids=ids, limit=LIMIT)
    rows = best_first(text, rows, lambda r: (str(r.company or r.name or ""), str(r.name or "")))
    return [
        Option(
            row.id,
            _unit_label(row.company, row.name),
            f"{row.postal_code or ''} {row.city or ''}".strip(),
            {"name": row.name, "postal_code": row.postal_code, "city": row.city},
        )
        for row in rows
    ]


def _unit_label(company: Any, unit: Any) -> str:
    if not company or str(unit or "").startswith(str(company)):
        return str(unit or "")
    return f"{company} — {unit}"


def granted_approvals(wc: WorkingCopy, unit_id: str, on: date | None) -> list[Option]:
    """The unit's approvals granted on ``on`` (decided no later), with their trade's name."""
    with wc.session() as db:
        ctx = StoreContext(db)
        out = []
        for approval_id, a in ctx.find(
            "approvals", establishment_unit_id=unit_id, status="granted"
        ):
            decided = get_date(a, "decided_on")
            if on is not None and decided is not None and decided > on:
                continue
            trade = reference_by_code(ctx, "trades", a.get("trade_code")) or {}
            since = f"accordé le {format_date_fr(decided)}" if decided else "accordé"
            out.append(Option(approval_id, str(trade.get("name") or a.get("trade_code")), since, a))
    return sorted(out, key=lambda o: o.label)


def _running(ctx: StoreContext, company_id: str, on: date) -> list[Mapping[str, Any]]:
    out = []
    for unit_id, _ in ctx.find("establishment_units", company_id=company_id):
        for contract_id, c in ctx.find("contracts", establishment_unit_id=unit_id):
            if running_on(ctx, contract_id, c, on):
                out.append(c)
    return out


def company_capacity(wc: WorkingCopy, unit_id: str, on: date) -> Capacity:
    """Contracts running at the unit's company on ``on`` (this copy's) and its limit."""
    with wc.session() as db:
        ctx = StoreContext(db)
        unit = ctx.get("establishment_units", unit_id) or {}
        company = ctx.get("companies", str(unit.get("company_id"))) or {}
        employees = get_int(company, "employee_count")
        running = _running(ctx, str(unit.get("company_id")), on)
    return Capacity(len(running), capacity_limit(employees) if employees is not None else None)


def tutors(wc: WorkingCopy, unit_id: str, trade_code: str | None, on: date) -> list[Option]:
    """Tutors of the unit's company who may train (désigné, criminal record extract), each with
    the learners they already follow on ``on`` against the trade's maximum."""
    with wc.session() as db:
        ctx = StoreContext(db)
        unit = ctx.get("establishment_units", unit_id) or {}
        company_id = str(unit.get("company_id"))
        trade = reference_by_code(ctx, "trades", trade_code) or {}
        per_tutor = get_int(trade, "max_learners_per_tutor")
        running = _running(ctx, company_id, on)
        out = []
        for tutor_id, t in ctx.find("tutors", company_id=company_id):
            if not tutor_is_designated(t) or not t.get("criminal_record_date"):
                continue
            count = sum(1 for c in running if c.get("tutor_id") == tutor_id)
            load = Capacity(count, per_tutor)
            detail = (
                f"suit {count} apprenant(s)"
                + (f" sur {per_tutor} au plus" if per_tutor is not None else "")
                + (" — complet" if load.full else "")
            )
            out.append(
                Option(
                    tutor_id,
                    f"{t.get('last_name')} {t.get('first_name')}",
                    detail,
                    {**t, "_full": load.full},
                )
            )
    return sorted(out, key=lambda o: (bool((o.data or {}).get("_full")), o.label))


@dataclass(frozen=True)
class PayFacts:
    """The minimum monthly pay of a level on a date and where it comes from."""

    minimum: Decimal | None
    rmmmg: Decimal | None
    percent: Decimal | None


def pay_facts(wc: WorkingCopy, level: str, on: date) -> PayFacts:
    """Minimum pay of ``level`` on ``on`` from the dated reference tables."""
    with wc.session() as db:
        ctx = StoreContext(db)
        return PayFacts(
            minimum_monthly_pay(ctx, level, on),
            wage_reference_on(ctx, on),
            pay_rate_on(ctx, level, on),
        )


@dataclass(frozen=True)
class Hours:
    """Weekly totals of a schedule and the trade's limits."""

    company: Decimal
    total: Decimal
    max_weekly: Decimal
    max_daily: Decimal
    per_day: dict[str, Decimal]


def schedule_totals(wc: WorkingCopy, schedule: Mapping[str, Any], trade_code: str | None) -> Hours:
    """Company hours, company + courses, and the limits that apply to the trade."""
    trade = None
    if trade_code:
        trade = next(
            (t for t in editing.reference(wc, "trades") if t.get("code") == trade_code), None
        )
    weekly, daily = schedule_limits(trade)
    hours = schedule_hours(schedule)
    company = sum((h[0] for h in hours.values()), Decimal(0))
    total = sum((h[0] + h[1] for h in hours.values()), Decimal(0))
    return Hours(company, total, weekly, daily, {d: h[0] + h[1] for d, h in hours.items()})


def company_signatories(wc: WorkingCopy, unit_id: str) -> list[str]:
    """Who signed for the unit's company on its contracts, the latest first, each once: the
    wizard proposes the first (a company signs with the same person most of the time)."""
    with wc.session() as db:
        ctx = StoreContext(db)
        unit = ctx.get("establishment_units", unit_id) or {}
        contracts = [
            c
            for other_id, _u in ctx.find("establishment_units", company_id=unit.get("company_id"))
            for _id, c in ctx.find("contracts", establishment_unit_id=other_id)
        ]
    contracts.sort(key=lambda c: str(c.get("start_date") or ""), reverse=True)
    names: list[str] = []
    for c in contracts:
        name = str(c.get("company_signatory") or "").strip()
        if name and name not in names:
            names.append(name)
    return names


def save_contract(wc: WorkingCopy, data: Mapping[str, Any], record_id: str | None = None) -> Saved:
    """Create the contract (a draft or signed), or update a draft (``record_id``); validated
    again in the unit of work."""
    return editing.save(wc, "contracts", record_id, data)


def render_contract(wc: WorkingCopy, contract_id: str, folder: Path) -> Path:
    """The contract form's PDF written to ``folder`` (through a temporary file), named after
    the learner and the contract's reference; its path."""
    return rendering.render_to_folder("contract", contract_id, wc, folder)
