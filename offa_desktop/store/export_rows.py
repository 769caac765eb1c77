"""The records a headless export writes: a collection's live records matching equality
filters, in batches by id (read in the table's order through a temporary file: constant memory
on 100,000 records, each page of the table read once), with the names of the records each batch
refers to."""

from __future__ import annotations

import json
import marshal
import os
import tempfile
from array import array
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import orjson
from sqlalchemy import ColumnElement, case, func, select, text
from sqlalchemy.orm import Session

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.store.codec import api_converter, to_api, to_columns
from offa_desktop.store.records import table, unindexed
from offa_desktop.store.types import instant_str, parse_instant

BATCH = 2000
_JSON_KINDS = (Kind.JSON, Kind.REFS, Kind.STRINGS)
EXPORT_CACHE_KB = 16384
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


def _where(collection: str, filters: Mapping[str, str],
           wrap: Callable[[Any], Any] = lambda column: column) -> list[ColumnElement[bool]]:
    """The live records matching ``filters`` (``wrap``: what each column is compared as)."""
    t = table(collection)
    spec = COLLECTIONS[collection]
    clauses: list[ColumnElement[bool]] = [wrap(t.c.deleted).is_(False)]
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
            clauses.append(wrap(t.c[name]).is_(None))
        else:
            clauses.append(wrap(t.c[name]) == columns[name])
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
        ).all()
        for row in found:
            name = str(row[0]) if target == "contracts" else _label(
                target, dict(zip(columns, row[1:], strict=True)))
            known[str(row[0])] = name or str(row[0])
    return known


def _raw_converter(kind: Kind) -> Callable[[Any], Any] | None:
    """What turns a value as SQLite holds it into the batch's value of a field of ``kind``
    (what its column type reads, then the API form for instants and hours; dates stay as
    their ISO text; None: as held)."""
    if kind in _JSON_KINDS:
        return orjson.loads
    if kind in (Kind.MONEY, Kind.PERCENT):
        return _hundredths
    if kind is Kind.BOOL:
        return bool
    if kind is Kind.INSTANT:
        return lambda value: instant_str(parse_instant(str(value)))
    if kind is Kind.HOURS:
        convert = api_converter(Kind.HOURS)
        assert convert is not None
        return lambda value: convert(float(value))
    return None


def _typed_converter(kind: Kind) -> Callable[[Any], Any] | None:
    """What turns a value as SQLite holds it into what its column type reads (None: as
    held): the API converters (``to_api``) want these."""
    if kind is Kind.DATE:
        return lambda value: date.fromisoformat(str(value))
    if kind is Kind.INSTANT:
        return lambda value: parse_instant(str(value))
    if kind is Kind.HOURS:
        return float
    return _raw_converter(kind)


def _hundredths(value: Any) -> Decimal:
    return Decimal(int(value)).scaleb(-2)


def batches(
    session: Session, collection: str, filters: Mapping[str, str], size: int = BATCH
) -> Iterator[tuple[list[tuple[str, list[Any]]], dict[str, str]]]:
    """``(rows, names)`` batches: rows ``(id, values)`` by id, the values of the collection's
    fields in schema order as their column types read them (a Decimal, a list), dates as their
    ISO text, instants and hours in their API form, a linked record (REF) already named by SQL,
    a field a newer server sent in ``extra`` taking its place as the API would; names of the
    records lists (REFS) refer to (one mapping, grown batch by batch).

    Read in the table's own order, not the id's: ids are random, so reading by id fetches (and
    decrypts) a page of the table for nearly every row, 4 s of the 100,000-contract copy's 5;
    in table order each page once, under 1 s. The rows as SQLite holds them (text, numbers,
    None: marshal's) go to an unnamed temporary file as they come, the ids and places kept;
    then they are read back by id (one ``pread`` each) and converted, a batch at a time, so
    memory holds the ids and one batch, never the table. The temporary file holds the plain
    values, as xlsxwriter's own constant-memory row file does; it has no name and is gone
    when closed."""
    t = table(collection)
    spec = COLLECTIONS[collection]
    fields = [f.name for f in spec.fields]
    # every condition with a unary plus: no index drives the read (a filter on an indexed
    # column would read the matching rows in that index's order, a page per row again)
    where = _where(collection, filters, unindexed)
    statement = select(t.c.id, t.c.extra, *(
        _label_sql(collection, f.name) if f.kind is Kind.REF and f.ref and f.ref != "contracts"
        else t.c[f.name]  # a contract is named by its id: the value itself
        for f in spec.fields)).where(*where)
    # One pass over the table reads each page once: a small page cache for it (the store's
    # connections keep 64 MB, which an export would fill for nothing), put back after; enough
    # for the indexes the names are looked up through.
    kept = session.execute(text("PRAGMA cache_size")).scalar()
    session.execute(text(f"PRAGMA cache_size=-{EXPORT_CACHE_KB}"))
    plain = [(p, convert) for p, f in enumerate(spec.fields)
             if (convert := _raw_converter(f.kind)) is not None]
    typed = [(p, convert) for p, f in enumerate(spec.fields)
             if (convert := _typed_converter(f.kind)) is not None]
    loads, dumps = marshal.loads, marshal.dumps
    ids: list[str] = []
    places = array("q")  # where row n starts in the scratch file (n + 1: where it ends)
    with tempfile.TemporaryFile(prefix="offa-export-") as scratch:
        try:
            result = session.connection().execute(statement)
            try:
                cursor = result.cursor  # the DB-API cursor: values as SQLite holds them
                end = 0
                places.append(0)
                while found := cursor.fetchmany(size):
                    chunk = []
                    for row in found:
                        ids.append(str(row[0]))
                        blob = dumps(row)
                        chunk.append(blob)
                        end += len(blob)
                        places.append(end)
                    scratch.write(b"".join(chunk))
            finally:
                result.close()
            scratch.flush()
            order = sorted(range(len(ids)), key=ids.__getitem__)
            del ids
            fd = scratch.fileno()
            known: dict[str, str] = {}
            for first in range(0, len(order), size):
                rows: list[tuple[str, list[Any]]] = []
                for n in order[first:first + size]:
                    start = places[n]
                    record_id, extra, *values = loads(os.pread(fd, places[n + 1] - start, start))
                    extra = orjson.loads(extra) if extra is not None else None
                    if extra:
                        for position, convert in typed:
                            if values[position] is not None:
                                values[position] = convert(values[position])
                        api = to_api(collection, dict(zip(fields, values, strict=True)) | {
                            "extra": extra})
                        values = [api.get(name) for name in fields]
                    else:
                        for position, convert in plain:
                            if values[position] is not None:
                                values[position] = convert(values[position])
                    rows.append((str(record_id), values))
                yield rows, _names(session, collection, rows, known)
        finally:
            session.execute(text(f"PRAGMA cache_size={int(kept if kept is not None else -2000)}"))
            session.execute(text("PRAGMA shrink_memory"))


def compact(value: Any) -> str:
    """A JSON field as compact text, keys sorted (schedules, answers, details)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:  # what orjson does not write (an integer beyond 64 bits)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
