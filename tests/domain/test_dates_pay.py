from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offa_desktop.domain import dates
from offa_desktop.domain.pay import compute_minimum, minimum_monthly_pay
from tests.domain.memory import MemoryContext


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 9, 1), date(2026, 9, 30)),
        (date(2027, 1, 31), date(2027, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2028, 1, 30), date(2028, 2, 29)),
        (date(2028, 1, 29), date(2028, 2, 28)),
        (date(2027, 1, 29), date(2027, 2, 28)),
        (date(2026, 12, 15), date(2027, 1, 14)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 2, 28), date(2026, 3, 27)),
    ],
)
def test_trial_period_end(start: date, end: date) -> None:
    assert dates.trial_period_end(start) == end


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_trial_period_is_about_a_month(start: date) -> None:
    end = dates.trial_period_end(start)
    assert 27 <= (end - start).days <= 30
    assert dates.in_trial_period(start, end)
    assert not dates.in_trial_period(start, end + timedelta(days=1))


def test_notice_in_and_after_trial() -> None:
    start = date(2026, 9, 1)  # trial until 30/09
    assert dates.notice_period(date(2026, 9, 30), start) == (date(2026, 10, 1), date(2026, 10, 7))
    assert dates.notice_period(date(2026, 10, 1), start) == (date(2026, 10, 2), date(2026, 10, 15))
    first, last = dates.notice_period(date(2026, 9, 10), start)
    assert (last - first).days == 6
    first, last = dates.notice_period(date(2027, 3, 10), start)
    assert (last - first).days == 13


def test_age_and_years() -> None:
    assert dates.age_on(date(2010, 9, 1), date(2026, 8, 31)) == 15
    assert dates.age_on(date(2010, 9, 1), date(2026, 9, 1)) == 16
    assert dates.age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert dates.age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18
    assert dates.add_years(date(2024, 2, 29), 6) == date(2030, 2, 28)
    assert dates.latest_end_date(date(2026, 9, 1)) == date(2032, 8, 31)


def test_school_year_and_p2_days() -> None:
    assert dates.school_year_of(date(2026, 9, 1)) == "2026-2027"
    assert dates.school_year_of(date(2026, 8, 31)) == "2025-2026"
    assert dates.school_year_bounds("2025-2026") == (date(2025, 9, 1), date(2026, 8, 31))
    # from 01/09 to 31/08: the whole year, both days counted
    assert dates.p2_days(date(2025, 9, 1), date(2027, 8, 31)) == 365
    assert dates.p2_days(date(2023, 9, 1), None) == 366  # 2024 is a leap year
    # 270 days: a start on 4 December 2025 reaches 31 August 2026 with exactly 271
    assert dates.p2_days(date(2025, 12, 4), None) == 271
    assert dates.p2_days(date(2025, 12, 5), None) == 270
    assert dates.p2_days(date(2025, 12, 6), None) == 269
    # a termination before 31 August cuts the count
    assert dates.p2_days(date(2025, 9, 1), date(2025, 9, 30)) == 30
    assert dates.p2_days(date(2025, 9, 1), date(2025, 8, 1)) == 0


@pytest.mark.parametrize(
    ("rmmmg", "expected"),
    [
        ("1842.28", ("313.19", "442.15", "589.53")),
        ("2070.48", ("351.98", "496.92", "662.55")),
    ],
)
def test_minimum_vectors(rmmmg: str, expected: tuple[str, str, str]) -> None:
    got = tuple(
        str(compute_minimum(Decimal(rmmmg), Decimal(p))) for p in ("17.00", "24.00", "32.00")
    )
    assert got == expected


def test_minimum_rounds_half_up() -> None:
    assert compute_minimum(Decimal("100.25"), Decimal("10")) == Decimal("10.03")  # 10.025
    assert compute_minimum(Decimal("100.15"), Decimal("10")) == Decimal("10.02")  # 10.015


def test_minimum_uses_reference_in_force() -> None:
    ctx = MemoryContext()
    assert minimum_monthly_pay(ctx, "a", date(2024, 4, 30)) == Decimal("313.19")
    assert minimum_monthly_pay(ctx, "a", date(2024, 5, 1)) == Decimal("351.98")
    assert minimum_monthly_pay(ctx, "c", date(2022, 5, 1)) == Decimal("589.53")
    assert minimum_monthly_pay(ctx, "b", date(2022, 4, 30)) is None
