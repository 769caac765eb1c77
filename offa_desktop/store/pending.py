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


_RANK = {SYNCED: 0, PENDING: 1, REJECTED: 2, CONFLICT: 3}


def _op_state(state: str) -> str:
    if state == OP_CONFLICT:
        return CONFLICT
    if state in (OP_REJECTED, OP_FORBIDDEN):
        return REJECTED
    return PENDING


def sync_states(session: Session, collection: str, ids: Iterable[str]) -> dict[str, str]:
    """The state of each id: ``conflict`` beats ``rejected`` beats ``pending`` beats ``synced``
    (one query per page of a list, so the state never needs a column of its own)."""
    wanted = list(ids)
    states = dict.fromkeys(wanted, SYNCED)
    if not wanted:
        return states
    ops = session.execute(
        select(OutboxOp.record_id, OutboxOp.state)
        .where(OutboxOp.collection == collection, OutboxOp.record_id.in_(wanted))
        .group_by(OutboxOp.record_id, OutboxOp.state)
    ).all()
    for record_id, state in ops:
        found = _op_state(state)
        if _RANK[found] > _RANK[states[record_id]]:
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
    """``(pending, conflicts, rejected)`` records over the whole copy, by the rule of
    :func:`sync_states`: the status bar's figures are the rows the lists mark, one per record
    (never one per queued op, nor a conflict counted twice as op and as conflicts entry)."""
    states: dict[tuple[str, str], str] = {}
    ops = session.execute(
        select(OutboxOp.collection, OutboxOp.record_id, OutboxOp.state).group_by(
            OutboxOp.collection, OutboxOp.record_id, OutboxOp.state
        )
    ).all()
    for collection, record_id, state in ops:
        key, found = (collection, record_id), _op_state(state)
        if _RANK[found] > _RANK[states.get(key, SYNCED)]:
            states[key] = found
    for collection, record_id in session.execute(select(Conflict.collection, Conflict.record_id)):
        states[(collection, record_id)] = CONFLICT
    shown = list(states.values())
    return shown.count(PENDING), shown.count(CONFLICT), shown.count(REJECTED)


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
