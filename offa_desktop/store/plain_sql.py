"""Reading a working copy with a DB-API connection only (``cipher.connect``): the radar and the
indicators paint right after start-up's first paint, before the store's SQLAlchemy side is
loaded (``first_look.py`` explains the cost)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from offa_desktop.store import cipher

LIVE = "deleted IS 0"
# The page cache of such a connection, KiB (SQLite's default: 2 MiB, 125 pages of 16 KiB): on an
# encrypted copy a page read again after it left the cache is decrypted and checked again, and
# the radar's index lookups come back to the same pages (1,000 ms -> 600 ms for the radar's
# reads on 100,000 contracts, before its covering indexes). Memory is taken as pages are read.
CACHE_KIB = 65536
# The radar's (``ops/radar.py``): a compute decrypts ~2,100 distinct pages of 16 KiB, and each
# page of the cache is memory touched for the first time in a fresh process (the home screen's
# first compute: ~13,000 page faults, ~35 ms of system time, with 64 MiB); 8 MiB (512 pages)
# keeps the pages its lookups come back to (2,077 -> 2,149 pages decrypted on the 100k copy)
# and recycles the others' memory (~6,300 page faults less). Naming thousands of lines reads
# thousands of pages more, the same ones again (every line: 7,343 pages with 64 MiB, 22,124
# with 8 MiB): that takes CACHE_KIB again (``set_cache``).
RADAR_CACHE_KIB = 8192


def connect(path: Path, cache_kib: int = CACHE_KIB) -> sqlite3.Connection:
    """A read-only connection (usable from a worker thread; SQLCipher with the copy's key when
    it is encrypted, see ``store.cipher``), its page cache ``cache_kib`` KiB."""
    conn = cipher.connect(path, readonly=True, timeout=30, check_same_thread=False)
    set_cache(conn, cache_kib)
    return conn


def set_cache(conn: sqlite3.Connection, cache_kib: int) -> None:
    """The connection's page cache made ``cache_kib`` KiB (the pages it holds are kept)."""
    conn.execute(f"PRAGMA cache_size = -{cache_kib}")


def id_array(values: Iterable[Any]) -> str:
    """A JSON array of ids, bound as one parameter and read with ``json_each``."""
    return json.dumps([*{str(v) for v in values if v}])  # (any order: SQLite sorts them)


def select_rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    """Rows as dicts; ``params`` positional, or one dict of named ones."""
    named = len(params) == 1 and isinstance(params[0], dict)
    cursor = conn.execute(sql, params[0] if named else params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def rows_at_once(
    conn: sqlite3.Connection, columns: Sequence[str], sql: str, *params: Any
) -> list[list[Any]]:
    """The rows of ``sql`` (whose result columns are ``columns``) as lists, handed over as one
    JSON text: SQLite runs the whole query in one step, without the GIL, where fetching
    row by row takes the GIL back for each row (on another thread, each time behind the
    thread that holds it). Values come as sqlite3 gives them (text, int, float, None)."""
    named = len(params) == 1 and isinstance(params[0], dict)
    found = conn.execute(
        f"SELECT json_group_array(json_array({', '.join(columns)})) FROM ({sql})",  # noqa: S608
        params[0] if named else params,
    ).fetchone()[0]
    rows: list[list[Any]] = json.loads(found)
    return rows


def select_rows_at_once(
    conn: sqlite3.Connection, columns: Sequence[str], sql: str, *params: Any
) -> list[dict[str, Any]]:
    """``rows_at_once`` as dicts (``select_rows`` of ``sql``, read in one step)."""
    rows = rows_at_once(conn, columns, sql, *params)
    return [dict(zip(columns, row, strict=True)) for row in rows]
