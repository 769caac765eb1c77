"""The working copy (``offa_desktop.store``) seen through sync's ports (``sync/ports.py``).

One :class:`StoreSyncTransaction` wraps one unit of work of the working copy (BEGIN IMMEDIATE,
the store's one writer), so a pulled page and its cursor, or a push answer and its outbox
update, commit together. Records are written in bulk with SQLAlchemy Core (typed columns via the
store's codec; the search index follows by the store's triggers).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any, cast
from uuid import uuid4

import orjson
from sqlalchemy import Connection, Table, and_, delete, select, tuple_, update
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.dialects.sqlite import insert

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.store import derived, tables
from offa_desktop.store.codec import to_api, to_columns
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.records import table
from offa_desktop.store.types import Instant, parse_instant, utc_now
from sync.ports import (
    JSON,
    Base,
    Conflict,
    Key,
    OpKind,
    OpState,
    OutboxOp,
    ServerRecord,
)

_SQLITE = sqlite_dialect()
_FIELD_NAMES = {name: spec.field_names for name, spec in COLLECTIONS.items()}
_CHUNK = 400  # bound variables per IN list (SQLite's limit is far above, this keeps plans flat)
_outbox = cast(Table, tables.OutboxOp.__table__)
_base = cast(Table, tables.BaseSnapshot.__table__)
_conflicts = cast(Table, tables.Conflict.__table__)
_state = cast(Table, tables.SyncState.__table__)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_collection(keys: Iterable[Key]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for collection, record_id in keys:
        grouped[collection].append(record_id)
    return grouped


class _Upsert:
    """``INSERT ... ON CONFLICT DO UPDATE`` of whole rows through the DBAPI's executemany.

    Values go through each column's own bind processor (the store's types: cents, instants,
    JSON...), so rows are stored exactly as SQLAlchemy would store them, without compiling and
    processing a statement per page (the first sync writes 100,000 rows).
    """

    _cache: dict[tuple[str, str], _Upsert] = {}

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
    ) -> _Upsert:
        """``raw``: columns whose values the caller already encoded (JSON text)."""
        key = (t.name, conn.dialect.name)
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


def _instant_column(value: str | None) -> str | None:
    """An RFC 3339 instant as the store's ``Instant`` column holds it (fixed-width UTC text).

    The usual ``...Z`` form is padded directly; any other goes through the column type.
    """
    if not value:
        return None
    if _UTC_Z.match(value):
        head, _, fraction = value[:-1].partition(".")
        return f"{head}.{fraction.ljust(6, '0')}Z"
    column = table("companies").c.updated_at.type
    assert isinstance(column, Instant)
    return column.process_bind_param(parse_instant(value), _SQLITE)


def _op(row: Any) -> OutboxOp:
    error = row.last_error if isinstance(row.last_error, dict) else None
    state: OpState = "pending"
    if row.state == "rejected":
        state = "rejected"
    elif row.state == "forbidden":
        state = "forbidden"
    return OutboxOp(
        seq=row.seq,
        op_id=row.op_id,
        collection=row.collection,
        record_id=row.record_id,
        kind=row.kind,
        base_version=row.base_version,
        fields=dict(row.fields or {}),
        created_at=str(row.created_at),
        state=state,
        error=(error or {}).get("message"),
        errors=(error or {}).get("errors"),
        resolution=row.resolution,
    )


class SqlOutbox:
    """Outbox port on table ``outbox``."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def unsettled(self) -> list[OutboxOp]:
        rows = self.conn.execute(select(_outbox).order_by(_outbox.c.seq))
        return [_op(r) for r in rows]

    def for_records(self, keys: Iterable[Key]) -> dict[Key, list[OutboxOp]]:
        found: dict[Key, list[OutboxOp]] = {}
        if not self.conn.execute(select(_outbox.c.seq).limit(1)).first():
            return found
        for collection, ids in _by_collection(keys).items():
            for chunk in _chunks(ids):
                rows = self.conn.execute(
                    select(_outbox)
                    .where(_outbox.c.collection == collection, _outbox.c.record_id.in_(chunk))
                    .order_by(_outbox.c.seq)
                )
                for r in rows:
                    op = _op(r)
                    found.setdefault(op.key, []).append(op)
        for ops in found.values():
            ops.sort(key=lambda o: o.seq)
        return found

    def update(self, op: OutboxOp) -> None:
        error = None
        if op.error is not None or op.errors:
            error = {"message": op.error, "errors": op.errors}
        self.conn.execute(
            update(_outbox)
            .where(_outbox.c.seq == op.seq)
            .values(
                op_id=op.op_id,
                kind=op.kind,
                base_version=op.base_version,
                fields=op.fields,
                state=op.state,
                last_error=error,
                resolution=op.resolution,
            )
        )

    def remove(self, seqs: Sequence[int]) -> None:
        for chunk in _chunks(list(seqs)):
            self.conn.execute(delete(_outbox).where(_outbox.c.seq.in_(chunk)))

    def append(
        self,
        collection: str,
        record_id: str,
        kind: OpKind,
        base_version: int | None,
        fields: JSON,
        resolution: JSON | None = None,
    ) -> OutboxOp:
        op_id = str(uuid4())
        result = self.conn.execute(
            insert(_outbox).values(
                op_id=op_id,
                collection=collection,
                record_id=record_id,
                kind=kind,
                base_version=base_version,
                fields=fields,
                resolution=resolution,
                created_at=utc_now(),
                state="pending",
            )
        )
        seq = result.inserted_primary_key[0] if result.inserted_primary_key else 0
        return OutboxOp(int(seq), op_id, collection, record_id, kind, base_version, fields)


class SqlRecords:
    """ChangeApplier port on the collection tables (search index kept by triggers)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put_many(self, records: Sequence[ServerRecord]) -> None:
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for rec in records:
            grouped[rec.collection].append(self._row(rec))
        for collection, rows in grouped.items():
            upsert = _Upsert.of(table(collection), self.conn, ("id",), ("updated_at",))
            upsert.run(self.conn, rows)

    @staticmethod
    def _row(rec: ServerRecord) -> dict[str, Any]:
        row: dict[str, Any] = dict.fromkeys(_FIELD_NAMES[rec.collection])
        extra: dict[str, Any] = {}
        if rec.data is not None and not rec.deleted:
            columns, extra = to_columns(rec.collection, rec.data)
            row.update(columns)
        row.update(
            id=rec.record_id,
            version=rec.version,
            deleted=rec.deleted,
            updated_at=_instant_column(rec.updated_at),
            updated_by=rec.updated_by,
            extra=extra or None,
        )
        return row

    def erase_many(self, keys: Sequence[Key]) -> None:
        for collection, ids in _by_collection(keys).items():
            t = table(collection)
            for chunk in _chunks(ids):
                self.conn.execute(delete(t).where(t.c.id.in_(chunk)))

    def get(self, collection: str, record_id: str) -> ServerRecord | None:
        t = table(collection)
        row = self.conn.execute(select(t).where(t.c.id == record_id)).mappings().first()
        if row is None:
            return None
        data = None if row["deleted"] else to_api(collection, row)
        return ServerRecord(collection, record_id, row["version"], bool(row["deleted"]), data)

    def keys(self, collection: str) -> set[str]:
        t = table(collection)
        return set(self.conn.execute(select(t.c.id)).scalars())


class SqlBases:
    """BaseSnapshots port on table ``base`` (a deleted base has ``data`` NULL)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get_many(self, keys: Iterable[Key]) -> dict[Key, Base]:
        found: dict[Key, Base] = {}
        for collection, ids in _by_collection(keys).items():
            for chunk in _chunks(ids):
                marks = ", ".join("?" for _ in chunk)
                rows = self.conn.exec_driver_sql(
                    "SELECT record_id, version, data FROM base WHERE collection = ? "
                    f"AND record_id IN ({marks})",
                    (collection, *chunk),
                )
                for record_id, version, data in rows:
                    parsed = None if data is None else orjson.loads(data)
                    found[(collection, record_id)] = Base(
                        collection, record_id, version, parsed is None, parsed
                    )
        return found

    def put_many(self, bases: Sequence[Base]) -> None:
        rows = [
            {
                "collection": b.collection,
                "record_id": b.record_id,
                "version": b.version,
                "data": None if b.deleted or b.data is None else orjson.dumps(b.data).decode(),
            }
            for b in bases
        ]
        _Upsert.of(_base, self.conn, ("collection", "record_id"), ("data",)).run(self.conn, rows)

    def delete_many(self, keys: Sequence[Key]) -> None:
        for collection, ids in _by_collection(keys).items():
            for chunk in _chunks(ids):
                self.conn.execute(
                    delete(_base).where(
                        _base.c.collection == collection, _base.c.record_id.in_(chunk)
                    )
                )

    def live_versions(self, collection: str) -> Iterator[tuple[str, int]]:
        rows = self.conn.execute(
            select(_base.c.record_id, _base.c.version).where(
                _base.c.collection == collection, _base.c.data.is_not(None)
            )
        )
        for record_id, version in rows:
            yield str(record_id), int(version)


class SqlState:
    """CursorStore port on table ``sync_state``."""

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


def _conflict(row: Any) -> Conflict:
    d = dict(row.details or {})
    return Conflict(
        collection=row.collection,
        record_id=row.record_id,
        server_version=int(d.get("server_version") or 0),
        server_deleted=bool(d.get("server_deleted")),
        fields=dict(d.get("fields") or {}),
        mine=d.get("mine"),
        created_at=str(row.created_at),
        kind=str(d.get("kind") or "fields"),
    )


class SqlConflicts:
    """ConflictStore port on table ``conflicts`` (one row per record)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Conflict]:
        rows = self.conn.execute(select(_conflicts).order_by(_conflicts.c.id))
        return [_conflict(r) for r in rows]

    def get_many(self, keys: Iterable[Key]) -> dict[Key, Conflict]:
        keys = list(keys)
        if not keys or not self.conn.execute(select(_conflicts.c.id).limit(1)).first():
            return {}
        found: dict[Key, Conflict] = {}
        for chunk in _chunks(keys):
            rows = self.conn.execute(
                select(_conflicts).where(
                    tuple_(_conflicts.c.collection, _conflicts.c.record_id).in_(chunk)
                )
            )
            for r in rows:
                c = _conflict(r)
                found[c.key] = c
        return found

    def put(self, conflict: Conflict) -> None:
        self.delete_many([conflict.key])
        details = {
            "kind": conflict.kind,
            "server_version": conflict.server_version,
            "server_deleted": conflict.server_deleted,
            "fields": conflict.fields,
            "mine": conflict.mine,
        }
        self.conn.execute(
            insert(_conflicts).values(
                collection=conflict.collection,
                record_id=conflict.record_id,
                details=details,
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


class StoreSyncTransaction:
    """The five ports on one connection inside one unit of work."""

    def __init__(self, conn: Connection, stack: ExitStack) -> None:
        self.conn = conn
        self.outbox = SqlOutbox(conn)
        self.records = SqlRecords(conn)
        self.bases = SqlBases(conn)
        self.state = SqlState(conn)
        self.conflicts = SqlConflicts(conn)
        self._stack = stack
        self._deferred = False

    def defer_derived(self) -> None:
        """For a bulk page: the search and list triggers are set aside until this transaction
        ends (put back before it commits) and the derived tables are flagged stale with it;
        :meth:`StoreSyncAdapter.rebuild_derived` rebuilds them set-based afterwards."""
        if self._deferred:
            return
        self._stack.enter_context(derived.triggers_aside(self.conn))
        derived.mark_stale(self.conn)
        self._deferred = True


class StoreSyncAdapter:
    """Fulfils :class:`sync.ports.SyncStore` on a :class:`WorkingCopy`."""

    def __init__(self, wc: WorkingCopy) -> None:
        self.wc = wc

    @contextmanager
    def transaction(self) -> Iterator[StoreSyncTransaction]:
        with self.wc.unit_of_work() as uow, ExitStack() as stack:
            # the stack's exits (triggers put back) run before the unit of work commits
            yield StoreSyncTransaction(uow.session.connection(), stack)

    def rebuild_derived(self) -> bool:
        """The search index and list keys rebuilt when flagged stale; True when it ran."""
        with self.wc.unit_of_work() as uow:
            return derived.rebuild_if_stale(uow.session.connection())
