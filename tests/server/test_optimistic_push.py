"""Pushes settled without the version lock (PostgreSQL): another push commits between a push's
work and its lock, and the outcome is the one of running them one after the other.

Each test runs push A optimistically and, at the moment A takes the lock, lets push B (another
connection) commit first; A must then see B's change (settle again) or, when B touched nothing
A read, keep its work with versions moved after B's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text

from sync.server import push as push_module
from sync.server.models import history, records, version_counter
from sync.server.push import Pusher, push_ops
from sync.server.push_contention import Contention
from sync.server.scope import Principal
from sync.server.writer import Writer
from tests.server import factory as f
from tests.server.api import op
from tests.server.pg import prepared_engine

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def engine(pg_url: str) -> Iterator[Engine]:
    with prepared_engine(pg_url) as made:
        yield made


@pytest.fixture(autouse=True)
def calm(monkeypatch: pytest.MonkeyPatch) -> Contention:
    """A process's contention as if no push had been settled again (pushes optimistic)."""
    fresh = Contention()
    monkeypatch.setattr(push_module, "CONTENTION", fresh)
    return fresh


def offa(engine: Engine) -> Principal:
    from sync.server.models import users

    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.username == "offa")).one()
    return Principal(row.id, row.username, row.display_name, "offa", None, (), str(uuid.uuid4()))


def push(engine: Engine, ops: list[dict[str, Any]], *, optimistic: bool = False) -> list[Any]:
    with engine.begin() as conn:
        return Pusher(conn, offa(engine), "d", optimistic=optimistic).run(ops)


def interleaved(
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    a_ops: list[dict[str, Any]],
    b_ops: list[dict[str, Any]],
) -> tuple[list[Any], list[Any], list[bool]]:
    """A optimistic; B commits when A asks for the lock. (A's results, B's, A's verdicts)."""
    original: Callable[[Writer], bool] = Writer.lock_and_check
    b_results: list[Any] = []
    verdicts: list[bool] = []

    def lock_and_check(self: Writer) -> bool:
        if not b_results:
            b_results.extend(push(engine, b_ops))
        verdict = original(self)
        verdicts.append(verdict)
        return verdict

    monkeypatch.setattr(Writer, "lock_and_check", lock_and_check)
    a_results = push(engine, a_ops, optimistic=True)
    monkeypatch.setattr(Writer, "lock_and_check", original)
    return a_results, b_results, verdicts


def create_companies(engine: Engine, n: int) -> dict[str, int]:
    ids = [f.new_id() for _ in range(n)]
    made = push(engine, [op("companies", i, "create", None, f.company()) for i in ids])
    return {i: r["version"] for i, r in zip(ids, made, strict=True)}


def stored(engine: Engine, record_id: str) -> tuple[int, dict[str, Any]]:
    import orjson

    with engine.connect() as conn:
        row = conn.execute(select(records).where(records.c.id == record_id)).one()
    return row.version, orjson.loads(row.data)


def test_untouched_reads_keep_the_work_with_versions_after_the_other_push(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    companies = create_companies(engine, 2)
    (a_id, a_v), (b_id, b_v) = companies.items()
    a_ops = [op("companies", a_id, "update", a_v, {"phone": "081 11 11 11"})]
    b_ops = [op("companies", b_id, "update", b_v, {"phone": "081 22 22 22"})]
    a_results, b_results, verdicts = interleaved(engine, monkeypatch, a_ops, b_ops)
    assert verdicts == [True]
    assert a_results[0]["status"] == b_results[0]["status"] == "applied"
    assert a_results[0]["version"] == b_results[0]["version"] + 1  # moved after B's
    assert stored(engine, a_id) == (a_results[0]["version"], {**stored(engine, a_id)[1]})
    with engine.connect() as conn:
        top = conn.execute(select(version_counter.c.value)).scalar_one()
        logged = (
            conn.execute(
                select(history.c.version).where(history.c.record_id == a_id).order_by(history.c.id)
            )
            .scalars()
            .all()
        )
    assert top == a_results[0]["version"] and logged[-1] == top


def test_a_record_changed_meanwhile_is_a_conflict_not_an_overwrite(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    companies = create_companies(engine, 3)
    ids = list(companies)
    a_ops = [op("companies", i, "update", companies[i], {"name": "Par A"}) for i in ids]
    b_ops = [op("companies", ids[1], "update", companies[ids[1]], {"name": "Par B"})]
    a_results, b_results, verdicts = interleaved(engine, monkeypatch, a_ops, b_ops)
    assert verdicts == [False]  # settled again, under the lock
    assert b_results[0]["status"] == "applied"
    assert [r["status"] for r in a_results] == ["applied", "conflict", "applied"]
    assert a_results[1]["server"]["version"] == b_results[0]["version"]
    assert stored(engine, ids[1])[1]["name"] == "Par B"  # B's change stands
    assert stored(engine, ids[0])[1]["name"] == "Par A"
    # the results given are the ones stored: a replay returns them
    assert push(engine, a_ops) == a_results


def test_a_unique_value_taken_meanwhile_is_refused(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = f.enterprise_number()
    a_ops = [op("companies", f.new_id(), "create", None, f.company(enterprise_number=number))]
    b_ops = [op("companies", f.new_id(), "create", None, f.company(enterprise_number=number))]
    a_results, b_results, verdicts = interleaved(engine, monkeypatch, a_ops, b_ops)
    assert b_results[0]["status"] == "applied"
    assert verdicts == [False]
    assert a_results[0]["status"] == "rejected"
    assert a_results[0]["errors"][0]["code"] == "duplicate"


def test_a_record_referred_to_meanwhile_is_not_deleted(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    companies = create_companies(engine, 1)
    ((cid, version),) = companies.items()
    a_ops = [op("companies", cid, "delete", version)]
    b_ops = [op("establishment_units", f.new_id(), "create", None, f.unit(cid))]
    a_results, b_results, verdicts = interleaved(engine, monkeypatch, a_ops, b_ops)
    assert b_results[0]["status"] == "applied"
    assert verdicts == [False]
    assert a_results[0]["status"] == "rejected" and a_results[0]["errors"][0]["code"] == "in_use"


def test_the_same_op_pushed_twice_at_once_is_stored_once(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client resending a push still in flight, whose op changes nothing (rejected): the
    second commit fails on the stored op id, and ``push_ops`` settles it again, returning the
    stored result."""
    companies = create_companies(engine, 1)
    ((cid, version),) = companies.items()
    ops = [op("companies", cid, "update", version, {"couleur": "bleu"})]
    original: Callable[[Writer], bool] = Writer.lock_and_check
    first: list[Any] = []

    def lock_and_check(self: Writer) -> bool:
        if not first:
            first.extend(push(engine, ops))
        return original(self)

    monkeypatch.setattr(Writer, "lock_and_check", lock_and_check)
    again = push_ops(engine, offa(engine), "d", ops, optimistic=True)
    assert first[0]["status"] == "rejected" and first[0]["errors"][0]["code"] == "unknown_field"
    assert again == first
    with engine.connect() as conn:
        from sync.server.models import op_results

        count = conn.execute(
            select(op_results.c.op_id).where(op_results.c.op_id == ops[0]["op_id"])
        ).all()
    assert len(count) == 1


def test_a_push_that_writes_nothing_leaves_the_counter_where_others_put_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A settles only a refusal (no new version) while B commits: the counter stays at B's
    version (it once went back to A's starting point, and the next push reused versions)."""
    companies = create_companies(engine, 2)
    (a_id, a_v), (b_id, b_v) = companies.items()
    a_ops = [op("companies", a_id, "update", a_v, {"couleur": "bleu"})]
    b_ops = [op("companies", b_id, "update", b_v, {"phone": "081 44 44 44"})]
    a_results, b_results, verdicts = interleaved(engine, monkeypatch, a_ops, b_ops)
    assert verdicts == [True] and a_results[0]["status"] == "rejected"
    with engine.connect() as conn:
        top = conn.execute(select(version_counter.c.value)).scalar_one()
    assert top == b_results[0]["version"]
    after = push(engine, [op("companies", a_id, "update", a_v, {"phone": "081 55 55 55"})])
    assert after[0]["status"] == "applied" and after[0]["version"] == top + 1


def test_contention_turns_pushes_pessimistic_and_probes_until_it_is_gone() -> None:
    crowd = Contention()
    assert crowd.optimistic()
    for _ in range(20):
        crowd.note(True)  # settled again, push after push
    chosen = [crowd.optimistic() for _ in range(3 * Contention.PROBE_EVERY)]
    assert chosen.count(True) == 3  # one probe in PROBE_EVERY
    assert not chosen[0] and chosen[Contention.PROBE_EVERY - 1]
    for _ in range(20):
        crowd.note(False)  # the probes kept their work: the crowd has gone
    assert all(crowd.optimistic() for _ in range(Contention.PROBE_EVERY))


def test_under_contention_a_push_takes_the_lock_first_and_settles_once(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, calm: Contention
) -> None:
    """Pushes of a crowded process lock first (no optimistic pass to throw away), with the
    same outcome as an optimistic push: versions, history, op results, replay."""
    companies = create_companies(engine, 2)
    (a_id, a_v), (b_id, b_v) = companies.items()
    calm.share = 1.0
    settled: list[bool] = []
    original = Pusher._settle_all

    def settle_all(self: Pusher, ops: list[Any]) -> list[dict[str, Any]]:
        settled.append(self.optimistic)
        return original(self, ops)

    monkeypatch.setattr(Pusher, "_settle_all", settle_all)
    monkeypatch.setattr(Writer, "lock_and_check", lambda self: pytest.fail("optimistic"))
    ops = [
        op("companies", a_id, "update", a_v, {"phone": "081 66 66 66"}),
        op("companies", b_id, "update", b_v - 1, {"phone": "081 77 77 77"}),
    ]
    with engine.connect() as conn:
        top = conn.execute(select(version_counter.c.value)).scalar_one()
    results = push_ops(engine, offa(engine), "d", ops, optimistic=True)
    assert settled == [False]  # once, under the lock
    assert [r["status"] for r in results] == ["applied", "conflict"]
    assert results[0]["version"] == top + 1 and stored(engine, a_id)[0] == top + 1
    with engine.connect() as conn:
        assert conn.execute(select(version_counter.c.value)).scalar_one() == top + 1
        logged = conn.execute(select(history.c.version).where(history.c.record_id == a_id))
        assert max(logged.scalars()) == top + 1
    assert push_ops(engine, offa(engine), "d", ops, optimistic=True) == results  # replayed


def test_writers_waiting_for_the_version_lock_get_it_in_turn(engine: Engine) -> None:
    """Each writer queues on an advisory lock before the counter's row lock: the waiters are
    served in the order they came (on the row lock alone, a waiter re-queued behind later
    ones each time a holder committed)."""
    import threading
    import time

    holder = engine.connect()
    holder.begin()
    Writer(holder).lock()
    order: list[int] = []
    threads = []

    def waiting() -> int:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(text("pg_locks"))
                    .where(
                        text(
                            "locktype = 'advisory' AND NOT granted AND classid = 4090 "
                            "AND objid = 'version_counter'::regclass::oid AND objsubid = 1"
                        )
                    )
                ).scalar_one()
            )

    def writer(n: int) -> None:
        with engine.begin() as conn:
            Writer(conn).lock()
            order.append(n)
            time.sleep(0.05)  # holds the lock a moment: the next ones keep waiting

    try:
        for n in range(4):
            before = waiting()
            thread = threading.Thread(target=writer, args=(n,))
            thread.start()
            threads.append(thread)
            deadline = time.monotonic() + 10
            while waiting() == before:  # in the queue before the next one comes
                assert time.monotonic() < deadline, "not queued on the version lock's queue"
                time.sleep(0.01)
    finally:
        holder.commit()
        holder.close()
        for thread in threads:
            thread.join(timeout=30)
    assert order == [0, 1, 2, 3]
