"""Eligibility checks of the companies' incentives (DOMAIN.md "Incentives").

Each ``*_checks`` function returns ``{name: (passed, note)}`` (a French note for people), that
the UI shows and a claim stores as ``checks`` (``checks_to_api``). The region of the
establishment unit decides the rule set. Rules kept extensible: a new kind adds a function to
``CHECKS``.

- ``wal_p1`` (Wallonia, once per company): self-employed without staff, first contract, tuteur
  agréé.
- ``wal_p2`` (Wallonia, per learner): at least 270 days under contract in the first school year
  (up to 31 August, suspensions included) starting at level A, tuteur agréé, and the year passed
  or a move to level B (the pass itself is recorded by people: without a move to B the check
  stays open).
- ``bxl_tutor`` (Brussels, per tutor): 1 to 4 learners, each supervised for at least 6 months.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from offa_desktop.domain.access import get_date, get_money, in_force
from offa_desktop.domain.contracts import effective_end
from offa_desktop.domain.dates import add_months, p2_days, school_year_end
from offa_desktop.domain.forecast import start_level_of
from offa_desktop.domain.problems import Problem, Record, RuleContext, problem
from offa_desktop.domain.rules import tutor_is_certified
from offa_desktop.domain.values import format_date_fr

Outcomes = dict[str, tuple[bool, str]]
IC = "incentive_claims"
# The override rule of a claim approved although a check fails (``domain.overrides``).
CHECKS_RULE = "incentive_checks"
P2_MIN_DAYS = 270
BXL_TUTOR_MIN_MONTHS = 6
BXL_TUTOR_MAX_LEARNERS = 4


def checks_to_api(outcomes: Outcomes) -> dict[str, dict[str, Any]]:
    """``{name: {"passed": bool, "note": str}}`` as ``incentive_claims.checks``."""
    return {name: {"passed": passed, "note": note} for name, (passed, note) in outcomes.items()}


CHECK_NAMES_FR = {
    "region": "région de l'unité d'établissement",
    "no_staff": "indépendant sans personnel",
    "first_contract": "premier contrat",
    "certified_tutor": "tuteur agréé",
    "once": "une seule prime P1",
    "starts_level_a": "début au niveau A",
    "days_270": "270 jours la première année",
    "passed_or_level_b": "année réussie ou passage au niveau B",
    "learners_1_to_4": "1 à 4 apprenants",
    "six_months": "6 mois de tutorat",
    "contract": "contrat",
    "tutor": "tuteur",
    "start": "date de début",
}


def failed(outcomes: Outcomes) -> list[str]:
    """The names of the checks that did not pass."""
    return [name for name, (passed, _note) in outcomes.items() if not passed]


def all_passed(outcomes: Outcomes) -> bool:
    """True when every check passed (a claim may then be ``eligible``)."""
    return bool(outcomes) and all(passed for passed, _ in outcomes.values())


def incentive_amount(ctx: RuleContext, kind_code: str, on: date) -> Decimal | None:
    """The amount of an incentive kind in force on ``on``."""
    row = in_force(ctx.reference("incentive_kinds"), on, code=kind_code)
    return get_money(row, "amount") if row else None


def _unit(ctx: RuleContext, contract: Record) -> Record:
    unit_id = contract.get("establishment_unit_id")
    return (ctx.get("establishment_units", unit_id) if isinstance(unit_id, str) else None) or {}


def _region(unit: Record, region: str) -> tuple[bool, str]:
    name = {"wal": "Wallonie", "bxl": "Bruxelles"}[region]
    found = unit.get("region")
    return found == region, f"unité d'établissement en {name}" if found == region else (
        f"l'unité d'établissement n'est pas en {name}"
    )


def _certified(ctx: RuleContext, tutor_id: Any) -> tuple[bool, str]:
    tutor = ctx.get("tutors", tutor_id) if isinstance(tutor_id, str) else None
    if tutor is None:
        return False, "tuteur inconnu"
    if tutor_is_certified(tutor):
        return True, "tuteur agréé (5 ans d'expérience et 8 h de formation, ou titre de validation)"
    return False, "le tuteur n'est pas agréé (5 ans d'expérience et 8 h de formation requis)"


def _company_contracts(ctx: RuleContext, company_id: Any) -> list[tuple[str, Record]]:
    out: list[tuple[str, Record]] = []
    for unit_id, _ in ctx.find("establishment_units", company_id=company_id):
        out += ctx.find("contracts", establishment_unit_id=unit_id)
    return out


def p1_checks(ctx: RuleContext, contract_id: str) -> Outcomes:
    """Walloon P1: self-employed without staff, first contract, tuteur agréé, once."""
    contract = ctx.get("contracts", contract_id) or {}
    unit = _unit(ctx, contract)
    company_id = unit.get("company_id")
    company = (ctx.get("companies", company_id) if isinstance(company_id, str) else None) or {}
    start = get_date(contract, "start_date")
    staff = company.get("employee_count")
    earlier = [
        cid
        for cid, other in _company_contracts(ctx, company_id)
        if cid != contract_id
        and other.get("status") != "draft"
        and (d := get_date(other, "start_date")) is not None
        and start is not None
        and d <= start
    ]
    others = [
        c
        for _, c in ctx.find("incentive_claims", company_id=company_id, kind_code="wal_p1")
        if c.get("status") != "not_eligible" and contract_id not in (c.get("contract_ids") or [])
    ]
    return {
        "region": _region(unit, "wal"),
        "no_staff": (
            staff == 0,
            "indépendant sans personnel" if staff == 0 else f"{staff} travailleur(s) déclaré(s)",
        ),
        "first_contract": (
            not earlier,
            "premier contrat de l'entreprise"
            if not earlier
            else f"{len(earlier)} contrat(s) antérieur(s) dans l'entreprise",
        ),
        "certified_tutor": _certified(ctx, contract.get("tutor_id")),
        "once": (not others, "première prime P1" if not others else "prime P1 déjà demandée"),
    }


def start_level(ctx: RuleContext, contract_id: str, contract: Record) -> Any:
    """The level the contract started at: the first level change's ``from_level``, else its
    current level."""
    events = ctx.find("contract_events", contract_id=contract_id, kind="level_change")
    return start_level_of(contract, [e for _, e in events])


def _moved_to_b(ctx: RuleContext, contract_id: str, until: date) -> bool:
    for _, event in ctx.find("contract_events", contract_id=contract_id, kind="level_change"):
        details = event.get("details")
        on = get_date(event, "effective_date")
        if isinstance(details, Mapping) and details.get("to_level") in ("b", "c"):
            if on is not None and on <= until:
                return True
    return False


def contract_p2_days(ctx: RuleContext, contract_id: str) -> int | None:
    """The P2 count of a contract: calendar days under contract from its start to the earlier
    of its effective end and 31 August of that school year (None without a start date)."""
    contract = ctx.get("contracts", contract_id) or {}
    start = get_date(contract, "start_date")
    if start is None:
        return None
    return p2_days(start, effective_end(ctx, contract_id, contract))


def p2_checks(ctx: RuleContext, contract_id: str) -> Outcomes:
    """Walloon P2: 270 days in the first school year from level A, tuteur agréé, year passed
    or moved to B."""
    contract = ctx.get("contracts", contract_id) or {}
    start = get_date(contract, "start_date")
    if start is None:
        return {"start": (False, "contrat sans date de début")}
    cut_off = school_year_end(start)
    days = contract_p2_days(ctx, contract_id) or 0
    level = start_level(ctx, contract_id, contract)
    moved = _moved_to_b(ctx, contract_id, cut_off)
    return {
        "region": _region(_unit(ctx, contract), "wal"),
        "starts_level_a": (level == "a", f"commence au niveau {str(level).upper()}"),
        "days_270": (
            days >= P2_MIN_DAYS,
            f"{days} jours sous contrat au {format_date_fr(cut_off)} ({P2_MIN_DAYS} requis)",
        ),
        "certified_tutor": _certified(ctx, contract.get("tutor_id")),
        "passed_or_level_b": (
            moved,
            "passage au niveau B enregistré"
            if moved
            else "réussite de l'année à vérifier (aucun passage au niveau B enregistré)",
        ),
    }


def bxl_tutor_checks(ctx: RuleContext, tutor_id: str, contract_ids: Sequence[str]) -> Outcomes:
    """Brussels tutor premium: 1 to 4 learners, each supervised at least 6 months (up to today
    for a running contract)."""
    contracts = [(cid, ctx.get("contracts", cid) or {}) for cid in contract_ids]
    own = [(cid, c) for cid, c in contracts if c.get("tutor_id") == tutor_id]
    short: list[str] = []
    for cid, contract in own:
        start = get_date(contract, "start_date")
        end = min(effective_end(ctx, cid, contract) or date.max, ctx.today())
        if start is None or end < add_months(start, BXL_TUTOR_MIN_MONTHS) - timedelta(days=1):
            short.append(cid)
    count = len(own)
    regions = {_unit(ctx, c).get("region") for _, c in own}
    return {
        "region": (
            regions == {"bxl"},
            "unités d'établissement à Bruxelles" if regions == {"bxl"} else "hors de Bruxelles",
        ),
        "learners_1_to_4": (
            1 <= count <= BXL_TUTOR_MAX_LEARNERS and count == len(contracts),
            f"{count} apprenant(s) suivi(s) par ce tuteur (1 à 4)",
        ),
        "six_months": (
            count > 0 and not short,
            "chaque apprenant suivi au moins 6 mois"
            if not short
            else f"{len(short)} apprenant(s) suivi(s) moins de 6 mois",
        ),
    }


def _claim_p1(ctx: RuleContext, claim: Mapping[str, Any]) -> Outcomes:
    ids = claim.get("contract_ids") or []
    return p1_checks(ctx, ids[0]) if ids else {"contract": (False, "aucun contrat")}


def _claim_p2(ctx: RuleContext, claim: Mapping[str, Any]) -> Outcomes:
    ids = claim.get("contract_ids") or []
    return (
        p2_checks(ctx, ids[0])
        if len(ids) == 1
        else {"contract": (False, "un contrat par prime P2")}
    )


def _claim_bxl_tutor(ctx: RuleContext, claim: Mapping[str, Any]) -> Outcomes:
    tutor_id = claim.get("tutor_id")
    if not isinstance(tutor_id, str):
        return {"tutor": (False, "tuteur requis")}
    return bxl_tutor_checks(ctx, tutor_id, claim.get("contract_ids") or [])


CHECKS: dict[str, Callable[[RuleContext, Mapping[str, Any]], Outcomes]] = {
    "wal_p1": _claim_p1,
    "wal_p2": _claim_p2,
    "bxl_tutor": _claim_bxl_tutor,
}


def claim_checks(ctx: RuleContext, claim: Mapping[str, Any]) -> Outcomes:
    """The checks of a claim by its kind (empty for kinds checked by people only:
    ``wal_learner``, ``bxl_learner``)."""
    check = CHECKS.get(str(claim.get("kind_code")))
    return check(ctx, claim) if check else {}


def status_changes(data: Mapping[str, Any], previous: Mapping[str, Any] | None) -> bool:
    """True on a create and on a change of status (when the checks are stored)."""
    return previous is None or previous.get("status") != data.get("status")


def claim_stamps(
    ctx: RuleContext, data: Mapping[str, Any], previous: Mapping[str, Any] | None
) -> dict[str, Any]:
    """What the writer stores itself (client and server alike): at each status change, the
    checks of the claim's kind computed now with their results (kinds checked by people only
    keep what people recorded)."""
    if not status_changes(data, previous):
        return {}
    outcomes = claim_checks(ctx, data)
    return {"checks": checks_to_api(outcomes)} if outcomes else {}


def approval_problems(
    ctx: RuleContext,
    data: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
) -> list[Problem]:
    """A claim becomes ``approved`` (or is created approved or paid) only when every named
    check passes (``checks_failed``), or with an override of ``CHECKS_RULE`` in the same change,
    which validation applies (``overrides.apply``: a ``change`` rule)."""
    status = data.get("status")
    entering = status == "approved" or (previous is None and status == "paid")
    if not entering or not status_changes(data, previous):
        return []
    if str(data.get("kind_code")).startswith("bxl_"):
        return []  # never approved here (Actiris pays them): claim_problems says so
    outcomes = claim_checks(ctx, data)
    names = failed(outcomes)
    if not names:
        return []
    listed = ", ".join(f"« {CHECK_NAMES_FR.get(n, n)} » ({outcomes[n][1]})" for n in names)
    return [
        problem(
            IC,
            "status",
            "checks_failed",
            f"approbation impossible, contrôle(s) non satisfait(s) : {listed}. Complétez le "
            "dossier, ou approuvez avec une dérogation motivée (OFFA).",
        )
    ]
