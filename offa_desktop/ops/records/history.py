"""A record's history: the server's audit entries and the local edits not sent yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from offa_desktop.store import pending
from sync.errors import SyncError


@dataclass
class RecordHistory:
    """``server`` entries oldest first (API.md "Audit"); ``local`` queued edits oldest first;
    ``server_error`` the French reason the server's part is missing (offline, not logged in)."""

    server: list[dict[str, Any]] = field(default_factory=list)
    local: list[dict[str, Any]] = field(default_factory=list)
    server_error: str | None = None
    chain: list[str] = field(default_factory=list)  # a contract's replacements, in French


def record_history(session: Any, collection: str, record_id: str) -> RecordHistory:
    """Both parts of the history; the server's is skipped (with a message) when unreachable."""
    found = RecordHistory()
    with session.wc.session() as db:
        found.local = pending.local_edits(db, collection, record_id)
    try:
        found.server = session.client().history(collection, record_id)
    except SyncError as exc:
        found.server_error = exc.message
    return found
