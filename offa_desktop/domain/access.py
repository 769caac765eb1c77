"""Typed reads of API-shaped records and of the reference data a RuleContext serves.

Rules read records as dicts; these helpers give ``None`` for a value that is absent or not in
wire form (its own field check reports it), so a rule never crashes on bad input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # (annotations only: the radar reads records without loading the checks)
    from offa_desktop.domain.problems import Record, RuleContext
from offa_desktop.domain.values import parse_date, parse_money

T = TypeVar("T")


def _parsed(data: Mapping[str, Any], field: str, parse: Callable[[Any], T]) -> T | None:
    """A field read by ``parse``, or None when absent or malformed (``parse`` refused it)."""
    value = data.get(field)
    try:
        return parse(value) if value is not None else None
    except ValueError:
        return None


def get_date(data: Mapping[str, Any], field: str) -> date | None:
    """A date field, or None when absent or malformed. (``_parsed`` written out: the radar
    reads ~20,000 dates, and a call less is a third of this one.)"""
    value = data.get(field)
    if not isinstance(value, str):  # (what parse_date refuses)
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


def get_money(data: Mapping[str, Any], field: str) -> Decimal | None:
    """A money field as Decimal, or None when absent or malformed."""
    return _parsed(data, field, parse_money)


def get_int(data: Mapping[str, Any], field: str) -> int | None:
    """An int field (not a bool), or None."""
    value = data.get(field)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def get_number(data: Mapping[str, Any], field: str) -> Decimal | None:
    """A number field (hours) as Decimal, or None; a decimal string ("9.00") is accepted too."""
    value = data.get(field)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def changed(
    data: Mapping[str, Any], previous: Mapping[str, Any] | None, fields: Iterable[str]
) -> bool:
    """True on a create, or when one of ``fields`` differs from ``previous``."""
    if previous is None:
        return True
    return any(data.get(f) != previous.get(f) for f in fields)


def reference_by_code(ctx: RuleContext, collection: str, code: str | None) -> Record | None:
    """The reference row whose ``code`` is ``code`` (trades, operators, reasons, ...)."""
    if code is None:
        return None
    for row in ctx.reference(collection):
        if row.get("code") == code:
            return row
    return None


def in_force(rows: Iterable[Record], on: date, **equals: Any) -> Record | None:
    """The dated reference row in force on ``on``: the latest ``valid_from`` not after it."""
    best: Record | None = None
    best_from: date | None = None
    for row in rows:
        if any(row.get(k) != v for k, v in equals.items()):
            continue
        start = get_date(row, "valid_from")
        if start is None or start > on:
            continue
        if best_from is None or start > best_from:
            best, best_from = row, start
    return best
