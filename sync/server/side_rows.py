"""The rows a record write changes beside ``records``: its lookups in ``record_index`` and its
scope keys in ``record_keys``.

A pessimistic writer writes them at once; an optimistic one keeps their net change in a
:class:`NetRows` (a row added then removed before the lock is never written) and writes it once
locked. Both go through :func:`delete_rows` and :func:`insert_rows`, one statement per table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import orjson
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Integer,
    Table,
    and_,
    bindparam,
    delete,
    insert,
)

Group = tuple[str, ...]

INDEX_COLUMNS = ("collection", "field", "value", "record_id")  # group (c, f, v), member id
KEYS_COLUMNS = ("collection", "record_id", "key")  # group (c, id), member key


class NetRows:
    """The net change of a table's rows, each row a group (the leading columns) and a member
    (the last column): what to insert, what to delete."""

    def __init__(self) -> None:
        self.added: dict[Group, set[str]] = {}
        self.removed: dict[Group, set[str]] = {}

    def add(self, group: Group, member: str) -> None:
        if member in self.removed.get(group, ()):
            self.removed[group].discard(member)  # the row is still there
        else:
            self.added.setdefault(group, set()).add(member)

    def remove(self, group: Group, member: str) -> None:
        if member in self.added.get(group, ()):
            self.added[group].discard(member)  # never written: nothing to delete
        else:
            self.removed.setdefault(group, set()).add(member)

    def groups(self) -> set[Group]:
        """Every group with a change waiting."""
        return set(self.added) | set(self.removed)

    def flush(self, conn: Connection, table: Table, columns: Sequence[str]) -> None:
        delete_rows(conn, table, columns, _rows(self.removed))
        insert_rows(conn, table, columns, _rows(self.added))
        self.clear()

    def clear(self) -> None:
        self.added.clear()
        self.removed.clear()


def _rows(changes: dict[Group, set[str]]) -> list[tuple[str, ...]]:
    return sorted((*group, member) for group, members in changes.items() for member in members)


def delete_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    """Delete the rows whose ``columns`` hold these values (one statement)."""
    if rows:

        def build() -> Any:
            where = and_(*(table.c[name] == bindparam(f"b_{name}") for name in columns))
            return delete(table).where(where)

        bound = [{f"b_{name}": v for name, v in zip(columns, row, strict=True)} for row in rows]
        write_many(
            conn,
            f"delete {table.name} {columns}",
            build,
            bound,
            unnest_delete(table, tuple(columns)),
        )


def insert_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    """Insert these rows (one statement)."""
    if rows:
        bound = [dict(zip(columns, row, strict=True)) for row in rows]
        write_many(
            conn,
            f"insert {table.name} {columns}",
            lambda: inserting(table, columns),
            bound,
            unnest_insert(table, tuple(columns)),
        )


def inserting(table: Table, columns: Sequence[str]) -> Any:
    """An INSERT of these columns, each a bind parameter of its name; no RETURNING of a
    generated key, so that it may run in a pipeline."""
    return insert(table).values({name: bindparam(name) for name in columns}).inline()


@dataclass(frozen=True)
class Unnest:
    """A PostgreSQL statement that writes many rows at once: the rows go as one JSON text (a
    ``%s``: an array of the row dicts, ``keys`` read from each; then their number, a second
    ``%s``), read back as rows with ``json_to_recordset``. Arrays a column, as ``unnest``
    takes them, were dumped by psycopg element by element in Python: about a fifth of a push's
    CPU; orjson dumps the rows in C."""

    sql: str
    keys: tuple[str, ...]  # the keys of the row dicts read, in the columns' order

    def params(self, rows: list[Any]) -> list[Any]:
        return [orjson.dumps(rows).decode(), len(rows)]


def _q(name: str) -> str:
    return f'"{name}"'


def _array_type(column: Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, Boolean):
        return "boolean"
    if isinstance(kind, BigInteger):
        return "bigint"
    if isinstance(kind, Integer):
        return "integer"
    return "text"


def _unnest(table: Table, columns: tuple[str, ...], keys: tuple[str, ...] | None = None) -> str:
    """The rows (``u``, one column each of ``columns``) of a JSON array of objects whose keys
    are ``keys`` (the column names when None)."""
    keys = keys or columns
    pairs = list(zip(columns, keys, strict=True))
    kinds = ", ".join(f"{_q(k)} {_array_type(table.c[c])}" for c, k in pairs)
    picks = ", ".join(f"{_q(k)} AS {_q(c)}" for c, k in pairs)
    # LIMIT the number of rows: the planner's estimate, as unnest's of constant arrays was (else
    # 100, and an update of 20 rows of a 20,000-row table was a hash join over a sequential scan)
    return f"(SELECT {picks} FROM json_to_recordset(%s::json) AS j({kinds}) LIMIT %s) AS u"


@cache
def unnest_insert(table: Table, columns: tuple[str, ...]) -> Unnest:
    """INSERT of rows whose keys are the column names."""
    names = ", ".join(_q(c) for c in columns)
    sql = f"INSERT INTO {table.name} ({names}) SELECT {names} FROM {_unnest(table, columns)}"
    return Unnest(sql, columns)


@cache
def unnest_delete(table: Table, columns: tuple[str, ...]) -> Unnest:
    """DELETE of the rows matching all ``columns`` (row keys ``b_<column>``)."""
    match = " AND ".join(f"t.{_q(c)} = u.{_q(c)}" for c in columns)
    keys = tuple(f"b_{c}" for c in columns)
    sql = f"DELETE FROM {table.name} AS t USING {_unnest(table, columns, keys)} WHERE {match}"
    return Unnest(sql, keys)


@cache
def unnest_update(table: Table, keys: tuple[str, ...], values: tuple[str, ...]) -> Unnest:
    """UPDATE of ``values`` in the rows matching ``keys`` (row keys ``b_<key>``, then the
    value columns' names)."""
    sets = ", ".join(f"{_q(c)} = u.{_q(c)}" for c in values)
    match = " AND ".join(f"t.{_q(c)} = u.{_q(c)}" for c in keys)
    names = tuple(f"b_{c}" for c in keys) + values
    rows = _unnest(table, keys + values, names)
    sql = f"UPDATE {table.name} AS t SET {sets} FROM {rows} WHERE {match}"
    return Unnest(sql, names)


# Statements compiled once for PostgreSQL (``write_many``), by name.
_PG_SQL: dict[str, str] = {}


def write_many(
    conn: Connection,
    name: str,
    build: Callable[[], Any],
    rows: list[Any],
    unnest: Unnest | None = None,
) -> None:
    """Run the statement ``build()`` (named bind parameters) for each row (a dict).

    On PostgreSQL, with ``unnest``, all the rows go in one statement (one array a column);
    else the statement is compiled once (cached under ``name``) and its rows go to psycopg's
    ``executemany``; either way on the connection's DBAPI cursor, inside the writer's pipeline
    when it has one. SQLAlchemy's statement cache, parameter processing and result objects
    cost more CPU than the writes themselves (a push of 20 edits spent about a fifth of its
    CPU there), and an executemany in a pipeline sends and polls row by row: CPU spent
    holding the version lock. Elsewhere (SQLite) through SQLAlchemy."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(build(), rows)
        return
    # (a client-side cursor holds nothing on the server; not closed here, as in a pipeline
    # its results are still to come)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    if unnest is not None:
        cursor.execute(unnest.sql, unnest.params(rows))
        return
    sql = _PG_SQL.get(name)
    if sql is None:
        sql = _PG_SQL[name] = str(build().compile(dialect=conn.dialect))
    cursor.executemany(sql, rows)
