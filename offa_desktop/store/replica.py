"""The working copy's side of sync: the outbox, base snapshots, conflicts, cursor state, and
server records written in bulk (SQLAlchemy Core; typed columns via the store's codec; the search
index follows by the store's triggers, or is rebuilt set-based after a bulk page).

Plain values in and out: this module does not know sync's types (the store does not import
``sync``). ``offa_desktop/ops/sync/adapter.py`` maps them to ``sync/ports.py``; what it passes
in (sync's dataclasses) only has to carry the attributes of the Protocols of
``replica_states.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from functools import cache
from typing import Any, cast

import orjson
from sqlalchemy import Connection, Table, and_, delete, select, tuple_, update
from sqlalchemy.dialects.sqlite import insert

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.store import derived, tables, verify
from offa_desktop.store.bulk import by_collection, chunks, instant_column
from offa_desktop.store.codec import row_builder, sql_columns, to_api, to_sql_row
from offa_desktop.store.db import (
    SCAN_CACHE_KIB,
    WorkingCopy,
    bulk_cache_kib,
    lean_cache,
    rebuild_cache_kib,
    space_checkpoints,
)
from offa_desktop.store.records import table
from offa_desktop.store.replica_states import BaseState, RecordState
from offa_desktop.store.types import utc_now

Key = tuple[str, str]  # (collection, record id)
Row = Mapping[Any, Any]  # a row of a table, by column name


# The field columns of a row without data (a deleted record), in sql_columns order.
_NULLS = {name: (None,) * (len(sql_columns(name)) - 6) for name in COLLECTIONS}


@cache
def _upsert_sql(collection: str) -> str:
    """``INSERT ... ON CONFLICT (id) DO UPDATE`` of the columns of :func:`codec.sql_columns`."""
    names = sql_columns(collection)
    quoted = ", ".join(f'"{n}"' for n in names)
    updates = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n != "id")
    return (
        f'INSERT INTO "{collection}" ({quoted}) VALUES ({", ".join("?" for _ in names)}) '
        f"ON CONFLICT (id) DO UPDATE SET {updates}"
    )


_BASE_UPSERT = (
    "INSERT INTO base (collection, record_id, version, data) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (collection, record_id) DO UPDATE SET version = excluded.version, "
    "data = excluded.data"
)
_outbox = cast(Table, tables.OutboxOp.__table__)
_base = cast(Table, tables.BaseSnapshot.__table__)
_conflicts = cast(Table, tables.Conflict.__table__)
_state = cast(Table, tables.SyncState.__table__)


class OutboxRows:
    """Table ``outbox``: rows as mappings of its columns, oldest (lowest ``seq``) first."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def unsettled(self) -> list[Row]:
        return list(self.conn.execute(select(_outbox).order_by(_outbox.c.seq)).mappings())

    def for_records(self, keys: Iterable[Key]) -> list[Row]:
        found: list[Row] = []
        if not self.conn.execute(select(_outbox.c.seq).limit(1)).first():
            return found
        for collection, ids in by_collection(keys).items():
            for chunk in chunks(ids):
                found.extend(
                    self.conn.execute(
                        select(_outbox)
                        .where(_outbox.c.collection == collection, _outbox.c.record_id.in_(chunk))
                        .order_by(_outbox.c.seq)
                    ).mappings()
                )
        return found

    def update(self, seq: int, **columns: Any) -> None:
        """Write these columns of the op ``seq`` (an answer settled it, a person resolved it)."""
        self.conn.execute(update(_outbox).where(_outbox.c.seq == seq).values(**columns))

    def remove(self, seqs: Sequence[int]) -> None:
        for chunk in chunks(list(seqs)):
            self.conn.execute(delete(_outbox).where(_outbox.c.seq.in_(chunk)))


class RecordRows:
    """The collection tables, written with the server's state (no outbox)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put_many(self, records: Sequence[RecordState]) -> None:
        """Upserts whole rows: each record straight to the tuple of values SQLite stores
        (:func:`codec.to_sql_row`, what :mod:`verify` compares rows with), one executemany a
        collection: a first sync's 100,000 records build no row dict on the way."""
        grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for rec in records:
            collection = rec.collection
            if rec.data is not None and not rec.deleted:
                row = to_sql_row(collection, rec.record_id, rec.version, rec.data)
            else:
                row = (rec.record_id, rec.version, 1 if rec.deleted else 0, None, None, None)
                row += _NULLS[collection]
            # updated_at, updated_by: the server's stamp (to_sql_row leaves them empty)
            grouped[collection].append(
                (*row[:3], instant_column(rec.updated_at), rec.updated_by, *row[5:])
            )
        for collection, rows in grouped.items():
            self.conn.exec_driver_sql(_upsert_sql(collection), rows)

    def erase_many(self, keys: Sequence[Key]) -> None:
        for collection, ids in by_collection(keys).items():
            t = table(collection)
            for chunk in chunks(ids):
                self.conn.execute(delete(t).where(t.c.id.in_(chunk)))

    def get(
        self, collection: str, record_id: str
    ) -> tuple[int | None, bool, dict[str, Any] | None] | None:
        """``(version, deleted, data)`` of a record held locally (data None when deleted)."""
        t = table(collection)
        row = self.conn.execute(select(t).where(t.c.id == record_id)).mappings().first()
        if row is None:
            return None
        data = None if row["deleted"] else to_api(collection, row)
        return row["version"], bool(row["deleted"]), data

    def get_many(
        self, keys: Iterable[Key]
    ) -> Iterator[tuple[str, str, int | None, bool, dict[str, Any] | None]]:
        """``(collection, id, version, deleted, data)`` of the records held among ``keys``."""
        for collection, ids in by_collection(keys).items():
            t = table(collection)
            for chunk in chunks(ids):
                rows = self.conn.execute(select(t).where(t.c.id.in_(chunk))).mappings()
                for row in rows:
                    data = None if row["deleted"] else to_api(collection, row)
                    yield collection, row["id"], row["version"], bool(row["deleted"]), data

    def keys(self, collection: str) -> set[str]:
        t = table(collection)
        return set(self.conn.execute(select(t.c.id)).scalars())

    def versions(self, collection: str) -> Iterator[tuple[str, int]]:
        """``(id, version)`` of the records this copy says the server holds live, read from
        the rows themselves (:func:`offa_desktop.store.verify.versions`). A scan of every row,
        with a small page cache: pages read once are not kept (a first sync's check of 100,000
        records took 6 MB more peak RSS with the full cache)."""
        with lean_cache(self.conn, SCAN_CACHE_KIB):
            yield from verify.versions(self.conn, collection)

    def suspects(self, collection: str, thorough: bool = False) -> list[str]:
        """Ids whose row does not hold what the server last sent, no local edit explaining it
        (:func:`offa_desktop.store.verify.suspects`)."""
        return verify.suspects(self.conn, collection, thorough=thorough)


class BaseRows:
    """Table ``base`` (a deleted base has ``data`` NULL)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get_many(
        self, keys: Iterable[Key]
    ) -> Iterator[tuple[str, str, int, dict[str, Any] | None]]:
        """``(collection, record_id, version, data)`` of the bases held (data None: deleted)."""
        for collection, ids in by_collection(keys).items():
            for chunk in chunks(ids):
                marks = ", ".join("?" for _ in chunk)
                rows = self.conn.exec_driver_sql(
                    "SELECT record_id, version, data FROM base WHERE collection = ? "
                    f"AND record_id IN ({marks})",
                    (collection, *chunk),
                )
                for record_id, version, data in rows:
                    parsed = None if data is None else orjson.loads(data)
                    yield collection, record_id, version, parsed

    def put_many(self, bases: Sequence[BaseState]) -> None:
        """Upserts bases as tuples (the data as JSON text, NULL for a deleted base)."""
        rows = [
            (
                b.collection,
                b.record_id,
                b.version,
                None if b.deleted or b.data is None else orjson.dumps(b.data).decode(),
            )
            for b in bases
        ]
        self.conn.exec_driver_sql(_BASE_UPSERT, rows)

    def delete_many(self, keys: Sequence[Key]) -> None:
        for collection, ids in by_collection(keys).items():
            for chunk in chunks(ids):
                self.conn.execute(
                    delete(_base).where(
                        _base.c.collection == collection, _base.c.record_id.in_(chunk)
                    )
                )

    def none(self) -> bool:
        """True when the table holds no base at all."""
        return self.conn.exec_driver_sql("SELECT 1 FROM base LIMIT 1").first() is None

    def live_versions(self, collection: str) -> Iterator[tuple[str, int]]:
        rows = self.conn.execute(
            select(_base.c.record_id, _base.c.version).where(
                _base.c.collection == collection, _base.c.data.is_not(None)
            )
        )
        for record_id, version in rows:
            yield str(record_id), int(version)


class StateRows:
    """Table ``sync_state``: small named values (cursor, checksums, server facts)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, name: str) -> str | None:
        value = self.conn.execute(select(_state.c.value).where(_state.c.key == name)).scalar()
        return None if value is None else str(value)

    def put(self, name: str, value: str | None) -> None:
        if value is None:
            self.conn.execute(delete(_state).where(_state.c.key == name))
            return
        stmt = insert(_state).values(key=name, value=value)
        self.conn.execute(
            stmt.on_conflict_do_update(index_elements=[_state.c.key], set_={"value": value})
        )


class ConflictRows:
    """Table ``conflicts`` (one row per record): rows with ``collection``, ``record_id``,
    ``details`` (a JSON object) and ``created_at``."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Row]:
        return list(self.conn.execute(select(_conflicts).order_by(_conflicts.c.id)).mappings())

    def get_many(self, keys: Iterable[Key]) -> list[Row]:
        keys = list(keys)
        if not keys or not self.conn.execute(select(_conflicts.c.id).limit(1)).first():
            return []
        found: list[Row] = []
        for chunk in chunks(keys):
            found.extend(
                self.conn.execute(
                    select(_conflicts).where(
                        tuple_(_conflicts.c.collection, _conflicts.c.record_id).in_(chunk)
                    )
                ).mappings()
            )
        return found

    def put(self, collection: str, record_id: str, details: Mapping[str, Any]) -> None:
        """Insert, or update in place: a conflict brought up to date by a newer server version
        keeps its place in the list and the time it arose."""
        c = _conflicts.c
        done = self.conn.execute(
            update(_conflicts)
            .where(c.collection == collection, c.record_id == record_id)
            .values(details=dict(details))
        )
        if done.rowcount:
            return
        self.conn.execute(
            insert(_conflicts).values(
                collection=collection,
                record_id=record_id,
                details=dict(details),
                created_at=utc_now(),
            )
        )

    def delete_many(self, keys: Sequence[Key]) -> None:
        for collection, record_id in keys:
            self.conn.execute(
                delete(_conflicts).where(
                    and_(_conflicts.c.collection == collection, _conflicts.c.record_id == record_id)
                )
            )


class ReplicaTransaction:
    """The sync tables on one connection inside one unit of work (BEGIN IMMEDIATE, the
    store's one writer): a pulled page and its cursor, or a push answer and its outbox update,
    commit together."""

    def __init__(self, conn: Connection, stack: ExitStack) -> None:
        self.outbox = OutboxRows(conn)
        self.records = RecordRows(conn)
        self.bases = BaseRows(conn)
        self.state = StateRows(conn)
        self.conflicts = ConflictRows(conn)
        self._conn = conn
        self._stack = stack
        self._deferred = False

    def defer_derived(self, records: int = 0, indexes_aside: bool = False) -> None:
        """For a bulk page: the search and list triggers are set aside until this transaction
        ends (put back before it commits) and the derived tables are flagged stale with it;
        :func:`rebuild_derived` rebuilds them set-based afterwards. Its commit checkpoints
        less often (:func:`db.space_checkpoints`); its page cache is sized for the ``records``
        the whole load brings (:func:`db.bulk_cache_kib`). ``indexes_aside`` (a first sync's
        large load into a new copy): the explicit indexes, but those a reader names
        (:data:`derived.READ_BY_NAME`), dropped with the first such page and built once by the
        rebuild (a kill meanwhile: at the next open, ``derived.rebuild_if_stale``)."""
        if self._deferred:
            return
        self._stack.enter_context(derived.triggers_aside(self._conn))
        self._stack.enter_context(lean_cache(self._conn, bulk_cache_kib(records)))
        space_checkpoints(self._conn)
        derived.mark_stale(self._conn)
        if indexes_aside:
            derived.set_indexes_aside(self._conn, keep=derived.READ_BY_NAME, stand_ins=True)
        self._deferred = True

    def take_new(
        self,
        changes: Sequence[Mapping[str, Any]],
        prepared: Sequence[Prepared | None] | None = None,
    ) -> None:
        """Records never seen here, as the pull sent them (change objects of API.md, live, one
        per record, no local edit or conflict): each row and its base written as
        :meth:`RecordRows.put_many` and :meth:`BaseRows.put_many` write them (a first sync's
        100,000 records build no object of their own). ``prepared``: :func:`prepare_new` of
        these changes, when already computed (on the thread that fetched them)."""
        if prepared is None:
            prepared = prepare_new(changes)
        grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        bases: list[tuple[str, str, int, str]] = []
        for item, change in zip(prepared, changes, strict=True):
            if item is None:
                raise ValueError(f"not a live record of a known collection: {change.get('id')}")
            grouped[item[0]].append(item[1])
            bases.append(item[2])
        for collection, rows in grouped.items():
            self._conn.exec_driver_sql(_upsert_sql(collection), rows)
        if bases:
            self._conn.exec_driver_sql(_BASE_UPSERT, bases)


# What take_new writes of one change: its collection, its row, its base row.
Prepared = tuple[str, tuple[Any, ...], tuple[str, str, int, str]]


def prepare_new(changes: Sequence[Mapping[str, Any]]) -> list[Prepared | None]:
    """The row and base :meth:`ReplicaTransaction.take_new` writes for each change (None for a
    deletion, a change without data or of an unknown collection): plain values, no connection
    needed, so the thread that fetched a page computes them while the page before is written
    (see ``SyncEngine._fetch_prepared`` for what truly overlaps)."""
    found: list[Prepared | None] = []
    dumps = orjson.dumps
    for change in changes:
        collection, data = change.get("collection"), change.get("data")
        if collection not in COLLECTIONS or data is None or change.get("deleted"):
            found.append(None)
            continue
        record_id = change["id"]
        version = int(change["version"])
        stamp = instant_column(change.get("updated_at"))
        row = row_builder(collection)(record_id, version, data, stamp, change.get("updated_by"))
        found.append((collection, row, (collection, record_id, version, dumps(data).decode())))
    return found


@contextmanager
def transaction(wc: WorkingCopy) -> Iterator[ReplicaTransaction]:
    with wc.unit_of_work() as uow, ExitStack() as stack:
        # the stack's exits (triggers put back) run before the unit of work commits
        yield ReplicaTransaction(uow.session.connection(), stack)


@contextmanager
def snapshot(wc: WorkingCopy) -> Iterator[ReplicaTransaction]:
    """The sync tables read in one snapshot of what is committed (a read session: no write
    lock, so another thread's unit of work may write meanwhile); it never commits."""
    with wc.session() as session, ExitStack() as stack:
        yield ReplicaTransaction(session.connection(), stack)


def rebuild_derived(wc: WorkingCopy) -> bool:
    """The search index and list keys rebuilt when flagged stale; True when it ran."""
    with wc.unit_of_work() as uow:
        conn = uow.session.connection()
        if not derived.is_stale(conn):
            return False
        with lean_cache(conn, rebuild_cache_kib(derived.searchable_records(conn))):
            return derived.rebuild_if_stale(conn)
