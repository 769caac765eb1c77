"""Reads and writes of records on one connection: the latest state, scope keys, lookups.

A ``Writer`` first locks the single ``version_counter`` row (PostgreSQL: a row lock held to the
commit; SQLite: the database write lock), so write transactions are serialised and commit in
version order. That is what lets a pull hand out "the highest committed version" as a cursor
without ever skipping a change: no transaction holding a lower version can still be open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, and_, bindparam, delete, insert, select, update

from offa_desktop.domain.schema import COLLECTIONS, Kind
from sync.server import clock
from sync.server.models import record_index, record_keys, records, scope_exits, version_counter

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
                    self._cache[(collection, key)] = None
                    self._keys[(collection, key)] = set()
                rows = self.conn.execute(
                    select(records).where(
                        and_(records.c.collection == collection, records.c.id.in_(chunk))
                    )
                )
                for row in rows:
                    self._cache[(collection, row.id)] = Stored(
                        row.collection,
                        row.id,
                        row.version,
                        bool(row.deleted),
                        loads(row.data),
                        row.updated_at,
                        row.updated_by,
                    )
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
        if key not in self._cache:
            row = self.conn.execute(
                select(records).where(
                    and_(records.c.collection == collection, records.c.id == record_id)
                )
            ).first()
            self._cache[key] = (
                None
                if row is None
                else Stored(
                    row.collection,
                    row.id,
                    row.version,
                    bool(row.deleted),
                    loads(row.data),
                    row.updated_at,
                    row.updated_by,
                )
            )
        return self._cache[key]

    def live(self, collection: str, record_id: str | None) -> Data | None:
        if not isinstance(record_id, str):
            return None
        found = self.get(collection, record_id)
        return None if found is None or found.deleted else found.data

    def find_ids(self, collection: str, field: str, value: str) -> list[str]:
        """Ids of live records of ``collection`` whose indexed ``field`` holds ``value``."""
        key = (collection, field, value)
        cached = self._found.get(key)
        if cached is None:
            rows = self.conn.execute(_FIND, {"c": collection, "f": field, "v": value})
            cached = {r[0] for r in rows}
            self._found[key] = cached
        return sorted(cached)

    def referrers(self, value: str) -> list[tuple[str, str, str]]:
        """(collection, id, field) of live records that name ``value`` in an indexed field."""
        rows = self.conn.execute(
            select(record_index.c.collection, record_index.c.record_id, record_index.c.field).where(
                record_index.c.value == value
            )
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def scan(self, collection: str) -> list[tuple[str, Data]]:
        """Every live record of a collection (for lookups on fields that are not indexed)."""
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


class Writer(Store):
    """Writes inside one write transaction; call ``lock()`` first and ``finish()`` last."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self.version = 0
        self.now = clock.now_iso()
        # Record writes wait here and go out in two executemany calls (see ``flush``).
        self._pending: dict[tuple[str, str], tuple[bool, dict[str, Any]]] = {}

    def flush(self) -> None:
        """Write the pending record rows (before any read that bypasses the cache)."""
        if not self._pending:
            return
        inserts, updates = [], []
        for (collection, record_id), (is_insert, values) in self._pending.items():
            if is_insert:
                inserts.append({"collection": collection, "id": record_id, **values})
            else:
                updates.append({"b_collection": collection, "b_id": record_id, **values})
        self._pending = {}
        if inserts:
            self.conn.execute(insert(records), inserts)
        if updates:
            self.conn.execute(
                update(records)
                .where(
                    and_(
                        records.c.collection == bindparam("b_collection"),
                        records.c.id == bindparam("b_id"),
                    )
                )
                .values(
                    version=bindparam("version"),
                    deleted=bindparam("deleted"),
                    data=bindparam("data"),
                    updated_at=bindparam("updated_at"),
                    updated_by=bindparam("updated_by"),
                ),
                updates,
            )

    def scan(self, collection: str) -> list[tuple[str, Data]]:
        self.flush()
        return super().scan(collection)

    def lock(self) -> None:
        # The first statement of the transaction: takes the row lock (PostgreSQL) or the
        # write lock (SQLite) until the commit, so versions commit in order.
        self.conn.execute(update(version_counter).values(value=version_counter.c.value))
        self.version = self.counter()

    def next_version(self) -> int:
        self.version += 1
        return self.version

    def finish(self) -> None:
        self.flush()
        self.conn.execute(update(version_counter).values(value=self.version))

    def forget(self) -> None:
        """Drop cached reads (after a rolled-back savepoint)."""
        self._cache.clear()
        self._keys.clear()
        self._found.clear()

    def put(
        self,
        collection: str,
        record_id: str,
        data: Data | None,
        *,
        user_id: str | None,
        at: str | None = None,
        version: int | None = None,
    ) -> int:
        """Store the new state (``data`` None = tombstone) at a new version; returns it."""
        old = self.get(collection, record_id)
        version = version if version is not None else self.next_version()
        stamp = at or self.now
        values: dict[str, Any] = {
            "version": version,
            "deleted": data is None,
            "data": None if data is None else dumps(data),
            "updated_at": stamp,
            "updated_by": user_id,
        }
        key = (collection, record_id)
        pending = self._pending.get(key)
        insert_row = old is None or (pending is not None and pending[0])
        self._pending[key] = (insert_row, values)
        old_index = index_values(collection, old.data) if old and old.data else set()
        new_index = index_values(collection, data) if data else set()
        self._set_index(collection, record_id, old_index, new_index)
        self._cache[(collection, record_id)] = Stored(
            collection, record_id, version, data is None, data, stamp, user_id
        )
        return version

    def _set_index(
        self, collection: str, record_id: str, old: set[tuple[str, str]], new: set[tuple[str, str]]
    ) -> None:
        for field, value in old - new:
            self._found.get((collection, field, value), set()).discard(record_id)
            self.conn.execute(
                delete(record_index).where(
                    and_(
                        record_index.c.collection == collection,
                        record_index.c.record_id == record_id,
                        record_index.c.field == field,
                        record_index.c.value == value,
                    )
                )
            )
        added = [
            {"collection": collection, "record_id": record_id, "field": f, "value": v}
            for f, v in new - old
        ]
        for f, v in new - old:
            found = self._found.get((collection, f, v))
            if found is not None:
                found.add(record_id)
        if added:
            self.conn.execute(insert(record_index), added)

    def set_keys(
        self, collection: str, record_id: str, old: Iterable[str], new: Iterable[str], version: int
    ) -> None:
        """Replace a record's scope keys; each key lost becomes a scope exit at ``version``."""
        old_set, new_set = set(old), set(new)
        self._keys[(collection, record_id)] = set(new_set)
        gone, added = old_set - new_set, new_set - old_set
        for key in gone:
            self.conn.execute(
                delete(record_keys).where(
                    and_(
                        record_keys.c.collection == collection,
                        record_keys.c.record_id == record_id,
                        record_keys.c.key == key,
                    )
                )
            )
        if gone:
            self.conn.execute(
                insert(scope_exits),
                [
                    {
                        "version": version,
                        "collection": collection,
                        "record_id": record_id,
                        "key": key,
                        "at": self.now,
                    }
                    for key in sorted(gone)
                ],
            )
        if added:
            self.conn.execute(
                insert(record_keys),
                [{"collection": collection, "record_id": record_id, "key": k} for k in added],
            )

    def bump(self, collection: str, record_id: str) -> int:
        """Give a record a new version without changing it (re-sent to whoever now sees it)."""
        version = self.next_version()
        found = self.get(collection, record_id)
        if found is None:
            return version
        key = (collection, record_id)
        pending = self._pending.get(key)
        values = {
            "version": version,
            "deleted": found.deleted,
            "data": None if found.data is None else dumps(found.data),
            "updated_at": found.updated_at,
            "updated_by": found.updated_by,
        }
        self._pending[key] = (pending is not None and pending[0], values)
        self._cache[key] = Stored(
            collection,
            record_id,
            version,
            found.deleted,
            found.data,
            found.updated_at,
            found.updated_by,
        )
        return version
