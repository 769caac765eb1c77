"""Writes of records inside one write transaction (``Writer``), pessimistic or optimistic.

Every writer holds the single ``version_counter`` row lock (PostgreSQL: a row lock held to the
commit; SQLite: the database write lock) from its first version to its commit, so versions
commit in ascending order. That is what lets a pull hand out "the highest committed version"
as a cursor without ever skipping a change: no transaction holding a lower version can still
be open.

- **Pessimistic** (``lock()`` first): the lock is held for the whole work. Setup, documents,
  and every write on SQLite (one process, one writer) work this way.
- **Optimistic** (``start_optimistic()``, pushes on PostgreSQL): the work (reads, domain rules,
  scope keys) runs without the lock, every write buffered in memory with versions numbered
  after the counter value it started from (``base``). ``lock_and_check()`` then takes the lock
  and reads what committed since ``base``: if none of it is something this writer read (a
  record, an index lookup, a whole collection), the buffered writes go out with their versions
  moved past the current counter value (``shift``); otherwise the changed reads are forgotten
  and the caller settles again, now under the lock (pessimistic), on the reads it keeps. Two
  processes thus settle pushes in parallel, and the lock is held only for the writes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, select, update

from sync.server import clock, writer_pg
from sync.server.models import (
    record_index,
    record_keys,
    records,
    scope_exits,
    version_counter,
)
from sync.server.side_rows import (
    INDEX_COLUMNS,
    KEYS_COLUMNS,
    NetRows,
    delete_rows,
    insert_rows,
    inserting,
    unnest_insert,
    unnest_update,
    write_many,
)
from sync.server.store import Data, Store, Stored, dumps, index_values
from sync.server.writer_sql import (
    CHANGED_SQL,
    COUNTER_SQL,
    EXIT_COLUMNS,
    QUEUE_SQL,
    RECORD_COLUMNS,
    record_update,
)

RecordKey = tuple[str, str]

IndexKey = tuple[str, str, str]  # collection, field, value


class Writer(Store):
    """Writes inside one write transaction: ``lock()`` (or ``start_optimistic()`` then
    ``lock_and_check()``) first, ``finish()`` last."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self.version = 0
        self.base = 0  # the counter value this writer's versions follow
        self.top = 0  # the counter value once locked (others may have moved it past base)
        self.shift = 0  # added to this writer's versions when written (optimistic)
        self.optimistic = False
        self.now = clock.now_iso()
        # When the lock was taken and how long it was waited for (perf_counter seconds); on
        # PostgreSQL also when it was sent for, granted and released (``time.time()`` and the
        # server's clock, seconds), and when the commit's flush barrier answered.
        self.locked_at = 0.0
        self.lock_wait = 0.0
        self.lock_sent = 0.0
        self.granted = 0.0
        self.released = 0.0
        self.flushed = 0.0
        # The counter as ``finish()`` wrote it, and whether the commit is asynchronous
        # (``batch(commit=True)``): what the durable mark names (``writer_sql.MARK_SQL``).
        self.committed_top = 0
        self.async_commit = False
        # Record writes wait here and go out in two executemany calls (see ``flush``).
        self._pending: dict[RecordKey, tuple[bool, dict[str, Any]]] = {}
        # Optimistic mode: the net changes of the index and keys, and the scope exits.
        self._index = NetRows()  # (collection, field, value) -> record ids
        self._scope_keys = NetRows()  # (collection, record id) -> keys
        self._exits: list[dict[str, Any]] = []

    # -- the lock ------------------------------------------------------------------------

    def lock(self) -> None:
        # The first statement of the transaction: takes the row lock (PostgreSQL) or the
        # write lock (SQLite) until the commit, so versions commit in order; it returns the
        # counter's value (one round trip, not two).
        self.version = self.base = self.top = self._take_lock()

    def _take_lock(self) -> int:
        """Take the lock; the counter's value."""
        waiting = time.perf_counter()
        if self.conn.dialect.name == "postgresql":
            value = self._queue_for_lock()
        else:
            value = int(
                self.conn.execute(
                    update(version_counter)
                    .values(value=version_counter.c.value)
                    .returning(version_counter.c.value)
                ).scalar_one()
            )
        self.locked_at = time.perf_counter()
        self.lock_wait = self.locked_at - waiting
        return value

    def _queue_for_lock(self) -> int:
        """PostgreSQL: wait in turn for a transaction-level advisory lock of this schema's
        counter, then take the counter's row lock, which is then free (every writer queues
        here first). Writers queueing directly on the row lock were not served in turn: a
        waiter follows each committed row version to the next and queues again behind those
        who came later, so that under load a push waited 5 times the median at p95. Both
        statements go in one round trip (a pipeline), the answer read once."""
        dbapi: Any = self.conn.connection.dbapi_connection
        self.lock_sent = time.time()
        with dbapi.pipeline():
            dbapi.execute(QUEUE_SQL)
            row = dbapi.execute(COUNTER_SQL).fetchone()
        self.granted = float(row[1])
        return int(row[0])

    def start_optimistic(self) -> None:
        """Work without the lock from here; ``lock_and_check()`` before ``finish()``."""
        self.optimistic = True
        self.version = self.base = self.top = self.counter()

    def buffer(self) -> None:
        """Under the lock (``lock()`` first), keep the index and key rows in memory as an
        optimistic writer does, written by ``finish()``: a bulk load (``setup.put_records``)
        then writes one statement per table instead of two per record."""
        self.optimistic = True

    def open_push(
        self, lead: str | None, op_ids: list[str], pairs: Iterable[RecordKey]
    ) -> list[tuple[str, str, str]]:
        """A push's opening reads in one round trip (``writer_pg.open_push``)."""
        return writer_pg.open_push(self, lead, op_ids, pairs)

    def lock_and_check(self) -> bool:
        """Take the lock; True when nothing read changed since ``base`` (the buffered writes
        stand, their versions shifted), False when the caller must settle again (now under the
        lock, the changed reads and every buffered write forgotten)."""
        if self.conn.dialect.name == "postgresql":
            # the lock and what committed since ``base`` in one round trip: each statement of
            # a READ COMMITTED transaction sees what committed before it, so the read that
            # follows the lock sees every commit before it
            waiting = time.perf_counter()
            self.lock_sent = time.time()
            dbapi: Any = self.conn.connection.dbapi_connection
            with dbapi.pipeline():
                dbapi.execute(QUEUE_SQL)
                head = dbapi.execute(COUNTER_SQL)
                changed_rows = dbapi.execute(CHANGED_SQL, (self.base,))
            value, self.granted = head.fetchone()
            top = self.top = int(value)
            self.locked_at = time.perf_counter()
            self.lock_wait = self.locked_at - waiting
            if top == self.base:
                return True
            rows: list[Any] = list(changed_rows.fetchall())
        else:
            top = self.top = self._take_lock()
            if top == self.base:
                return True
            joined = records.outerjoin(
                record_index,
                and_(
                    record_index.c.collection == records.c.collection,
                    record_index.c.record_id == records.c.id,
                ),
            )
            rows = list(
                self.conn.execute(
                    select(
                        records.c.collection,
                        records.c.id,
                        record_index.c.field,
                        record_index.c.value,
                    )
                    .select_from(joined)
                    .where(records.c.version > self.base)
                ).all()
            )
        changed = {(c, i) for c, i, _f, _v in rows}
        finds = {(c, f, v) for c, _i, f, v in rows if f is not None}
        collections = {c for c, _i in changed}
        values = {v for _c, _i, _f, v in rows if v is not None}
        if not (
            changed & self.read_ids
            or finds & self.read_finds
            or collections & self.read_scans
            or values & self.read_values
        ):
            self.shift = top - self.base
            return True
        self._restart(top, changed, finds)
        return False

    def _restart(self, top: int, changed: set[RecordKey], finds: set[IndexKey]) -> None:
        written = set(self._pending) | {(c, i) for c, i in self._scope_keys.groups()}
        mine = self._index.groups()
        stale = changed | written
        for record in stale:
            self._cache.pop(record, None)
            self._keys.pop(record, None)
        stale_ids = {i for _c, i in stale}
        for lookup in list(self._found):
            if lookup in finds or lookup in mine or self._found[lookup] & stale_ids:
                del self._found[lookup]
        for collection in {c for c, _i in stale}:
            self._reference.pop(collection, None)
        self._pending.clear()
        self._index.clear()
        self._scope_keys.clear()
        self._exits.clear()
        self.optimistic = False
        self.version = self.base = self.top = top
        self.shift = 0

    def batch(
        self, *, commit: bool = False, committed: Callable[[], None] | None = None
    ) -> AbstractContextManager[None]:
        """The statements inside in one pipeline, with ``commit`` an asynchronous COMMIT and
        its flush barrier (``writer_pg.pipelined``)."""
        return writer_pg.pipelined(self, commit, committed)

    def next_version(self) -> int:
        self.version += 1
        return self.version

    def final(self, version: int) -> int:
        """The version as written: this writer's versions move by ``shift``."""
        return version + self.shift if version > self.base else version

    def finish(self) -> None:
        self.flush()
        # never below what others committed meanwhile (a writer may have written nothing)
        value = max(self.top, self.final(self.version))
        write_many(
            self.conn,
            "counter",
            lambda: update(version_counter).values(value=bindparam("value")),
            [{"value": value}],
        )
        self.committed_top = value
        if self.conn.dialect.name == "postgresql" and not self.async_commit:
            # committed synchronously: the mark goes with the versions (``MARK_SQL``); an
            # asynchronous commit's mark goes in its flush barrier (``batch``)
            writer_pg.mark(self.conn.connection.dbapi_connection, value)

    # -- writing -------------------------------------------------------------------------

    def flush(self) -> None:
        """Write what waits: record rows; in optimistic mode, once locked, the rest too."""
        if self._pending:
            inserts, updates = [], []
            for (collection, record_id), (is_insert, values) in self._pending.items():
                row = {**values, "version": self.final(values["version"])}
                if is_insert:
                    inserts.append({"collection": collection, "id": record_id, **row})
                else:
                    updates.append({"b_collection": collection, "b_id": record_id, **row})
            self._pending = {}
            write_many(
                self.conn,
                "insert records",
                lambda: inserting(records, RECORD_COLUMNS),
                inserts,
                unnest_insert(records, RECORD_COLUMNS),
            )
            write_many(
                self.conn,
                "update records",
                record_update,
                updates,
                unnest_update(records, ("collection", "id"), RECORD_COLUMNS[2:]),
            )
        if self.optimistic:
            self._flush_buffers()

    def _flush_buffers(self) -> None:
        self._index.flush(self.conn, record_index, INDEX_COLUMNS)
        self._scope_keys.flush(self.conn, record_keys, KEYS_COLUMNS)
        write_many(
            self.conn,
            "insert scope_exits",
            lambda: inserting(scope_exits, EXIT_COLUMNS),
            [{**row, "version": self.final(row["version"])} for row in self._exits],
            unnest_insert(scope_exits, EXIT_COLUMNS),
        )
        self._exits.clear()

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
        for field, value in new - old:
            found = self._found.get((collection, field, value))
            if found is not None:
                found.add(record_id)
        if self.optimistic:
            for field, value in old - new:
                self._index.remove((collection, field, value), record_id)
            for field, value in new - old:
                self._index.add((collection, field, value), record_id)
            return
        rows = [(collection, field, value, record_id) for field, value in old - new]
        delete_rows(self.conn, record_index, INDEX_COLUMNS, rows)
        rows = [(collection, field, value, record_id) for field, value in new - old]
        insert_rows(self.conn, record_index, INDEX_COLUMNS, rows)

    def set_keys(
        self, collection: str, record_id: str, old: Iterable[str], new: Iterable[str], version: int
    ) -> None:
        """Replace a record's scope keys; each key lost becomes a scope exit at ``version``."""
        old_set, new_set = set(old), set(new)
        self._keys[(collection, record_id)] = set(new_set)
        gone, added = old_set - new_set, new_set - old_set
        exits = [
            {
                "version": version,
                "collection": collection,
                "record_id": record_id,
                "key": key,
                "at": self.now,
            }
            for key in sorted(gone)
        ]
        if self.optimistic:
            for key in gone:
                self._scope_keys.remove((collection, record_id), key)
            for key in added:
                self._scope_keys.add((collection, record_id), key)
            self._exits += exits
            return
        rows = [(collection, record_id, key) for key in sorted(gone)]
        delete_rows(self.conn, record_keys, KEYS_COLUMNS, rows)
        if exits:
            self.conn.execute(insert(scope_exits), exits)
        rows = [(collection, record_id, key) for key in sorted(added)]
        insert_rows(self.conn, record_keys, KEYS_COLUMNS, rows)

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
        self._cache[key] = replace(found, version=version)
        return version

    def forget(self) -> None:
        """Drop cached reads (after a rolled-back savepoint)."""
        self._cache.clear()
        self._keys.clear()
        self._found.clear()

    # -- reads that must see this writer's own writes ------------------------------------

    def scan(self, collection: str) -> list[tuple[str, Data]]:
        if not self.optimistic:
            self.flush()
            return super().scan(collection)
        found = dict(super().scan(collection))
        for c, record_id in self._pending:
            if c != collection:
                continue
            state = self._cache.get((c, record_id))
            if state is None or state.deleted or state.data is None:
                found.pop(record_id, None)
            else:
                found[record_id] = state.data
        return list(found.items())

    def find_ids(self, collection: str, field: str, value: str) -> list[str]:
        key = (collection, field, value)
        if not self.optimistic or key in self._found:
            return super().find_ids(collection, field, value)
        ids = set(super().find_ids(collection, field, value))
        ids -= self._index.removed.get(key, set())
        ids |= self._index.added.get(key, set())
        self._found[key] = ids
        return sorted(ids)

    def referrers(self, value: str) -> list[tuple[str, str, str]]:
        found = super().referrers(value)
        if not self.optimistic:
            return found
        removed, added_ids = self._index.removed.items(), self._index.added.items()
        gone = {(c, i, f) for (c, f, v), ids in removed if v == value for i in ids}
        added = [(c, i, f) for (c, f, v), ids in added_ids if v == value for i in ids]
        return [r for r in found if r not in gone] + added
