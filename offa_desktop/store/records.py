"""Reading records of a collection by id: plain dicts and small dataclasses, never ORM objects."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from offa_desktop.store.codec import to_api
from offa_desktop.store.models import MODELS


def table(collection: str) -> Table:
    """The table of a collection; KeyError for an unknown collection."""
    return MODELS[collection]


def unindexed(column: Any) -> Any:
    """``+column``: the same value, which SQLite will not look rows up by (a condition on it
    cannot choose the index the rows are read through)."""
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


@dataclass(frozen=True)
class StoredRecord:
    """A record as the working copy holds it: sync columns and API-shaped ``data``."""

    collection: str
    id: str
    version: int | None
    deleted: bool
    updated_at: datetime | None
    updated_by: str | None
    data: dict[str, Any]


def stored(collection: str, row: Mapping[Any, Any]) -> StoredRecord:
    return StoredRecord(
        collection=collection,
        id=row["id"],
        version=row["version"],
        deleted=bool(row["deleted"]),
        updated_at=row["updated_at"],
        updated_by=row["updated_by"],
        data=to_api(collection, row),
    )


def get_record(session: Session, collection: str, record_id: str) -> StoredRecord | None:
    """The stored record, tombstones included, or None."""
    t = table(collection)
    row = session.execute(select(t).where(t.c.id == record_id)).mappings().first()
    return stored(collection, row) if row is not None else None


def get(session: Session, collection: str, record_id: str) -> dict[str, Any] | None:
    """A live record's API-shaped data, or None (absent or deleted)."""
    t = table(collection)
    row = (
        session.execute(select(t).where(t.c.id == record_id, t.c.deleted.is_(False)))
        .mappings()
        .first()
    )
    return to_api(collection, row) if row is not None else None


def every_record(session: Session, collections: Iterable[str]) -> Iterator[StoredRecord]:
    """Every stored record of these collections (tombstones included), collection by collection
    in the order given, by id: what the headless ``dump`` writes."""
    for collection in collections:
        t = table(collection)
        for row in session.execute(select(t).order_by(t.c.id)).mappings():
            yield stored(collection, row)
