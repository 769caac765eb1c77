"""A fresh PostgreSQL schema per test module (dropped afterwards), as a database URL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import psycopg


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
