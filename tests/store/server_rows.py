"""Records as the server sent them, for tests' set-up: written through the store's sync side
(``store/replica.py``), the path a pull takes. The unit of work has no such writer: every write
it makes is a local edit with its outbox op."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from offa_desktop.store import replica
from offa_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class _Sent:
    """One record of a pull page (carries what ``store/replica_states.py``'s RecordState and
    BaseState read)."""

    collection: str
    record_id: str
    version: int
    deleted: bool
    data: Mapping[str, Any] | None
    updated_at: str | None = None
    updated_by: str | None = None


def _instant(value: datetime | str | None) -> str | None:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value


def put_server_record(
    uow: UnitOfWork,
    collection: str,
    record_id: str,
    version: int,
    deleted: bool,
    data: Mapping[str, Any] | None,
    updated_at: datetime | str | None = None,
    updated_by: str | None = None,
) -> None:
    """The record and its base snapshot, in ``uow``'s transaction; no validation, no op."""
    sent = _Sent(
        collection,
        record_id,
        version,
        deleted,
        None if deleted or data is None else dict(data),
        _instant(updated_at),
        updated_by,
    )
    conn = uow.session.connection()
    replica.RecordRows(conn).put_many([sent])
    replica.BaseRows(conn).put_many([sent])
    uow.changes.add(collection, record_id)


def erase_record(uow: UnitOfWork, collection: str, record_id: str) -> None:
    """Every trace of a record but its conflicts (row, search entry, base, queued ops), as when
    it leaves the user's scope."""
    conn = uow.session.connection()
    key = (collection, record_id)
    outbox = replica.OutboxRows(conn)
    outbox.remove([row["seq"] for row in outbox.for_records([key])])
    replica.RecordRows(conn).erase_many([key])
    replica.BaseRows(conn).delete_many([key])
    uow.changes.add(collection, record_id)
