"""Opening the working copy: a private SQLite file, checked, backed up and migrated at start."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offa_desktop.store import backups, cipher, encrypt
from offa_desktop.store.copy_errors import (
    CorruptWorkingCopy,
    WorkingCopyError,
    WorkingCopyGone,
)
from offa_desktop.store.files import (
    FULL_CHECK_BYTES,
    PRIVATE,
    SCHEMA_HEAD,
    UNKNOWN_ID,
    OpenLock,
    copy_id,
    derived_stale,
    ensure_copy_id,
    is_working_copy,
    quick_check,
    read_identity,
    stored_revision,
    write_identity,
)
from offa_desktop.store.files import companions as _companions
from offa_desktop.store.files import marker as _marker
from offa_desktop.store.search_terms import FOLD_DDL, VOCABULARY_DDL

if TYPE_CHECKING:  # SQLAlchemy is imported on first use of the store, not at start-up
    from alembic.config import Config
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session, sessionmaker

    from offa_desktop.store.uow import UnitOfWork

log = logging.getLogger("offa.store")

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config(str(MIGRATIONS / "alembic.ini"))
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def set_aside(path: Path, label: str) -> Path | None:
    """Rename the file and its WAL companions to ``<file>.<label>-<stamp>`` (never deleted);
    None when there was nothing to move."""
    moved = path.with_name(f"{path.name}.{label}-{_stamp()}")
    found = path.exists()
    if found:
        os.replace(path, moved)
    for companion in _companions(path):
        if companion.exists():
            os.replace(companion, moved.with_name(moved.name + companion.name[len(path.name) :]))
            found = True
    return moved if found else None


def _move_aside(path: Path, detail: str) -> CorruptWorkingCopy:
    moved = set_aside(path, "corrupt")
    assert moved is not None
    log.error("corrupt working copy %s moved to %s: %s", path, moved, detail)
    return CorruptWorkingCopy(path, moved, detail, latest=backups.latest(path))


def _gone(path: Path, reason: str, detail: str = "") -> WorkingCopyGone:
    moved = set_aside(path, reason)
    log.error("working copy %s %s (%s), set aside to %s", path, reason, detail, moved)
    return WorkingCopyGone(path, reason, moved, detail, latest=backups.latest(path))


def _backup(path: Path, revision: str | None) -> Path:
    """A verified backup before a migration (kept with the others, see ``store.backups``)."""
    return backups.take(
        path, f"before-{revision or 'none'}", check=backups.BEFORE_MIGRATION_CHECK
    ).path


CACHE_KIB = 65536
# The page cache of a connection writing a bulk load (the pages of a first sync, the rebuild of
# the derived tables after them): written pages are not read again, and a 64 MiB cache filled
# by 100,000 records took a first sync's process from 118 to 172 MB peak RSS for no time gained.
BULK_CACHE_KIB = 8192
# ... except what the load's random ids need: each record lands at a random place in the
# indexes led by its id (its table's id, the base's (collection, id), and since migration 0020
# the live rows' (id, name) of companies and learners), about 60 bytes each once the pages are
# split, and every page of those indexes is hit again and again. Past the cache, each insert
# reads (decrypts) a page evicted a moment before and writes (encrypts) another: a first sync of
# 1,000,000 records took 19.9 times the 100,000 one. So a bulk load of N records caches about
# N x BULK_CACHE_BYTES_PER_RECORD (100,000: 19 MiB; 1,000,000: 183 MiB), within
# BULK_CACHE_MAX_KIB. Measured (bytes the process read and wrote, loaded machine): the engine's
# first sync of 100,000 records, 8 -> 12 MiB, 425-470 -> 284-300 MB read, 355-392 -> 305-338 MB
# written, its inserts' CPU 3.1-3.5 -> 2.3-2.6 s; 300,000 companies and their bases loaded as a
# first sync does (2,500 a page, 20,000 a transaction), 8 -> 37 MiB: 3,966 -> 378 MB read,
# 3,765 -> 684 MB written, 31.0 -> 10.3 s CPU. 12 -> 19 MiB (128 -> 192 bytes a record) once
# 0020's (id, name) index made the companies three such indexes: 105,028 companies (A/B
# alternated with main, CPU): engine 4.36/4.54 -> 3.73/3.71 s, its companies' inserts 1.3-1.4 ->
# 0.9-1.0 s; headless process 5.15/5.32 -> 4.52/4.66 s CPU, peak RSS 110.3 -> 112.8 MB (the
# peak is the rebuild's, after the load; 256 bytes a record took it to about 120 MB).
BULK_CACHE_BYTES_PER_RECORD = 192
BULK_CACHE_MAX_KIB = 256 * 1024


# The page cache of a scan reading each page once (the check's sum of every row's version): it
# runs beside the rebuild after a first sync, whose cache it would add to the peak RSS.
SCAN_CACHE_KIB = 2048


# The page cache of the rebuild after a bulk load (store/derived.py, replica.rebuild_derived):
# each search document lands at a random place in search_docs' (collection, record id) index,
# about 60 bytes once its pages are split. Past the cache, each insert decrypts a page evicted a
# moment before and writes another: after a first sync of 1,000,000 companies the rebuild took
# 49 s of CPU with the 8 MiB of BULK_CACHE_KIB (703,000 pages decrypted), 18.7 s with 32 MiB,
# 9.1 s with 64 MiB, 8.6 s with 128 MiB (the same stale copy, rolled back between runs, load
# 4-5). 100,000 records still get the 8 MiB.
REBUILD_CACHE_BYTES_PER_RECORD = 80


def rebuild_cache_kib(records: int) -> int:
    """The page cache (KiB) of the rebuild of the derived tables of ``records`` searchable
    records (:data:`REBUILD_CACHE_BYTES_PER_RECORD`, 8 MiB to 256 MiB)."""
    wanted = records * REBUILD_CACHE_BYTES_PER_RECORD // 1024
    return min(BULK_CACHE_MAX_KIB, max(BULK_CACHE_KIB, wanted))


def bulk_cache_kib(records: int) -> int:
    """The page cache (KiB) of a bulk load bringing about ``records`` records in all."""
    wanted = records * BULK_CACHE_BYTES_PER_RECORD // 1024
    return min(BULK_CACHE_MAX_KIB, max(BULK_CACHE_KIB, wanted))


@contextmanager
def lean_cache(conn: Connection, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """The connection's page cache at ``kib`` (:data:`BULK_CACHE_KIB`, or
    :func:`bulk_cache_kib`) for the block, then back to :data:`CACHE_KIB` (only what the block
    keeps cached stays in memory)."""
    conn.exec_driver_sql(f"PRAGMA cache_size=-{kib}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")


# SQLite's automatic checkpoint: at a commit that leaves the WAL longer than this many pages
# (16 MiB of 16 KiB pages), and during a bulk load's transactions (64 MiB).
AUTOCHECKPOINT_PAGES = 1000
BULK_AUTOCHECKPOINT_PAGES = 4096
_CHECKPOINTS_SPACED = "offa_checkpoints_spaced"  # in a pooled connection's info


def space_checkpoints(conn: Connection) -> None:
    """For a bulk load's transaction (a page of a first sync): its commit checkpoints only
    once the WAL holds :data:`BULK_AUTOCHECKPOINT_PAGES` pages, not 1,000. A page of 2,500
    records writes about 9 MB to the WAL, so the default checkpointed after nearly every other
    page, each time with two fsyncs and the same index pages (random ids) copied again; 64 MiB
    keeps the WAL bounded (never checkpointing: 181 MB of WAL for a 60 MB copy of 100,000
    records, and it grows with each page). The connection's setting comes back when it returns
    to the pool (:func:`_on_checkin`). Nothing is less safe: a committed page is in the WAL.
    Encrypted 100,000-record load in 20 transactions, loaded machine: 9.4 s -> 7.3 s."""
    conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={BULK_AUTOCHECKPOINT_PAGES}")
    conn.info[_CHECKPOINTS_SPACED] = True


def _on_checkin(dbapi_conn: Any, record: Any) -> None:
    if record.info.pop(_CHECKPOINTS_SPACED, False) and dbapi_conn is not None:
        dbapi_conn.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")


# Each connection's settings, in this order. 64 MiB of page cache: list queries on 100,000
# contracts stay in memory (a bulk load takes less, see BULK_CACHE_KIB).
PRAGMAS = (
    "journal_mode=WAL",
    "foreign_keys=ON",
    "synchronous=NORMAL",
    f"cache_size=-{CACHE_KIB}",
    "temp_store=MEMORY",
)


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Autocommit at the driver level: transactions are begun explicitly in _on_begin, so a read
    # session sees one snapshot and the unit of work takes the write lock at once.
    dbapi_conn.isolation_level = None
    for pragma in PRAGMAS:
        dbapi_conn.execute(f"PRAGMA {pragma}")
    # the search index's vocabulary (store/search_terms.py), in the connection's own temporary
    # schema: made here, outside any transaction, as a read session's would roll it back
    dbapi_conn.execute(VOCABULARY_DDL)
    for ddl in FOLD_DDL:  # the tokenizer's table, for the accented words typed
        dbapi_conn.execute(ddl)


def _on_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("offa_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    """The engine of the copy at ``path``: its connections are ``cipher.connect``'s, with the
    key registered now: SQLCipher's driver (its errors mapped by SQLAlchemy) for every copy,
    keyed when the file is encrypted or new with a key, plain otherwise (one SQLite for all:
    the search indexes need 3.43+, migration 0027)."""
    import sqlite3

    from sqlalchemy import create_engine, event

    key = cipher.key_for(path)

    def creator() -> sqlite3.Connection:
        return cipher.connect_with(path, key, timeout=30, check_same_thread=False)

    engine = create_engine(
        f"sqlite:///{path}",  # a file: the pool of a file, not of :memory:
        creator=creator,
        module=cipher.driver,
        hide_parameters=True,  # an error's text (logged) never quotes records: personal data
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "checkin", _on_checkin)
    return engine


def _rebuild_stale(engine: Engine) -> None:
    """A bulk load killed before its end left the search index and list keys behind (flag in
    sync_state, see store.derived), or the search index's documents are numbered as before
    its kinds had ranges of their own (store.search.BLOCKS): rebuilt before anything reads
    them (the search index alone then, once: 6 s of CPU for 100,000 contracts)."""
    from offa_desktop.store.derived import rebuild_if_stale

    with engine.execution_options(offa_write=True).begin() as conn:
        if rebuild_if_stale(conn):
            log.warning("search index rebuilt (with the list keys after an interrupted bulk "
                        "load; alone when numbered before its kinds had ranges)")


class WorkingCopy:
    """The local SQLite working copy: read sessions for queries, one unit of work for writes.

    Open it with :meth:`open`. ``user_id`` (the signed-in user's id, when known) is written as
    ``updated_by`` on local edits. The SQLAlchemy engine is made on first use (:attr:`engine`):
    opening a sound file at the schema head imports no SQLAlchemy, so start-up can paint its
    first list from :mod:`offa_desktop.store.first_look` meanwhile.
    """

    def __init__(self, path: Path, engine: Engine | None = None, backup: Path | None = None):
        self.path = path
        self.backup = backup
        self.user_id: str | None = None
        self._engine = engine
        self._makers: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None
        self._engine_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self._open_lock: OpenLock | None = None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (made, with its imports, on first use; thread-safe)."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._engine = make_engine(self.path)
        return self._engine

    def _sessions(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        if self._makers is None:
            from sqlalchemy.orm import sessionmaker

            engine = self.engine
            with self._engine_lock:
                if self._makers is None:
                    self._makers = (
                        sessionmaker(bind=engine, expire_on_commit=False),
                        sessionmaker(
                            bind=engine.execution_options(offa_write=True),
                            expire_on_commit=False,
                        ),
                    )
        return self._makers

    @property
    def engine_ready(self) -> bool:
        """True once the engine exists (SQLAlchemy imported)."""
        return self._engine is not None

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> WorkingCopy:
        """Check, back up, migrate and open the file (created, private, when absent).

        A folder that had a copy (its identity marker) never gets a new empty one: an empty,
        missing, foreign or damaged file raises WorkingCopyGone (the file set aside);
        WorkingCopyError for a file of a newer application. Messages in French.
        """
        path = Path(path).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        known = read_identity(path)
        size = path.stat().st_size if path.exists() else None
        if known is not None and not size:
            raise _gone(path, "missing" if size is None else "empty")
        existed = bool(size)
        marker = _marker(path)
        key = cipher.key_for(path)
        if existed:
            encrypt.recover_if_left(path)
            full = marker.exists() or path.stat().st_size <= FULL_CHECK_BYTES
            # An encrypted file and no key, or the wrong one: raised, the file untouched
            # (never taken for a damaged file).
            problem = quick_check(path, full=full)
            if problem is not None:
                raise _move_aside(path, problem)
            found = copy_id(path)
            if known not in (None, UNKNOWN_ID) and found is not None and found != known:
                raise _gone(path, "foreign", f"copy id {found}, folder's {known}")
            if not is_working_copy(path):
                raise _gone(path, "foreign", "not a working copy of this application")
            if key is not None and cipher.is_plain(path):
                encrypt.encrypt_in_place(path, key)
            if key is not None:  # plain backups or set-asides (a kill after the swap)
                encrypt.encrypt_leftovers(path, key)
        elif not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE))
        for file in (path, *_companions(path)):
            if file.exists():
                os.chmod(file, PRIVATE)
        lock = OpenLock(path)
        lock.acquire()  # shared: only a restore is kept out (it waits for every close)
        engine = None
        backup = None
        try:
            if not existed or stored_revision(path) != SCHEMA_HEAD:
                engine = make_engine(path)
                backup = cls._migrate(path, engine, existed)
            if existed and derived_stale(path):
                engine = engine or make_engine(path)
                _rebuild_stale(engine)
            if known in (None, UNKNOWN_ID) or copy_id(path) != known:
                # A new copy, one from before the marker, or one a schema reset emptied.
                write_identity(path, ensure_copy_id(path))
        except BaseException:
            if engine is not None:
                engine.dispose()
            lock.release()
            raise
        marker.touch(mode=PRIVATE)
        wc = cls(path, engine, backup)
        wc._open_lock = lock
        return wc

    def backup_if_due(self) -> backups.Backup | None:
        """An automatic, verified backup when one is due (``store.backups.take_if_due``)."""
        return backups.take_if_due(self.path)

    def verify(self) -> str | None:
        """The full integrity check (PRAGMA quick_check): None when sound, else what is wrong.

        Slow on a large file: the app runs it in a worker after the window is painted.
        """
        return quick_check(self.path, full=True)

    @staticmethod
    def _migrate(path: Path, engine: Engine, existed: bool) -> Path | None:
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = alembic_config()
        script = ScriptDirectory.from_config(cfg)
        head = script.get_current_head()
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            conn.rollback()
        if current == head:
            return None
        if current is not None and current not in {r.revision for r in script.walk_revisions()}:
            raise WorkingCopyError(
                "La copie de travail a été écrite par une version plus récente de l'application "
                f"(schéma {current}). Installez la dernière version pour l'ouvrir."
            )
        backup = _backup(path, current) if existed else None
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        log.info("working copy %s migrated from %s to %s", path, current, head)
        return backup

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (one snapshot); it never commits."""
        session = self._sessions()[0]()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """The one writer: commits when the block ends normally, writes nothing on an error.

        Its lock admits one unit of work at a time in the process, whatever the thread: the
        UI's writer lane and the sync (on the pool lane) take turns here, not on SQLite's busy
        timeout (tests/store/test_one_writer.py)."""
        with self._write_lock:
            session = self._sessions()[1]()
            try:
                from offa_desktop.store.uow import UnitOfWork

                uow = UnitOfWork(session, user_id=self.user_id)
                yield uow
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    def close(self) -> None:
        """Closes the file; the next open then knows the shutdown was clean."""
        if self._engine is not None:
            self._engine.dispose()
        _marker(self.path).unlink(missing_ok=True)
        if self._open_lock is not None:
            self._open_lock.release()
            self._open_lock = None
