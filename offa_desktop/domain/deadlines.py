"""The deadline rules of the radar: pure functions of records (``Facts``) and a date.

Each rule yields ``Finding`` s; ``radar.RULES`` holds their labels, severities and legal
grounds. ``Window`` says which records can possibly be listed on a day, so that the store reads
only those (SQL on indexed dates) and never a whole table into Python; the rules themselves
decide, and a test runs them over every record of a copy to check the windows lose nothing.

Boundaries (``today`` = T):
- ``trial_end``: running contract whose trial period ends in [T, T+7].
- ``contract_end``: running contract ending in [T, T+60], no later contract of that learner,
  no amendment dated after T.
- ``turns_18``: learner with a running contract whose 18th birthday is in [T, T+30].
- ``approval_decision_due``: requested / under review, T >= requested + 70 days and T <= the
  3-month limit; ``approval_decision_late``: T > the limit (add_months(requested, 3)).
- ``visit_unreported``: planned approval visit with T >= planned + 7 days.
- ``draft_start``: draft whose start date <= T+7 (past included).
- ``approval_suspended``: running contract whose approval is suspended.
- ``criminal_record_old``: tutor of a running contract or named by an approval being
  instructed or granted, whose extract dates from add_months(extract, limit) <= T or earlier
  (limit from the ``limits`` reference, ``criminal_record_max_age`` in months).
- ``notice_running``: termination whose notice started (notified <= T) and ends on or after T.
- ``p2_at_risk``: running Walloon contract in its first school year, started at level A, whose
  P2 can still be reached but is ``at_risk`` (end date too early, tutor not agréé).
- ``claim_unchecked``: claim ``to_check`` unchanged for more than 30 days.
- ``referral_waiting``: referral to the Commission still ``referred`` or ``in_mediation``
  (due: the day it was referred, or its mediation began).
- ``pay_below_minimum``: running contract whose pay is under the minimum of its level from a
  dated wage row after the pay was set (its start or its last level change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from offa_desktop.domain.access import get_date, get_money, in_force
from offa_desktop.domain.choices import CONTRACT_RUNNING as RUNNING
from offa_desktop.domain.choices import REFERRAL_WAITING as WAITING
from offa_desktop.domain.dates import add_months, add_years, trial_period_end
from offa_desktop.domain.forecast import (
    AT_RISK,
    effective_end_of,
    p2_outlook,
    start_level_of,
)
from offa_desktop.domain.pay import compute_minimum
from offa_desktop.domain.radar import Facts, Finding, Record
from offa_desktop.domain.values import format_date_fr, format_money_fr

TRIAL_WINDOW_DAYS = 7
CONTRACT_END_DAYS = 60
TURNS_18_DAYS = 30
DECISION_WARNING_DAYS = 70  # 10 weeks
DECISION_MONTHS = 3
VISIT_REPORT_DAYS = 7
DRAFT_START_DAYS = 7
CLAIM_CHECK_DAYS = 30
NOTICE_WINDOW_DAYS = 60  # a notice runs 7 or 14 days from its notification: ends within these
CRIMINAL_RECORD_LIMIT = "criminal_record_max_age"
OPEN_REQUEST = ("requested", "under_review")


@dataclass(frozen=True)
class Window:
    """The date ranges outside which no record can be listed on ``today`` (inclusive bounds;
    generous by a few days: the rules decide)."""

    today: date
    trial_starts: tuple[date, date]  # contracts' start_date for trial_end
    contract_ends: tuple[date, date]  # contracts' end_date for contract_end
    births: tuple[date, date]  # learners' birth_date for turns_18
    draft_starts_until: date  # drafts' start_date
    visits_planned_until: date  # planned visits' planned_on
    notice_ends_from: date  # terminations' notice_end, from
    notice_ends_until: date  # and until (a notice lasts 14 days at most: generously 60)
    first_year_from: date  # start_date of contracts still in their first school year
    claims_since_before: date  # to_check claims last changed before this day
    requested_until: date  # open approval requests asked on or before this day
    records_before: date | None  # criminal record extracts dated before this day


def window(today: date, limits: Sequence[Record]) -> Window:
    """The candidate ranges of every rule on ``today``."""
    months = _record_months(limits, today)
    return Window(
        today=today,
        trial_starts=(
            add_months(today, -1) - timedelta(days=3),
            add_months(today + timedelta(days=TRIAL_WINDOW_DAYS), -1) + timedelta(days=3),
        ),
        contract_ends=(today, today + timedelta(days=CONTRACT_END_DAYS)),
        births=(add_years(today, -18) - timedelta(days=3),
                add_years(today + timedelta(days=TURNS_18_DAYS), -18) + timedelta(days=3)),
        draft_starts_until=today + timedelta(days=DRAFT_START_DAYS),
        visits_planned_until=today - timedelta(days=VISIT_REPORT_DAYS),
        notice_ends_from=today,
        notice_ends_until=today + timedelta(days=NOTICE_WINDOW_DAYS),
        first_year_from=date(today.year - 1 if today.month < 9 else today.year, 9, 1),
        claims_since_before=today - timedelta(days=CLAIM_CHECK_DAYS),
        requested_until=today - timedelta(days=DECISION_WARNING_DAYS),
        records_before=add_months(today, -months) + timedelta(days=3) if months else None,
    )


def _record_months(limits: Sequence[Record], today: date) -> int | None:
    row = in_force(limits, today, code=CRIMINAL_RECORD_LIMIT)
    if row is None or row.get("unit") != "months" or not isinstance(row.get("value"), int):
        return None
    return int(row["value"])


def _running(contract: Record) -> bool:
    return contract.get("status") in RUNNING


def _running_with(
    f: Facts, rule: str, field: str, records: Mapping[str, Record]
) -> Iterator[tuple[str, Record, Record]]:
    """The running contracts ``rule`` looks at, each with the record its ``field`` names (one
    of ``records``: a contract whose record was not read is left out)."""
    for cid, c in f.look_at(rule, f.contracts):
        named = records.get(str(c.get(field)))
        if named is not None and _running(c):
            yield cid, c, named


# --- the rules ------------------------------------------------------------------------------


def trial_end(f: Facts, today: date) -> Iterator[Finding]:
    horizon = today + timedelta(days=TRIAL_WINDOW_DAYS)
    for cid, c in f.look_at("trial_end", f.contracts):
        start = get_date(c, "start_date")
        if start is None or not _running(c):
            continue
        end = trial_period_end(start)
        if today <= end <= horizon:
            yield Finding("trial_end", "contracts", cid, end,
                          f"fin de la période d'essai le {format_date_fr(end)}")


def contract_end(f: Facts, today: date) -> Iterator[Finding]:
    horizon = today + timedelta(days=CONTRACT_END_DAYS)
    for cid, c in f.look_at("contract_end", f.contracts):
        end = get_date(c, "end_date")
        start = get_date(c, "start_date")
        if end is None or start is None or not _running(c) or not today <= end <= horizon:
            continue
        if _has_follow_up(f, cid, c, start, today):
            continue
        yield Finding("contract_end", "contracts", cid, end,
                      f"fin du contrat le {format_date_fr(end)}, ni avenant ni nouveau contrat")


def _has_follow_up(f: Facts, cid: str, contract: Record, start: date, today: date) -> bool:
    for event in f.events.get(cid, ()):
        on = get_date(event, "effective_date")
        if event.get("kind") == "amendment" and on is not None and on > today:
            return True
    for other_id in f.learner_contracts.get(str(contract.get("learner_id")), ()):
        other = f.contracts.get(other_id)
        if other_id == cid or other is None or other.get("status") == "terminated":
            continue
        other_start = get_date(other, "start_date")
        if other.get("supersedes_id") == cid or (other_start is not None and other_start > start):
            return True
    return False


def turns_18(f: Facts, today: date) -> Iterator[Finding]:
    horizon = today + timedelta(days=TURNS_18_DAYS)
    with_contract = f.learners_running
    if with_contract is None:
        with_contract = {str(c.get("learner_id")) for c in f.contracts.values() if _running(c)}
    for lid, learner in f.look_at("turns_18", f.learners):
        born = get_date(learner, "birth_date")
        if born is None or lid not in with_contract:
            continue
        birthday = add_years(born, 18)
        if today <= birthday <= horizon:
            yield Finding("turns_18", "learners", lid, birthday,
                          f"18 ans le {format_date_fr(birthday)} : représentant légal, signatures")


def approval_decisions(f: Facts, today: date) -> Iterator[Finding]:
    """``approval_decision_due`` from 10 weeks to the 3-month limit, ``_late`` after it."""
    for aid, a in f.look_at("approval_decision", f.approvals):
        requested = get_date(a, "requested_on")
        if requested is None or a.get("status") not in OPEN_REQUEST:
            continue
        limit = add_months(requested, DECISION_MONTHS)
        weeks = (today - requested).days // 7
        if today > limit:
            yield Finding("approval_decision_late", "approvals", aid, limit,
                          f"demandé le {format_date_fr(requested)}, délai de 3 mois dépassé "
                          f"depuis le {format_date_fr(limit)}")
        elif today >= requested + timedelta(days=DECISION_WARNING_DAYS):
            yield Finding("approval_decision_due", "approvals", aid, limit,
                          f"demandé il y a {weeks} semaines, décision avant le "
                          f"{format_date_fr(limit)}")


def visit_unreported(f: Facts, today: date) -> Iterator[Finding]:
    for vid, v in f.look_at("visit_unreported", f.visits):
        planned = get_date(v, "planned_on")
        if v.get("status") != "planned" or v.get("kind") != "approval" or planned is None:
            continue
        due = planned + timedelta(days=VISIT_REPORT_DAYS)
        if today >= due:
            yield Finding("visit_unreported", "visits", vid, due,
                          f"visite prévue le {format_date_fr(planned)}, pas de rapport")


def draft_start(f: Facts, today: date) -> Iterator[Finding]:
    horizon = today + timedelta(days=DRAFT_START_DAYS)
    for cid, c in f.look_at("draft_start", f.contracts):
        start = get_date(c, "start_date")
        if c.get("status") == "draft" and start is not None and start <= horizon:
            word = "a commencé le" if start < today else "commence le"
            yield Finding("draft_start", "contracts", cid, start,
                          f"projet non signé, {word} {format_date_fr(start)}")


def approval_suspended(f: Facts, today: date) -> Iterator[Finding]:
    for cid, _, approval in _running_with(f, "approval_suspended", "approval_id", f.approvals):
        if approval.get("status") != "suspended":
            continue
        since = get_date(approval, "decided_on") or today
        yield Finding("approval_suspended", "contracts", cid, since,
                      "agrément suspendu" + (f" le {format_date_fr(since)}"
                                             if approval.get("decided_on") else ""))


def criminal_record_old(f: Facts, today: date) -> Iterator[Finding]:
    months = _record_months(f.limits, today)
    if months is None:
        return
    concerned = f.tutors_in_charge
    if concerned is None:
        concerned = {str(c.get("tutor_id")) for c in f.contracts.values() if _running(c)}
        for a in f.approvals.values():
            if a.get("status") in (*OPEN_REQUEST, "granted"):
                concerned.update(str(t) for t in a.get("tutor_ids") or ())
    for tid, tutor in f.look_at("criminal_record_old", f.tutors):
        extract = get_date(tutor, "criminal_record_date")
        if extract is None or tid not in concerned:
            continue
        expiry = add_months(extract, months)
        if expiry <= today:
            yield Finding("criminal_record_old", "tutors", tid, expiry,
                          f"extrait du {format_date_fr(extract)}, plus de {months} mois")


def notice_running(f: Facts, today: date) -> Iterator[Finding]:
    for cid, events in f.look_at("notice_running", f.events):
        contract = f.contracts.get(cid)
        if contract is None:
            continue
        for e in events:
            details = e.get("details")
            if e.get("kind") != "termination" or not isinstance(details, Mapping):
                continue
            end = get_date(details, "notice_end")
            began = get_date(details, "notified_on") or get_date(details, "notice_start")
            if end is not None and began is not None and began <= today <= end:
                yield Finding("notice_running", "contracts", cid, end,
                              f"préavis jusqu'au {format_date_fr(end)}")


def p2_at_risk(f: Facts, today: date) -> Iterator[Finding]:
    for cid, c, unit in _running_with(f, "p2_at_risk", "establishment_unit_id", f.units):
        start = get_date(c, "start_date")
        if unit.get("region") != "wal" or start is None:
            continue
        events = f.events.get(cid, ())
        # what p2_forecast says of it (state, cut-off, days so far, 270th day, notes)
        state, cut, so_far, reach, notes = p2_outlook(
            start,
            start_level=start_level_of(c, events),
            tutor=f.tutors.get(str(c.get("tutor_id"))),
            end=effective_end_of(c, events),
            today=today,
            terminated=c.get("status") == "terminated",
        )
        if state == AT_RISK and today <= cut:
            yield Finding("p2_at_risk", "contracts", cid, reach,
                          f"{so_far} jours sur 270 ; " + " ; ".join(notes))


def claim_unchecked(f: Facts, today: date) -> Iterator[Finding]:
    for kid, claim in f.look_at("claim_unchecked", f.claims):
        since = f.claim_since.get(kid)
        if claim.get("status") != "to_check" or since is None:
            continue
        if (today - since).days > CLAIM_CHECK_DAYS:
            yield Finding("claim_unchecked", "incentive_claims", kid,
                          since + timedelta(days=CLAIM_CHECK_DAYS),
                          f"à vérifier depuis le {format_date_fr(since)}")


def referral_waiting(f: Facts, today: date) -> Iterator[Finding]:
    for rid, referral in f.look_at("referral_waiting", f.referrals):
        status = referral.get("status")
        if status not in WAITING:
            continue
        referred = get_date(referral, "referred_on")
        mediation = get_date(referral, "mediation_on")
        about = "contrat" if referral.get("subject") == "contract" else "agrément"
        if status == "in_mediation" and mediation is not None:
            yield Finding("referral_waiting", "mediation_referrals", rid, mediation,
                          f"{about} : en médiation depuis le {format_date_fr(mediation)}")
        elif referred is not None:
            yield Finding("referral_waiting", "mediation_referrals", rid, referred,
                          f"{about} : Commission saisie le {format_date_fr(referred)}")


def minimum_thresholds(f: Facts) -> dict[str, Decimal]:
    """The highest minimum each level ever has in the tables: no pay at or above it can be
    under a minimum (the store's candidate filter)."""
    out: dict[str, Decimal] = {}
    for wage in f.wage_references:
        for rate in f.pay_rates:
            on = max(d for d in (get_date(wage, "valid_from"), get_date(rate, "valid_from"),
                                 date.min) if d is not None)
            minimum = _minimum(f, str(rate.get("level")), on)
            if minimum is not None and minimum > out.get(str(rate.get("level")), Decimal(0)):
                out[str(rate.get("level"))] = minimum
    return out


def _minimum(f: Facts, level: str, on: date) -> Decimal | None:
    wage = in_force(f.wage_references, on)
    rate = in_force(f.pay_rates, on, level=level)
    rmmmg = get_money(wage, "rmmmg") if wage else None
    if rmmmg is None or rate is None or not isinstance(rate.get("percent"), str):
        return None
    return compute_minimum(rmmmg, Decimal(rate["percent"]))


def pay_below_minimum(f: Facts, today: date) -> Iterator[Finding]:
    changes = sorted({d for row in (*f.wage_references, *f.pay_rates)
                      if (d := get_date(row, "valid_from")) is not None})
    minimums: dict[tuple[str, date], Decimal | None] = {}  # the tables' few dates, once

    def minimum(level: str, on: date) -> Decimal | None:
        key = (level, on)
        if key not in minimums:
            minimums[key] = _minimum(f, level, on)
        return minimums[key]

    for cid, c in f.look_at("pay_below_minimum", f.contracts):
        pay = get_money(c, "monthly_pay")
        start = get_date(c, "start_date")
        level = c.get("level")
        if not _running(c) or pay is None or start is None or not isinstance(level, str):
            continue
        set_on = max([start, *(d for e in f.events.get(cid, ()) if e.get("kind") ==
                                "level_change" and (d := get_date(e, "effective_date")))])
        for on in (set_on, *(d for d in changes if d > set_on)):
            lowest = minimum(level, on)
            if lowest is not None and pay < lowest:
                yield Finding("pay_below_minimum", "contracts", cid, on,
                              f"{format_money_fr(pay)} pour un minimum de "
                              f"{format_money_fr(lowest)} depuis le {format_date_fr(on)}")
                break


RuleFunction = Callable[[Facts, date], Iterator[Finding]]
RULE_FUNCTIONS: tuple[RuleFunction, ...] = (
    approval_suspended, draft_start, pay_below_minimum, approval_decisions, notice_running,
    trial_end, turns_18, visit_unreported, contract_end, p2_at_risk, criminal_record_old,
    referral_waiting, claim_unchecked,
)


def find_all(f: Facts, today: date) -> list[Finding]:
    """Every finding of every rule on ``today`` (unsorted)."""
    return [finding for rule in RULE_FUNCTIONS for finding in rule(f, today)]

