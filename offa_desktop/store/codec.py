"""Converts records between their API shape (API.md) and the typed columns of their table.

API shape: dates ``"YYYY-MM-DD"``, money ``"612.34"``, instants RFC 3339, lists and objects as
JSON. A field this client does not know, or a value it cannot store in its typed column (from a
newer server), goes to the ``extra`` column and comes back out unchanged: nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

import orjson

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.store.types import instant_str, parse_instant

_HUNDREDTHS = re.compile(r"^-?\d{1,12}\.\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TEXT_KINDS = {
    Kind.TEXT,
    Kind.LONGTEXT,
    Kind.CODE,
    Kind.ENUM,
    Kind.REF,
    Kind.ENTERPRISE_NUMBER,
    Kind.UNIT_NUMBER,
    Kind.NISS,
    Kind.IBAN,
    Kind.POSTAL_CODE,
    Kind.SCHOOL_YEAR,
}


def _to_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not a string")
    return value


def _to_date(value: Any) -> date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise ValueError("not a date")
    return date.fromisoformat(value)


def _to_hundredths(value: Any) -> Decimal:
    if not isinstance(value, str) or not _HUNDREDTHS.match(value):
        raise ValueError("not an amount with two decimals")
    return Decimal(value)


def _to_instant(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("not an instant")
    return parse_instant(value)


def _to_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not an integer")
    return value


def _to_hours(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    return float(value)


def _to_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("not a boolean")
    return value


def _to_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def _to_json(value: Any) -> Any:
    return value


_TO_COLUMN: dict[Kind, Callable[[Any], Any]] = {
    **{k: _to_text for k in _TEXT_KINDS},
    Kind.DATE: _to_date,
    Kind.MONEY: _to_hundredths,
    Kind.PERCENT: _to_hundredths,
    Kind.INSTANT: _to_instant,
    Kind.INT: _to_int,
    Kind.HOURS: _to_hours,
    Kind.BOOL: _to_bool,
    Kind.REFS: _to_list,
    Kind.STRINGS: _to_list,
    Kind.JSON: _to_json,
}


def _from_hours(value: float) -> int | float:
    return int(value) if value == int(value) else value


_TO_API: dict[Kind, Callable[[Any], Any]] = {
    Kind.DATE: date.isoformat,
    Kind.MONEY: lambda v: f"{v:.2f}",
    Kind.PERCENT: lambda v: f"{v:.2f}",
    Kind.INSTANT: instant_str,
    Kind.HOURS: _from_hours,
}


def api_converter(kind: Kind) -> Callable[[Any], Any] | None:
    """What turns a column value of ``kind`` into its API value (None: the same value)."""
    return _TO_API.get(kind)


def field_kinds(collection: str) -> dict[str, Kind]:
    return {f.name: f.kind for f in COLLECTIONS[collection].fields}


_KINDS: dict[str, dict[str, Kind]] = {name: field_kinds(name) for name in COLLECTIONS}


def to_columns(collection: str, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """API-shaped fields -> (typed column values, extra). Fields of the schema that ``data``
    lacks are not in the result (callers decide whether absent means null)."""
    kinds = _KINDS[collection]
    columns: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for name, value in data.items():
        kind = kinds.get(name)
        if kind is None:
            extra[name] = value
            continue
        if value is None:
            columns[name] = None
            continue
        try:
            columns[name] = _TO_COLUMN[kind](value)
        except (ValueError, TypeError, ArithmeticError):
            columns[name] = None
            extra[name] = value
    return columns, extra


def to_api(collection: str, row: Mapping[Any, Any]) -> dict[str, Any]:
    """A row's field columns (+ its ``extra``) -> the record's API-shaped ``data``."""
    out: dict[str, Any] = {}
    for name, kind in _KINDS[collection].items():
        value = row.get(name)
        if value is not None:
            convert = _TO_API.get(kind)
            if convert is not None:
                value = convert(value)
        out[name] = value
    extra = row.get("extra")
    if extra:
        out.update(extra)
    return out


# --- bulk loading: values as SQLite stores them ------------------------------------------------
# What the column types (SQLAlchemy Date, JSON, Boolean; Hundredths, Instant) would write,
# computed directly so a bulk load skips SQLAlchemy's per-value processing. A store test checks
# that rows written this way read back exactly as rows written through the types.


def _sql_json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _sql_hundredths(value: Any) -> int:
    number = _to_hundredths(value)
    return int(number.scaleb(2))


@lru_cache(maxsize=256)  # a bulk load stamps every row with the same instant
def _sql_instant(value: Any) -> str:
    return _to_instant(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@lru_cache(maxsize=8192)  # the days of a first sync's records repeat
def _sql_date(value: Any) -> str:
    return _to_date(value).isoformat()


def _sql_bool(value: Any) -> int:
    return int(_to_bool(value))


_TO_SQL: dict[Kind, Callable[[Any], Any]] = {
    **_TO_COLUMN,
    Kind.DATE: _sql_date,
    Kind.MONEY: _sql_hundredths,
    Kind.PERCENT: _sql_hundredths,
    Kind.INSTANT: _sql_instant,
    Kind.BOOL: _sql_bool,
    Kind.REFS: lambda v: _sql_json(_to_list(v)),
    Kind.STRINGS: lambda v: _sql_json(_to_list(v)),
    Kind.JSON: _sql_json,
}


def sql_columns(collection: str) -> tuple[str, ...]:
    """The columns :func:`to_sql_row` fills, in order."""
    return ("id", "version", "deleted", "updated_at", "updated_by", "extra", *_KINDS[collection])


# Per collection, each field's name and what turns its API value into the SQLite value; None
# for the text kinds, whose value is stored as it is when it is a string (checked inline: most
# fields of a record are texts, and a call per value was most of a first sync's conversion).
_SQL_PLAN: dict[str, tuple[tuple[str, Callable[[Any], Any] | None], ...]] = {
    collection: tuple(
        (name, None if kind in _TEXT_KINDS else _TO_SQL[kind]) for name, kind in kinds.items()
    )
    for collection, kinds in _KINDS.items()
}


def to_sql_row(
    collection: str,
    record_id: str,
    version: int | None,
    data: Mapping[str, Any],
    updated_at: str | None = None,
) -> tuple[Any, ...]:
    """A live record as the tuple of SQLite values of :func:`sql_columns` (bulk loads)."""
    kinds = _KINDS[collection]
    values: list[Any] = []
    extra: dict[str, Any] = (
        {} if data.keys() <= kinds.keys() else {k: v for k, v in data.items() if k not in kinds}
    )
    get = data.get
    for name, convert in _SQL_PLAN[collection]:
        value = get(name)
        if value is not None:
            if convert is None:
                if not isinstance(value, str):
                    extra[name] = value
                    value = None
            else:
                try:
                    value = convert(value)
                except (ValueError, TypeError, ArithmeticError):
                    extra[name] = value
                    value = None
        values.append(value)
    stamp = _sql_instant(updated_at) if updated_at else None
    head = (record_id, version, 0, stamp, None, _sql_json(extra) if extra else None)
    return head + tuple(values)


# What :func:`row_builder` makes: a record's SQLite tuple with the server's stamp in it.
RowBuilder = Callable[[str, int | None, Mapping[str, Any], str | None, str | None], tuple[Any, ...]]


@cache
def row_builder(collection: str) -> RowBuilder:
    """``build(record_id, version, data, updated_at, updated_by)``: :func:`to_sql_row` with the
    two stamp columns given as stored (a first sync's rows), for the usual record (no field
    this client does not know, every value of its kind) written out as straight-line code, one
    line a field (a loop over the plan with a call per value was half of a first sync's
    preparation of its rows); anything else, and any value a conversion refuses, through
    :func:`to_sql_row` itself, so the tuple is always the same (tests/store/test_codec.py)."""
    plan = _SQL_PLAN[collection]
    known = frozenset(_KINDS[collection])
    scope: dict[str, Any] = {"_known": known, "_to_sql_row": to_sql_row, "_str": str}
    lines = [
        "def build(record_id, version, data, updated_at, updated_by):",
        "    if not data.keys() <= _known:",
        "        return _slow(record_id, version, data, updated_at, updated_by)",
        "    get = data.get",
    ]
    for i, (name, convert) in enumerate(plan):
        lines.append(f"    v{i} = get({name!r})")
        if convert is None:
            lines.append(f"    if v{i} is not None and v{i}.__class__ is not _str:")
            lines.append("        return _slow(record_id, version, data, updated_at, updated_by)")
        else:
            scope[f"_c{i}"] = convert
            lines += [
                f"    if v{i} is not None:",
                "        try:",
                f"            v{i} = _c{i}(v{i})",
                "        except (ValueError, TypeError, ArithmeticError):",
                "            return _slow(record_id, version, data, updated_at, updated_by)",
            ]
    values = "".join(f"v{i}, " for i in range(len(plan)))
    lines.append(f"    return (record_id, version, 0, updated_at, updated_by, None, {values})")

    def slow(
        record_id: str,
        version: int | None,
        data: Mapping[str, Any],
        updated_at: str | None,
        updated_by: str | None,
    ) -> tuple[Any, ...]:
        row = to_sql_row(collection, record_id, version, data)
        return (*row[:3], updated_at, updated_by, *row[5:])

    scope["_slow"] = slow
    exec("\n".join(lines), scope)  # noqa: S102 (the code is made here, from the schema)
    built: RowBuilder = scope["build"]
    return built
