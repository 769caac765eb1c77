"""Reading a working copy with the standard library's sqlite3 only: the radar and the
indicators paint right after start-up's first paint, before the store's SQLAlchemy side is
loaded (``first_look.py`` explains the cost)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from offa_desktop.store import cipher

LIVE = "deleted IS 0"


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection (usable from a worker thread; SQLCipher with the copy's key when
    it is encrypted, see ``store.cipher``)."""
    return cipher.connect(path, readonly=True, timeout=30, check_same_thread=False)


def id_array(values: Iterable[Any]) -> str:
    """A JSON array of ids, bound as one parameter and read with ``json_each``."""
    return json.dumps(sorted({str(v) for v in values if v}))


def select_rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    """Rows as dicts; ``params`` positional, or one dict of named ones."""
    named = len(params) == 1 and isinstance(params[0], dict)
    cursor = conn.execute(sql, params[0] if named else params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
