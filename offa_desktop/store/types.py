"""Column types of the working copy: money and percentages as exact integers, instants as text.

Money is stored as integer cents (``"612.34"`` -> 61234) so that it sorts as a number, compares
exactly and never passes through a float; percentages likewise in hundredths. Instants are
stored as fixed-width RFC 3339 UTC text, which sorts in time order.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

_INSTANT_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class Hundredths(TypeDecorator[Decimal]):
    """A Decimal with two decimals (money in euros, percentages), stored as an integer."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value).scaleb(2)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"more than two decimals: {value}")
        return int(scaled)

    def process_result_value(self, value: Any | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-2)


class Instant(TypeDecorator[datetime]):
    """An aware UTC datetime, stored as fixed-width RFC 3339 text (sorts in time order)."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: instants must be aware (UTC)")
        return value.astimezone(UTC).strftime(_INSTANT_FORMAT)

    def process_result_value(self, value: Any | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return parse_instant(str(value))


def parse_instant(text: str) -> datetime:
    """RFC 3339 text -> aware UTC datetime; ValueError when it is not one."""
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError(f"instant without a time zone: {text}")
    return parsed.astimezone(UTC)


def instant_str(value: datetime) -> str:
    """Aware datetime -> RFC 3339 UTC text as API.md writes it (``2026-11-23T09:15:00Z``)."""
    utc = value.astimezone(UTC)
    if utc.microsecond:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_now() -> datetime:
    return datetime.now(UTC)
