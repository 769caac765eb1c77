"""What a writer sends to PostgreSQL in pipelines (``writer.Writer``'s ``open_push`` and
``batch``): a push's opening reads in one round trip, and the writes under the version lock
with their asynchronous COMMIT, its flush barrier and the durable mark it names
(``writer_sql.MARK_SQL``; ``pull._durable`` reads it)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from sync.server import writer_sql
from sync.server.store import Stored, loads
from sync.server.writer_sql import (
    ASYNC_COMMIT_SQL,
    BARRIER_SQL,
    CLOCK_SQL,
    COUNTER_READ_SQL,
    COUNTER_SQL,
    KEYS_SQL,
    MARK_PRUNE_SQL,
    MARK_SQL,
    QUEUE_SQL,
    RECORDS_SQL,
    RESULTS_SQL,
)

RecordKey = tuple[str, str]


class Writer(Protocol):
    """What these read and set of a ``writer.Writer`` (its module imports this one)."""

    conn: Connection
    _cache: dict[RecordKey, Stored | None]
    _keys: dict[RecordKey, set[str]]
    read_ids: set[RecordKey]
    version: int
    base: int
    top: int
    optimistic: bool
    locked_at: float
    lock_wait: float
    lock_sent: float
    granted: float
    released: float
    flushed: float
    committed_top: int
    async_commit: bool

_MARKS = itertools.count(1)


def mark(dbapi: Any, value: int) -> None:
    """The durable mark ``value`` in this transaction (``MARK_SQL``), and now and then the
    rows below it deleted (``MARK_PRUNE_SQL``)."""
    dbapi.execute(MARK_SQL, (value,))
    if next(_MARKS) % writer_sql.MARK_PRUNE_EVERY == 0:
        dbapi.execute(MARK_PRUNE_SQL, (value,))


def joined(ids: list[str]) -> str:
    """Ids as one comma-separated text (``writer_sql.IDS``)."""
    text = ",".join(ids)
    if text.count(",") != len(ids) - 1:
        raise ValueError("an id with a comma")  # never: the callers pass checked UUIDs
    return text


def open_push(
    writer: Writer, lead: str | None, op_ids: list[str], pairs: Iterable[RecordKey]
) -> list[tuple[str, str, str]]:
    """PostgreSQL: a push's opening reads in one round trip (a pipeline), their answers
    read once: ``lead`` first (``"lock"``: take the version lock, as ``lock()`` then
    ``buffer()``; ``"counter"``: start optimistic, as ``start_optimistic()``; None:
    nothing), then the stored results of ``op_ids`` (returned: op id, user id, result
    text) and the records ``pairs`` not read yet with their scope keys (as ``prefetch``).
    Pessimistic, a push held the lock for 4 round trips before its first op (lock, op
    results, records, keys) and each, on a busy machine, also waited its turn for the
    process's GIL and a core when its answer came."""
    by_collection: dict[str, list[str]] = {}
    for collection, record_id in pairs:
        if (collection, record_id) not in writer._cache:
            by_collection.setdefault(collection, []).append(record_id)
            writer._cache[(collection, record_id)] = None
    dbapi: Any = writer.conn.connection.dbapi_connection
    waiting = time.perf_counter()
    writer.lock_sent = time.time()
    with dbapi.pipeline():
        head = None
        if lead == "lock":
            dbapi.execute(QUEUE_SQL)
            head = dbapi.execute(COUNTER_SQL)
        elif lead == "counter":
            head = dbapi.execute(COUNTER_READ_SQL)
        stored = dbapi.execute(RESULTS_SQL, (joined(op_ids),)) if op_ids else None
        reads = [
            (c, ids, dbapi.execute(RECORDS_SQL, (c, text)), dbapi.execute(KEYS_SQL, (c, text)))
            for c, ids in by_collection.items()
            for text in [joined(ids)]
        ]
    if head is not None:
        first = head.fetchone()
        value = int(first[0])
        writer.version = writer.base = writer.top = value
        writer.optimistic = True  # optimistic, or under the lock with the writes buffered
        if lead == "lock":
            writer.locked_at = time.perf_counter()
            writer.lock_wait = writer.locked_at - waiting
            writer.granted = float(first[1])
    for collection, ids, found, keys in reads:
        for record_id in ids:
            writer.read_ids.add((collection, record_id))
            writer._keys[(collection, record_id)] = set()
        for row in found.fetchall():
            writer._cache[(collection, row[1])] = Stored(
                row[0], row[1], row[2], bool(row[3]), loads(row[4]), row[5], row[6]
            )
        for record_id, key in keys.fetchall():
            writer._keys[(collection, record_id)].add(key)
    return [] if stored is None else list(stored.fetchall())


@contextmanager
def pipelined(
    writer: Writer, commit: bool, committed: Callable[[], None] | None
) -> Iterator[None]:
    """The statements inside sent in one PostgreSQL pipeline, their answers read once at
    the end: the writes an optimistic writer makes under the lock then cost one round trip
    instead of one each (the lock is held for less time). With ``commit``, the
    transaction's COMMIT goes in the same pipeline (one round trip fewer holding the lock;
    the caller's ``conn.begin()`` block then finds it committed, and its own commit sends
    nothing), and it is asynchronous: the lock is released as soon as the commit record is
    in the WAL, not after its fsync (about 4 ms on our machine, most of the lock's hold).
    Its flush barrier follows once the COMMIT answered (``BARRIER_SQL``, a transaction of
    its own committed with the session's ``synchronous_commit``), so the block ends only
    once the WAL is flushed past this commit: nothing is answered that a crash could lose.
    ``committed``, if given, is called in between (the lock is free, nothing is to be
    answered yet). Versions still commit in order (the lock is held to the commit record,
    and the WAL is written in order), so a crash loses at most a suffix of commits nobody
    was told of: an unflushed commit was answered to no pusher, and no pull handed it out
    (``pull.pull``'s barrier). A failed statement raises when the block ends (the
    transaction then rolled back, not committed); a unique violation as SQLAlchemy's
    ``IntegrityError``, as outside. Nothing changes on SQLite or for a pessimistic
    writer."""
    if not writer.optimistic or writer.conn.dialect.name != "postgresql":
        yield
        return
    import psycopg

    dbapi: Any = writer.conn.connection.dbapi_connection
    try:
        with dbapi.pipeline():
            if commit:
                writer.async_commit = True
                dbapi.execute(ASYNC_COMMIT_SQL)
            yield
            if commit:
                clock = dbapi.execute(CLOCK_SQL)
                dbapi.commit()
                writer.released = float(clock.fetchone()[0])
                if committed is not None:
                    committed()
                if writer.committed_top:
                    # the barrier names what it makes durable (``MARK_SQL``)
                    mark(dbapi, writer.committed_top)
                else:
                    dbapi.execute(BARRIER_SQL)
                dbapi.commit()
                writer.flushed = time.time()
    except psycopg.IntegrityError as exc:
        raise IntegrityError(None, None, exc) from exc
