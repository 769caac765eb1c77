"""Property tests of the pure rules against straightforward restatements of DOMAIN.md."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from offa_desktop.domain import rules
from offa_desktop.domain.choices import WEEKDAYS
from offa_desktop.domain.dates import notice_period, trial_period_end

quarters = st.integers(min_value=0, max_value=48).map(lambda q: q / 4)
day_hours = st.fixed_dictionaries({"company_hours": quarters, "operator_hours": quarters})
schedules = st.dictionaries(st.sampled_from(WEEKDAYS), day_hours)


@settings(max_examples=150)
@given(schedules, st.sampled_from([None, "9.00"]))
def test_schedule_rule_matches_definition(schedule: dict[str, Any], daily: str | None) -> None:
    trade = {"max_daily_hours": daily}
    found = {p.code for p in rules.schedule_problems(schedule, trade)}
    company = sum(Decimal(str(h["company_hours"])) for h in schedule.values())
    total = company + sum(Decimal(str(h["operator_hours"])) for h in schedule.values())
    per_day = Decimal(daily) if daily else Decimal(8)
    longest = max(
        (
            Decimal(str(h["company_hours"])) + Decimal(str(h["operator_hours"]))
            for h in schedule.values()
        ),
        default=Decimal(0),
    )
    assert ("too_many_hours" in found) == (total > 38)
    assert ("too_few_hours" in found) == (company < 20)
    assert ("day_too_long" in found) == (longest > per_day)


births = st.dates(min_value=date(1990, 1, 1), max_value=date(2015, 12, 31))
starts = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=150)
@given(births, starts, st.sampled_from([None, 30]))
def test_age_rule_matches_definition(born: date, start: date, max_age: int | None) -> None:
    years = start.year - born.year - ((start.month, start.day) < (born.month, born.day))
    found = {p.code for p in rules.learner_age_problems(born, start, max_age)}
    limit = max_age or 25
    expected = (
        {"too_young"}
        if years < 15
        else {"too_old"}
        if years > limit
        else {"under_16"}
        if years < 16
        else set()
    )
    assert found == expected


@given(starts, st.integers(min_value=0, max_value=400))
def test_notice_length(start: date, offset: int) -> None:
    notified = date.fromordinal(start.toordinal() + offset)
    first, last = notice_period(notified, start)
    assert first.toordinal() == notified.toordinal() + 1
    in_trial = notified <= trial_period_end(start)
    assert (last - first).days + 1 == (7 if in_trial else 14)


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=10))
def test_capacity_limit(employees: int, running: int) -> None:
    found = {p.code for p in rules.capacity_problems(running, employees, 0, None)}
    assert ("capacity" in found) == (running + 1 > max(employees, 1))
