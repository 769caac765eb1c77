"""Database engines for the reference server: SQLite (WAL) by default, PostgreSQL by URL.

Writers serialise on one counter row (see ``store.WriteLock``); this module only makes the
engines behave: SQLite gets WAL, a busy timeout and real transactions for reads (a pull reads
its page, its cursor and its checksum from one snapshot), PostgreSQL gets psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
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
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size * 2,
        pool_pre_ping=True,
        pool_timeout=60,
        hide_parameters=True,
    )


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
