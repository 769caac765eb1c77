"""The records a headless export writes: a collection's live records matching equality
filters, in batches by id (keyset paging: constant memory on 100,000 records), with the names
of the records each batch refers to."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import orjson
from sqlalchemy import ColumnElement, String, case, func, select, text, type_coerce
from sqlalchemy.orm import Session

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.store.codec import api_converter, to_api, to_columns
from offa_desktop.store.records import table

BATCH = 2000
_JSON_KINDS = (Kind.JSON, Kind.REFS, Kind.STRINGS)
_AS_TEXT = (Kind.DATE, *_JSON_KINDS)
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


# What names a record in an export, read from these columns only (never the whole row).
_LABEL_COLUMNS: dict[str, tuple[str, ...]] = {
    "learners": ("last_name", "first_name"),
    "tutors": ("last_name", "first_name"),
    "approvals": ("trade_code", "operator_code"),
    "establishment_units": ("name", "city"),
    "users": ("display_name",),
    "contracts": (),
}
NAMES_KEPT = 20_000  # names kept across batches (companies, units, trades repeat); then reset


def _label(collection: str, data: Mapping[str, Any]) -> str:
    if collection in ("learners", "tutors"):
        return " ".join(str(p) for p in (data.get("last_name"), data.get("first_name")) if p)
    if collection == "approvals":
        return f"{data.get('trade_code') or ''} ({data.get('operator_code') or ''})"
    name = str(data.get("name") or data.get("display_name") or "")
    if collection == "establishment_units" and data.get("city"):
        return f"{name} ({data['city']})"
    return name


def _label_sql(collection: str, field: str) -> Any:
    """The name of the record a REF field points to, as a correlated subquery (what
    ``_label`` says, in SQL: read with the row, one indexed lookup in SQLite's C), the id
    when the record is not in the copy."""
    t = table(collection)
    ref = COLLECTIONS[collection].by_name[field].ref
    assert ref is not None
    target = table(ref).alias(f"ref_{field}")
    c = target.c
    name: ColumnElement[Any]
    if ref in ("learners", "tutors"):
        name = func.trim(func.coalesce(c.last_name, "") + " " + func.coalesce(c.first_name, ""))
    elif ref == "approvals":
        name = (func.coalesce(c.trade_code, "") + " (" + func.coalesce(c.operator_code, "")
                + ")")
    elif ref == "establishment_units":
        name = func.coalesce(c.name, "") + case(
            (func.coalesce(c.city, "") != "", " (" + c.city + ")"), else_="")
    elif ref == "contracts":
        name = c.id
    elif ref == "users":
        name = c.display_name
    else:
        name = c.name
    found = select(func.nullif(name, "")).where(c.id == t.c[field]).scalar_subquery()
    return func.coalesce(found, t.c[field])


def _names(session: Session, collection: str, rows: list[tuple[str, list[Any]]],
           known: dict[str, str]) -> dict[str, str]:
    """Names of the records these rows refer to (REF/REFS fields), one query per target on
    its label columns; ``known`` (names read for earlier batches) is reused and grows."""
    if len(known) > NAMES_KEPT:
        known.clear()
    wanted: dict[str, set[str]] = {}
    for position, f in enumerate(COLLECTIONS[collection].fields):
        if f.ref is None or f.kind is not Kind.REFS:  # a REF comes named (_label_sql)
            continue
        for _id, values in rows:
            value = values[position]
            for v in value if isinstance(value, list) else [value]:
                if v and str(v) not in known:
                    wanted.setdefault(f.ref, set()).add(str(v))
    for target, ids in wanted.items():
        t = table(target)
        columns = _LABEL_COLUMNS.get(target, ("name",))
        found = session.execute(
            select(t.c.id, *(t.c[c] for c in columns)).where(t.c.id.in_(sorted(ids)))
        ).tuples().all()
        for row in found:
            name = str(row[0]) if target == "contracts" else _label(
                target, dict(zip(columns, row[1:], strict=True)))
            known[str(row[0])] = name or str(row[0])
    return known


def batches(
    session: Session, collection: str, filters: Mapping[str, str], size: int = BATCH
) -> Iterator[tuple[list[tuple[str, list[Any]]], dict[str, str]]]:
    """``(rows, names)`` batches: rows ``(id, values)`` by id, the values of the collection's
    fields in schema order as their column types read them (a Decimal, a list), dates as their
    ISO text, a
    linked record (REF) already named by SQL, a field a newer server sent in ``extra`` taking
    its place as the API would; names of the records lists (REFS) refer to (one mapping, grown
    batch by batch)."""
    t = table(collection)
    spec = COLLECTIONS[collection]
    fields = [f.name for f in spec.fields]
    where = _where(collection, filters)
    last = ""
    known: dict[str, str] = {}
    # One pass over the table reads each page once: a small page cache for it (the store's
    # connections keep 64 MB, which an export would fill for nothing), put back after.
    kept = session.execute(text("PRAGMA cache_size")).scalar()
    session.execute(text(f"PRAGMA cache_size=-{EXPORT_CACHE_KB}"))
    # Dates read as the text SQLite holds ("2026-09-01": the export's cells take it as it is)
    # and JSON as its text, loaded by orjson: SQLAlchemy's result processors for these
    # (a regular expression per date, the standard json module) were half the reading's CPU.
    statement = select(t.c.id, t.c.extra, *(
        _label_sql(collection, f.name) if f.kind is Kind.REF and f.ref
        else type_coerce(t.c[f.name], String) if f.kind in _AS_TEXT
        else t.c[f.name]
        for f in spec.fields))
    json_at = [p for p, f in enumerate(spec.fields) if f.kind in _JSON_KINDS]
    dates_at = [p for p, f in enumerate(spec.fields) if f.kind is Kind.DATE]
    loads = orjson.loads
    # instants and hours as the API writes them (dates, amounts and lists stay typed: the
    # export's cells want them so); chosen once per column
    as_api = [(position, convert) for position, f in enumerate(spec.fields)
              if f.kind in (Kind.INSTANT, Kind.HOURS)
              and (convert := api_converter(f.kind)) is not None]
    try:
        while True:
            found = session.execute(
                statement.where(*where, t.c.id > last).order_by(t.c.id).limit(size)
            ).tuples().all()
            if not found:
                return
            rows: list[tuple[str, list[Any]]] = []
            for record_id, extra, *values in found:
                for position in json_at:
                    if values[position] is not None:
                        values[position] = loads(values[position])
                if extra:
                    for position in dates_at:  # the API's converters want dates
                        if values[position] is not None:
                            values[position] = date.fromisoformat(values[position])
                    api = to_api(collection, dict(zip(fields, values, strict=True)) | {
                        "extra": extra})
                    values = [api.get(n) for n in fields]
                else:
                    for position, convert in as_api:
                        if values[position] is not None:
                            values[position] = convert(values[position])
                rows.append((str(record_id), values))
            yield rows, _names(session, collection, rows, known)
            last = rows[-1][0]
    finally:
        session.execute(text(f"PRAGMA cache_size={int(kept if kept is not None else -2000)}"))
        session.execute(text("PRAGMA shrink_memory"))


def compact(value: Any) -> str:
    """A JSON field as compact text, keys sorted (schedules, answers, details)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:  # what orjson does not write (an integer beyond 64 bits)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
