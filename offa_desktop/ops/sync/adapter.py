"""The working copy seen through sync's ports (``sync/ports.py``): a mapping, no SQL.

The SQL is ``offa_desktop/store/replica.py``, which knows nothing of sync; here its rows become
sync's types (``OutboxOp``, ``Base``, ``Conflict``) and back. Sync's dataclasses go into the
store as they are (they carry the attributes of the store's Protocols), so a first sync's
100,000 records are not copied on the way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from offa_desktop.store import outbox, replica
from offa_desktop.store.db import WorkingCopy
from sync.ports import (
    Base,
    Conflict,
    Key,
    NewOp,
    OpState,
    OutboxOp,
    ServerRecord,
)


def _op(row: replica.Row) -> OutboxOp:
    last_error = row["last_error"]
    error = last_error if isinstance(last_error, dict) else None
    state: OpState = "pending"
    if row["state"] == "rejected":
        state = "rejected"
    elif row["state"] == "forbidden":
        state = "forbidden"
    return OutboxOp(
        seq=row["seq"],
        op_id=row["op_id"],
        collection=row["collection"],
        record_id=row["record_id"],
        kind=row["kind"],
        base_version=row["base_version"],
        fields=dict(row["fields"] or {}),
        created_at=str(row["created_at"]),
        state=state,
        error=(error or {}).get("message"),
        errors=(error or {}).get("errors"),
        resolution=row["resolution"],
    )


def _conflict(row: replica.Row) -> Conflict:
    d = dict(row["details"] or {})
    return Conflict(
        collection=row["collection"],
        record_id=row["record_id"],
        server_version=int(d.get("server_version") or 0),
        server_deleted=bool(d.get("server_deleted")),
        fields=dict(d.get("fields") or {}),
        mine=d.get("mine"),
        created_at=str(row["created_at"]),
        kind=str(d.get("kind") or "fields"),
    )


class _Outbox:
    """Outbox port."""

    def __init__(self, rows: replica.OutboxRows) -> None:
        self.rows = rows

    def unsettled(self) -> list[OutboxOp]:
        return [_op(r) for r in self.rows.unsettled()]

    def for_records(self, keys: Iterable[Key]) -> dict[Key, list[OutboxOp]]:
        found: dict[Key, list[OutboxOp]] = {}
        for r in self.rows.for_records(keys):
            op = _op(r)
            found.setdefault(op.key, []).append(op)
        for ops in found.values():
            ops.sort(key=lambda o: o.seq)
        return found

    def update(self, op: OutboxOp) -> None:
        """The op back to its row: ``error`` and ``errors`` kept together as ``last_error``,
        as :func:`_op` reads them."""
        failed = op.error is not None or bool(op.errors)
        self.rows.update(
            op.seq, op_id=op.op_id, kind=op.kind, base_version=op.base_version, fields=op.fields,
            state=op.state, resolution=op.resolution,
            last_error={"message": op.error, "errors": op.errors} if failed else None,
        )  # fmt: skip

    def remove(self, seqs: Sequence[int]) -> None:
        self.rows.remove(seqs)

    def append(self, op: NewOp) -> OutboxOp:
        seq, op_id = outbox.append(
            self.rows.conn, op.collection, op.record_id, op.kind, op.base_version, op.fields,
            op.resolution,
        )  # fmt: skip
        return OutboxOp(seq, op_id, op.collection, op.record_id, op.kind, op.base_version,
                        op.fields)  # fmt: skip


class _Records:
    """ChangeApplier port."""

    def __init__(self, rows: replica.RecordRows) -> None:
        self.rows = rows

    def put_many(self, records: Sequence[ServerRecord]) -> None:
        self.rows.put_many(records)

    def erase_many(self, keys: Sequence[Key]) -> None:
        self.rows.erase_many(keys)

    def get(self, collection: str, record_id: str) -> ServerRecord | None:
        found = self.rows.get(collection, record_id)
        if found is None:
            return None
        version, deleted, data = found
        return ServerRecord(collection, record_id, version, deleted, data)

    def get_many(self, keys: Iterable[Key]) -> dict[Key, ServerRecord]:
        return {
            (c, i): ServerRecord(c, i, version, deleted, data)
            for c, i, version, deleted, data in self.rows.get_many(keys)
        }

    def keys(self, collection: str) -> set[str]:
        return self.rows.keys(collection)

    def versions(self, collection: str) -> Iterator[tuple[str, int]]:
        return self.rows.versions(collection)

    def suspects(self, collection: str, thorough: bool = False) -> list[str]:
        return self.rows.suspects(collection, thorough)


class _Bases:
    """BaseSnapshots port."""

    def __init__(self, rows: replica.BaseRows) -> None:
        self.rows = rows

    def get_many(self, keys: Iterable[Key]) -> dict[Key, Base]:
        return {
            (collection, record_id): Base(collection, record_id, version, data is None, data)
            for collection, record_id, version, data in self.rows.get_many(keys)
        }

    def put_many(self, bases: Sequence[Base]) -> None:
        self.rows.put_many(bases)

    def delete_many(self, keys: Sequence[Key]) -> None:
        self.rows.delete_many(keys)

    def none(self) -> bool:
        return self.rows.none()

    def live_versions(self, collection: str) -> Iterator[tuple[str, int]]:
        return self.rows.live_versions(collection)


class _Conflicts:
    """ConflictStore port."""

    def __init__(self, rows: replica.ConflictRows) -> None:
        self.rows = rows

    def all(self) -> list[Conflict]:
        return [_conflict(r) for r in self.rows.all()]

    def get_many(self, keys: Iterable[Key]) -> dict[Key, Conflict]:
        found: dict[Key, Conflict] = {}
        for r in self.rows.get_many(keys):
            c = _conflict(r)
            found[c.key] = c
        return found

    def put(self, conflict: Conflict) -> None:
        details: dict[str, Any] = {
            "kind": conflict.kind,
            "server_version": conflict.server_version,
            "server_deleted": conflict.server_deleted,
            "fields": conflict.fields,
            "mine": conflict.mine,
        }
        self.rows.put(conflict.collection, conflict.record_id, details)

    def delete_many(self, keys: Sequence[Key]) -> None:
        self.rows.delete_many(keys)


class StoreSyncTransaction:
    """The five ports on one store transaction (:class:`replica.ReplicaTransaction`)."""

    def __init__(self, tx: replica.ReplicaTransaction) -> None:
        self.outbox = _Outbox(tx.outbox)
        self.records = _Records(tx.records)
        self.bases = _Bases(tx.bases)
        self.state = tx.state  # CursorStore: plain strings both sides
        self.conflicts = _Conflicts(tx.conflicts)
        self.defer_derived = tx.defer_derived
        self.take_new = tx.take_new


class StoreSyncAdapter:
    """Fulfils :class:`sync.ports.SyncStore` on a :class:`WorkingCopy`."""

    def __init__(self, wc: WorkingCopy) -> None:
        self.wc = wc

    @contextmanager
    def transaction(self) -> Iterator[StoreSyncTransaction]:
        with replica.transaction(self.wc) as tx:
            yield StoreSyncTransaction(tx)

    def prepare_new(self, changes: Sequence[Mapping[str, Any]]) -> list[Any]:
        return replica.prepare_new(changes)

    @contextmanager
    def snapshot(self) -> Iterator[StoreSyncTransaction]:
        with replica.snapshot(self.wc) as tx:
            yield StoreSyncTransaction(tx)

    def rebuild_derived(self) -> bool:
        return replica.rebuild_derived(self.wc)
