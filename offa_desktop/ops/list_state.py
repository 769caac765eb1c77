"""The sync state of listed records (synced, pending, conflict, rejected) in one query per page.

Read-only: the lists call it for the ids of the page they show, so the state never needs a
column of its own and is always the outbox's truth.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from offa_desktop.store.tables import OP_CONFLICT, OP_FORBIDDEN, OP_REJECTED, Conflict, OutboxOp

SYNCED = "synced"
PENDING = "pending"
CONFLICT = "conflict"
REJECTED = "rejected"


def sync_states(session: Session, collection: str, ids: Iterable[str]) -> dict[str, str]:
    """The state of each id: ``conflict`` beats ``rejected`` beats ``pending`` beats ``synced``."""
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
