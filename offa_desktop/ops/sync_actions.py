"""Sync as the window uses it: the status line's figures, "Synchroniser", login and logout.

No Qt: the UI runs these on its pool lane and shows the results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.ops.session import SyncSession
from offa_desktop.store import pending
from sync.ports import Progress

LAST_SYNC_KEY = "last_sync_at"


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: account, pending edits, conflicts, rejections, last sync."""

    server: str | None
    username: str | None
    pending: int
    conflicts: int
    rejected: int
    last_sync: datetime | None


def read_status(session: SyncSession) -> SyncStatus:
    """Counts from the outbox and the conflicts list, in two small queries."""
    account = session.account()
    with session.wc.session() as db:
        unsent, conflicts, rejected = pending.counts(db)
    with session.store.transaction() as tx:
        raw = tx.state.get(LAST_SYNC_KEY)
    last = datetime.fromisoformat(raw) if raw else None
    return SyncStatus(
        server=account.server if account else None,
        username=account.username if account else None,
        pending=unsent,
        conflicts=conflicts,
        rejected=rejected,
        last_sync=last,
    )


def sync_now(
    session: SyncSession,
    progress: Callable[[str, int, int], None] | None = None,
) -> ChangeSet:
    """One sync (push then pull); returns what changed so the lists refresh only that.

    ``session.cancel`` stops it between batches (``sync.errors.Cancelled``).
    """
    session.cancel.clear()

    def report(step: Progress) -> None:
        if progress is not None:
            progress(step.phase, step.done, step.total)

    result = session.engine(report).sync_once()
    with session.store.transaction() as tx:
        tx.state.put(LAST_SYNC_KEY, datetime.now(UTC).isoformat())
    changes = ChangeSet(everything=result.everything)
    for collection, ids in result.changed.items():
        changes.ids.setdefault(collection, set()).update(ids)
    return changes


def login(session: SyncSession, server: str, username: str, password: str) -> dict[str, Any]:
    """Log in (the tokens go to the keyring); returns the user's profile."""
    return session.login(server, username, password)


def logout(session: SyncSession) -> int:
    """Revoke this login's tokens; unsent edits stay queued. Returns how many are unsent."""
    unsent = session.unsent()
    session.logout()
    return unsent


def open_sync_session(folder: Any, wc: Any) -> SyncSession:
    """The sync session of an already opened working copy (imports requests and keyring)."""
    return SyncSession(folder, wc)
