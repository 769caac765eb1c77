"""The server's released migrations (0001-0004) go on making what they made, on SQLite and on
PostgreSQL: after each one, SQLite's ``sqlite_master`` rows (their SQL to the letter) and
PostgreSQL's columns (type, length, null, default) and indexes (their definition), against
``released_schema.json``, written once from the migrations as they were released. They may be
rewritten (shared helpers) but never changed; never regenerate the file (0005 on is not in it).

    OFFA_TEST_POSTGRES_URL=... python -m tests.server.test_released_migrations  # wrote it
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text

from sync.server.db import make_engine
from sync.server.setup import MIGRATIONS
from tests.server.pg import fresh_schema

SNAPSHOT = Path(__file__).with_name("released_schema.json")
RELEASED = ["0001", "0002", "0003", "0004"]
SQLITE = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
PG_COLUMNS = (
    "SELECT table_name, ordinal_position, column_name, data_type, character_maximum_length,"
    " is_nullable, column_default FROM information_schema.columns"
    " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
)
PG_INDEXES = (
    "SELECT tablename, indexname, indexdef FROM pg_indexes"
    " WHERE schemaname = current_schema() ORDER BY tablename, indexname"
)


def _rows(conn: Connection, *queries: str) -> list[list[Any]]:
    """The rows the queries read, the test's own PostgreSQL schema named ``<schema>``."""
    rows = [list(row) for query in queries for row in conn.execute(text(query)).all()]
    if conn.dialect.name != "postgresql":
        return rows
    own = f"{conn.execute(text('SELECT current_schema()')).scalar()}."
    return [[v.replace(own, "<schema>.") if isinstance(v, str) else v for v in row] for row in rows]


def schemas(url: str, *queries: str) -> dict[str, list[list[Any]]]:
    """What ``queries`` read of the schema after each released migration, one at a time."""
    engine = make_engine(url)
    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    found: dict[str, list[list[Any]]] = {}
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        for revision in RELEASED:
            command.upgrade(config, revision)
            found[revision] = _rows(conn, *queries)
    engine.dispose()
    return found


def _expected(dialect: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[dialect]
    return found


def test_released_migrations_make_the_sqlite_schema_they_made(tmp_path: Path) -> None:
    assert schemas(f"sqlite:///{tmp_path / 'm.sqlite3'}", SQLITE) == _expected("sqlite")


@pytest.mark.postgres
def test_released_migrations_make_the_postgres_schema_they_made(pg_url: str) -> None:
    with fresh_schema(pg_url) as url:
        assert schemas(url, PG_COLUMNS, PG_INDEXES) == _expected("postgresql")


if __name__ == "__main__":  # written once, from the released migrations (see above)
    with tempfile.TemporaryDirectory() as folder:
        sqlite = schemas(f"sqlite:///{Path(folder) / 'm.sqlite3'}", SQLITE)
    with fresh_schema(os.environ["OFFA_TEST_POSTGRES_URL"]) as url:
        postgresql = schemas(url, PG_COLUMNS, PG_INDEXES)
    found = {"sqlite": sqlite, "postgresql": postgresql}
    SNAPSHOT.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.exit(0)
