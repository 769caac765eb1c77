"""Pay (rétribution): the monthly minimum of a level on a date, from dated reference tables.

minimum = round-half-up(RMMMG in force x level percentage in force / 100) to the cent, e.g.
RMMMG 1842.28: a 313.19, b 442.15, c 589.53; RMMMG 2070.48: a 351.98, b 496.92, c 662.55.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from offa_desktop.domain.access import get_money, in_force
from offa_desktop.domain.values import round_cents

if TYPE_CHECKING:
    from offa_desktop.domain.problems import Record


class ReferenceSource(Protocol):
    """Anything that serves reference collections (every RuleContext does)."""

    def reference(self, collection: str) -> list[Record]: ...


def compute_minimum(rmmmg: Decimal, percent: Decimal) -> Decimal:
    """round-half-up(rmmmg x percent / 100) to the cent."""
    return round_cents(rmmmg * percent / Decimal(100))


def wage_reference_on(source: ReferenceSource, on: date) -> Decimal | None:
    """The RMMMG in force on ``on``, or None when the tables hold none that early."""
    row = in_force(source.reference("wage_references"), on)
    return get_money(row, "rmmmg") if row else None


def pay_rate_on(source: ReferenceSource, level: str, on: date) -> Decimal | None:
    """The percentage of ``level`` in force on ``on``, or None."""
    row = in_force(source.reference("pay_rates"), on, level=level)
    if row is None or not isinstance(row.get("percent"), str):
        return None
    return Decimal(row["percent"])


def minimum_monthly_pay(source: ReferenceSource, level: str, on: date) -> Decimal | None:
    """The minimum monthly pay of ``level`` on ``on`` (None when a table has no row in force)."""
    rmmmg = wage_reference_on(source, on)
    percent = pay_rate_on(source, level, on)
    if rmmmg is None or percent is None:
        return None
    return compute_minimum(rmmmg, percent)
