"""Bulk writes and reads by chunks for the store's sync side (``replica.py``): the first sync
writes 100,000 rows, so rows go through the DBAPI's executemany with each column's own bind
processor instead of a compiled statement per page."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from offa_desktop.store.records import table
from offa_desktop.store.types import Instant, parse_instant

Key = tuple[str, str]  # (collection, record id)

_SQLITE = sqlite_dialect()
_CHUNK = 400  # bound variables per IN list (SQLite's limit is far above, this keeps plans flat)


def chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def by_collection(keys: Iterable[Key]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for collection, record_id in keys:
        grouped[collection].append(record_id)
    return grouped


class Upsert:
    """``INSERT ... ON CONFLICT DO UPDATE`` of whole rows through the DBAPI's executemany.

    Values go through each column's own bind processor (the store's types: cents, instants,
    JSON...), so rows are stored exactly as SQLAlchemy would store them, without compiling and
    processing a statement per page (the first sync writes 100,000 rows).
    """

    _cache: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], Upsert] = {}

    def __init__(
        self, t: Table, conn: Connection, keys: tuple[str, ...], raw: tuple[str, ...] = ()
    ) -> None:
        dialect = conn.dialect
        self.names = [c.name for c in t.columns]
        self.processors = [
            None if c.name in raw else c.type.dialect_impl(dialect).bind_processor(dialect)
            for c in t.columns
        ]
        quoted = ", ".join(f'"{n}"' for n in self.names)
        marks = ", ".join("?" for _ in self.names)
        updates = ", ".join(f'"{n}" = excluded."{n}"' for n in self.names if n not in keys)
        conflict = ", ".join(f'"{k}"' for k in keys)
        self.sql = (
            f'INSERT INTO "{t.name}" ({quoted}) VALUES ({marks}) '
            f"ON CONFLICT ({conflict}) DO UPDATE SET {updates}"
        )

    @classmethod
    def of(
        cls, t: Table, conn: Connection, keys: tuple[str, ...], raw: tuple[str, ...] = ()
    ) -> Upsert:
        """``raw``: columns whose values the caller already encoded (JSON text)."""
        key = (t.name, conn.dialect.name, keys, raw)  # imports and sync encode differently
        found = cls._cache.get(key)
        if found is None:
            found = cls._cache[key] = cls(t, conn, keys, raw)
        return found

    def run(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        pairs = list(zip(self.names, self.processors, strict=True))
        values = [
            tuple(row[n] if p is None or row[n] is None else p(row[n]) for n, p in pairs)
            for row in rows
        ]
        conn.exec_driver_sql(self.sql, values)


_UTC_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$")


def instant_column(value: str | None) -> str | None:
    """An RFC 3339 instant as the store's ``Instant`` column holds it (fixed-width UTC text).

    The usual ``...Z`` form is padded directly; any other goes through the column type.
    """
    if not value:
        return None
    if len(value) == 27 and value[19] == "." and value[26] == "Z" and _UTC_Z.match(value):
        return value  # already the fixed width (the reference server's stamps)
    if _UTC_Z.match(value):
        head, _, fraction = value[:-1].partition(".")
        return f"{head}.{fraction.ljust(6, '0')}Z"
    column = table("companies").c.updated_at.type
    assert isinstance(column, Instant)
    return column.process_bind_param(parse_instant(value), _SQLITE)
