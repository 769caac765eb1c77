"""Sync as the window uses it: the status line's figures, "Synchroniser", login and logout.

No Qt: the UI runs these on its pool lane and shows the results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.ops.sync.session import LAST_SYNC_KEY, SyncSession
from offa_desktop.store import pending
from sync.ports import Progress


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: account, records waiting (to go up, in conflict, refused: one
    per record, as the lists mark them), last sync, and whether a login is held (tokens)."""

    server: str | None
    username: str | None
    pending: int
    conflicts: int
    rejected: int
    last_sync: datetime | None
    signed_in: bool = True


def read_status(session: SyncSession) -> SyncStatus:
    """The counts by :func:`~offa_desktop.store.pending.counts`, the account, its
    tokens."""
    account = session.account()
    with session.wc.session() as db:
        unsent, conflicts, rejected = pending.counts(db)
    with session.store.transaction() as tx:
        raw = tx.state.get(LAST_SYNC_KEY)
    last = datetime.fromisoformat(raw) if raw else None
    signed_in = account is not None and session.creds.load(
        account.server, account.username) is not None
    return SyncStatus(
        server=account.server if account else None,
        username=account.username if account else None,
        pending=unsent,
        conflicts=conflicts,
        rejected=rejected,
        last_sync=last,
        signed_in=signed_in,
    )


@dataclass
class Synced(ChangeSet):
    """What a sync changed (for the lists), and what its check of the copy found:
    ``checked`` the copy was compared with the server; ``repaired`` collection -> how many
    records were found wrong and made equal to the server again."""

    checked: bool = False
    repaired: dict[str, int] = field(default_factory=dict)
    left_scope: dict[str, int] = field(default_factory=dict)  # records gone out of scope


def sync_now(
    session: SyncSession,
    progress: Callable[[str, int, int], None] | None = None,
    *,
    verify: bool = False,
) -> Synced:
    """One sync (push then pull); returns what changed so the lists refresh only that.

    ``verify`` ("Vérifier la copie"): the copy is checked against the server on this sync,
    every field of every record, and repaired where it differs. ``session.cancel`` stops it
    between batches (``sync.errors.Cancelled``).
    """
    session.cancel.clear()

    def report(step: Progress) -> None:
        if progress is not None:
            progress(step.phase, step.done, step.total)

    result = session.sync_once(report, verify=verify)
    changes = Synced(everything=result.everything, checked=result.checked)
    changes.repaired = {c: len(ids) for c, ids in sorted(result.repaired.items()) if ids}
    changes.left_scope = {c: len(ids) for c, ids in sorted(result.left_scope.items()) if ids}
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
