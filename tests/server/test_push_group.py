"""Group commit (``push_group``, PostgreSQL): the pushes that wait in one process while one of
its pushes holds or waits for the version lock are settled in one transaction, one after the
other, with the outcome of settling them one after the other alone.

Each test holds the version lock from another connection, starts the pushes in threads (the
first leads, alone; the others queue behind it), then lets the lock go: the queued pushes form
one group, which the push trace shows.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, func, select

from sync.server import push_group
from sync.server.models import history, op_results, records
from sync.server.push_contention import TRACE_ENV
from sync.server.writer_sql import COUNTER_SQL, QUEUE_SQL
from tests.server import factory as f
from tests.server.api import op
from tests.server.pg import prepared_engine
from tests.server.test_optimistic_push import offa

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def engine(pg_url: str) -> Iterator[Engine]:
    with prepared_engine(pg_url) as made:
        yield made


def _create(engine: Engine, count: int) -> dict[str, int]:
    ids = [f.new_id() for _ in range(count)]
    with engine.connect() as conn:
        creations = [op("companies", i, "create", None, f.company()) for i in ids]
        results = push_group.push_on(conn, offa(engine), "seed", creations, optimistic=True)
    return {i: r["version"] for i, r in zip(ids, results, strict=True)}


def grouped(
    engine: Engine, pushes: list[list[dict[str, Any]]], trace: Path
) -> tuple[list[list[dict[str, Any]]], list[dict[str, Any]]]:
    """Each push in its own thread and connection, all but the first queued while the version
    lock is held elsewhere; (their results in order, the trace's lines)."""
    for earlier in trace.parent.glob(trace.name + ".*"):
        earlier.unlink()
    who = offa(engine)
    url = engine.url.render_as_string(hide_password=False).replace("+psycopg", "")
    holder = psycopg.connect(url)
    holder.execute(QUEUE_SQL)
    holder.execute(COUNTER_SQL)  # the version lock, held until the commit below
    results: list[list[dict[str, Any]] | None] = [None] * len(pushes)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            with engine.connect() as conn:
                results[n] = push_group.push_on(conn, who, f"d{n}", pushes[n], optimistic=True)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(pushes))]
    threads[0].start()
    time.sleep(0.3)  # the first leads, alone, and waits for the lock
    for t in threads[1:]:
        t.start()
        time.sleep(0.05)  # queued in this order
    time.sleep(0.3)
    holder.commit()
    holder.close()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    lines = []
    for name in trace.parent.glob(trace.name + ".*"):
        lines += [json.loads(line) for line in name.read_text().splitlines()]
        name.unlink()
    return [r for r in results if r is not None], lines


@pytest.fixture
def trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "push"
    monkeypatch.setenv(TRACE_ENV, str(path))
    return path


def test_a_group_settles_its_pushes_one_after_the_other(engine: Engine, trace: Path) -> None:
    versions = _create(engine, 3)
    a, b, c = list(versions)
    first = [op("companies", c, "update", versions[c], {"phone": "081 00 00 00"})]
    same_base = [op("companies", a, "update", versions[a], {"phone": f"04{n} 00 00"})
                 for n in range(2)]  # fmt: skip
    reads_new = [op("companies", b, "update", versions[b], {"email": "x@y.be"})]
    results, lines = grouped(
        engine, [first, [same_base[0]], [same_base[1]], reads_new, [same_base[0]]], trace
    )
    assert sorted(line["group"] for line in lines) == [1, 4, 4, 4, 4]
    assert results[0][0]["status"] == "applied"
    # two pushes of the group edit the same record from the same base: the first is applied,
    # the second is in conflict with it, as if settled alone one after the other
    applied, conflict = results[1][0], results[2][0]
    assert applied["status"] == "applied"
    assert conflict["status"] == "conflict"
    assert conflict["server"]["version"] == applied["version"]
    assert conflict["server"]["data"]["phone"] == "040 00 00"
    assert results[3][0]["status"] == "applied"
    # a push resent while the first was in flight, in the same group: the same result, once
    assert results[4] == results[1]
    with engine.connect() as conn:
        rows = conn.execute(
            select(history.c.record_id, history.c.version, history.c.op_id).where(
                history.c.record_id.in_([a, b, c]), history.c.op_id.is_not(None)
            )
        ).all()
        kept = conn.execute(select(records.c.version).where(records.c.id == a)).scalar_one()
        stored = conn.execute(
            select(func.count()).where(op_results.c.op_id == same_base[0]["op_id"])
        ).scalar_one()
    assert sorted(v for _r, v, _o in rows if v > max(versions.values())) == sorted(
        [results[0][0]["version"], applied["version"], results[3][0]["version"]]
    )
    assert kept == applied["version"] and stored == 1
    # versions in the order the group settled them
    assert applied["version"] < results[3][0]["version"]


def test_a_failed_group_settles_each_push_alone(
    engine: Engine, trace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    versions = _create(engine, 4)
    ids = list(versions)
    original = push_group.settle_group
    failed: list[int] = []

    def failing(conn: Any, group: list[Any], committed: Any = None) -> None:
        if not failed:  # a fault once the group's work is done, before it commits
            failed.append(len(group))
            raise RuntimeError("injected")
        original(conn, group, committed)

    monkeypatch.setattr(push_group, "settle_group", failing)
    pushes = [[op("companies", i, "update", versions[i], {"phone": "081 11 11 11"})] for i in ids]
    results, lines = grouped(engine, pushes, trace)
    assert failed == [3]
    assert [r[0]["status"] for r in results] == ["applied"] * 4
    assert sorted(line["group"] for line in lines) == [1, 1, 1, 1]
    with engine.connect() as conn:
        count = conn.execute(
            select(func.count()).where(history.c.record_id.in_(ids), history.c.op_id.is_not(None))
        ).scalar_one()
    assert count == 4 + 4  # the creations and each update once
