"""Local edits of records: create, update, delete through the unit of work.

Each call is one transaction: the domain rules run first (``ValidationError`` with French
messages naming the fields, nothing written; ``RecordNotFound`` for a record gone meanwhile),
then the row and its outbox op are written together. The result is a :class:`Saved` change set
so the lists showing that collection refresh.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.problems import Problem
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.uow import RecordNotFound, UnitOfWork

__all__ = ["RecordNotFound", "Saved", "create", "delete", "update"]


@dataclass
class Saved(ChangeSet):
    """What an edit changed, plus the record's id and the warnings to show (never blocking)."""

    record_id: str = ""
    changed: dict[str, Any] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)


def _saved(uow: UnitOfWork, record_id: str, changed: Mapping[str, Any] | None = None) -> Saved:
    return Saved(
        ids={k: set(v) for k, v in uow.changes.ids.items()},
        everything=uow.changes.everything,
        record_id=record_id,
        changed=dict(changed or {}),
        warnings=list(uow.warnings),
    )


def create(
    wc: WorkingCopy, collection: str, data: Mapping[str, Any], record_id: str | None = None
) -> Saved:
    """Create a record (API-shaped ``data``; absent fields are null) and queue it for the
    server."""
    with wc.unit_of_work() as uow:
        new_id = uow.create(collection, data, record_id)
        return _saved(uow, new_id, data)


def update(wc: WorkingCopy, collection: str, record_id: str, fields: Mapping[str, Any]) -> Saved:
    """Change some fields of a record; only the fields that really changed are queued (nothing
    when none did: ``changed`` is then empty)."""
    with wc.unit_of_work() as uow:
        changed = uow.update(collection, record_id, fields)
        return _saved(uow, record_id, changed)


def delete(wc: WorkingCopy, collection: str, record_id: str) -> Saved:
    """Delete a record (refused with ``in_use`` while a live record refers to it)."""
    with wc.unit_of_work() as uow:
        uow.delete(collection, record_id)
        return _saved(uow, record_id)
