"""Database engines for the reference server: SQLite (WAL) by default, PostgreSQL by URL.

Writers serialise on one counter row (see ``store.WriteLock``); this module only makes the
engines behave: SQLite gets WAL, a busy timeout and real transactions for reads (a pull reads
its page, its cursor and its checksum from one snapshot), PostgreSQL gets psycopg 3.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import QueuePool, StaticPool

DEFAULT_FILE = "offa-server.sqlite3"


def default_database_url() -> str:
    """``$OFFA_SERVER_DATABASE``, else a SQLite file in the user's data folder."""
    env = os.environ.get("OFFA_SERVER_DATABASE")
    if env:
        return env
    folder = Path(user_data_dir("offa-server", "OFFA"))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return f"sqlite:///{folder / DEFAULT_FILE}"


def normalise_url(url: str) -> str:
    """``postgresql://`` (and ``postgres://``) mean psycopg 3; a bare path means SQLite."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    return url


def is_sqlite(url: str) -> bool:
    return normalise_url(url).startswith("sqlite")


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An engine for ``url`` with the settings the server relies on."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        memory = ":memory:" in url or url in ("sqlite://", "sqlite+pysqlite://")
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 60},
            # A pool keeps connections (and their PRAGMAs) across requests; one writer at a
            # time is SQLite's own rule, enforced by its lock and our busy timeout.
            poolclass=StaticPool if memory else QueuePool,
            hide_parameters=True,  # an error's text never quotes records (personal data)
            **({} if memory else {"pool_size": pool_size, "max_overflow": pool_size * 2}),
        )
        _sqlite_setup(engine)
        return engine
    engine = create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size * 2,
        pool_timeout=60,
        hide_parameters=True,
    )
    _ping_when_idle(engine)
    return engine


# A pooled PostgreSQL connection idle longer than this is tested before use (``SELECT 1``).
PING_AFTER_IDLE = 2.0  # seconds


def _ping_when_idle(engine: Engine) -> None:
    """Test a pooled connection before use only when it sat idle in the pool for more than
    ``PING_AFTER_IDLE`` (a restarted or restarting database, a connection dropped by a
    firewall): a dead one is replaced, as ``pool_pre_ping`` does, but a connection back in use
    within the second (every request under load) costs no ``SELECT 1`` round trip, where
    ``pool_pre_ping`` sent one with every request (the dialect's own ping, as it does)."""

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        if record is not None:
            record.info["offa_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("offa_idle_since", None)
        if since is None or time.monotonic() - since <= PING_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)  # in autocommit: no transaction left open
        except Exception as exc:  # the pool replaces it and checks out another
            raise DisconnectionError("pooled connection found dead") from exc


# Each SQLite connection's settings, in this order.
SQLITE_PRAGMAS = ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=60000", "foreign_keys=ON")


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself, so reads share one snapshot.
        dbapi_conn.isolation_level = None
        for pragma in SQLITE_PRAGMAS:
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")
