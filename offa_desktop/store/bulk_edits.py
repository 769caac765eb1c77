"""Local edits by the thousand (an import): the lookups a batch needs in a few chunked queries,
and the rows and outbox ops of the records it creates in one executemany each (``bulk.Upsert``:
the columns' own bind processors, no statement compiled per row). The unit of work checks every
record first (``UnitOfWork.create_many``); this module only reads and writes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from offa_desktop.store.bulk import Upsert, chunks
from offa_desktop.store.codec import to_api, to_columns
from offa_desktop.store.records import table
from offa_desktop.store.tables import OP_PENDING, OUTBOX
from offa_desktop.store.types import utc_now


def known_ids(session: Session, collection: str, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` the copy already holds (live or tombstone)."""
    t = table(collection)
    found: set[str] = set()
    for part in chunks(list(ids)):
        found.update(str(r[0]) for r in session.execute(select(t.c.id).where(t.c.id.in_(part))))
    return found


def insert_created(
    session: Session,
    collection: str,
    records: Sequence[tuple[str, dict[str, Any]]],
    user_id: str | None,
) -> None:
    """Write new records (checked already) and one ``create`` op each, in order."""
    if not records:
        return
    conn = session.connection()
    t = table(collection)
    now = utc_now()
    rows = []
    ops = []
    for record_id, data in records:
        columns, extra = to_columns(collection, data)
        row: dict[str, Any] = {c.name: None for c in t.columns}
        row.update(columns)
        row.update(id=record_id, version=None, deleted=False, extra=extra or None,
                   updated_at=now, updated_by=user_id)  # fmt: skip
        rows.append(row)
        ops.append({
            "seq": None, "op_id": str(uuid.uuid4()), "collection": collection,
            "record_id": record_id, "kind": "create", "base_version": None,
            "fields": dict(data), "resolution": None, "created_at": now,
            "state": OP_PENDING, "last_error": None,
        })  # fmt: skip
    Upsert.of(t, conn, ("id",)).run(conn, rows)
    Upsert.of(OUTBOX, conn, ("op_id",)).run(conn, ops)


def find_in(
    session: Session, collection: str, field: str, values: Sequence[Any]
) -> list[tuple[str, dict[str, Any]]]:
    """The live records whose ``field`` is one of ``values`` (API-shaped), in chunks."""

    t = table(collection)
    out: list[tuple[str, dict[str, Any]]] = []
    for part in chunks(list(values)):
        rows = session.execute(
            select(t).where(t.c[field].in_(part), t.c.deleted.is_(False))
        ).mappings()
        out.extend((str(row["id"]), to_api(collection, row)) for row in rows)
    return out


class PrefetchedUnique:
    """The copy's ``RuleContext`` for a batch: the uniqueness rule's lookups of the batch's
    values (a learner's NISS, a company's number) answered from one chunked query instead of
    one query a record; every other read goes to ``ctx``."""

    def __init__(
        self, ctx: Any, session: Session, collection: str, field: str, values: Sequence[Any]
    ) -> None:
        self._ctx = ctx
        self.full_scope: bool = ctx.full_scope
        self._collection = collection
        self._field = field
        self._asked = {v for v in values if isinstance(v, str)}
        self._found: dict[Any, list[tuple[str, dict[str, Any]]]] = {}
        for record_id, data in find_in(session, collection, field, sorted(self._asked)):
            self._found.setdefault(data.get(field), []).append((record_id, data))

    def get(self, collection: str, id: str) -> Any:  # noqa: A002 - RuleContext's name
        return self._ctx.get(collection, id)

    def find(self, collection: str, **equals: Any) -> list[tuple[str, Any]]:
        value = equals.get(self._field)
        if collection == self._collection and list(equals) == [self._field] and (
            value in self._asked
        ):
            return list(self._found.get(value, []))
        found: list[tuple[str, Any]] = self._ctx.find(collection, **equals)
        return found

    def reference(self, collection: str) -> Any:
        return self._ctx.reference(collection)

    def today(self) -> Any:
        return self._ctx.today()
