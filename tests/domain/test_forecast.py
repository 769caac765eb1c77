"""The incentive forecast against hand-computed cases (DOMAIN.md: P2 counts calendar days from
the start to the earlier of the effective end and 31 August, suspensions included)."""

from __future__ import annotations

from datetime import date

from offa_desktop.domain.forecast import (
    ACQUIRED,
    AT_RISK,
    LOST,
    ON_TRACK,
    bxl_tutor_forecast,
    effective_end_of,
    p1_forecast,
    p2_forecast,
    p2_what_if,
    suspension_what_if,
)

CERTIFIED = {"condition": "validation"}
UNCERTIFIED = {"condition": "experience", "experience_years": 6, "training_hours": 4}


def contract(start: str, end: str = "2028-06-30", status: str = "active") -> dict[str, str]:
    return {"start_date": start, "end_date": end, "status": status, "level": "a"}


def p2(c: dict[str, str], today: date, *, tutor: dict[str, object] = CERTIFIED,
       level: str = "a", events: list[dict[str, object]] | None = None) -> object:
    return p2_forecast(c, region="wal", start_level=level, tutor=tutor,
                       end=effective_end_of(c, events or []), today=today)


def test_p2_day_count_so_far_needed_and_last_date() -> None:
    # 01/09/2025 -> 01/12/2025: 30 + 31 + 30 + 1 = 92 days; the 270th day is 28/05/2026
    f = p2(contract("2025-09-01"), date(2025, 12, 1))
    assert (f.days_so_far, f.days_needed, f.required) == (92, 178, 270)
    assert f.last_date == date(2026, 5, 28) and f.cut_off == date(2026, 8, 31)
    assert f.projected == 365 and f.state == ON_TRACK
    assert f.sentence() == ("Prime P2 en bonne voie : 92 jours sur 270, encore 178, le contrat "
                            "doit courir jusqu'au 28/05/2026, compte au 31/08/2026")
    # counted to the cut-off only: 365 on 31/08/2026, acquired from 28/05/2026
    assert p2(contract("2025-09-01"), date(2026, 5, 28)).state == ACQUIRED
    assert p2(contract("2025-09-01"), date(2026, 10, 1)).days_so_far == 365


def test_suspensions_count_as_days_under_contract() -> None:
    events = [{"kind": "suspension", "effective_date": "2025-11-01",
               "details": {"end_date": "2026-01-31"}}]
    c = contract("2025-09-01", status="suspended")
    f = p2(c, date(2026, 2, 15), events=events)
    assert f.days_so_far == 168  # 01/09/2025 .. 15/02/2026, the suspension included
    assert suspension_what_if(f) == ("cette suspension ne change pas le compte P2 : les jours "
                                     "de suspension comptent (365 jours au 31/08/2026, 270 "
                                     "requis)")


def test_a_termination_what_if_as_the_issue_words_it() -> None:
    # start 05/09/2025, last day 12/05/2026: (12/05 - 05/09) + 1 = 250 days
    c = contract("2025-09-05")
    now = p2(c, date(2026, 4, 1))
    assert p2_what_if(now, c, date(2026, 5, 12), label="cette rupture") == (
        "cette rupture au 12/05 ramène le compte P2 à 250 jours (270 requis) : la prime P2 est "
        "perdue")
    assert p2_what_if(now, c, date(2026, 6, 30), label="cette rupture") == (
        "cette rupture au 30/06 laisse le compte P2 à 299 jours (270 requis) : la prime P2 "
        "reste possible")


def test_lost_at_risk_and_the_terminated() -> None:
    # starting 05/01/2026: the 270th day (01/10/2026) comes after the cut-off
    late = p2(contract("2026-01-05"), date(2026, 1, 10))
    assert late.state == LOST and late.last_date is None
    assert p2(contract("2025-09-01"), date(2025, 10, 1), level="b").state == LOST
    assert p2(contract("2025-09-01"), date(2025, 10, 1), tutor=UNCERTIFIED).state == AT_RISK
    short = p2(contract("2025-09-01", end="2026-03-31"), date(2025, 10, 1))
    assert short.state == AT_RISK and short.projected == 212
    ended = contract("2025-09-01", status="terminated")
    events = [{"kind": "termination", "effective_date": "2026-02-27"}]
    assert p2(ended, date(2026, 3, 5), events=events).state == LOST
    assert p2(ended, date(2026, 3, 5), events=events).days_so_far == 180


def test_brussels_tutor_six_months_and_p1_conditions() -> None:
    c = contract("2026-01-10", end="2026-05-31")
    f = bxl_tutor_forecast(c, region="bxl", tutor_learners=2, end=date(2026, 5, 31),
                           today=date(2026, 2, 1))
    # six months from 10/01/2026: the contract must still run on 09/07/2026
    assert f.last_date == date(2026, 7, 9) and f.required == 181 and f.state == AT_RISK
    assert f.days_so_far == 23 and f.days_needed == 158
    crowded = bxl_tutor_forecast(contract("2026-01-10"), region="bxl", tutor_learners=5,
                                 end=None, today=date(2026, 2, 1))
    assert crowded.state == AT_RISK
    assert p1_forecast(region="wal", employee_count=0, earlier_contracts=0,
                       tutor=CERTIFIED).state == ON_TRACK
    assert p1_forecast(region="wal", employee_count=3, earlier_contracts=0,
                       tutor=CERTIFIED).state == LOST
    assert p1_forecast(region="wal", employee_count=0, earlier_contracts=0,
                       tutor=UNCERTIFIED).state == AT_RISK


def test_the_31_august_cut_off_by_hand() -> None:
    """The last start that can reach 270 days: 05/12 (+269 days = 31/08: 26 days of December
    after the 5th, then 31+28+31+30+31+30+31+31); in a school year ending in a leap year, 06/12
    (February has 29 days)."""
    last = p2(contract("2025-12-05"), date(2025, 12, 10))
    assert last.state == ON_TRACK and last.last_date == date(2026, 8, 31)
    assert (last.days_so_far, last.days_needed, last.projected) == (6, 264, 270)
    assert p2(contract("2025-12-06"), date(2025, 12, 10)).state == LOST  # 269 at most
    leap = p2(contract("2027-12-06", end="2029-06-30"), date(2027, 12, 10))
    assert leap.state == ON_TRACK and leap.last_date == date(2028, 8, 31)
    assert leap.cut_off == date(2028, 8, 31)
    # a start in August belongs to the school year ending that 31 August: 12 days, lost
    august = p2(contract("2026-08-20"), date(2026, 8, 25))
    assert august.cut_off == date(2026, 8, 31) and august.state == LOST
    assert august.projected == 12
    # a 1 September start counts to the next 31 August: 365 days (366 when February has 29)
    assert p2(contract("2026-09-01"), date(2026, 9, 1)).projected == 365
    assert p2(contract("2027-09-01", end="2029-06-30"), date(2027, 9, 1)).projected == 366
    # on the cut-off itself and after it, the count stays at the cut-off's
    on = p2(contract("2025-09-15"), date(2026, 8, 31))
    after = p2(contract("2025-09-15"), date(2026, 11, 30))
    assert on.days_so_far == after.days_so_far == 351  # 15/09/2025 .. 31/08/2026
    assert on.state == after.state == ACQUIRED


def test_suspensions_and_a_later_termination_by_hand() -> None:
    """Suspension days count; the count stops at the termination's effective date."""
    events = [
        {"kind": "suspension", "effective_date": "2025-10-01",
         "details": {"end_date": "2025-12-31"}},  # 92 days suspended: counted
        {"kind": "termination", "effective_date": "2026-05-15"},
    ]
    c = contract("2025-09-01", status="terminated")
    f = p2(c, date(2026, 6, 1), events=events)
    # 01/09/2025 .. 15/05/2026: 30+31+30+31+31+28+31+30+15 = 257 days, under 270: lost
    assert f.days_so_far == 257 and f.projected == 257 and f.state == LOST
    # the same suspension, the contract running to its end: acquired on 28/05/2026
    running = p2(contract("2025-09-01", status="active"), date(2026, 5, 28),
                 events=events[:1])
    assert running.days_so_far == 270 and running.state == ACQUIRED
