"""The statements that write many rows at once on PostgreSQL (``side_rows.Unnest``: the rows as
one JSON text read back with ``json_to_recordset``): every value comes back as written, and a
row is matched through the table's primary key, whatever the table's size."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, select, update

from sync.server.models import records
from sync.server.side_rows import unnest_delete, unnest_insert, unnest_update, write_many
from sync.server.writer_sql import RECORD_COLUMNS, record_update
from tests.server import factory as f
from tests.server.pg import prepared_engine

pytestmark = pytest.mark.postgres

ODD = ['a "quoted" \\ back\\slash', "{braces, commas}", "é ü 🙂 \n tab\t", "", "NULL", "[1, 2]"]


@pytest.fixture(scope="module")
def engine(pg_url: str) -> Iterator[Engine]:
    with prepared_engine(pg_url) as made:
        yield made


def _row(record_id: str, n: int, text: str) -> dict[str, Any]:
    return {
        "collection": "companies",
        "id": record_id,
        "version": 2**40 + n,  # a bigint
        "deleted": n % 2 == 0,
        "data": text,
        "updated_at": text,
        "updated_by": None if n % 3 == 0 else text,
    }


def _stored(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    rows = conn.execute(select(records).where(records.c.id.in_(ids))).mappings()
    return sorted((dict(r) for r in rows), key=lambda r: ids.index(r["id"]))


def test_rows_written_at_once_come_back_as_written(engine: Engine) -> None:
    ids = [f.new_id() for _ in ODD]
    rows = [_row(i, n, text) for n, (i, text) in enumerate(zip(ids, ODD, strict=True))]
    with engine.begin() as conn:
        write_many(conn, "x", lambda: None, rows, unnest_insert(records, RECORD_COLUMNS))
        assert _stored(conn, ids) == rows
        changed = [
            {"b_collection": "companies", "b_id": r["id"], **_row(r["id"], n + 100, ODD[-n - 1])}
            for n, r in enumerate(rows)
        ]
        write_many(
            conn,
            "update records",
            record_update,
            changed,
            unnest_update(records, ("collection", "id"), RECORD_COLUMNS[2:]),
        )
        expected = [{k: v for k, v in c.items() if not k.startswith("b_")} for c in changed]
        assert _stored(conn, ids) == expected
        gone = [{"b_collection": "companies", "b_id": i} for i in ids[:2]]
        write_many(conn, "x", lambda: None, gone, unnest_delete(records, ("collection", "id")))
        assert [r["id"] for r in _stored(conn, ids)] == ids[2:]
        conn.rollback()


def test_an_update_of_a_few_rows_goes_through_the_primary_key(engine: Engine) -> None:
    """json_to_recordset is estimated at 100 rows: without the rows' number given to the
    planner (LIMIT), an update of 20 rows in a table of 20,000 was a hash join over a
    sequential scan of the whole table (unnest of constant arrays was estimated at their
    length; a smaller table is still scanned, as it was then, where the planner finds it
    cheaper)."""
    ids = [f.new_id() for _ in range(20000)]
    rows = [_row(i, n, "{}") for n, i in enumerate(ids)]
    with engine.begin() as conn:
        write_many(conn, "x", lambda: None, rows, unnest_insert(records, RECORD_COLUMNS))
        conn.exec_driver_sql("ANALYZE records")
        statement = unnest_update(records, ("collection", "id"), RECORD_COLUMNS[2:])
        few = [{"b_collection": "companies", "b_id": i, **_row(i, 1, "{}")} for i in ids[:20]]
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("EXPLAIN " + statement.sql, statement.params(few))
        plan = "\n".join(line for (line,) in cursor.fetchall())
        assert "Seq Scan on records" not in plan, plan
        assert "pk_records" in plan, plan
        conn.execute(update(records).values(deleted=False))  # (the transaction rolls back)
        conn.rollback()
