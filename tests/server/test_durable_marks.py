"""The durable mark (migration 0005, ``writer_sql.MARK_SQL``, ``pull._durable``) on PostgreSQL:
every writer names what its flushed commit made durable; a pull hands out without a flush
barrier only versions (and a cursor) up to the greatest mark its snapshot sees, stops at the
mark when that makes progress, and otherwise waits for the barrier as before.

Pulls run in process on a real database, in the route's REPEATABLE READ transaction; the
barrier (``pull._flush_barrier``) is counted, not replaced. Marks are set by hand to stand for
commits not flushed yet (a push's barrier in flight), a backend gone, or a table that outlived
a reset of the versions."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from sqlalchemy import Connection, Engine, delete, func, insert, select

from sync.server import pull as pull_module
from sync.server.models import durable_marks, records, users, version_counter
from sync.server.push import push_ops
from sync.server.scope import Principal
from tests.server import factory as f
from tests.server.api import op
from tests.server.pg import prepared_engine

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def engine(pg_url: str) -> Iterator[Engine]:
    with prepared_engine(pg_url) as made:
        yield made


@pytest.fixture
def barriers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The flush barriers pulls waited for (one entry each)."""
    seen: list[int] = []
    real = pull_module._flush_barrier

    def counted(conn: Connection) -> None:
        seen.append(1)
        real(conn)

    monkeypatch.setattr(pull_module, "_flush_barrier", counted)
    return seen


def sign(body: str) -> str:
    return hmac.new(b"test", body.encode(), hashlib.sha256).hexdigest()[:16]


def who(engine: Engine, name: str) -> Principal:
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.username == name)).one()
    return Principal.of_user(row, "s")


def pull(
    engine: Engine, caller: Principal, cursor: str | None, limit: int = 1000, checksum: bool = False
) -> dict[str, Any]:
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            page: dict[str, Any] = orjson.loads(
                pull_module.pull(conn, caller, cursor, limit, checksum, sign)
            )
    return page


def at(page: dict[str, Any]) -> int:
    return int(page["cursor"].split(".")[1])


def counter(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(version_counter.c.value)).scalar_one())


def set_marks(engine: Engine, rows: list[tuple[int, int]]) -> None:
    with engine.begin() as conn:
        conn.execute(delete(durable_marks))
        for backend, version in rows:
            conn.execute(insert(durable_marks).values(backend=backend, version=version))


def companies(engine: Engine, n: int, sector: str = "construction") -> list[int]:
    """``n`` companies created, one push each; their versions."""
    offa = who(engine, "offa")
    made = []
    for _ in range(n):
        ops = [op("companies", f.new_id(), "create", None, f.company(sector=sector))]
        made.append(push_ops(engine, offa, "d", ops, optimistic=True)[0]["version"])
    return made


def mark(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.max(durable_marks.c.version))).scalar_one())


def test_every_writer_marks_what_it_made_durable(engine: Engine, barriers: list[int]) -> None:
    # setup (reference data, users: synchronous commits) marked its versions
    assert mark(engine) == counter(engine) > 0
    companies(engine, 2)  # optimistic pushes: the mark goes in the flush barrier
    assert mark(engine) == counter(engine)
    offa = who(engine, "offa")
    ops = [op("companies", f.new_id(), "create", None, f.company())]
    push_ops(engine, offa, "d", ops, optimistic=False)  # under the lock from the start
    assert mark(engine) == counter(engine)
    page = pull(engine, offa, None)
    assert at(page) == counter(engine) and page["has_more"] is False
    assert barriers == []  # everything it handed out was marked: no barrier


def test_a_pull_past_the_mark_hands_out_nothing_unflushed(
    engine: Engine, barriers: list[int]
) -> None:
    offa = who(engine, "offa")
    set_marks(engine, [(1, counter(engine))])
    start = pull(engine, offa, None)
    assert start["has_more"] is False
    made = companies(engine, 5)
    # the last three stand for commits whose flush barrier has not answered yet
    set_marks(engine, [(1, made[1])])
    page = pull(engine, offa, start["cursor"])
    assert [c["version"] for c in page["changes"]] == made[:2]
    assert at(page) == made[1] and page["has_more"] is True and page["remaining"] == 3
    assert barriers == []
    # nothing more to hand out below the mark: the rest behind the barrier, as before marks
    rest = pull(engine, offa, page["cursor"], checksum=True)
    assert [c["version"] for c in rest["changes"]] == made[2:]
    assert at(rest) == counter(engine) and rest["has_more"] is False and "checksum" in rest
    assert barriers == [1]
    # a page that ends below the mark needs none; one that ends past it stops at the mark
    set_marks(engine, [(1, made[3])])
    short = pull(engine, offa, start["cursor"], limit=2)
    assert [c["version"] for c in short["changes"]] == made[:2] and short["has_more"] is True
    longer = pull(engine, offa, start["cursor"], limit=4)
    assert [c["version"] for c in longer["changes"]] == made[:4]
    assert at(longer) == made[3] and longer["has_more"] is True
    assert barriers == [1]


def test_a_page_stopped_at_the_mark_is_last_when_nothing_past_it_is_the_callers(
    engine: Engine, barriers: list[int]
) -> None:
    coach = who(engine, "coach")  # construction: horeca companies are not theirs
    set_marks(engine, [(1, counter(engine))])
    start = pull(engine, coach, None)
    assert start["has_more"] is False
    mine = companies(engine, 2)
    others = companies(engine, 2, sector="horeca")
    set_marks(engine, [(1, mine[-1])])
    page = pull(engine, coach, start["cursor"], checksum=True)
    assert [c["version"] for c in page["changes"]] == mine
    assert at(page) == mine[-1] < others[-1] == counter(engine)
    assert page["has_more"] is False and page["remaining"] == 0 and barriers == []
    # the checksum is the caller's records at the cursor: the same as at the top
    set_marks(engine, [(1, counter(engine))])
    whole = pull(engine, coach, None, checksum=True)
    assert whole["checksum"] == page["checksum"] and barriers == []


def test_a_gone_backends_mark_holds_and_one_past_the_counter_is_not_trusted(
    engine: Engine, barriers: list[int]
) -> None:
    offa = who(engine, "offa")
    top = counter(engine)
    # backend -1 is no process: its mark was true when written, and stays true
    set_marks(engine, [(-1, top), (2, top - 5)])
    whole = pull(engine, offa, None, limit=5000)
    assert at(whole) == top and whole["has_more"] is False and barriers == []
    # a mark above the counter outlived a reset of the versions: ignored, barrier as before
    set_marks(engine, [(-1, top + 100)])
    again = pull(engine, offa, None, limit=5000)
    assert at(again) == top and again["changes"] == whole["changes"] and barriers == [1]


def test_a_lagging_mark_still_converges(engine: Engine, barriers: list[int]) -> None:
    offa = who(engine, "offa")
    set_marks(engine, [(1, counter(engine))])
    first = pull(engine, offa, None, limit=5000)
    assert first["has_more"] is False
    cursor, start = first["cursor"], at(first)
    last = start
    replica: dict[tuple[str, str], int] = {}

    def apply(page: dict[str, Any]) -> None:
        nonlocal last, cursor
        versions = [c["version"] for c in page["changes"]]
        assert versions == sorted(versions) and all(last < v <= at(page) for v in versions)
        assert at(page) >= last  # the cursor never goes back
        for change in page["changes"]:
            replica[(change["collection"], change["id"])] = change["version"]
        last, cursor = at(page), page["cursor"]

    for round_ in range(6):
        made = companies(engine, 3)
        # the mark lags: a flush barrier answered for only some of what committed
        set_marks(engine, [(1, made[round_ % 2])])
        apply(pull(engine, offa, cursor, limit=2))
    while True:
        page = pull(engine, offa, cursor, limit=2)
        apply(page)
        if not page["has_more"]:
            break
    assert last == counter(engine)
    with engine.connect() as conn:
        since = conn.execute(
            select(records.c.collection, records.c.id, records.c.version).where(
                records.c.version > start
            )
        ).all()
    assert replica == {(c, i): v for c, i, v in since} and len(replica) == 18
    assert barriers  # the lagging mark was passed behind the barrier, never without it


def test_rows_below_the_mark_are_pruned_and_the_greatest_kept(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sync.server import writer_sql

    top = counter(engine)
    # connections gone (a pool's overflow closed): true marks, of no use below the greatest
    set_marks(engine, [(-n, top - n) for n in range(1, 40)])
    monkeypatch.setattr(writer_sql, "MARK_PRUNE_EVERY", 1)
    made = companies(engine, 1)
    with engine.connect() as conn:
        left = conn.execute(select(durable_marks.c.version)).scalars().all()
    assert left == [made[0]] == [counter(engine)]
    # one above the mark being written is kept (another's later group, flushed first)
    set_marks(engine, [(-1, top - 1), (-2, counter(engine) + 1)])
    made = companies(engine, 1)
    with engine.connect() as conn:
        left = sorted(conn.execute(select(durable_marks.c.version)).scalars().all())
    assert left == [made[0], made[0]]
