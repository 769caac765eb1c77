"""What the pre-flight report checks: the records with edits waiting in the outbox, their
state in the working copy and their last server state (``base``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from offa_desktop.store.records import get
from offa_desktop.store.tables import OP_PENDING, BaseSnapshot, OutboxOp


@dataclass(frozen=True)
class Pending:
    """One record with edits to send: its kind of first op, the record now (None when it is
    being deleted) and its last server state (None for a record created here)."""

    collection: str
    id: str
    kind: str
    data: dict[str, Any] | None
    base: dict[str, Any] | None


def pending_records(session: Session) -> list[Pending]:
    """Every record with an op waiting to be pushed, in the order the outbox will push them."""
    seen: dict[tuple[str, str], str] = {}
    for collection, record_id, kind in session.execute(
        select(OutboxOp.collection, OutboxOp.record_id, OutboxOp.kind)
        .where(OutboxOp.state == OP_PENDING)
        .order_by(OutboxOp.seq)
    ):
        seen.setdefault((collection, record_id), kind)
    return [_pending(session, c, i, k) for (c, i), k in seen.items()]


def records(session: Session, keys: Iterable[tuple[str, str]]) -> list[Pending]:
    """The named records (a print selection), checked as they are."""
    return [_pending(session, c, i, "update") for c, i in keys]


def _pending(session: Session, collection: str, record_id: str, kind: str) -> Pending:
    base = session.execute(
        select(BaseSnapshot.data).where(
            BaseSnapshot.collection == collection, BaseSnapshot.record_id == record_id
        )
    ).scalar()
    return Pending(collection, record_id, kind, get(session, collection, record_id),
                   base if isinstance(base, dict) else None)
