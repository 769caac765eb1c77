"""The Alembic migrations build exactly the tables of ``models.py`` (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sync.server import setup
from sync.server.db import make_engine
from sync.server.models import metadata
from tests.server.pg import fresh_schema


def _diff(url: str) -> list[object]:
    engine = make_engine(url)
    setup.upgrade(engine)
    setup.upgrade(engine)  # a second run is a no-op
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    return list(diff)


def test_sqlite_schema_matches_models(tmp_path: Path) -> None:
    assert _diff(f"sqlite:///{tmp_path / 'm.sqlite3'}") == []


@pytest.mark.postgres
def test_postgres_schema_matches_models(pg_url: str) -> None:
    with fresh_schema(pg_url) as url:
        assert _diff(url) == []
