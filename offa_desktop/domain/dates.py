"""Date arithmetic of DOMAIN.md (dates are Europe/Brussels calendar dates).

- ``add_months``/``add_years`` keep the day of month, or take the month's last day when it has no
  such day (29/02 + 1 year -> 28/02).
- ``age_on``: completed years on a date (born 29/02: a year older on 01/03 in common years).
- ``trial_period_end``: the day before the same day of the next month, or that month's last day
  when it has no such day (01/09 -> 30/09; 31/01 -> 28/02 or 29/02).
- ``notice_period``: starts the day after the notification, lasts 7 days when notified in the
  trial period, 14 after it (ends 6 or 13 days after its start).
- ``latest_end_date``: a contract lasts at most 6 years (``end_date < start_date + 6 years``).
- ``p2_days``: calendar days under contract from the start to the earlier of the effective end
  and 31 August of that school year, both days included, suspensions included.
"""

from __future__ import annotations

import calendar
import functools
from datetime import date, timedelta

TRIAL_NOTICE_DAYS = 7
NOTICE_DAYS = 14
MAX_CONTRACT_YEARS = 6


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(year: int, month: int) -> int:
    """How many days ``month`` (1-12) of ``year`` has (``calendar.monthrange`` computes a
    weekday too: a third of the radar's date arithmetic)."""
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_DAYS[month - 1]


@functools.lru_cache(maxsize=1 << 14)
def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` months, clamped to the last day of the target month.
    (Cached, as ``trial_period_end``: the radar's rules move thousands of dates, a few
    thousand different ones, and a cached one costs a tenth.)"""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = month_days(year, month + 1)
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """``day`` moved by ``years`` years (29/02 -> 28/02 in a common year)."""
    return add_months(day, 12 * years)


def age_on(born: date, on: date) -> int:
    """Age in completed years on ``on``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@functools.lru_cache(maxsize=1 << 14)
def trial_period_end(start: date) -> date:
    """Last day of the one-month trial period of a contract starting on ``start``."""
    year, month0 = divmod(start.year * 12 + start.month, 12)  # the next month, 0-based
    month = month0 + 1
    last = month_days(year, month)
    if start.day > last:
        return date(year, month, last)
    return date(year, month, start.day) - timedelta(days=1)


def in_trial_period(start: date, on: date) -> bool:
    """True when ``on`` falls in the trial period of a contract starting on ``start``."""
    return start <= on <= trial_period_end(start)


def notice_period(notified_on: date, contract_start: date) -> tuple[date, date]:
    """(first day, last day) of the notice given on ``notified_on``."""
    first = notified_on + timedelta(days=1)
    days = TRIAL_NOTICE_DAYS if in_trial_period(contract_start, notified_on) else NOTICE_DAYS
    return first, first + timedelta(days=days - 1)


def latest_end_date(start: date) -> date:
    """The last allowed ``end_date`` of a contract starting on ``start`` (under 6 years)."""
    return add_years(start, MAX_CONTRACT_YEARS) - timedelta(days=1)


def school_year_end(day: date) -> date:
    """31 August closing the school year that ``day`` belongs to (a year runs 01/09 to 31/08)."""
    return date(day.year + 1 if day.month >= 9 else day.year, 8, 31)


def school_year_of(day: date) -> str:
    """``"2025-2026"`` for a day between 01/09/2025 and 31/08/2026."""
    end = school_year_end(day)
    return f"{end.year - 1}-{end.year}"


def school_year_bounds(school_year: str) -> tuple[date, date]:
    """(01/09, 31/08) of ``"2025-2026"``."""
    first = int(school_year[:4])
    return date(first, 9, 1), date(first + 1, 8, 31)


def p2_days(start: date, effective_end: date | None) -> int:
    """Calendar days under contract in the first school year (P2 count, both ends included)."""
    last = school_year_end(start)
    if effective_end is not None and effective_end < last:
        last = effective_end
    return max(0, (last - start).days + 1)
