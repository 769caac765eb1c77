"""Every radar rule at its boundaries: the day before it applies, the first day, the last day
and the day after (dates from DOMAIN.md's arithmetic)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from offa_desktop.domain import deadlines
from offa_desktop.domain.radar import RULE_BY_CODE, RULES, Facts

D = timedelta(days=1)
C1, L1, U1, T1, A1 = "c1", "l1", "u1", "t1", "a1"
WAGES = [{"valid_from": "2022-05-01", "rmmmg": "1842.28"},
         {"valid_from": "2024-05-01", "rmmmg": "2070.48"}]
RATES = [{"level": "a", "percent": "17.00", "valid_from": "2015-09-01"},
         {"level": "b", "percent": "24.00", "valid_from": "2015-09-01"},
         {"level": "c", "percent": "32.00", "valid_from": "2015-09-01"}]
LIMITS = [{"code": "criminal_record_max_age", "label": "x", "value": 36, "unit": "months",
           "valid_from": "2015-09-01"}]
CERTIFIED = {"condition": "validation", "company_id": "co1"}


def contract(**fields: Any) -> dict[str, Any]:
    base = {"learner_id": L1, "establishment_unit_id": U1, "approval_id": A1, "tutor_id": T1,
            "start_date": "2026-09-01", "end_date": "2029-06-30", "level": "a",
            "monthly_pay": "351.98", "status": "active", "supersedes_id": None}
    return {**base, **fields}


def facts(**parts: Any) -> Facts:
    f = Facts(wage_references=WAGES, pay_rates=RATES, limits=LIMITS)
    f.units = {U1: {"region": "wal", "company_id": "co1"}}
    f.tutors = {T1: CERTIFIED}
    f.approvals = {A1: {"status": "granted", "tutor_ids": [T1], "requested_on": "2026-01-05"}}
    for name, value in parts.items():
        setattr(f, name, value)
    for cid, c in f.contracts.items():
        f.learner_contracts.setdefault(str(c.get("learner_id")), []).append(cid)
    return f


def found(rule: str, f: Facts, today: date) -> list[tuple[str, date]]:
    return sorted((x.id, x.due) for x in deadlines.find_all(f, today) if x.rule == rule)


def test_catalogue_every_rule_has_label_severity_and_legal_ground():
    codes = {r.code for r in RULES}
    assert codes == {
        "trial_end", "contract_end", "turns_18", "approval_decision_due",
        "approval_decision_late", "visit_unreported", "draft_start", "approval_suspended",
        "criminal_record_old", "notice_running", "p2_at_risk", "claim_unchecked",
        "pay_below_minimum", "referral_waiting",
    }
    for rule in RULES:
        assert rule.label and rule.legal and rule.severity in ("high", "medium", "low")
        assert rule.label[0].isupper()


def test_trial_end_within_7_days():
    # start 01/09 -> trial ends 30/09 (DOMAIN.md)
    f = facts(contracts={C1: contract(start_date="2026-09-01")})
    end = date(2026, 9, 30)
    assert found("trial_end", f, end - 8 * D) == []
    assert found("trial_end", f, end - 7 * D) == [(C1, end)]
    assert found("trial_end", f, end) == [(C1, end)]
    assert found("trial_end", f, end + D) == []
    # 31/01 -> 28/02 in a common year; a draft or a terminated contract has no trial to follow
    f = facts(contracts={C1: contract(start_date="2027-01-31", end_date="2029-06-30")})
    assert found("trial_end", f, date(2027, 2, 21)) == [(C1, date(2027, 2, 28))]
    f = facts(contracts={C1: contract(start_date="2026-09-01", status="draft")})
    assert found("trial_end", f, end) == []


def test_contract_end_within_60_days_without_follow_up():
    end = date(2027, 6, 30)
    f = facts(contracts={C1: contract(end_date=end.isoformat())})
    assert found("contract_end", f, end - 61 * D) == []
    assert found("contract_end", f, end - 60 * D) == [(C1, end)]
    assert found("contract_end", f, end) == [(C1, end)]
    assert found("contract_end", f, end + D) == []
    # a new contract for that learner, or a planned amendment: nothing to do
    follow = facts(contracts={C1: contract(end_date=end.isoformat()),
                              "c2": contract(start_date="2027-09-01", end_date="2028-06-30",
                                             status="draft")})
    assert found("contract_end", follow, end - 10 * D) == []
    amended = facts(contracts={C1: contract(end_date=end.isoformat())},
                    events={C1: [{"kind": "amendment", "effective_date": "2027-06-01"}]})
    assert found("contract_end", amended, date(2027, 5, 20)) == []
    assert found("contract_end", amended, date(2027, 6, 1)) == [(C1, end)]  # amendment passed


def test_turns_18_within_30_days_with_a_running_contract():
    learner = {"birth_date": "2009-03-15", "first_name": "A", "last_name": "B"}
    f = facts(contracts={C1: contract()}, learners={L1: learner})
    birthday = date(2027, 3, 15)
    assert found("turns_18", f, birthday - 31 * D) == []
    assert found("turns_18", f, birthday - 30 * D) == [(L1, birthday)]
    assert found("turns_18", f, birthday) == [(L1, birthday)]
    assert found("turns_18", f, birthday + D) == []
    # born 29/02: 18 on 28/02 of a common year (add_years)
    leap = facts(contracts={C1: contract()}, learners={L1: {"birth_date": "2008-02-29"}})
    assert found("turns_18", leap, date(2026, 2, 1)) == [(L1, date(2026, 2, 28))]
    ended = facts(contracts={C1: contract(status="ended")}, learners={L1: learner})
    assert found("turns_18", ended, birthday) == []


def test_approval_decision_due_after_10_weeks_late_after_3_months():
    requested = date(2026, 9, 10)
    limit = date(2026, 12, 10)
    f = facts(approvals={A1: {"status": "under_review", "requested_on": requested.isoformat()}})
    assert found("approval_decision_due", f, requested + 69 * D) == []
    assert found("approval_decision_due", f, requested + 70 * D) == [(A1, limit)]
    assert found("approval_decision_due", f, limit) == [(A1, limit)]
    assert found("approval_decision_late", f, limit) == []
    assert found("approval_decision_due", f, limit + D) == []
    assert found("approval_decision_late", f, limit + D) == [(A1, limit)]
    decided = facts(approvals={A1: {"status": "granted", "requested_on": "2026-09-10"}})
    assert found("approval_decision_late", decided, limit + 30 * D) == []


def test_visit_unreported_7_days_after_its_date():
    planned = date(2026, 11, 20)
    visit = {"kind": "approval", "status": "planned", "planned_on": planned.isoformat(),
             "approval_id": A1}
    f = facts(visits={"v1": visit})
    assert found("visit_unreported", f, planned + 6 * D) == []
    assert found("visit_unreported", f, planned + 7 * D) == [("v1", planned + 7 * D)]
    done = facts(visits={"v1": {**visit, "status": "done"}})
    assert found("visit_unreported", done, planned + 30 * D) == []
    follow_up = facts(visits={"v1": {**visit, "kind": "follow_up"}})
    assert found("visit_unreported", follow_up, planned + 30 * D) == []


def test_draft_start_within_7_days_or_past():
    start = date(2026, 12, 14)
    f = facts(contracts={C1: contract(status="draft", start_date=start.isoformat())})
    assert found("draft_start", f, start - 8 * D) == []
    assert found("draft_start", f, start - 7 * D) == [(C1, start)]
    assert found("draft_start", f, start + 40 * D) == [(C1, start)]
    signed = facts(contracts={C1: contract(status="signed", start_date=start.isoformat())})
    assert found("draft_start", signed, start) == []


def test_approval_suspended_lists_the_running_contracts():
    suspended = {"status": "suspended", "decided_on": "2026-11-02", "requested_on": "2026-01-01"}
    f = facts(contracts={C1: contract(), "c2": contract(status="ended", learner_id="l2")},
              approvals={A1: suspended})
    assert found("approval_suspended", f, date(2026, 12, 1)) == [(C1, date(2026, 11, 2))]
    granted = facts(contracts={C1: contract()})
    assert found("approval_suspended", granted, date(2026, 12, 1)) == []


def test_criminal_record_older_than_the_reference_allows():
    tutor = {**CERTIFIED, "criminal_record_date": "2023-12-06"}
    f = facts(contracts={C1: contract()}, tutors={T1: tutor})
    expiry = date(2026, 12, 6)  # 36 months (the limits reference)
    assert found("criminal_record_old", f, expiry - D) == []
    assert found("criminal_record_old", f, expiry) == [(T1, expiry)]
    # a tutor named only by a granted approval counts too; one with nothing running does not
    only_approval = facts(tutors={T1: tutor})
    assert found("criminal_record_old", only_approval, expiry) == [(T1, expiry)]
    idle = facts(tutors={T1: tutor}, approvals={A1: {"status": "refused", "tutor_ids": [T1]}})
    assert found("criminal_record_old", idle, expiry) == []
    # no reference row: the rule stays silent (never a limit written in code)
    silent = facts(contracts={C1: contract()}, tutors={T1: tutor}, limits=[])
    assert found("criminal_record_old", silent, expiry + 400 * D) == []


def test_notice_running_from_notification_to_its_end():
    details = {"notified_on": "2026-11-30", "notice_start": "2026-12-01",
               "notice_end": "2026-12-14"}
    event = {"kind": "termination", "effective_date": "2026-12-14", "details": details}
    f = facts(contracts={C1: contract(status="terminated")}, events={C1: [event]})
    end = date(2026, 12, 14)
    assert found("notice_running", f, date(2026, 11, 29)) == []
    assert found("notice_running", f, date(2026, 11, 30)) == [(C1, end)]
    assert found("notice_running", f, end) == [(C1, end)]
    assert found("notice_running", f, end + D) == []


def test_p2_at_risk_when_the_end_date_comes_before_the_270th_day():
    # start 01/09/2026: the 270th day is 28/05/2027 (start + 269 days), cut-off 31/08/2027
    start = date(2026, 9, 1)
    reach = start + 269 * D
    assert reach == date(2027, 5, 28)
    short = facts(contracts={C1: contract(end_date=(reach - D).isoformat())})
    assert found("p2_at_risk", short, date(2026, 12, 1)) == [(C1, reach)]
    enough = facts(contracts={C1: contract(end_date=reach.isoformat())})
    assert found("p2_at_risk", enough, date(2026, 12, 1)) == []
    # tutor not agréé: at risk too (fixable: tutor training)
    uncertified = facts(contracts={C1: contract()},
                        tutors={T1: {"condition": "experience", "experience_years": 6,
                                     "training_hours": 4}})
    assert found("p2_at_risk", uncertified, date(2026, 12, 1)) == [(C1, reach)]
    # in Brussels, after the cut-off, or starting too late to reach 270: not "at risk"
    bxl = facts(contracts={C1: contract(end_date=(reach - D).isoformat())},
                units={U1: {"region": "bxl"}})
    assert found("p2_at_risk", bxl, date(2026, 12, 1)) == []
    late_start = facts(contracts={C1: contract(start_date="2027-01-04", end_date="2027-03-01")})
    assert found("p2_at_risk", late_start, date(2027, 1, 10)) == []


def test_claim_unchecked_after_30_days():
    since = date(2026, 10, 1)
    f = facts(claims={"k1": {"status": "to_check"}}, claim_since={"k1": since})
    assert found("claim_unchecked", f, since + 30 * D) == []
    assert found("claim_unchecked", f, since + 31 * D) == [("k1", since + 30 * D)]
    checked = facts(claims={"k1": {"status": "eligible"}}, claim_since={"k1": since})
    assert found("claim_unchecked", checked, since + 90 * D) == []


def test_referral_waiting_while_the_commission_has_not_ended_it():
    f = facts()
    f.referrals = {
        "r1": {"subject": "contract", "status": "referred", "referred_on": "2026-11-02"},
        "r2": {"subject": "approval", "status": "in_mediation", "referred_on": "2026-10-01",
               "mediation_on": "2026-10-20"},
        "r3": {"subject": "contract", "status": "settled", "referred_on": "2026-09-01",
               "mediation_on": "2026-09-10", "closed_on": "2026-10-01", "outcome": "Accord."},
    }
    got = [(x.id, x.due, x.detail) for x in deadlines.find_all(f, date(2026, 12, 1))
           if x.rule == "referral_waiting"]
    assert sorted(got) == [
        ("r1", date(2026, 11, 2), "contrat : Commission saisie le 02/11/2026"),
        ("r2", date(2026, 10, 20), "agrément : en médiation depuis le 20/10/2026"),
    ]


def test_pay_below_minimum_after_a_new_wage_row():
    # level A from 2023-09-01 at 313.19 (2022 RMMMG); 2024-05-01 brings 351.98
    f = facts(contracts={C1: contract(start_date="2023-09-01", monthly_pay="313.19")})
    assert found("pay_below_minimum", f, date(2026, 12, 1)) == [(C1, date(2024, 5, 1))]
    at_minimum = facts(contracts={C1: contract(start_date="2023-09-01", monthly_pay="351.98")})
    assert found("pay_below_minimum", at_minimum, date(2026, 12, 1)) == []
    # a wage row that arrived by sync for a later date: listed with that date
    future = [*WAGES, {"valid_from": "2027-01-01", "rmmmg": "2100.00"}]  # a: 357.00
    soon = facts(contracts={C1: contract(monthly_pay="351.98")}, wage_references=future)
    assert found("pay_below_minimum", soon, date(2026, 12, 1)) == [(C1, date(2027, 1, 1))]
    # the pay set by a later level change is judged from that date
    changed = facts(
        contracts={C1: contract(start_date="2023-09-01", level="b", monthly_pay="496.92")},
        events={C1: [{"kind": "level_change", "effective_date": "2024-09-01"}]},
    )
    assert found("pay_below_minimum", changed, date(2026, 12, 1)) == []
    assert deadlines.minimum_thresholds(f) == {
        "a": Decimal("351.98"), "b": Decimal("496.92"), "c": Decimal("662.55")}


def test_every_rule_reports_its_own_collection():
    for rule in RULES:
        assert RULE_BY_CODE[rule.code].collection in (
            "contracts", "learners", "approvals", "visits", "tutors", "incentive_claims",
            "mediation_referrals")
