"""Fill a working copy with reference data and demo records, as if pulled from a server.

Used by ``make run`` until sync lands, and by the benchmarks. Records get server versions in the
order they come (parents first) and a base snapshot, and no outbox op; rows go in by SQLAlchemy
Core bulk inserts in one unit of work (not ORM objects).
"""

from __future__ import annotations

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
    wc: WorkingCopy, size: int, seed: int = 0, *, today: date | None = None, base: bool = True
) -> int:
    """Load reference data and ``size`` demo contracts (with everything they need) into ``wc``
    as server records; returns the number of records written. ``base=False`` skips the base
    snapshots (faster; for benchmarks of lists only)."""
    from offa_desktop.store.codec import sql_columns, to_sql_row
    from offa_desktop.store.derived import bulk_load

    started = time.perf_counter()
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    pending: dict[str, list[tuple[Any, ...]]] = {}
    bases: list[tuple[Any, ...]] = []
    written = 0
    statements = {
        c: f"INSERT INTO {c} ({', '.join(sql_columns(c))}) "
        f"VALUES ({', '.join('?' for _ in sql_columns(c))})"
        for c in COLLECTIONS
    }
    base_sql = "INSERT INTO base (collection, record_id, version, data) VALUES (?, ?, ?, ?)"

    gen = DemoGenerator(seed, today)
    stamps = gen.scenarios.stamps

    def records() -> Iterable[Record]:
        yield from reference_records(gen.today)
        yield from gen.records(size)

    with wc.unit_of_work() as uow:
        conn = uow.session.connection()
        if conn.exec_driver_sql("SELECT 1 FROM sectors LIMIT 1").first() is not None:
            raise ValueError("fill_working_copy needs a new, empty working copy")

        def flush(collection: str) -> None:
            rows = pending.pop(collection, [])
            if rows:
                conn.exec_driver_sql(statements[collection], rows)

        # Triggers set aside while rows go in at bulk speed (store.derived).
        with bulk_load(conn):
            for version, (collection, record_id, data) in enumerate(records(), start=1):
                batch = pending.setdefault(collection, [])
                batch.append(to_sql_row(collection, record_id, version, data,
                                        stamps.get(record_id, stamp)))
                if len(batch) >= BATCH:
                    flush(collection)
                if base:
                    bases.append((collection, record_id, version, orjson.dumps(data).decode()))
                    if len(bases) >= BATCH:
                        conn.exec_driver_sql(base_sql, bases)
                        bases.clear()
                written += 1
            for collection in list(pending):
                flush(collection)
            if bases:
                conn.exec_driver_sql(base_sql, bases)
            for version, (collection, record_id, data) in enumerate(
                    gen.scenarios.later, start=written + 1):  # later states of a few records
                conn.exec_driver_sql(f"DELETE FROM {collection} WHERE id = ?", (record_id,))
                conn.exec_driver_sql(statements[collection], to_sql_row(
                    collection, record_id, version, data, stamp))
                if base:
                    conn.exec_driver_sql("DELETE FROM base WHERE collection = ? AND record_id = ?",
                                         (collection, record_id))
                    conn.exec_driver_sql(base_sql, (collection, record_id, version,
                                                    orjson.dumps(data).decode()))
            loaded = time.perf_counter()
        rebuilt = time.perf_counter()
        uow.changes.everything = True
        conn.exec_driver_sql("ANALYZE")
        log.debug(
            "fill: rows %.1f s, search and list keys %.1f s, analyze %.1f s",
            loaded - started,
            rebuilt - loaded,
            time.perf_counter() - rebuilt,
        )
    log.info("demo data: %d records in %.1f s", written, time.perf_counter() - started)
    return written
