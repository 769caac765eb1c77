"""A record's history: the server's audit entries and the local edits not sent yet, each change
already in French words (``wording.py``: names, not UUIDs; «projet», not ``draft``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from offa_desktop.ops.records.wording import Wording
from offa_desktop.store import pending
from offa_desktop.store.records import get_record
from sync.errors import SyncError

NOT_SENT_YET = (
    "Pas encore sur le serveur : cette fiche a été créée sur cet ordinateur et partira à la "
    "prochaine synchronisation."
)


@dataclass
class RecordHistory:
    """``server`` entries oldest first (API.md "Audit"), each with ``lines``: its changes in
    French; ``local`` queued edits oldest first, likewise; ``server_error`` the French reason
    the server's part is missing (offline, not logged in, not sent yet)."""

    server: list[dict[str, Any]] = field(default_factory=list)
    local: list[dict[str, Any]] = field(default_factory=list)
    server_error: str | None = None
    chain: list[str] = field(default_factory=list)  # a contract's replacements, in French


def record_history(session: Any, collection: str, record_id: str) -> RecordHistory:
    """Both parts of the history; the server's is skipped (with a message) when unreachable,
    and not asked for a record the server has never received."""
    found = RecordHistory()
    with session.wc.session() as db:
        found.local = pending.local_edits(db, collection, record_id)
        stored = get_record(db, collection, record_id)
    never_sent = stored is not None and stored.version is None
    if never_sent:
        found.server_error = NOT_SENT_YET
    else:
        try:
            found.server = session.client().history(collection, record_id)
        except SyncError as exc:
            found.server_error = exc.message
    with session.wc.session() as db:
        words = Wording(db)
        for entry in found.server:
            entry["lines"] = words.changes(collection, entry.get("before"), entry.get("after"))
        for op in found.local:
            op["lines"] = words.changes(collection, None, op.get("fields"))
    return found
