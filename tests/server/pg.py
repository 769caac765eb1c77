"""A fresh PostgreSQL schema per test module (dropped afterwards), as a database URL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import psycopg
from sqlalchemy import Engine

from sync.server.db import make_engine


@contextmanager
def fresh_schema(pg_url: str) -> Iterator[str]:
    """Yield a ``postgresql://`` URL whose search_path is a new, empty schema."""
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    name = "offa_srv_" + uuid.uuid4().hex[:10]
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    sep = "&" if "?" in plain else "?"
    url = f"{plain}{sep}options={quote(f'-csearch_path={name}')}"
    try:
        yield url
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')


@contextmanager
def prepared_engine(pg_url: str) -> Iterator[Engine]:
    """An engine on a fresh schema with the server's tables, reference data and test users."""
    from tests.server.conftest import prepare

    with fresh_schema(pg_url) as url:
        prepare(url)
        engine = make_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()
