"""The working copy encrypted at rest (SQLCipher 4, issue 16): the keys of this process and the
one way every part of the client opens a copy's file.

A copy's key is 32 random bytes (where it comes from, the OS keyring or a passphrase, is not this
module's business): :func:`register_key` gives it for the copy at a path, and from then on
:func:`connect` opens that file with SQLCipher and ``PRAGMA key = "x'<hex>'"`` (a raw key: no
key derivation, so an open costs what a plain one does). Without a registered key the standard
library's sqlite3 opens it as before, a plain SQLite file. The files that belong to a copy
(backups, set-asides, a restore's or a migration's temporary file) are opened with the copy's key
by :func:`connect_with`.

Errors: an encrypted file and no key: :class:`KeyRequired` (code ``passphrase_required``); the
key does not open it: :class:`WrongKey` (``wrong_passphrase``). Neither is a damaged file: the
file is never touched, never set aside. ``DatabaseError`` / ``Error`` are the exception classes
of both drivers, for ``except`` clauses.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, cast

from sqlcipher3 import dbapi2 as _sqlcipher  # 12 ms to import, its own SQLite with SQLCipher

from offa_desktop.store.copy_errors import WorkingCopyError

PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
# How every encrypted copy is written (not stored in the file: a file written otherwise does not
# open). 16 KiB pages: SQLCipher's cost is mostly per page (an IV, an HMAC, a random draw), and a
# first sync of 100,000 records wrote 4 KiB pages at 1.5x the plain copy's CPU, 16 KiB ones at
# 1.1x (tests/benchmarks/bench_cipher.py). HMAC-SHA256 instead of SHA512: the CPU has SHA
# instructions for it (sha_ni), as most since 2017; the HMAC stays on (pages checked as read).
SETTINGS: tuple[tuple[str, str], ...] = (
    ("page_size", "16384"),
    ("hmac_algorithm", "HMAC_SHA256"),
    ("use_hmac", "ON"),
)
# An encrypted file is whole pages: a file of another length is damaged (truncated) or
# something else, never a sound encrypted copy.
_PAGE_QUANTUM = int(dict(SETTINGS)["page_size"])

DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError, _sqlcipher.DatabaseError)
Error: tuple[type[Exception], ...] = (sqlite3.Error, _sqlcipher.Error)
OperationalError: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    _sqlcipher.OperationalError,
)
# The DB-API module of an encrypted copy (SQLAlchemy's dialect maps its errors: store/db.py).
driver = _sqlcipher

_keys: dict[str, bytes] = {}
_lock = threading.Lock()
_configured = False


# Why an encrypted copy does not open, by code (French; ``{path}`` the file).
_WHY = {
    "passphrase_required": (
        "La copie de travail « {path} » est chiffrée : sa phrase de passe (ou le trousseau du "
        "système) est nécessaire pour l'ouvrir. Rien n'a été modifié."
    ),
    "wrong_passphrase": (
        "La clé de chiffrement ne correspond pas à la copie de travail « {path} » (phrase de "
        "passe erronée ?). Le fichier n'a pas été modifié."
    ),
}


class CipherError(WorkingCopyError):
    """The encrypted copy at ``path`` cannot be opened with what this process has: nothing was
    changed. Each kind has its ``code`` and says why (``_WHY``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(_WHY[self.code].format(path=path))


class KeyRequired(CipherError):
    """The file is encrypted and no key was given for it (the passphrase is to be asked)."""

    code = "passphrase_required"


class WrongKey(CipherError):
    """The key given does not open the file (a wrong passphrase, or a key of another copy)."""

    code = "wrong_passphrase"


# A file that cannot be read, for whatever reason: a driver's error or a missing / wrong key.
Unreadable: tuple[type[Exception], ...] = (*Error, CipherError)


def _name(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


def register_key(path: Path, key: bytes) -> None:
    """The key (32 random bytes) of the copy at ``path`` for this process."""
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise ValueError(f"a working copy's key is {KEY_BYTES} bytes")
    with _lock:
        _keys[_name(path)] = key


def forget_key(path: Path) -> None:
    """This process no longer knows the key of the copy at ``path``."""
    with _lock:
        _keys.pop(_name(path), None)


def key_for(path: Path) -> bytes | None:
    """The key registered for the copy at ``path``, or None."""
    with _lock:
        return _keys.get(_name(path))


def _header(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(16)
    except FileNotFoundError:
        return None


def is_encrypted(path: Path) -> bool:
    """True when the file exists, is not empty and is not a plain SQLite file."""
    head = _header(path)
    return bool(head) and head != PLAIN_HEADER


def is_plain(path: Path) -> bool:
    """True when the file starts as a plain SQLite database does."""
    return _header(path) == PLAIN_HEADER


def could_be_encrypted(path: Path) -> bool:
    """An encrypted file as far as can be told without its key: not plain, whole pages.
    (Garbage of another length is a damaged file; see ``store.db``.)"""
    try:
        size = os.path.getsize(path)
    except OSError:
        return False
    return is_encrypted(path) and size % _PAGE_QUANTUM == 0


def key_pragma(key: bytes) -> str:
    """The SQL that keys a SQLCipher connection with the raw key (no KDF)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def attach_sql(alias: str, key: bytes | None) -> str:
    """``ATTACH ? AS alias KEY ...`` (the file bound as the one parameter); an empty key
    attaches a plain file."""
    secret = f"\"x'{key.hex()}'\"" if key is not None else "''"
    return f"ATTACH DATABASE ? AS {alias} KEY {secret}"


def _uri(path: Path, readonly: bool, uri_params: str) -> str:
    uri = Path(path).expanduser().resolve().as_uri()
    params = [p for p in ("mode=ro" if readonly else "", uri_params.lstrip("?&")) if p]
    return uri + ("?" + "&".join(params) if params else "")


def _configure() -> None:
    """This process's SQLCipher settings, once, before any encrypted file is opened: the
    settings every encrypted copy is written and read with (:data:`SETTINGS`, for attached
    files too), and no error log on stderr (a wrong key's failed HMAC is said by our errors)."""
    global _configured
    if not _configured:
        conn = _sqlcipher.connect(":memory:")
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            for name, value in SETTINGS:
                conn.execute(f"PRAGMA cipher_default_{name} = {value}")
        finally:
            conn.close()
        _configured = True


def connect_with(
    path: Path,
    key: bytes | None,
    *,
    readonly: bool = False,
    timeout: float = 30,
    check_same_thread: bool = True,
    uri_params: str = "",
) -> sqlite3.Connection:
    """Open ``path`` with ``key``: SQLCipher keyed and checked when the file is encrypted or
    new (empty or absent) and a key is given; SQLCipher's SQLite without a key for a plain file
    or without a key (one SQLite for every copy: 3.43+ for the search, migration 0027).
    KeyRequired for an encrypted file without key, WrongKey when the key does not open it."""
    path = Path(path)
    uri = _uri(path, readonly, uri_params)
    if key is None and could_be_encrypted(path):
        raise KeyRequired(path)
    if key is None or is_plain(path):  # (garbage of another length: SQLite says what it is)
        # SQLCipher's SQLite without a key: a plain file, read by the same SQLite as the
        # encrypted ones (the search indexes need 3.43+, migration 0027)
        plain = _sqlcipher.connect(
            uri, uri=True, timeout=timeout, check_same_thread=check_same_thread
        )
        return cast(sqlite3.Connection, plain)
    _configure()
    conn = _sqlcipher.connect(uri, uri=True, timeout=timeout, check_same_thread=check_same_thread)
    try:
        conn.execute(key_pragma(key))
        # The allocator's wiping of freed memory is off (SQLCipher's default since 4.5):
        # ~20 % of a query's time, and the key never leaves this process anyway.
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _sqlcipher.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise WrongKey(path) from exc
        raise
    return cast(sqlite3.Connection, conn)


def connect(
    path: Path,
    *,
    readonly: bool = False,
    timeout: float = 30,
    check_same_thread: bool = True,
    uri_params: str = "",
) -> sqlite3.Connection:
    """A DB-API connection to the copy at ``path`` with its registered key (see
    :func:`connect_with`). Typed as sqlite3's: a SQLCipher connection has the same methods;
    catch :data:`DatabaseError` / :data:`Error`, not sqlite3's classes alone."""
    return connect_with(
        path,
        key_for(path),
        readonly=readonly,
        timeout=timeout,
        check_same_thread=check_same_thread,
        uri_params=uri_params,
    )


def export(source: Path, source_key: bytes | None, target: Path, target_key: bytes | None) -> None:
    """Every table, index, trigger and row of ``source`` (plain, or encrypted with
    ``source_key``) written into ``target`` (absent or empty) with ``target_key``, or plain
    without one, by SQLCipher's ``sqlcipher_export``: how a plain file is encrypted (the backup
    API copies pages and cannot). The WAL's content is read with the rest."""
    if source_key is None and is_encrypted(source):
        raise KeyRequired(Path(source))
    _configure()
    conn = _sqlcipher.connect(_uri(Path(source), False, ""), uri=True, timeout=30)
    try:
        if source_key is not None:
            conn.execute(key_pragma(source_key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except _sqlcipher.DatabaseError as exc:
            if source_key is not None and "not a database" in str(exc):
                raise WrongKey(Path(source)) from exc
            raise
        conn.execute(attach_sql("target", target_key), (str(target),))
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()


def uses_cipher(conn: Any) -> bool:
    """True for a SQLCipher connection (an encrypted file)."""
    return isinstance(conn, _sqlcipher.Connection)
