"""Use cases of the incentive claims: a company's claims of a school year with their
eligibility checks (the domain's ``incentives``), a new claim (the choices it offers, its
checks before saving) and status changes (OFFA staff)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from offa_desktop.domain import overrides
from offa_desktop.domain.access import get_date, reference_by_code
from offa_desktop.domain.contracts import effective_end
from offa_desktop.domain.dates import school_year_bounds, school_year_end, school_year_of
from offa_desktop.domain.incentives import (
    CHECKS_RULE,
    Outcomes,
    all_passed,
    checks_to_api,
    claim_checks,
    incentive_amount,
)
from offa_desktop.domain.problems import Problem, ValidationError, problem
from offa_desktop.domain.record_rules import CLAIM_TRANSITIONS
from offa_desktop.domain.values import format_date_fr, money_str
from offa_desktop.ops.contracts.drafting import Option
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.writes import Saved
from offa_desktop.store import lookups
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext

IC = "incentive_claims"
# Kinds claimed for one learner's contract; ``bxl_tutor`` is claimed for a tutor and the
# contracts (1 to 4) of the learners that tutor supervises.
ONE_CONTRACT_KINDS = frozenset({"wal_p1", "wal_p2", "wal_learner", "bxl_learner"})
TUTOR_KINDS = frozenset({"bxl_tutor"})
# Kinds earned in a contract's first school year: the year's contracts are those started in it.
FIRST_YEAR_KINDS = frozenset({"wal_p1", "wal_p2"})
KIND_ORDER = ("wal_p1", "wal_p2", "wal_learner", "bxl_tutor", "bxl_learner")



@dataclass
class ClaimRow:
    """A claim as the view shows it: learners' names, and the checks computed now on the
    local copy (``checks``: name -> (passed, note))."""

    id: str
    data: dict[str, Any]
    learners: str
    checks: dict[str, tuple[bool, str]] = field(default_factory=dict)

    @property
    def eligible(self) -> bool:
        return all_passed(self.checks)


def school_years(wc: WorkingCopy, company_id: str) -> list[str]:
    """School years in which the company has claims, latest first."""
    years = {str(c.get("school_year")) for _, c in editing.find(
        wc, "incentive_claims", company_id=company_id)}
    return sorted(years, reverse=True)


def claims(wc: WorkingCopy, company_id: str, school_year: str | None) -> list[ClaimRow]:
    """The company's claims of ``school_year`` (all years when None), checks computed."""
    with wc.session() as db:
        ctx = StoreContext(db)
        found = ctx.find("incentive_claims", company_id=company_id)
        out = []
        for claim_id, claim in sorted(found, key=lambda c: (str(c[1].get("kind_code")), c[0])):
            if school_year is not None and claim.get("school_year") != school_year:
                continue
            names = []
            for contract_id in claim.get("contract_ids") or []:
                contract = ctx.get("contracts", contract_id) or {}
                learner = ctx.get("learners", str(contract.get("learner_id"))) or {}
                names.append(f"{learner.get('last_name') or ''} {learner.get('first_name') or ''}"
                             .strip())
            out.append(ClaimRow(claim_id, dict(claim), ", ".join(names),
                                claim_checks(ctx, claim)))
    return out


def next_statuses(claim: Mapping[str, Any]) -> list[str]:
    """The statuses a claim may move to (Brussels kinds stop at eligible / not eligible)."""
    status = str(claim.get("status"))
    allowed = sorted(CLAIM_TRANSITIONS.get(status, frozenset()))
    if str(claim.get("kind_code")).startswith("bxl_"):
        allowed = [s for s in allowed if s not in ("approved", "paid")]
    return allowed


def set_status(
    wc: WorkingCopy,
    claim_id: str,
    status: str,
    *,
    paid_on: str | None = None,
    override_reason: str | None = None,
) -> Saved:
    """Move a claim to ``status`` (the unit of work stores the checks computed now, see
    ``domain.stamps``), with the payment date of a paid claim; ``override_reason`` approves
    it although a check fails (OFFA staff: an override with its reason, kept on the claim and
    in the history). ValidationError (field-named, French) when refused."""
    fields: dict[str, Any] = {"status": status}
    if paid_on is not None:
        fields["paid_on"] = paid_on
    if override_reason is not None:
        claim = editing.load(wc, IC, claim_id) or {}
        past = [o.to_api() for o in overrides.entries(claim)]
        entry = overrides.Override(CHECKS_RULE, override_reason.strip())
        fields[overrides.FIELD] = [*past, entry.to_api()]
    return editing.save(wc, "incentive_claims", claim_id, fields)


# --- a new claim ----------------------------------------------------------------------------


def company_regions(wc: WorkingCopy, company_id: str | None) -> set[str]:
    """Regions of the company's establishment units (which decide the rule sets)."""
    if not company_id:
        return set()
    with wc.session() as db:
        return lookups.company_regions(db, company_id)


def kind_options(wc: WorkingCopy, company_id: str | None) -> list[Option]:
    """The incentive kinds of the company's regions (every kind before a company is chosen or
    for a company without units), Walloon first; ``detail`` is the kind's region."""
    regions = company_regions(wc, company_id)
    seen: dict[str, Option] = {}
    for row in editing.reference(wc, "incentive_kinds"):
        code, region = str(row.get("code")), str(row.get("region"))
        if regions and region not in regions:
            continue
        seen.setdefault(code, Option(code, code, region))
    return sorted(
        seen.values(), key=lambda o: KIND_ORDER.index(o.id) if o.id in KIND_ORDER else 99
    )


def company_contracts(
    wc: WorkingCopy,
    company_id: str | None,
    school_year: str | None,
    *,
    tutor_id: str | None = None,
    started_in_year: bool = False,
) -> list[Option]:
    """The company's contracts (drafts left out) that ran during ``school_year`` (every year
    when None; with ``started_in_year``, those whose first school year it is), with the
    learner's name, the trade, the dates and the tutor; only those of ``tutor_id`` when given.
    One query, by learner name; ``data`` holds ``tutor_id``, ``start`` and ``end`` (the
    effective end, as dates)."""
    if not company_id:
        return []
    bounds = school_year_bounds(school_year) if school_year else None
    out = []
    with wc.session() as db:
        ctx = StoreContext(db)
        rows = lookups.company_contracts(db, company_id, tutor_id=tutor_id)
        for row in rows:
            record = _iso({"start_date": row.start_date, "end_date": row.end_date,
                           "status": row.status})
            start = get_date(record, "start_date")
            end = effective_end(ctx, row.id, record)
            if bounds is not None and start is not None and (
                start > bounds[1]
                or (end is not None and end < bounds[0])
                or (started_in_year and start < bounds[0])
            ):
                continue
            trade = reference_by_code(ctx, "trades", row.trade_code) or {}
            learner = f"{row.last_name or ''} {row.first_name or ''}".strip()
            tutor = f"{row.tutor_last or ''} {row.tutor_first or ''}".strip()
            dates = (
                f"{format_date_fr(start)} → {format_date_fr(end)}"
                if start and end
                else format_date_fr(start) if start else ""
            )
            detail = " · ".join(
                x
                for x in (
                    str(trade.get("name") or row.trade_code or ""),
                    dates,
                    f"tuteur {tutor}" if tutor else "",
                )
                if x
            )
            out.append(
                Option(row.id, learner or row.id, detail,
                       {"tutor_id": row.tutor_id, "start": start, "end": end})
            )
    return out


def _iso(record: Mapping[str, Any]) -> dict[str, Any]:
    """Dates as the API's strings (the columns may hold ``date`` values)."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in record.items()}


def school_year_options(wc: WorkingCopy, company_id: str | None) -> list[str]:
    """School years a claim may be for, latest first: the current one and every year one of
    the company's contracts (not drafts) ran in, up to today."""
    today = editing.today(wc)
    years = {school_year_of(today)}
    for option in company_contracts(wc, company_id, None):
        data = option.data or {}
        start, end = data.get("start"), data.get("end")
        if not isinstance(start, date) or start > today:
            continue
        last = min(end, today) if isinstance(end, date) else today
        first_year = school_year_end(start).year - 1
        for year in range(first_year, max(first_year, school_year_end(last).year - 1) + 1):
            years.add(f"{year}-{year + 1}")
    return sorted(years, reverse=True)


def tutor_options(wc: WorkingCopy, company_id: str | None) -> list[Option]:
    """The company's tutors, by name."""
    if not company_id:
        return []
    found = editing.find(wc, "tutors", company_id=company_id)
    return sorted(
        (
            Option(tid, f"{t.get('last_name') or ''} {t.get('first_name') or ''}".strip())
            for tid, t in found
        ),
        key=lambda o: o.label.casefold(),
    )


def default_amount(wc: WorkingCopy, kind_code: str | None, school_year: str | None) -> str | None:
    """The kind's amount in force on the first day of the school year (else today)."""
    if not kind_code:
        return None
    with wc.session() as db:
        ctx = StoreContext(db)
        on = school_year_bounds(school_year)[0] if school_year else ctx.today()
        amount = incentive_amount(ctx, kind_code, on) or incentive_amount(
            ctx, kind_code, ctx.today()
        )
    return money_str(amount) if amount is not None else None


def preview_checks(wc: WorkingCopy, claim: Mapping[str, Any]) -> Outcomes:
    """The eligibility checks of a claim as typed, on the local copy (shown before saving)."""
    with wc.session() as db:
        return claim_checks(StoreContext(db), claim)


def claim_shape_problems(
    wc: WorkingCopy, claim: Mapping[str, Any], record_id: str | None = None
) -> list[Problem]:
    """What makes a claim unfit to save besides its fields: one contract for a learner's
    incentive; a tutor and 1 to 4 contracts for the Brussels tutor premium; contracts of the
    chosen company; no second claim of the same kind for the same contract and school year
    (one found not eligible aside)."""
    out: list[Problem] = []
    kind = claim.get("kind_code")
    ids = list(claim.get("contract_ids") or [])
    company_id = claim.get("company_id")
    if kind in ONE_CONTRACT_KINDS and len(ids) > 1:
        out.append(problem(IC, "contract_ids", "invalid",
                           "un seul contrat pour cet incitant (une demande par apprenant)."))
    if kind in TUTOR_KINDS:
        if not claim.get("tutor_id"):
            out.append(problem(IC, "tutor_id", "required",
                               "requis pour la prime au tuteur bruxelloise."))
        if len(ids) > 4:
            out.append(problem(IC, "contract_ids", "invalid",
                               "de 1 à 4 apprenants pour la prime au tuteur."))
    if not ids or not company_id:
        return out
    with wc.session() as db:
        ctx = StoreContext(db)
        for contract_id in ids:
            contract = ctx.get("contracts", contract_id) or {}
            unit = ctx.get("establishment_units", str(contract.get("establishment_unit_id")))
            if (unit or {}).get("company_id") != company_id:
                out.append(problem(IC, "contract_ids", "invalid",
                                   "un contrat choisi n'est pas de cette entreprise."))
                break
        for other_id, other in ctx.find(IC, company_id=company_id, kind_code=kind):
            if other_id == record_id or other.get("status") == "not_eligible":
                continue
            if other.get("school_year") == claim.get("school_year") and set(
                other.get("contract_ids") or []
            ) & set(ids):
                out.append(problem(IC, "contract_ids", "duplicate",
                                   "une demande de ce type existe déjà pour ce contrat et "
                                   "cette année scolaire."))
                break
    return out


def create_claim(wc: WorkingCopy, data: Mapping[str, Any]) -> Saved:
    """Save a new claim (status « à vérifier ») with its eligibility checks as computed now on
    the working copy, through the unit of work (a local edit, sent at the next sync);
    ValidationError, nothing written, when it is unfit."""
    claim = dict(data)
    claim["status"] = "to_check"
    problems = claim_shape_problems(wc, claim)
    if problems:
        raise ValidationError(problems)
    checks = preview_checks(wc, claim)
    claim["checks"] = checks_to_api(checks) if checks else None
    return editing.save(wc, IC, None, claim)
