"""A person's decisions after sync: resolve a conflict, retry or discard a refused op.

Each function is one transaction on the working copy. A resolution goes out as a new op
carrying ``resolution`` (API.md): both values and the choice, kept in the server's history.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, Literal

from offa_desktop.domain.errors import OffaError
from sync.merge import local_changes
from sync.ports import (
    Conflict,
    NewOp,
    OutboxOp,
    ServerRecord,
    SyncStore,
    SyncTransaction,
    overlay,
)

Choice = Literal["mine", "theirs", "edited"]


class NothingToResolve(OffaError, LookupError):
    """No open conflict (or op) matches: the list shown was stale."""

    code = "nothing_to_resolve"

    def __init__(self) -> None:
        super().__init__("Ce conflit a déjà été réglé ; la liste va être mise à jour.")


def _conflict(tx: SyncTransaction, collection: str, record_id: str) -> Conflict:
    found = tx.conflicts.get_many([(collection, record_id)]).get((collection, record_id))
    if found is None:
        raise NothingToResolve()
    return found


def resolve_conflict(
    store: SyncStore,
    collection: str,
    record_id: str,
    choices: Mapping[str, tuple[Choice, Any]] | Choice,
) -> str | None:
    """Settle a conflict; returns the id of the record kept (a new id when "mine" re-creates a
    record the server deleted), or None when the record is gone.

    ``choices``: per field ``(choice, edited value)`` (the value is used only for "edited"),
    or one choice for every field.
    """
    with store.transaction() as tx:
        conflict = _conflict(tx, collection, record_id)
        key = conflict.key
        tx.conflicts.delete_many([key])
        if conflict.kind == "deleted_by_server":
            return _after_deletion(tx, conflict, choices)
        ops = tx.outbox.for_records([key]).get(key, [])
        base = tx.bases.get_many([key]).get(key)
        if conflict.kind == "deleted_locally":
            keep_delete = (choices if isinstance(choices, str) else "theirs") == "mine"
            if keep_delete:  # the deletion stands: edits queued before it have no object
                tx.outbox.remove([op.seq for op in ops if op.kind == "update"])
            else:
                tx.outbox.remove([op.seq for op in ops if op.kind == "delete"])
                ops = [op for op in ops if op.kind != "delete"]
                data = overlay(base.data if base else None, ops)
                version = base.version if base else None
                tx.records.put_many([ServerRecord(collection, record_id, version, False, data)])
                if conflict.fields:  # values still to choose between before the deletion
                    conflict.kind = "fields"
                    tx.conflicts.put(conflict)
            return record_id
        typed = local_changes(ops)  # a field edited again since: what was typed last
        chosen: dict[str, Any] = {}
        resolution: dict[str, Any] = {}
        for name, detail in conflict.fields.items():
            choice, edited = (
                (choices, None) if isinstance(choices, str) else choices.get(name, ("mine", None))
            )
            mine = typed.get(name, detail.get("mine"))
            if choice == "mine":
                value = mine
            elif choice == "theirs":
                value = detail.get("theirs")
            else:
                value = edited
            chosen[name] = value
            resolution[name] = {"mine": mine, "theirs": detail.get("theirs"), "choice": choice}
        _strip(tx, ops, set(chosen))
        version = base.version if base else None
        tx.outbox.append(NewOp(collection, record_id, "update", version, chosen, resolution))
        current = tx.records.get(collection, record_id)
        if current is not None and current.data is not None:
            current.data.update(chosen)
            tx.records.put_many([current])
        return record_id


def _strip(tx: SyncTransaction, ops: list[OutboxOp], names: set[str]) -> None:
    """Take the decided fields out of the queued ops (the resolution op carries them)."""
    empty = []
    for op in ops:
        if op.kind != "update" or not names & set(op.fields):
            continue
        op.fields = {k: v for k, v in op.fields.items() if k not in names}
        if op.fields:
            tx.outbox.update(op)
        else:
            empty.append(op.seq)
    if empty:
        tx.outbox.remove(empty)


def _after_deletion(
    tx: SyncTransaction, conflict: Conflict, choices: Mapping[str, tuple[Choice, Any]] | Choice
) -> str | None:
    """My edits against their deletion: "theirs" accepts it; "mine" re-creates the record."""
    choice = choices if isinstance(choices, str) else "mine"
    if choice == "theirs" or not conflict.mine:
        return None
    new_id = str(uuid.uuid4())
    resolution = {
        name: {"mine": d.get("mine"), "theirs": None, "choice": "mine"}
        for name, d in conflict.fields.items()
    }
    data = dict(conflict.mine)
    tx.outbox.append(NewOp(conflict.collection, new_id, "create", None, data, resolution))
    tx.records.put_many([ServerRecord(conflict.collection, new_id, None, False, data)])
    return new_id


def retry_op(store: SyncStore, seq: int) -> None:
    """Send a refused op again with the record's current local values (after a correction)."""
    with store.transaction() as tx:
        op = next((o for o in tx.outbox.unsettled() if o.seq == seq), None)
        if op is None or op.state == "pending":
            raise NothingToResolve()
        current = tx.records.get(op.collection, op.record_id)
        later = [o for o in tx.outbox.for_records([op.key]).get(op.key, []) if o.seq > op.seq]
        if current is not None and current.data is not None:
            if op.kind == "create":
                op.fields = dict(current.data)
                tx.outbox.remove([o.seq for o in later if o.kind == "update"])
            elif op.kind == "update":
                op.fields = {k: current.data.get(k) for k in op.fields}
        op.op_id = str(uuid.uuid4())
        op.state = "pending"
        op.error = None
        op.errors = None
        tx.outbox.update(op)


def discard_op(store: SyncStore, seq: int) -> None:
    """Give up a refused op: the record shows the server's state plus the other queued edits."""
    with store.transaction() as tx:
        op = next((o for o in tx.outbox.unsettled() if o.seq == seq), None)
        if op is None:
            raise NothingToResolve()
        tx.outbox.remove([seq])
        rest = [o for o in tx.outbox.for_records([op.key]).get(op.key, []) if o.seq != seq]
        base = tx.bases.get_many([op.key]).get(op.key)
        if base is None and not any(o.kind == "create" for o in rest):
            tx.outbox.remove([o.seq for o in rest])
            tx.records.erase_many([op.key])
            return
        data = overlay(base.data if base else None, rest)
        deleted = base.deleted if base else False
        version = base.version if base else None
        tx.records.put_many(
            [ServerRecord(op.collection, op.record_id, version, deleted, None if deleted else data)]
        )
