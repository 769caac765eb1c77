"""The working copy's file, with the standard library only: what start-up needs before any
SQLAlchemy import (about 0.2 s): the integrity checks, the schema revision, the clean-shutdown
marker, whether an interrupted bulk load left the derived tables behind, and the folder's
memory of its copy (the identity marker and the open lock).

The identity marker (``<file>.id``) holds the id of the copy this data folder made (also kept in
the copy's ``sync_state`` as ``copy_id``): with it, an empty, missing or foreign file where the
folder had a copy is told apart from a first start, and never replaced by a new empty copy.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import uuid
from pathlib import Path
from typing import Any

from offa_desktop.store import cipher

PRIVATE = 0o600
COPY_ID_KEY = "copy_id"
# What ``read_identity`` gives for a marker it cannot read: the folder had a copy, id unknown.
UNKNOWN_ID = "?"
# The newest migration. Opening a file already at this revision needs no Alembic at all (it
# costs ~0.5 s to import at start-up); tests/store/test_db.py checks it equals Alembic's head.
SCHEMA_HEAD = "0027"
# Files up to this size get the full PRAGMA quick_check at every open (about 0.1 s); larger ones
# get it only after an unclean shutdown (a crash, a kill, a power cut), and otherwise a cheap
# structural check, the full one being left to WorkingCopy.verify() in a worker.
FULL_CHECK_BYTES = 64 * 1024 * 1024


def companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def marker(path: Path) -> Path:
    """Present while the working copy is open: found at open, it tells of an unclean shutdown."""
    return path.with_name(path.name + ".open")


def read_only(
    path: Path, sql: str, params: tuple[Any, ...] = (), *, copy: Path | None = None
) -> list[Any]:
    """The rows of one query on ``path`` opened read-only (sqlite3 or SQLCipher, no
    SQLAlchemy) with the key of the working copy ``copy`` (default: ``path`` itself; a backup
    is read with its copy's key); ``cipher.DatabaseError`` when the file cannot be read,
    ``cipher.KeyRequired`` / ``WrongKey`` when it is encrypted and the key is missing or wrong."""
    conn = cipher.connect_with(path, cipher.key_for(copy or path), readonly=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def quick_check(path: Path, *, full: bool = True) -> str | None:
    """None when the file is a sound SQLite database, else what is wrong.

    ``full`` runs PRAGMA quick_check over every page; otherwise only the header, the schema
    and the first page of each table are read (a garbage or truncated file still fails).
    An encrypted file is read with its registered key: without it ``cipher.KeyRequired``, with
    a key that does not open it ``cipher.WrongKey`` (raised, never taken for damage).
    """
    try:
        if not cipher.is_plain(path) and not cipher.could_be_encrypted(path):
            return "not a SQLite database (bad header)"
        conn = cipher.connect(path, uri_params="mode=rw")
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
    except cipher.DatabaseError as exc:
        return str(exc)
    results = [str(r[0]) for r in rows]
    return None if results == ["ok"] else "; ".join(results[:5])


def stored_revision(path: Path, *, copy: Path | None = None) -> str | None:
    try:
        rows = read_only(path, "SELECT version_num FROM alembic_version", copy=copy)
    except cipher.DatabaseError:
        return None
    return str(rows[0][0]) if rows else None


# The lowest search document number the store's rebuild gives (``store.search.BLOCKS``; not
# imported: it imports SQLAlchemy; tests/store/test_search_layout.py checks they agree).
FIRST_BLOCK = 1 << 40


def derived_stale(path: Path) -> bool:
    """True when a bulk load was interrupted before the search index and list keys were rebuilt
    or the indexes it set aside created again (the flags of ``store.derived``), or when the
    search index has documents numbered before its kinds had ranges of their own
    (``store.derived.is_stale``); a missing table means a file not migrated yet."""
    try:
        return bool(read_only(
            path,
            "SELECT 1 FROM sync_state WHERE key IN ('derived_stale', 'indexes_aside') "
            "UNION ALL SELECT 1 FROM search_docs WHERE docid < ? LIMIT 1",
            (FIRST_BLOCK,),
        ))  # fmt: skip
    except cipher.DatabaseError:
        return False


def identity(path: Path) -> Path:
    """The identity marker: written once the folder holds a working copy, never by a reader."""
    return path.with_name(path.name + ".id")


def read_identity(path: Path) -> str | None:
    """The id of the copy this folder made, or None when it never made one."""
    try:
        text = identity(path).read_text("ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return UNKNOWN_ID  # a marker is there: the folder had a copy, whatever its id
    return text or UNKNOWN_ID


def write_identity(path: Path, copy_id: str) -> None:
    """Record (atomically, privately) that this folder's working copy is ``copy_id``."""
    marker = identity(path)
    temp = marker.with_name(marker.name + ".tmp")
    fd = os.open(temp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, PRIVATE)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(copy_id + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, marker)


def forget_identity(path: Path) -> None:
    """The folder no longer holds a copy (a person chose to start from an empty one)."""
    identity(path).unlink(missing_ok=True)


def copy_id(path: Path) -> str | None:
    """The ``copy_id`` stored in the file, or None (an older copy, or not a working copy)."""
    try:
        rows = read_only(path, "SELECT value FROM sync_state WHERE key = ?", (COPY_ID_KEY,))
    except cipher.DatabaseError:
        return None
    if not rows:
        return None
    row = rows[0]
    try:
        value = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def ensure_copy_id(path: Path) -> str:
    """The file's ``copy_id``, made and stored when it has none (a file at the schema head)."""
    found = copy_id(path)
    if found is not None:
        return found
    new = str(uuid.uuid4())
    conn = cipher.connect(path)
    try:
        with conn:
            conn.execute(
                "INSERT OR IGNORE INTO sync_state (key, value) VALUES (?, ?)",
                (COPY_ID_KEY, json.dumps(new)),
            )
    finally:
        conn.close()
    return copy_id(path) or new


def tables(path: Path, *, copy: Path | None = None) -> set[str] | None:
    """The table names of a sound SQLite file (None when it cannot be read)."""
    try:
        rows = read_only(path, "SELECT name FROM sqlite_master WHERE type = 'table'", copy=copy)
    except cipher.DatabaseError:
        return None
    return {str(r[0]) for r in rows}


def is_working_copy(path: Path, *, copy: Path | None = None) -> bool:
    """True for an empty database or one that Alembic manages (this application's migrations;
    a revision this version does not know is refused later as from a newer version)."""
    names = tables(path, copy=copy)
    return names is not None and (not names or "alembic_version" in names)


def lock_file(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class OpenLock:
    """A shared flock held while a process has the copy open; a restore takes it exclusively,
    so a file is never swapped under a running window or command. Dies with its process."""

    def __init__(self, path: Path) -> None:
        self.path = lock_file(path)
        self._fd: int | None = None

    def acquire(self, *, exclusive: bool = False) -> bool:
        """Take the lock without waiting; False when another process holds it the other way."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE)
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
