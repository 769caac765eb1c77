"""What waits on sync, read from the outbox and the conflicts list: a record's unsent edits,
the sync state of listed records, the status bar's counts. Read-only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from offa_desktop.domain.schema import WORKING_COLLECTIONS
from offa_desktop.store.records import table
from offa_desktop.store.tables import OP_CONFLICT, OP_FORBIDDEN, OP_REJECTED, Conflict, OutboxOp

SYNCED = "synced"
PENDING = "pending"
CONFLICT = "conflict"
REJECTED = "rejected"


def local_edits(session: Session, collection: str, record_id: str) -> list[dict[str, Any]]:
    """A record's queued edits, oldest first: ``at``, ``kind``, ``fields``, ``state``, ``error``."""
    ops = session.execute(
        select(OutboxOp)
        .where(OutboxOp.collection == collection, OutboxOp.record_id == record_id)
        .order_by(OutboxOp.seq)
    ).scalars()
    return [
        {
            "at": op.created_at,
            "kind": op.kind,
            "fields": dict(op.fields or {}),
            "state": op.state,
            "error": op.last_error,
        }
        for op in ops
    ]


def sync_states(session: Session, collection: str, ids: Iterable[str]) -> dict[str, str]:
    """The state of each id: ``conflict`` beats ``rejected`` beats ``pending`` beats ``synced``
    (one query per page of a list, so the state never needs a column of its own)."""
    wanted = list(ids)
    states = dict.fromkeys(wanted, SYNCED)
    if not wanted:
        return states
    ops = session.execute(
        select(OutboxOp.record_id, OutboxOp.state, func.count())
        .where(OutboxOp.collection == collection, OutboxOp.record_id.in_(wanted))
        .group_by(OutboxOp.record_id, OutboxOp.state)
    ).all()
    rank = {SYNCED: 0, PENDING: 1, REJECTED: 2, CONFLICT: 3}
    for record_id, state, _count in ops:
        if state == OP_CONFLICT:
            found = CONFLICT
        elif state in (OP_REJECTED, OP_FORBIDDEN):
            found = REJECTED
        else:
            found = PENDING
        if rank[found] > rank[states[record_id]]:
            states[record_id] = found
    conflicted = session.execute(
        select(Conflict.record_id).where(
            Conflict.collection == collection, Conflict.record_id.in_(wanted)
        )
    ).scalars()
    for record_id in conflicted:
        states[record_id] = CONFLICT
    return states


def counts(session: Session) -> tuple[int, int, int]:
    """``(pending, conflicts, rejected)`` over the whole copy, in two small queries: ops in
    conflict count as conflicts, refused ones (rejected or forbidden) as rejected."""
    states = dict(
        session.execute(select(OutboxOp.state, func.count()).group_by(OutboxOp.state)).all()
    )
    conflicts = int(session.execute(select(func.count()).select_from(Conflict)).scalar_one())
    rejected = int(states.get(OP_REJECTED, 0)) + int(states.get(OP_FORBIDDEN, 0))
    in_conflict = int(states.get(OP_CONFLICT, 0))
    pending = int(sum(states.values())) - rejected - in_conflict
    return pending, conflicts + in_conflict, rejected


def copy_counts(session: Session) -> tuple[int, int]:
    """``(live working records, queued ops)`` of the whole copy (after a restore)."""
    records = 0
    for collection in WORKING_COLLECTIONS:
        t = table(collection)
        records += int(
            session.execute(
                select(func.count()).select_from(t).where(t.c.deleted.is_(False))
            ).scalar_one()
        )
    ops = int(session.execute(select(func.count()).select_from(OutboxOp)).scalar_one())
    return records, ops
