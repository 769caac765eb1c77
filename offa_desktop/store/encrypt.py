"""A plain working copy encrypted in place (issue 16), crash-safe.

``WorkingCopy.open`` calls :func:`encrypt_in_place` when the copy's key is registered and the
file is still plain (a copy of a version before encryption). With the copy held exclusively
(no other process has it open):

1. the WAL is folded into the file (``journal_mode=DELETE``: no plaintext ``-wal`` is left to
   meet the encrypted file, whose WAL has the same name);
2. every table, index, trigger and row is written into ``<file>.encrypting`` with the key
   (``cipher.export``), which is then verified (``PRAGMA integrity_check`` and SQLCipher's
   page HMACs, the same schema, the same row count in every table, the same copy id) and
   flushed to disk (fsync of the file and of the folder);
3. the plain file gets a second name, ``<file>.plaintext`` (a hard link), and the encrypted
   file takes the copy's name in one atomic ``os.replace``;
4. the plaintext is overwritten with zeros, flushed, and removed.

A kill at any point leaves the copy's name on the old plain file (before 3) or on the new
encrypted one (after), never on neither nor on a half-written file; :func:`recover` clears what
the interrupted run left (a partial ``.encrypting``; a ``.plaintext`` link, wiped when the swap
happened, merely unlinked when it is still the copy itself), and the next open starts again.
Unsent edits (``outbox``) and open conflicts are rows like the others: they are in the new file.

The plain backups and sound plain set-asides of the folder are then encrypted the same way
(:func:`encrypt_leftovers`): no file of the data folder keeps records in plain text.

The named kill points for the tests: ``OFFA_STORE_CRASH_AT=point[:n]`` (see :data:`POINTS`).
A flash disk may keep old blocks whatever is written over them: the wipe makes the plaintext
unreadable through the file system, not through the chips.
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
from pathlib import Path
from typing import Any

from offa_desktop.store import backups, cipher
from offa_desktop.store.copy_errors import WorkingCopyBusy, WorkingCopyError
from offa_desktop.store.files import COPY_ID_KEY, OpenLock, companions

log = logging.getLogger("offa.store")

CRASH_ENV = "OFFA_STORE_CRASH_AT"
POINTS = (
    "encrypt_start",  # nothing done yet
    "encrypt_wal_folded",  # the plain file in rollback-journal mode, its WAL folded in
    "encrypt_exported",  # the .encrypting file written, not verified
    "encrypt_verified",  # verified and flushed, not swapped
    "encrypt_linked",  # the plain file has its .plaintext name too
    "encrypt_swapped",  # the copy's name is on the encrypted file; the plaintext not wiped
    "encrypt_wiped",  # done
)
_counts: dict[str, int] = {}
_CHUNK = 1 << 20
_FAILURES: tuple[type[Exception], ...] = (OSError, WorkingCopyError, *cipher.Error)


class EncryptionFailed(WorkingCopyError):
    """The encrypted file did not verify: the plain copy is kept as it was."""

    code = "encryption_failed"


def crash_point(name: str) -> None:
    """Die here (SIGKILL, nothing flushed) when ``OFFA_STORE_CRASH_AT`` names this point."""
    spec = os.environ.get(CRASH_ENV)
    if not spec:
        return
    target, _, count = spec.partition(":")
    if target != name:
        return
    _counts[name] = _counts.get(name, 0) + 1
    if _counts[name] >= int(count or "1"):
        os.kill(os.getpid(), signal.SIGKILL)


def temp_file(path: Path) -> Path:
    """Where the encrypted file is written before it takes the copy's name."""
    return path.with_name(path.name + ".encrypting")


def plaintext_link(path: Path) -> Path:
    """The plain file's second name while its encrypted successor takes its place."""
    return path.with_name(path.name + ".plaintext")


def _fsync(file: Path) -> None:
    fd = os.open(file, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    try:
        _fsync(folder)
    except OSError:
        pass  # a file system without directory fsync (the rename is still atomic)


def wipe(file: Path) -> None:
    """Overwrite ``file`` with zeros, flush it, then remove it."""
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        return
    fd = os.open(file, os.O_WRONLY)
    try:
        zeros = bytes(min(size, _CHUNK))
        done = 0
        while done < size:
            done += os.write(fd, zeros[: min(_CHUNK, size - done)])
        os.fsync(fd)
    finally:
        os.close(fd)
    file.unlink(missing_ok=True)


def _remove_temp(temp: Path) -> None:
    for file in (temp, *companions(temp), temp.with_name(temp.name + "-journal")):
        file.unlink(missing_ok=True)  # encrypted pages or nothing: no plaintext in them


def recover(path: Path) -> None:
    """Clear what an interrupted encryption of ``path`` left (run with the copy held
    exclusively): the copy's name always holds a whole file, old or new."""
    _remove_temp(temp_file(path))
    aside = plaintext_link(path)
    if not aside.exists():
        return
    if not path.exists():
        os.replace(aside, path)  # not our doing (the swap never leaves no copy): put it back
    elif os.path.samefile(path, aside):
        aside.unlink()  # killed before the swap: this plain file is still the copy
    else:
        wipe(aside)  # the swap was done: the old plaintext's last name
    _fsync_dir(path.parent)


def left_over(path: Path) -> bool:
    """True when an interrupted encryption left files beside the copy ``path``."""
    return plaintext_link(path).exists() or temp_file(path).exists()


def recover_if_left(path: Path) -> None:
    """:func:`recover` when there is something to clear and no other process has the copy
    open (else the next open does it)."""
    if not left_over(path):
        return
    lock = OpenLock(path)
    if not lock.acquire(exclusive=True):
        return
    try:
        recover(path)
    finally:
        lock.release()
    log.warning("working copy %s: what an interrupted encryption left was cleared", path)


def _schema(conn: sqlite3.Connection) -> list[Any]:
    sql = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    return conn.execute(sql).fetchall()


def _counts_of(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def _copy_id(conn: sqlite3.Connection) -> object:
    try:
        row = conn.execute(
            "SELECT value FROM sync_state WHERE key = ?", (COPY_ID_KEY,)
        ).fetchone()
    except cipher.DatabaseError:
        return None  # no sync_state yet (an empty or very old file)
    return row[0] if row else None


def verify(plain: Path, encrypted: Path, key: bytes) -> str | None:
    """None when ``encrypted`` holds what ``plain`` holds and is sound, else what differs."""
    if not cipher.is_encrypted(encrypted):
        return "the new file is not encrypted"
    src = cipher.connect_with(plain, None, readonly=True)
    try:
        dst = cipher.connect_with(encrypted, key, readonly=True)
        try:
            check = [str(r[0]) for r in dst.execute("PRAGMA integrity_check").fetchall()]
            if check != ["ok"]:
                return "integrity_check: " + "; ".join(check[:5])
            pages = [str(r[0]) for r in dst.execute("PRAGMA cipher_integrity_check")]
            if pages:
                return "cipher_integrity_check: " + "; ".join(pages[:5])
            if _schema(src) != _schema(dst):
                return "the schema differs"
            before, after = _counts_of(src), _counts_of(dst)
            if before != after:
                wrong = sorted(
                    n for n in before.keys() | after.keys() if before.get(n) != after.get(n)
                )
                return "row counts differ: " + ", ".join(wrong[:5])
            if _copy_id(src) != _copy_id(dst):
                return "the copy id differs"
        finally:
            dst.close()
    finally:
        src.close()
    return None


def _fold_wal(path: Path) -> None:
    """The plain file in rollback-journal mode, its WAL folded in and gone. WorkingCopyBusy
    when a connection (a reader of this process) keeps SQLite from it: nothing lost."""
    conn = cipher.connect_with(path, None)
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise WorkingCopyBusy()
    _no_wal(path)


def _no_wal(path: Path) -> None:
    """No WAL of the plain file may meet the encrypted one (same name): an empty one or a
    shared-memory index is removed, one with frames stops the encryption (WorkingCopyBusy)."""
    wal, shm = companions(path)
    if wal.exists() and wal.stat().st_size > 0:
        raise WorkingCopyBusy()
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)


def encrypt_file(path: Path, key: bytes, *, kill_points: bool = False) -> None:
    """Encrypt the plain database ``path`` in place with ``key`` (steps in the module's
    docstring). EncryptionFailed, the plain file unchanged, when the new one does not verify.
    The caller keeps other processes away from ``path``."""

    def point(name: str) -> None:
        if kill_points:
            crash_point(name)

    recover(path)
    point("encrypt_start")
    _fold_wal(path)
    point("encrypt_wal_folded")
    temp = temp_file(path)
    try:
        cipher.export(path, None, temp, key)
        point("encrypt_exported")
        problem = verify(path, temp, key)
    except BaseException:
        _remove_temp(temp)
        raise
    if problem is not None:
        _remove_temp(temp)
        log.error("encrypting %s: the new file did not verify (%s)", path, problem)
        raise EncryptionFailed(
            "Le chiffrement de la copie de travail a échoué à sa vérification : la copie est "
            f"restée telle quelle ({problem})."
        )
    os.chmod(temp, backups.PRIVATE)
    _fsync(temp)
    _fsync_dir(path.parent)
    point("encrypt_verified")
    aside = plaintext_link(path)
    os.link(path, aside)
    _fsync_dir(path.parent)
    point("encrypt_linked")
    try:
        _no_wal(path)
    except WorkingCopyBusy:
        plaintext_link(path).unlink()
        _remove_temp(temp)
        raise
    os.replace(temp, path)
    _fsync_dir(path.parent)
    point("encrypt_swapped")
    wipe(aside)
    _fsync_dir(path.parent)
    point("encrypt_wiped")


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Encrypt the plain working copy ``path`` (then ``WorkingCopy.open`` calls
    :func:`encrypt_leftovers`). WorkingCopyBusy when another process has the copy open
    (nothing changed)."""
    lock = OpenLock(path)
    if not lock.acquire(exclusive=True):
        raise WorkingCopyBusy()
    try:
        encrypt_file(path, key, kill_points=True)
    finally:
        lock.release()
    log.warning("working copy %s encrypted in place (the plain file wiped)", path)


def encrypt_leftovers(path: Path, key: bytes) -> int:
    """Encrypt the plain backups and set-asides of the copy ``path`` (a damaged one that
    cannot be read stays as it is: logged); how many were encrypted. Cheap when there are
    none: a listing and a header read a file."""
    candidates = [b.path for b in backups.backups(path)]
    candidates += [
        f
        for f in path.parent.glob(path.name + ".*-*")
        if f.is_file() and not f.name.endswith(("-wal", "-shm", "-journal"))
    ]
    done = 0
    for file in candidates:
        if not cipher.is_plain(file):
            continue
        try:
            encrypt_file(file, key)
            done += 1
        except _FAILURES as exc:
            log.warning("a plain file beside the working copy could not be encrypted: %s", exc)
    return done
