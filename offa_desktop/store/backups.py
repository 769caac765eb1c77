"""Backups of the working copy, with sqlite3 (SQLCipher for an encrypted copy) only.

A backup is a consistent copy (SQLite's backup API, the WAL included) in the data folder's
``backups`` folder, private to the user, verified as soon as it is written (``PRAGMA
integrity_check``, or ``quick_check`` on a large copy: see ``check_for``): a copy that fails is
deleted at once and never pushes a good one out of the rotation. A backup of an encrypted copy
is encrypted with the copy's key (``store.cipher``). The last ``KEEP`` are kept. They are taken
before a migration, before a restore sets a file aside, and now and then while the copy is used
(``take_if_due``: when the copy changed since the newest backup and that one is older than
``spacing()``).

Names sort by time: ``working-copy-20261123T091500123456Z[-reason].sqlite3``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from offa_desktop.domain.errors import OffaError
from offa_desktop.store import cipher
from offa_desktop.store.files import read_only

log = logging.getLogger("offa.store")

FOLDER = "backups"
KEEP = 5
PRIVATE = 0o600
# Spacing of the automatic backups; OFFA_BACKUP_MINUTES tunes it (0: whenever the copy changed).
DEFAULT_SPACING = timedelta(minutes=30)
SPACING_ENV = "OFFA_BACKUP_MINUTES"
_STAMP = "%Y%m%dT%H%M%S%fZ"
# Why a backup could not be written: the disk, the driver, the copy's key.
_FAILURES: tuple[type[Exception], ...] = (OSError, *cipher.Unreadable)


class BackupFailed(OffaError):
    """A backup could not be written or failed its check; ``message`` is French."""

    code = "backup_failed"


@dataclass(frozen=True)
class Backup:
    """One verified backup file and when it was taken (UTC)."""

    path: Path
    taken_at: datetime
    reason: str  # "auto", "before-0005" (a migration), "before-restore"

    @property
    def label_fr(self) -> str:
        """« 23/11/2026 à 10:15 » in local time, for messages."""
        local = self.taken_at.astimezone()
        return local.strftime("%d/%m/%Y à %H:%M")


def folder(path: Path) -> Path:
    """The backups folder of the working copy ``path``."""
    return path.parent / FOLDER


def _prefix(path: Path) -> str:
    return path.stem + "-"


def _parse(path: Path, file: Path) -> Backup | None:
    name = file.name
    if not name.startswith(_prefix(path)) or not name.endswith(path.suffix):
        return None
    core = name[len(_prefix(path)) : len(name) - len(path.suffix)]
    stamp, _, reason = core.partition("-")
    try:
        taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return Backup(file, taken, reason or "auto")


def backups(path: Path) -> list[Backup]:
    """The backups of ``path``, newest first."""
    where = folder(path)
    if not where.is_dir():
        return []
    found = [b for f in where.iterdir() if f.is_file() and (b := _parse(path, f)) is not None]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def latest(path: Path) -> Backup | None:
    """The newest backup of ``path``, or None."""
    found = backups(path)
    return found[0] if found else None


# The check of a backup taken before a migration, which the app waits for before it opens the
# copy: PRAGMA quick_check, not integrity_check. Both read every page (an encrypted one's HMAC
# checked by SQLCipher: a page flipped, torn or lost fails) and check every b-tree's structure,
# every record and the free list; integrity_check also looks each index entry up against its
# row: random reads, and what they check a page-by-page copy (the backup API) reproduces as
# the copy had it. On the 1,000,000-contract demo copy (8.7 GB) that is more than 10 min of
# CPU; quick_check 36.5 s (100,000 contracts, 0.9 GB: 3.8 s). Other backups: integrity_check.
BEFORE_MIGRATION_CHECK = "quick_check"
# The other backups (automatic ones, every ``spacing()`` while the copy changes): the full
# integrity_check on a copy up to this size, quick_check on a larger one. What integrity_check
# adds is the lookup of every index entry against its row: it costs what the rest does many
# times over, and more so as the copy grows (encrypted demo copies, CPU: 10,000 contracts,
# 94 MB: 1.4 s against quick_check's 0.3 s; 100,000 contracts, 0.9 GB: 66 s against 2.3 s;
# 1,000,000, 8.7 GB: more than 10 min against 36 s, every 30 minutes of use). And what it
# alone finds is the least harmful damage: the backup API copies the copy's pages as they are,
# so an index at odds with its table in a backup was so in the copy, and an index is derived
# from its table (REINDEX makes it again); quick_check still reads every page (each one's
# HMAC checked by SQLCipher: a page torn, flipped, misplaced or missing fails, as does a
# truncated file), every b-tree, every record and the free list: the tables' data, what a
# restore must bring back, is whole. tests/store/test_backups.py damages backups both ways.
FULL_CHECK_BYTES = 128 * 1024 * 1024


def check_for(path: Path) -> str:
    """The check an automatic backup of the copy ``path`` gets (``FULL_CHECK_BYTES``)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return "integrity_check" if size <= FULL_CHECK_BYTES else "quick_check"


def integrity(
    file: Path, *, copy: Path | None = None, check: str = "integrity_check"
) -> str | None:
    """None when ``PRAGMA integrity_check`` (or ``check``: ``quick_check``) finds ``file``
    sound, else what is wrong (read with the key of the working copy ``copy``, default
    ``file`` itself: ``cipher.KeyRequired`` / ``WrongKey`` when it is encrypted and that key
    is missing or another)."""
    if check not in ("integrity_check", "quick_check"):
        raise ValueError(check)
    try:
        rows = read_only(file, f"PRAGMA {check}", copy=copy)
    except cipher.DatabaseError as exc:
        return str(exc)
    results = [str(r[0]) for r in rows]
    return None if results == ["ok"] else "; ".join(results[:5])


def copy_file(source: Path, target: Path, key: bytes | None = None) -> None:
    """A consistent copy of the database ``source`` into the new private file ``target``,
    encrypted with ``key`` when one is given (the working copy's: ``source`` is read with it
    when it is encrypted, or encrypted on the way when it is a plain file), else plain."""
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE)
    os.close(fd)
    if key is not None and cipher.is_plain(source):
        cipher.export(source, None, target, key)
        return
    src = cipher.connect_with(source, key, readonly=True)
    try:
        dst = cipher.connect_with(target, key)
        try:
            src.backup(dst)  # page by page, each one encrypted again with the same key
            # A backup of a WAL database is in WAL mode too: make it one self-contained file.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def take(path: Path, reason: str = "auto", *, check: str | None = None) -> Backup:
    """Back ``path`` up now, verify the backup (PRAGMA ``check``, by default the one
    ``check_for`` chooses for the copy's size), then keep only the last ``KEEP``.

    BackupFailed (nothing kept) when the copy cannot be read or the backup fails its check.
    """
    where = folder(path)
    where.mkdir(mode=0o700, exist_ok=True)
    taken = datetime.now(UTC)
    suffix = "" if reason == "auto" else f"-{reason}"
    target = where / f"{_prefix(path)}{taken.strftime(_STAMP)}{suffix}{path.suffix}"
    check = check or check_for(path)
    try:
        copy_file(path, target, cipher.key_for(path))
        problem = integrity(target, copy=path, check=check)
        if not path.exists():  # erased meanwhile (« à effacer », « Oublier »): keep nothing
            raise FileNotFoundError(path)
    except _FAILURES as exc:
        target.unlink(missing_ok=True)
        if not path.exists():
            _drop_if_empty(where)
            log.info("backup given up: the working copy was erased meanwhile")
            raise BackupFailed("La copie de travail a été effacée.") from exc
        log.error("backup of %s failed: %s", path, exc)
        raise BackupFailed(f"La sauvegarde de la copie de travail a échoué : {exc}.") from exc
    if problem is not None:
        target.unlink(missing_ok=True)
        log.error("backup of %s failed its integrity check: %s", path, problem)
        raise BackupFailed(
            "La sauvegarde de la copie de travail a échoué à sa vérification "
            f"(PRAGMA {check} : {problem}) : les sauvegardes précédentes sont gardées."
        )
    for stale in backups(path)[KEEP:]:
        stale.path.unlink(missing_ok=True)
    log.info("working copy backed up to %s (verified: PRAGMA %s)", target, check)
    return Backup(target, taken, reason)


def _drop_if_empty(where: Path) -> None:
    try:
        where.rmdir()
    except OSError:
        pass  # not empty, or gone already


def spacing() -> timedelta:
    """The least time between two automatic backups (``OFFA_BACKUP_MINUTES``)."""
    raw = os.environ.get(SPACING_ENV)
    if raw:
        try:
            return timedelta(minutes=max(0.0, float(raw)))
        except ValueError:
            log.warning("%s=%r is not a number of minutes: default used", SPACING_ENV, raw)
    return DEFAULT_SPACING


def last_change(path: Path) -> datetime:
    """When the copy was last written (its file or its WAL), UTC."""
    times = [p.stat().st_mtime for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
    return datetime.fromtimestamp(max(times, default=0.0), UTC)


def due(path: Path, now: datetime | None = None) -> bool:
    """True when the copy changed since its newest backup and that one is old enough."""
    newest = latest(path)
    if newest is None:
        return True
    now = now or datetime.now(UTC)
    return last_change(path) > newest.taken_at and now - newest.taken_at >= spacing()


def take_if_due(path: Path) -> Backup | None:
    """An automatic backup when one is due (see ``due``); a failure is logged, not raised:
    the copy stays usable and the older backups stay."""
    if not path.exists() or path.stat().st_size == 0 or not due(path):
        return None
    try:
        return take(path)
    except BackupFailed:
        return None
