"""The base of the typed record views (``entities``): conversion between wire values and
Python values by schema Kind, unknown fields kept in ``extra``."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any, ClassVar, Self

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.domain.values import (
    instant_str,
    money_str,
    parse_date,
    parse_instant,
    parse_money,
)

JSON = Any


def _load(kind: Kind, value: Any) -> Any:
    if value is None:
        return None
    if kind is Kind.DATE:
        return parse_date(value)
    if kind is Kind.MONEY:
        return parse_money(value)
    if kind in (Kind.PERCENT, Kind.HOURS):
        return Decimal(str(value))
    if kind is Kind.INSTANT:
        return parse_instant(value)
    if kind in (Kind.REFS, Kind.STRINGS):
        return tuple(value)
    return value


def _dump(kind: Kind, value: Any) -> Any:
    if value is None:
        return None
    if kind is Kind.DATE:
        return value.isoformat()
    if kind is Kind.MONEY:
        return money_str(value)
    if kind is Kind.PERCENT:
        return f"{value:.2f}"
    if kind is Kind.HOURS:
        return int(value) if value == value.to_integral_value() else float(value)
    if kind is Kind.INSTANT:
        return instant_str(value)
    if kind in (Kind.REFS, Kind.STRINGS):
        return list(value)
    return value


@dataclasses.dataclass(frozen=True, kw_only=True)
class Entity:
    """Base of every record type: its id and the fields this version does not know."""

    collection: ClassVar[str] = ""
    id: str
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    @classmethod
    def from_api(cls, id: str, data: dict[str, Any]) -> Self:
        """The record ``id`` from its API ``data``; ValueError for a value not in wire form or
        a required field missing."""
        spec = COLLECTIONS[cls.collection]
        values: dict[str, Any] = {"id": id}
        extra: dict[str, Any] = {}
        for name, value in data.items():
            field = spec.by_name.get(name)
            if field is None:
                extra[name] = value
            else:
                values[name] = _load(field.kind, value)
        try:
            return cls(**values, extra=extra)
        except TypeError as exc:
            raise ValueError(f"{cls.collection}/{id}: {exc}") from exc

    def to_api(self) -> dict[str, Any]:
        """The API ``data`` of this record (without ``id``), unknown fields included."""
        spec = COLLECTIONS[self.collection]
        out = {f.name: _dump(f.kind, getattr(self, f.name)) for f in spec.fields}
        out.update(self.extra)
        return out
