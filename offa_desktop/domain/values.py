"""Values as they travel on the wire (API.md) and as users read them (French formats).

Wire formats: money ``"612.34"`` (a string with exactly two decimals, euros), dates
``"YYYY-MM-DD"``, instants RFC 3339 UTC with a ``Z`` (``"2026-11-23T09:15:00Z"``).
French display: ``format_money_fr`` groups thousands with U+00A0 (NO-BREAK SPACE) and puts a
U+00A0 before the euro sign, so an amount never breaks across lines; ``format_date_fr`` gives
``"31/08/2026"``.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")
NBSP = "\u00a0"  # the one thousands separator and space before "€" in French amounts
CENT = Decimal("0.01")

_MONEY = re.compile(r"-?\d{1,12}\.\d{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")


def parse_money(text: str) -> Decimal:
    """``"612.34"`` -> ``Decimal("612.34")``; ValueError for anything but a string with exactly
    two decimals (no float, no comma, no exponent, no spaces)."""
    if not isinstance(text, str) or not _MONEY.fullmatch(text):
        raise ValueError(f"not a money amount with two decimals: {text!r}")
    return Decimal(text)


def round_cents(amount: Decimal) -> Decimal:
    """Round half-up to the cent (the rounding of pay minimums)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money_str(amount: Decimal) -> str:
    """``Decimal("612.3")`` -> ``"612.30"`` (wire format); ValueError for a float or a value that
    is not already a whole number of cents."""
    if not isinstance(amount, Decimal):
        raise ValueError(f"money must be a Decimal, not {type(amount).__name__}")
    try:
        cents = amount.quantize(CENT)
    except InvalidOperation as exc:
        raise ValueError(f"not a money amount: {amount!r}") from exc
    if cents != amount:
        raise ValueError(f"money has more than two decimals: {amount!r}")
    return f"{cents:.2f}"


def format_money_fr(amount: Decimal) -> str:
    """``Decimal("1234.56")`` -> ``"1 234,56 €"`` with U+00A0 spaces (see the module docstring)."""
    cents = round_cents(amount)
    sign = "-" if cents < 0 else ""
    whole, _, decimals = f"{abs(cents):.2f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}{NBSP.join(groups)},{decimals}{NBSP}€"


def format_percent_fr(percent: Decimal) -> str:
    """``Decimal("17.00")`` -> ``"17 %"``; ``Decimal("17.50")`` -> ``"17,5 %"``."""
    text = f"{percent.normalize():f}".replace(".", ",")
    return f"{text}{NBSP}%"


@functools.lru_cache(maxsize=1 << 14)
def format_date_fr(day: date) -> str:
    """``date(2026, 8, 31)`` -> ``"31/08/2026"``. (Cached: a radar writes 20,000 dates, a few
    thousand different ones; a cached one costs a tenth.)"""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def parse_date(text: str) -> date:
    """Strict ``"YYYY-MM-DD"`` -> date; ValueError for anything else (no time, no other order)."""
    if not isinstance(text, str):
        raise ValueError(f"not a date YYYY-MM-DD: {text!r}")
    return _parse_date(text)


@functools.lru_cache(maxsize=1 << 16)
def _parse_date(text: str) -> date:
    # cached: rules over many records parse the same few thousand dates (the radar: 250,000
    # parses on 100,000 contracts); dates are immutable, refusals are not cached
    if not _DATE.fullmatch(text):
        raise ValueError(f"not a date YYYY-MM-DD: {text!r}")
    return date.fromisoformat(text)


_RELATIVE_DAYS = {
    "aujourd'hui": 0, "aujourdhui": 0, "auj": 0, "ajd": 0,
    "demain": 1, "après-demain": 2, "apres-demain": 2, "hier": -1, "avant-hier": -2,
}  # fmt: skip
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?")


def _full_year(year: int, today: date) -> int:
    """A two-digit year in the century that puts it at most 20 years ahead (27 -> 2027 and
    47 -> 1947 in 2026): contract dates ahead, tutors' birth years behind."""
    year += 2000
    return year - 100 if year > today.year + 20 else year


def parse_date_fr(text: str, today: date | None = None) -> date:
    """What a user types, the way people write dates in Belgium -> date; ValueError otherwise.

    ``31/08/2026``, ``31-08-2026``, ``31.08.2026``, ``31 8 2026``, two-digit years
    (``4/1/27``), digits only (``04012027``, ``040127``), day and month of this year (``4/1``),
    ``2026-08-31``, and ``aujourd'hui``, ``demain``, ``après-demain``, ``hier``, ``avant-hier``
    (relative to ``today``, Brussels' date by default).
    """
    now = today or brussels_today()
    raw = " ".join(text.strip().lower().replace("’", "'").split())
    if raw in _RELATIVE_DAYS:
        return now + timedelta(days=_RELATIVE_DAYS[raw])
    if _DATE.fullmatch(raw):
        return date.fromisoformat(raw)
    if raw.isdigit() and len(raw) in (6, 8):
        day, month, year = int(raw[:2]), int(raw[2:4]), int(raw[4:])
    else:
        match = _DAY_MONTH_YEAR.fullmatch(raw)
        if not match:
            raise ValueError(f"not a date: {text!r}")
        day, month = int(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else now.year
    if year < 100:
        year = _full_year(year, now)
    return date(year, month, day)  # ValueError for 31/02


def date_str(day: date) -> str:
    """date -> ``"YYYY-MM-DD"`` (wire format)."""
    return day.isoformat()


def brussels_today() -> date:
    """Today's date in Europe/Brussels (the date every rule calls "today")."""
    return datetime.now(BRUSSELS).date()


def parse_instant(text: str) -> datetime:
    """``"2026-11-23T09:15:00Z"`` -> an aware UTC datetime; ValueError otherwise."""
    if not isinstance(text, str) or not _INSTANT.fullmatch(text):
        raise ValueError(f"not an RFC 3339 UTC instant: {text!r}")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)


def instant_str(moment: datetime) -> str:
    """An aware datetime -> ``"2026-11-23T09:15:00Z"`` (UTC, whole seconds unless it has
    microseconds); ValueError for a naive datetime."""
    if moment.tzinfo is None:
        raise ValueError("instant must be timezone-aware")
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds" if utc.microsecond else "seconds") + "Z"
