"""Fill a working copy with reference data and demo records, as if pulled from a server.

Used by ``make run`` until sync lands, and by the benchmarks. Records get server versions in the
order they come (parents first) and a base snapshot, and no outbox op; rows go in by the DBAPI's
executemany, in units of work of ``COMMIT_EVERY`` records (not ORM objects).
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import orjson

from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.demo.deadlines import demo_reference
from offa_desktop.demo.generator import DemoGenerator
from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.values import brussels_today

if TYPE_CHECKING:
    from offa_desktop.store.db import WorkingCopy

log = logging.getLogger("offa.store")
BATCH = 5000
# Records per transaction of a fill (see fill_working_copy).
COMMIT_EVERY = 100_000
# From this many contracts the explicit indexes are dropped for the fill and built at its end
# (store.derived.set_indexes_aside): past the page cache, a row's insert into an index on a
# random key reads and writes back an encrypted page of it. Encrypted fills, CPU: 20,000
# contracts 10.8 -> 8.7 s (run side by side); 100,000 contracts 171 s (commits alone; one
# transaction: 181 s) -> 79.5 s; 1,000,000 flat at 10-15 s per 100,000 records.
INDEXES_ASIDE_FROM = 20_000
# The fill's page cache: about 1 KiB a contract (the primary keys' indexes on random ids, which
# stay, kept in memory), from the usual 64 MiB up to 1 GiB; the usual one is back at its end.
FILL_CACHE_KIB_PER_CONTRACT = 1
FILL_CACHE_KIB_MAX = 1 << 20
Record = tuple[str, str, dict[str, Any]]


def reference_records(today: date | None = None) -> Iterable[Record]:
    """The demo's reference data (the shipped one and the demo's recent RMMMG indexation) and
    the demo users (the ``users`` reference collection)."""
    for collection, rows in demo_reference(today or brussels_today()).items():
        for record_id, data in rows:
            yield collection, record_id, data
    for account in DEMO_ACCOUNTS:
        yield "users", account.id, account.user_record()


def fill_working_copy(
    wc: WorkingCopy,
    size: int,
    seed: int = 0,
    *,
    today: date | None = None,
    base: bool = True,
    commit_every: int = COMMIT_EVERY,
    indexes_aside: bool | None = None,
) -> int:
    """Load reference data and ``size`` demo contracts (with everything they need) into ``wc``
    as server records; returns the number of records written. ``base=False`` skips the base
    snapshots (faster; for benchmarks of lists only).

    Rows go in by transactions of ``commit_every`` records, each with the triggers set aside and
    the derived tables flagged stale (``store.derived``, as the pages of a first sync); the
    search index and list keys are built once, set-based, in a last transaction that clears the
    flag. A fill stopped half-way leaves the flag: the next open rebuilds them. One transaction
    for 1,000,000 contracts (5.1 million records) slowed to a fifth of the rate of a small
    fill as its WAL grew past several GB (tests/benchmarks/large.py). With ``indexes_aside``
    (by default from :data:`INDEXES_ASIDE_FROM` contracts) the explicit indexes are dropped
    too, and built after the derived tables, each in one sorted pass (flagged the same way)."""
    from offa_desktop.store import derived
    from offa_desktop.store.codec import sql_columns, to_sql_row
    from offa_desktop.store.db import CACHE_KIB

    if indexes_aside is None:
        indexes_aside = size >= INDEXES_ASIDE_FROM
    cache_kib = min(FILL_CACHE_KIB_MAX, max(CACHE_KIB, size * FILL_CACHE_KIB_PER_CONTRACT))

    started = time.perf_counter()
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    statements = {
        c: f"INSERT INTO {c} ({', '.join(sql_columns(c))}) "
        f"VALUES ({', '.join('?' for _ in sql_columns(c))})"
        for c in COLLECTIONS
    }
    base_sql = "INSERT INTO base (collection, record_id, version, data) VALUES (?, ?, ?, ?)"

    with wc.session() as s:
        if s.connection().exec_driver_sql("SELECT 1 FROM sectors LIMIT 1").first() is not None:
            raise ValueError("fill_working_copy needs a new, empty working copy")
    gen = DemoGenerator(seed, today)
    stamps = gen.scenarios.stamps
    records = enumerate(itertools.chain(reference_records(gen.today), gen.records(size)), start=1)
    written = 0
    done = False
    while not done:
        chunk_started = (time.perf_counter(), time.process_time())
        with wc.unit_of_work() as uow:
            conn = uow.session.connection()
            conn.exec_driver_sql(f"PRAGMA cache_size=-{cache_kib}")  # kept between the chunks
            with derived.triggers_aside(conn):
                derived.mark_stale(conn)
                if indexes_aside:
                    derived.set_indexes_aside(conn)  # the first chunk's; none left after it
                pending: dict[str, list[tuple[Any, ...]]] = {}
                bases: list[tuple[Any, ...]] = []
                count = 0
                for version, (collection, record_id, data) in records:
                    batch = pending.setdefault(collection, [])
                    batch.append(
                        to_sql_row(
                            collection, record_id, version, data, stamps.get(record_id, stamp)
                        )
                    )
                    if len(batch) >= BATCH:
                        conn.exec_driver_sql(statements[collection], batch)
                        batch.clear()
                    if base:
                        bases.append((collection, record_id, version, orjson.dumps(data).decode()))
                        if len(bases) >= BATCH:
                            conn.exec_driver_sql(base_sql, bases)
                            bases.clear()
                    count += 1
                    if count >= commit_every:
                        break
                else:
                    done = True
                for collection, rows in pending.items():
                    if rows:
                        conn.exec_driver_sql(statements[collection], rows)
                if bases:
                    conn.exec_driver_sql(base_sql, bases)
                written += count
                if done:  # later states of a few records, known once all are generated
                    for version, (collection, record_id, data) in enumerate(
                        gen.scenarios.later, start=written + 1
                    ):
                        conn.exec_driver_sql(f"DELETE FROM {collection} WHERE id = ?", (record_id,))
                        conn.exec_driver_sql(
                            statements[collection],
                            to_sql_row(collection, record_id, version, data, stamp),
                        )
                        if base:
                            conn.exec_driver_sql(
                                "DELETE FROM base WHERE collection = ? AND record_id = ?",
                                (collection, record_id),
                            )
                            conn.exec_driver_sql(
                                base_sql,
                                (collection, record_id, version, orjson.dumps(data).decode()),
                            )
        log.debug(
            "fill: %d records, %.1f s (%.1f s CPU) for the last %d",
            written,
            time.perf_counter() - chunk_started[0],
            time.process_time() - chunk_started[1],
            count,
        )
    loaded = time.perf_counter()
    with wc.unit_of_work() as uow:
        conn = uow.session.connection()
        derived.rebuild(conn)  # the search index and list keys, set-based; the flag cleared
    rebuilt = time.perf_counter()
    with wc.unit_of_work() as uow:
        conn = uow.session.connection()
        derived.restore_indexes(conn)
        indexed = time.perf_counter()
        uow.changes.everything = True
        conn.exec_driver_sql("ANALYZE")
        conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
    log.debug(
        "fill: rows %.1f s, search and list keys %.1f s, indexes %.1f s, analyze %.1f s",
        loaded - started,
        rebuilt - loaded,
        indexed - rebuilt,
        time.perf_counter() - indexed,
    )
    log.info("demo data: %d records in %.1f s", written, time.perf_counter() - started)
    return written
