"""Reads of the per-user ``snoozes`` collection (the radar's put-off lines)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from offa_desktop.store.records import table


def find(session: Session, user_id: str, rule: str, record: str) -> str | None:
    """The id of the user's live snooze of a line (the latest when two computers made one)."""
    t = table("snoozes")
    found = session.execute(
        select(t.c.id)
        .where(t.c.deleted.is_(False), t.c.user_id == user_id, t.c.rule == rule,
               t.c.record == record)
        .order_by(t.c.updated_at.desc(), t.c.id)
        .limit(1)
    ).scalar()
    return str(found) if found else None
