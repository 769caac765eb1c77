"""The tables of the sync machinery: outbox, base snapshots, conflicts, sync state and the
login's credentials (tokens kept in the encrypted copy when no secure keyring exists)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from offa_desktop.store.base import Base, JSONValue
from offa_desktop.store.types import Instant

# Outbox op states: waiting to be pushed, or held back after the server's answer.
OP_PENDING = "pending"
OP_REJECTED = "rejected"
OP_FORBIDDEN = "forbidden"
OP_CONFLICT = "conflict"
OP_STATES = (OP_PENDING, OP_REJECTED, OP_FORBIDDEN, OP_CONFLICT)


class OutboxOp(Base):
    """One local edit waiting for the server (API.md "Push": one edit, one op).

    ``seq`` keeps the order the edits were made in; ``fields`` is API-shaped (the whole record on
    create, only the changed fields on update, empty on delete).
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_record", "collection", "record_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    collection: Mapped[str] = mapped_column(String)
    record_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String)  # create | update | delete
    base_version: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    resolution: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    created_at: Mapped[datetime] = mapped_column(Instant)
    state: Mapped[str] = mapped_column(String, default=OP_PENDING, index=True)
    last_error: Mapped[Any | None] = mapped_column(JSONValue)


class BaseSnapshot(Base):
    """The last server state of a record (``data`` API-shaped), for three-way merges."""

    __tablename__ = "base"

    collection: Mapped[str] = mapped_column(String, primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)


class Conflict(Base):
    """A change that could not merge on its own and waits for a person's choice.

    ``details`` is field-level: ``{"fields": {name: {"mine", "theirs", "base"}}, ...}`` as the
    sync engine writes it.
    """

    __tablename__ = "conflicts"
    __table_args__ = (Index("ix_conflicts_record", "collection", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    collection: Mapped[str] = mapped_column(String)
    record_id: Mapped[str] = mapped_column(String(36))
    details: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    created_at: Mapped[datetime] = mapped_column(Instant)
    note: Mapped[str | None] = mapped_column(Text)


class SyncState(Base):
    """Key/value state of sync (cursor, device id, checksums, last sync time)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[Any | None] = mapped_column(JSONValue)


class Credential(Base):
    """A login's token pair (JSON text) by ``username@server``, kept here only when the computer
    has no secure keyring: the copy is encrypted (issue 16). Never exported or dumped."""

    __tablename__ = "credentials"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def _table(model: type[Base]) -> Table:
    found = model.__table__
    assert isinstance(found, Table)
    return found


OUTBOX = _table(OutboxOp)
BASE = _table(BaseSnapshot)
CONFLICTS = _table(Conflict)
SYNC_STATE = _table(SyncState)
CREDENTIALS = _table(Credential)
