"""Reads of the working copy: records by id, sorted/filtered/paged lists in SQL, search, reference
data, and the domain's RuleContext on the local copy. Nothing here commits."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, Table, func, or_, select, true
from sqlalchemy.orm import Session

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.store.codec import to_api, to_columns
from offa_desktop.store.contract_list import ContractQuery, contract_count, contract_rows
from offa_desktop.store.list_rows import CONTRACT_SORTS, ContractRow
from offa_desktop.store.records import StoredRecord, get, get_record, stored, table
from offa_desktop.store.search import SEARCHABLE, SearchHit, fts_query, matching_ids, search

# The store's read session as ops names it (ops does not import SQLAlchemy itself).
ReadSession = Session

__all__ = [
    "CONTRACT_SORTS",
    "ContractQuery",
    "ContractRow",
    "ReadSession",
    "SearchHit",
    "StoreContext",
    "StoredRecord",
    "contract_count",
    "contract_rows",
    "count",
    "field_values",
    "get",
    "get_record",
    "page",
    "reference",
    "search",
]

_META_SORTS = ("id", "version", "updated_at")
_TEXTUAL = {Kind.TEXT, Kind.LONGTEXT, Kind.CODE}


def _where(
    t: Table,
    collection: str,
    filters: Mapping[str, Any] | None,
    text: str | None,
    include_deleted: bool,
) -> list[ColumnElement[bool]]:
    spec = COLLECTIONS[collection]
    clauses: list[ColumnElement[bool]] = []
    if not include_deleted:
        clauses.append(t.c.deleted.is_(False))
    for name, wanted in (filters or {}).items():
        if name not in spec.by_name and name != "id":
            raise ValueError(f"unknown field {name!r} of {collection}")
        values = list(wanted) if isinstance(wanted, list | tuple | set | frozenset) else [wanted]
        if name == "id":
            clauses.append(t.c.id.in_(values))
            continue
        converted = [to_columns(collection, {name: v})[0].get(name) for v in values]
        if converted == [None]:
            clauses.append(t.c[name].is_(None))
        else:
            clauses.append(t.c[name].in_(converted))
    if text and text.strip():
        if collection in SEARCHABLE:
            query = fts_query(text)
            if query is not None:
                clauses.append(t.c.id.in_(matching_ids(collection, query)))
        else:
            pattern = f"%{text.strip()}%"
            likes = [t.c[f.name].ilike(pattern) for f in spec.fields if f.kind in _TEXTUAL]
            clauses.append(or_(*likes) if likes else true())
    return clauses


def _select(session: Session, collection: str) -> tuple[Table, Select[Any]]:
    t = table(collection)
    return t, select(t)


def page(
    session: Session,
    collection: str,
    *,
    sort: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
    filters: Mapping[str, Any] | None = None,
    text: str | None = None,
    include_deleted: bool = False,
) -> list[StoredRecord]:
    """One page of a collection, sorted on ``sort`` (a field, ``id``, ``version`` or
    ``updated_at``; ties by id), filtered by equality (``filters``: field -> value or list of
    values, API-shaped) and by ``text`` (full-text where indexed, else a substring)."""
    t, query = _select(session, collection)
    if sort is not None and sort not in COLLECTIONS[collection].by_name and sort not in _META_SORTS:
        raise ValueError(f"cannot sort {collection} on {sort!r}")
    order: list[Any] = []
    if sort is not None and sort != "id":
        order.append(t.c[sort].desc() if descending else t.c[sort].asc())
    order.append(t.c.id.desc() if descending and sort == "id" else t.c.id.asc())
    query = query.where(*_where(t, collection, filters, text, include_deleted))
    rows = session.execute(query.order_by(*order).offset(offset).limit(limit)).mappings()
    return [stored(collection, row) for row in rows]


def count(
    session: Session,
    collection: str,
    *,
    filters: Mapping[str, Any] | None = None,
    text: str | None = None,
    include_deleted: bool = False,
) -> int:
    """How many records :func:`page` would page through."""
    t = table(collection)
    query = select(func.count()).select_from(t)
    query = query.where(*_where(t, collection, filters, text, include_deleted))
    return int(session.execute(query).scalar_one())


def reference(session: Session, collection: str) -> list[dict[str, Any]]:
    """Every live row of a reference collection, API-shaped, with its ``id``."""
    t = table(collection)
    rows = session.execute(select(t).where(t.c.deleted.is_(False)).order_by(t.c.id)).mappings()
    return [{"id": row["id"], **to_api(collection, row)} for row in rows]


def field_values(session: Session, collection: str, field: str) -> list[Any]:
    """The distinct values a field takes among the live records, largest first (a list filter's
    choices, e.g. the school years of the incentive claims)."""
    if field not in COLLECTIONS[collection].by_name:
        raise ValueError(f"unknown field {field!r} of {collection}")
    t = table(collection)
    column = t.c[field]
    query = select(column).where(t.c.deleted.is_(False), column.is_not(None)).distinct()
    return list(session.execute(query.order_by(column.desc())).scalars())


BRUSSELS = ZoneInfo("Europe/Brussels")


class StoreContext:
    """The domain's RuleContext on the local working copy (``full_scope`` False: rules needing
    records outside the user's scope are left to the server)."""

    full_scope = False

    def __init__(self, session: Session, *, today: date | None = None) -> None:
        self._session = session
        self._today = today
        self._reference: dict[str, list[Mapping[str, Any]]] = {}

    def get(self, collection: str, id: str) -> dict[str, Any] | None:
        return get(self._session, collection, id)

    def find(self, collection: str, **equals: Any) -> list[tuple[str, Mapping[str, Any]]]:
        t = table(collection)
        clauses: list[ColumnElement[bool]] = [t.c.deleted.is_(False)]
        for name, value in equals.items():
            if name == "id":
                clauses.append(t.c.id == value)
                continue
            columns, unfit = to_columns(collection, {name: value})
            if name in unfit:  # not a value this column can hold: no record has it
                return []
            converted = columns.get(name)
            clauses.append(t.c[name].is_(None) if converted is None else t.c[name] == converted)
        rows = self._session.execute(select(t).where(*clauses).order_by(t.c.id)).mappings()
        return [(row["id"], to_api(collection, row)) for row in rows]

    def reference(self, collection: str) -> list[Mapping[str, Any]]:
        if collection not in self._reference:
            self._reference[collection] = list(reference(self._session, collection))
        return self._reference[collection]

    def today(self) -> date:
        return self._today or datetime.now(BRUSSELS).date()
