"""The working copy's file, with the standard library only: what start-up needs before any
SQLAlchemy import (about 0.2 s): the integrity checks, the schema revision, the clean-shutdown
marker, and whether an interrupted bulk load left the derived tables behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

PRIVATE = 0o600
KEEP_BACKUPS = 3
# The newest migration. Opening a file already at this revision needs no Alembic at all (it
# costs ~0.5 s to import at start-up); tests/store/test_db.py checks it equals Alembic's head.
SCHEMA_HEAD = "0006"
# Files up to this size get the full PRAGMA quick_check at every open (about 0.1 s); larger ones
# get it only after an unclean shutdown (a crash, a kill, a power cut), and otherwise a cheap
# structural check, the full one being left to WorkingCopy.verify() in a worker.
FULL_CHECK_BYTES = 64 * 1024 * 1024


def companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def marker(path: Path) -> Path:
    """Present while the working copy is open: found at open, it tells of an unclean shutdown."""
    return path.with_name(path.name + ".open")


def quick_check(path: Path, *, full: bool = True) -> str | None:
    """None when the file is a sound SQLite database, else what is wrong.

    ``full`` runs PRAGMA quick_check over every page; otherwise only the header, the schema
    and the first page of each table are read (a garbage or truncated file still fails).
    """
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return "not a SQLite database (bad header)"
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30)
        try:
            if full:
                rows = conn.execute("PRAGMA quick_check").fetchall()
            else:
                tables = conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%'"
                ).fetchall()
                for (name,) in tables:
                    conn.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()
                rows = [("ok",)]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    results = [str(r[0]) for r in rows]
    return None if results == ["ok"] else "; ".join(results[:5])


def stored_revision(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def derived_stale(path: Path) -> bool:
    """True when a bulk load was interrupted before the search index and list keys were rebuilt
    (the flag of ``store.derived``; a missing table means a file not migrated yet)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            row = conn.execute("SELECT 1 FROM sync_state WHERE key = 'derived_stale'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return row is not None
