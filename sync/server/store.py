"""Reads of records on one connection: the latest state, scope keys, lookups (``Store``);
the writes are ``writer.Writer``'s. A store remembers what it read (``read_*``), so that an
optimistic writer can check that none of it changed before it commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, and_, bindparam, select

from offa_desktop.domain.schema import COLLECTIONS, Kind
from sync.server.models import record_index, record_keys, records, version_counter

Data = dict[str, Any]

# Fields whose values are looked up (find, cascades, uniqueness): references and identifiers.
INDEXED_KINDS = {Kind.REF, Kind.REFS, Kind.ENTERPRISE_NUMBER, Kind.NISS, Kind.UNIT_NUMBER}
INDEXED: dict[str, tuple[str, ...]] = {
    name: tuple(
        f.name
        for f in spec.fields
        if f.kind in INDEXED_KINDS or (name, f.name) in {("documents", "record")}
    )
    for name, spec in COLLECTIONS.items()
}


@dataclass(frozen=True)
class Stored:
    """One row of ``records``."""

    collection: str
    id: str
    version: int
    deleted: bool
    data: Data | None
    updated_at: str
    updated_by: str | None

    @classmethod
    def of(cls, row: Any) -> Stored:
        """The record of a ``records`` row (its JSON text decoded)."""
        return cls(
            row.collection,
            row.id,
            row.version,
            bool(row.deleted),
            loads(row.data),
            row.updated_at,
            row.updated_by,
        )


def dumps(value: Any) -> str:
    return orjson.dumps(value).decode("utf-8")


def loads(text: str | None) -> Any:
    return None if text is None else orjson.loads(text)


def index_values(collection: str, data: Mapping[str, Any]) -> set[tuple[str, str]]:
    """The (field, value) pairs of ``record_index`` for a live record."""
    out: set[tuple[str, str]] = set()
    for field in INDEXED.get(collection, ()):
        value = data.get(field)
        if isinstance(value, str) and 0 < len(value) <= 250:
            out.add((field, value))
        elif isinstance(value, list):
            out.update((field, v) for v in value if isinstance(v, str) and 0 < len(v) <= 250)
    return out


_FIND = select(record_index.c.record_id).where(
    and_(
        record_index.c.collection == bindparam("c"),
        record_index.c.field == bindparam("f"),
        record_index.c.value == bindparam("v"),
    )
)


class Store:
    """Reads on one connection (inside the caller's transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._cache: dict[tuple[str, str], Stored | None] = {}
        self._keys: dict[tuple[str, str], set[str]] = {}
        # find_ids answers, kept up to date by the writer's index changes
        self._found: dict[tuple[str, str, str], set[str]] = {}
        self._reference: dict[str, list[Data]] = {}
        # What was read, for a writer that checks before committing that none of it changed
        # (``writer.Writer``, optimistic mode): records by id (found or not), index lookups,
        # whole collections, values looked up in every index.
        self.read_ids: set[tuple[str, str]] = set()
        self.read_finds: set[tuple[str, str, str]] = set()
        self.read_scans: set[str] = set()
        self.read_values: set[str] = set()

    def prefetch(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Read many records and their keys in a few queries (a push's records)."""
        by_collection: dict[str, list[str]] = {}
        for collection, record_id in pairs:
            if (collection, record_id) not in self._cache:
                by_collection.setdefault(collection, []).append(record_id)
        for collection, ids in by_collection.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for key in chunk:
                    self.read_ids.add((collection, key))
                    self._cache[(collection, key)] = None
                    self._keys[(collection, key)] = set()
                rows = self.conn.execute(
                    select(records).where(
                        and_(records.c.collection == collection, records.c.id.in_(chunk))
                    )
                )
                for row in rows:
                    self._cache[(collection, row.id)] = Stored.of(row)
                key_rows = self.conn.execute(
                    select(record_keys.c.record_id, record_keys.c.key).where(
                        and_(
                            record_keys.c.collection == collection,
                            record_keys.c.record_id.in_(chunk),
                        )
                    )
                )
                for record_id, key in key_rows:
                    self._keys[(collection, record_id)].add(key)

    def get(self, collection: str, record_id: str) -> Stored | None:
        key = (collection, record_id)
        self.read_ids.add(key)
        if key not in self._cache:
            row = self.conn.execute(
                select(records).where(
                    and_(records.c.collection == collection, records.c.id == record_id)
                )
            ).first()
            self._cache[key] = None if row is None else Stored.of(row)
        return self._cache[key]

    def live(self, collection: str, record_id: str | None) -> Data | None:
        if not isinstance(record_id, str):
            return None
        found = self.get(collection, record_id)
        return None if found is None or found.deleted else found.data

    def find_ids(self, collection: str, field: str, value: str) -> list[str]:
        """Ids of live records of ``collection`` whose indexed ``field`` holds ``value``."""
        key = (collection, field, value)
        self.read_finds.add(key)
        cached = self._found.get(key)
        if cached is None:
            rows = self.conn.execute(_FIND, {"c": collection, "f": field, "v": value})
            cached = {r[0] for r in rows}
            self._found[key] = cached
        return sorted(cached)

    def referrers(self, value: str) -> list[tuple[str, str, str]]:
        """(collection, id, field) of live records that name ``value`` in an indexed field."""
        self.read_values.add(value)
        rows = self.conn.execute(
            select(record_index.c.collection, record_index.c.record_id, record_index.c.field).where(
                record_index.c.value == value
            )
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def scan(self, collection: str) -> list[tuple[str, Data]]:
        """Every live record of a collection (for lookups on fields that are not indexed)."""
        self.read_scans.add(collection)
        rows = self.conn.execute(
            select(records.c.id, records.c.data).where(
                and_(records.c.collection == collection, records.c.deleted.is_(False))
            )
        )
        return [(r[0], loads(r[1])) for r in rows]

    def reference(self, collection: str) -> list[Data]:
        if collection not in self._reference:
            self._reference[collection] = [data for _id, data in self.scan(collection)]
        return self._reference[collection]

    def keys_of(self, collection: str, record_id: str) -> set[str]:
        self.read_ids.add((collection, record_id))  # keys change only with a new version
        cached = self._keys.get((collection, record_id))
        if cached is not None:
            return set(cached)
        rows = self.conn.execute(
            select(record_keys.c.key).where(
                and_(record_keys.c.collection == collection, record_keys.c.record_id == record_id)
            )
        )
        found = {r[0] for r in rows}
        self._keys[(collection, record_id)] = found
        return set(found)

    def counter(self) -> int:
        return int(self.conn.execute(select(version_counter.c.value)).scalar_one())
