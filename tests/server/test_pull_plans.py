"""How the databases run a pull page's query: the records after the cursor by the version
index, each one's scope checked by a probe of ``record_keys``'s primary key, so an incremental
pull costs what changed since the cursor, not the size of the caller's scope.

PostgreSQL is asked without statistics (a freshly loaded database, autovacuum off), where its
planner otherwise turned the scope test into a join reading every key row of the caller's scope
first (``pull._page_statement``'s ``fence``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, func, select

from sync.server.db import make_engine
from sync.server.models import users, version_counter
from sync.server.pull import page_statement
from sync.server.scope import Principal
from sync.server.seed import seed_demo
from tests.server.pg import fresh_schema

PG_URL = os.environ.get("OFFA_TEST_POSTGRES_URL")


def _caller(conn: Connection, role: str) -> Principal:
    row = conn.execute(select(users).where(users.c.role == role).limit(1)).one()
    return Principal.of_user(row)


def _top(conn: Connection) -> int:
    return int(conn.execute(select(func.max(version_counter.c.value))).scalar_one())


@pytest.fixture(scope="module")
def pg_demo() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("OFFA_TEST_POSTGRES_URL not set (make test and .ci/run set it)")
    with fresh_schema(PG_URL) as url:
        engine = make_engine(url)
        from sync.server import setup

        setup.upgrade(engine)
        seed_demo(engine, 300)
        engine.dispose()
        yield url


@pytest.mark.parametrize("role", ["coach", "secretariat"])
def test_postgres_page_reads_in_version_order_and_probes_keys(pg_demo: str, role: str) -> None:
    engine = make_engine(pg_demo)
    try:
        with engine.connect() as conn:
            analysed = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'record_keys'"
                " AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)"
                " AND schemaname = current_schema()"
            ).scalar_one()
            assert analysed == 0  # the case where the planner went astray
            who = _caller(conn, role)
            top = _top(conn)
            for after in (max(top - 300, 0), 0):  # an incremental pull, a first one
                sql, params = page_statement(conn, who, after, 1001)
                cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
                cursor.execute("EXPLAIN " + sql, params)
                plan = "\n".join(line for (line,) in cursor.fetchall())
                cursor.close()
                # the records after the cursor, by the version index; each one's scope probed
                assert f"(version > '{after}'::bigint)" in plan, plan
                assert "uq_records_version" in plan and "SubPlan" in plan, plan
                # never every key row of the caller's scope, nor a whole table
                assert "Join" not in plan and "ix_record_keys_key" not in plan, plan
                assert "Seq Scan" not in plan, plan
    finally:
        engine.dispose()


def test_sqlite_page_reads_in_version_order_and_probes_keys(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            for role in ("coach", "secretariat", "offa"):
                who = _caller(conn, role)
                sql, params = page_statement(conn, who, 0, 1001)
                plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
                assert plan[0].startswith("SEARCH records USING INDEX"), plan
                assert "(version>?)" in plan[0], plan
                assert "USE TEMP B-TREE" not in " ".join(plan), plan  # no sort of the range
                assert any(
                    "record_keys USING COVERING INDEX sqlite_autoindex_record_keys_1" in step
                    for step in plan
                ), plan
    finally:
        engine.dispose()
