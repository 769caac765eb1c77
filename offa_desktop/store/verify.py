"""Reading the working copy as it really is, to check it against the server (issue 12).

Both reads look at the rows actually in the copy, not at a running sum kept as changes came
(which cannot see a row lost or changed behind the app's back: a restored backup, a disk
error, a hand edit):

- :func:`versions`: ``(id, version)`` of every record of a collection that this copy says the
  server holds live: rows with a server version that are live, or deleted here by an edit not
  yet sent. Sync sums them by API.md's checksum formula and compares with the server's at every
  due check: a row lost, added or put back to another version shows there.
- :func:`suspects`: ids whose row disagrees with its base snapshot (what the server last sent)
  while no unsent edit or open conflict explains it. Always: the few records under local work
  (their row must be the base with the edits on top). ``thorough`` (a check a person asks for):
  every record, a row or base missing, liveness, version (primary-key joins) and every field
  value (decodes every base: a few seconds on 100,000 records).

SQL on the store's tables only, read through the DBAPI cursor (100,000 rows of plain values:
SQLAlchemy's row objects would cost more than the query); sync's types are not known here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.store.codec import field_kinds, sql_columns, to_sql_row
from offa_desktop.store.types import parse_instant

# Subqueries SQLite runs once (an ephemeral index), not once per row.
_UNSENT = "t.id IN (SELECT o.record_id FROM outbox o WHERE o.collection = ?{})"
_IN_CONFLICT = "t.id IN (SELECT k.record_id FROM conflicts k WHERE k.collection = ?)"
_JSON_KINDS = {Kind.JSON, Kind.REFS, Kind.STRINGS}
# Contracts an unsent contract event changed here (the event's effect, applied locally without
# an op of the contract's own: the server applies it when the event arrives).
_EVENT_TARGET_IDS = (
    "SELECT e.contract_id FROM contract_events e JOIN outbox o "
    "ON o.collection = 'contract_events' AND o.record_id = e.id WHERE e.contract_id IS NOT NULL"
)
_EVENT_TARGETS = f"t.id NOT IN ({_EVENT_TARGET_IDS})"


def _name(collection: str) -> str:
    if collection not in COLLECTIONS:
        raise ValueError(f"unknown collection {collection!r}")
    return f'"{collection}"'


def _rows(conn: Connection, sql: str, args: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
    """A query's rows as the DBAPI gives them (tuples), in this connection's transaction."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, tuple(args))
        while batch := cursor.fetchmany(2000):
            yield from batch
    finally:
        cursor.close()


def versions(conn: Connection, collection: str) -> Iterator[tuple[str, int]]:
    """``(id, version)`` of the records this copy says the server holds live."""
    t = _name(collection)
    deleting = _UNSENT.format(" AND o.kind = 'delete'")
    sql = (
        f"SELECT t.id, t.version FROM {t} t WHERE t.version IS NOT NULL "
        f"AND (t.deleted = 0 OR {deleting})"
    )
    return _rows(conn, sql, (collection,))


def suspects(conn: Connection, collection: str, *, thorough: bool = False) -> list[str]:
    """Ids of records whose row does not hold what the server last sent (see the module)."""
    t = _name(collection)
    quiet = f"NOT {_UNSENT.format('')} AND NOT {_IN_CONFLICT}"
    structural = (
        f"SELECT t.id FROM {t} t LEFT JOIN base b ON b.collection = ? AND b.record_id = t.id "
        f"WHERE t.version IS NOT NULL AND {quiet} AND (b.record_id IS NULL "
        "OR b.version IS NOT t.version OR (b.data IS NULL) IS NOT (t.deleted = 1)) "
        "UNION ALL "
        f"SELECT b.record_id FROM base b WHERE b.collection = ? "
        f"AND b.record_id NOT IN (SELECT t.id FROM {t} t)"
    )
    found = list(_under_local_work(conn, collection, thorough=thorough))
    if thorough:
        args = (collection, collection, collection, collection)
        found.extend(str(r[0]) for r in _rows(conn, structural, args))
        found.extend(_changed_values(conn, collection, quiet))
    return sorted(set(found))


def _changed_values(conn: Connection, collection: str, quiet: str) -> Iterator[str]:
    """Live rows whose field values differ from their base's data."""
    t = _name(collection)
    columns = sql_columns(collection)
    picked = ", ".join(f't."{c}"' for c in columns)
    skip = _EVENT_TARGETS if collection == "contracts" else ""
    sql = (
        f"SELECT b.data, {picked} FROM {t} t JOIN base b ON b.collection = ? "
        f"AND b.record_id = t.id WHERE t.deleted = 0 AND b.data IS NOT NULL "
        f"AND t.version IS NOT NULL AND {quiet}{skip and ' AND ' + skip}"
    )
    kinds = list(field_kinds(collection).values())
    quick = _Quick(collection)
    loads = orjson.loads
    for row in _rows(conn, sql, (collection, collection, collection)):
        data = loads(row[0])
        if not quick.same(row, data) and not _same(collection, kinds, row[1:], data):
            yield str(row[1])


# How :class:`_Quick` compares a field: as is, a boolean, cents, a number, JSON, or not at all.
_PLAIN, _BOOL, _CENTS, _NUMBER, _JSONTEXT, _OTHER = range(6)


def _mode(kind: Kind) -> int:
    if kind in (Kind.MONEY, Kind.PERCENT):
        return _CENTS
    if kind is Kind.BOOL:
        return _BOOL
    if kind in (Kind.HOURS, Kind.INT):
        return _NUMBER
    if kind in _JSON_KINDS:
        return _JSONTEXT
    if kind is Kind.INSTANT:
        return _OTHER
    return _PLAIN  # text, codes, identifiers, dates ("YYYY-MM-DD" both sides)


class _Quick:
    """The usual case at a glance: a row whose values are exactly what the codec writes for
    its base's data (no ``extra``). False means "look closer" (:func:`_same`), never "differs".
    """

    def __init__(self, collection: str) -> None:
        kinds = field_kinds(collection)
        self.names = set(kinds)
        # (column index in a row read as "b.data, <sql_columns>", field name, how to compare)
        self.fields = [(7 + i, name, _mode(kind)) for i, (name, kind) in enumerate(kinds.items())]

    def same(self, row: Sequence[Any], data: Mapping[str, Any]) -> bool:
        if row[6] is not None or not data.keys() <= self.names:  # an ``extra``: look closer
            return False
        for index, name, mode in self.fields:
            want = data.get(name)
            have = row[index]
            if want is None or have is None:
                if want is not have:
                    return False
            elif mode == _PLAIN:
                if have != want or type(want) is not str:
                    return False
            elif mode == _BOOL:
                if type(want) is not bool or have != want:
                    return False
            elif mode == _CENTS:
                if type(want) is not str or have != round(float(want) * 100):
                    return False
            elif mode == _NUMBER:
                if type(want) is bool or have != want:
                    return False
            elif mode == _JSONTEXT:
                if have != orjson.dumps(want).decode():
                    return False
            else:
                return False
        return True


def _under_local_work(conn: Connection, collection: str, *, thorough: bool) -> Iterator[str]:
    """Records with unsent edits or an open conflict (few): the row must be the base with the
    edits on top, deleted when an edit deletes it or the server did."""
    ops: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for record_id, kind, fields in conn.exec_driver_sql(
        "SELECT record_id, kind, fields FROM outbox WHERE collection = ? ORDER BY seq",
        (collection,),
    ):
        ops.setdefault(str(record_id), []).append((str(kind), _json(fields) or {}))
    ids = set(ops)
    ids.update(
        str(r[0])
        for r in conn.exec_driver_sql(
            "SELECT record_id FROM conflicts WHERE collection = ?", (collection,)
        )
    )
    if collection == "contracts" and ids:
        ids -= {str(r[0]) for r in conn.exec_driver_sql(_EVENT_TARGET_IDS)}
    if not ids:
        return
    t = _name(collection)
    columns = sql_columns(collection)
    picked = ", ".join(f'"{c}"' for c in columns)
    kinds = list(field_kinds(collection).values())
    for chunk in _chunks(sorted(ids)):
        marks = ", ".join("?" for _ in chunk)
        rows = {
            str(r[0]): r
            for r in conn.exec_driver_sql(
                f"SELECT {picked} FROM {t} WHERE id IN ({marks})", tuple(chunk)
            )
        }
        bases = {
            str(r[0]): (r[1], _json(r[2]))
            for r in conn.exec_driver_sql(
                "SELECT record_id, version, data FROM base WHERE collection = ? "
                f"AND record_id IN ({marks})",
                (collection, *chunk),
            )
        }
        for record_id in chunk:
            mine = ops.get(record_id, [])
            base = bases.get(record_id)
            created = base is None and any(kind == "create" for kind, _ in mine)
            if base is None and not created:
                if record_id in rows:  # a row the server sent, its base gone
                    yield record_id
                continue  # an edit against a deletion kept without its record
            row = rows.get(record_id)
            if row is None:
                yield record_id
                continue
            version = None if base is None else base[0]
            deleting = any(kind == "delete" for kind, _ in mine)
            gone = deleting or (base is not None and base[1] is None)
            if row[1] != version or bool(row[2]) != gone:
                yield record_id
            elif thorough and not gone:
                data = dict(base[1] or {}) if base is not None else {}
                for kind, fields in mine:
                    data = dict(fields) if kind == "create" else {**data, **fields}
                if not _same(collection, kinds, row, data):
                    yield record_id


def _chunks(items: Sequence[str], size: int = 400) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _same(collection: str, kinds: list[Kind], got: Sequence[Any], data: Mapping[str, Any]) -> bool:
    """A row (the values of :func:`sql_columns`) holds exactly ``data``."""
    want = to_sql_row(collection, got[0], got[1], data)
    if want[6:] != tuple(got[6:]):
        for kind, a, b in zip(kinds, want[6:], got[6:], strict=True):
            if a != b and not _same_value(kind, a, b):
                return False
    extra_want, extra_got = want[5], got[5]
    if extra_want != extra_got:
        return bool(_json(extra_want) == _json(extra_got))
    return True


def _same_value(kind: Kind, want: Any, got: Any) -> bool:
    """Equal values written differently (JSON spacing, an instant's digits)."""
    if want is None or got is None or not isinstance(got, str):
        return False
    try:
        if kind in _JSON_KINDS:
            return bool(orjson.loads(want) == orjson.loads(got))
        if kind is Kind.INSTANT:
            return parse_instant(str(want)) == parse_instant(got)
    except ValueError:
        return False
    return False


def _json(value: Any) -> Any:
    if value is None:
        return None
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        return value
