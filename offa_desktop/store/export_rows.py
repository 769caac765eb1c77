"""The records a headless export writes: a collection's live records matching equality
filters, in batches by id (keyset paging: constant memory on 100,000 records), with the names
of the records each batch refers to."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import ColumnElement, select, text
from sqlalchemy.orm import Session

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.store.codec import to_api, to_columns
from offa_desktop.store.records import table

BATCH = 2000
EXPORT_CACHE_KB = 4096
_TRUE = ("true", "1", "oui", "yes")


def _typed(kind: Kind, value: str) -> Any:
    """A filter's text as the API value of its field."""
    if kind is Kind.INT:
        return int(value)
    if kind is Kind.BOOL:
        return value.strip().lower() in _TRUE
    if kind is Kind.HOURS:
        return float(value)
    return value


def _where(collection: str, filters: Mapping[str, str]) -> list[ColumnElement[bool]]:
    t = table(collection)
    spec = COLLECTIONS[collection]
    clauses: list[ColumnElement[bool]] = [t.c.deleted.is_(False)]
    for name, given in filters.items():
        try:
            value = _typed(spec.by_name[name].kind, given)
        except ValueError:
            clauses.append(t.c.id.is_(None))  # a value the field cannot hold: no record
            continue
        columns, unfit = to_columns(collection, {name: value})
        if name in unfit:
            clauses.append(t.c.id.is_(None))
        elif given == "":
            clauses.append(t.c[name].is_(None))
        else:
            clauses.append(t.c[name] == columns[name])
    return clauses


def _label(collection: str, data: Mapping[str, Any]) -> str:
    if collection in ("learners", "tutors"):
        return " ".join(str(p) for p in (data.get("last_name"), data.get("first_name")) if p)
    if collection == "approvals":
        return f"{data.get('trade_code') or ''} ({data.get('operator_code') or ''})"
    name = str(data.get("name") or data.get("display_name") or "")
    if collection == "establishment_units" and data.get("city"):
        return f"{name} ({data['city']})"
    return name


def _names(session: Session, collection: str, rows: list[tuple[str, dict[str, Any]]]) -> dict[
    str, str
]:
    """Names of the records these rows refer to (REF/REFS fields), one query per target."""
    wanted: dict[str, set[str]] = {}
    for f in COLLECTIONS[collection].fields:
        if f.ref is None:
            continue
        for _id, data in rows:
            value = data.get(f.name)
            for v in value if isinstance(value, list) else [value]:
                if v:
                    wanted.setdefault(f.ref, set()).add(str(v))
    out: dict[str, str] = {}
    for target, ids in wanted.items():
        t = table(target)
        for row in session.execute(select(t).where(t.c.id.in_(sorted(ids)))).mappings():
            name = _label(target, to_api(target, row))
            if target == "contracts":
                name = str(row["id"])
            out[str(row["id"])] = name or str(row["id"])
    return out


def batches(
    session: Session, collection: str, filters: Mapping[str, str], size: int = BATCH
) -> Iterator[tuple[list[tuple[str, dict[str, Any]]], dict[str, str]]]:
    """``(rows, names)`` batches: rows ``(id, API data)`` by id, names of what they refer to."""
    t = table(collection)
    where = _where(collection, filters)
    last = ""
    # One pass over the table reads each page once: a small page cache for it (the store's
    # connections keep 64 MB, which an export would fill for nothing), put back after.
    kept = session.execute(text("PRAGMA cache_size")).scalar()
    session.execute(text(f"PRAGMA cache_size=-{EXPORT_CACHE_KB}"))
    try:
        while True:
            found = session.execute(
                select(t).where(*where, t.c.id > last).order_by(t.c.id).limit(size)
            ).mappings().all()
            if not found:
                return
            rows = [(str(r["id"]), to_api(collection, r)) for r in found]
            yield rows, _names(session, collection, rows)
            last = rows[-1][0]
    finally:
        session.execute(text(f"PRAGMA cache_size={int(kept if kept is not None else -2000)}"))
        session.execute(text("PRAGMA shrink_memory"))


def compact(value: Any) -> str:
    """A JSON field as compact text (schedules, answers, details)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
