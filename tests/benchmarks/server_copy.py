"""The sync benchmarks' server databases built at bulk speed: the rows ``setup.put_records``
writes (``records``, ``record_index``, ``record_keys``, the version counter), computed by the
same functions (``store.dumps``, ``store.index_values``, ``scope.keys_for``) and sent with one
raw ``executemany`` per table instead of going through the writer record by record.

``put_records`` costs about 330 µs of CPU a record here (most of it one ``find_ids`` query per
company for its scope keys, and SQLAlchemy building each row's parameters): 5 to 6 minutes for
the 1,000,000 companies of ``make bench-large``. This is the same database in a fraction of
that (tests/server/test_bench_server_copy.py builds a copy both ways and compares every table).

Only what the benchmarks need: new records into a database that holds no working record yet
(reference data and users only, as after ``offa-server init``), parents before children, no
approval or contract (their writes move other records' keys, ``scope.refresh``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Engine, select

from offa_desktop.domain.schema import COLLECTIONS, REFERENCE_COLLECTIONS
from sync.server import clock, scope
from sync.server.models import records, version_counter
from sync.server.store import Data, Store, dumps, index_values

Item = tuple[str, str, dict[str, Any]]
BATCH = 50_000  # rows per executemany


class _Batch:
    """What computing the records' scope keys reads: the records being written (from memory)
    and the reference data (from the database: it holds nothing else)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.data: dict[tuple[str, str], Data] = {}
        self.found: dict[tuple[str, str, str], list[str]] = {}
        self.keys: dict[tuple[str, str], set[str]] = {}

    def add(self, collection: str, record_id: str, data: Data) -> set[tuple[str, str]]:
        self.data[(collection, record_id)] = data
        pairs = index_values(collection, data)
        for field, value in pairs:
            self.found.setdefault((collection, field, value), []).append(record_id)
        return pairs

    def live(self, collection: str, record_id: str | None) -> Mapping[str, Any] | None:
        if not isinstance(record_id, str):
            return None
        if collection in REFERENCE_COLLECTIONS:
            return self.store.live(collection, record_id)
        return self.data.get((collection, record_id))

    def find_ids(self, collection: str, field: str, value: str) -> list[str]:
        return sorted(self.found.get((collection, field, value), ()))

    def reference(self, collection: str) -> Iterable[Mapping[str, Any]]:
        return self.store.reference(collection)

    def keys_of(self, collection: str, record_id: str) -> set[str]:
        if collection in REFERENCE_COLLECTIONS:
            return self.store.keys_of(collection, record_id)
        return set(self.keys.get((collection, record_id), ()))


def put_records(engine: Engine, items: Iterable[Item], *, user_id: str | None) -> int:
    """Write ``items`` as new records, as ``setup.put_records`` would (one transaction, every
    record stamped with its start); returns how many were written."""
    working = [c for c in COLLECTIONS if c not in REFERENCE_COLLECTIONS]
    with engine.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        # the write lock first, as a writer takes it
        conn.execute(version_counter.update().values(value=version_counter.c.value))
        held = conn.execute(
            select(records.c.id).where(records.c.collection.in_(working)).limit(1)
        ).first()
        if held is not None:
            raise ValueError("server_copy.put_records needs a database without working records")
        version = int(conn.execute(select(version_counter.c.value)).scalar_one())
        batch = _Batch(Store(conn))
        now = clock.now_iso()
        rows: list[tuple[Any, ...]] = []
        index: list[tuple[str, str, str, str]] = []
        keys: list[tuple[str, str, str]] = []

        def flush() -> None:
            cursor = raw.cursor()
            cursor.executemany(
                "INSERT INTO records (collection, id, version, deleted, data, updated_at,"
                " updated_by) VALUES (?, ?, ?, 0, ?, ?, ?)",
                rows,
            )
            cursor.executemany(
                "INSERT INTO record_index (collection, record_id, field, value)"
                " VALUES (?, ?, ?, ?)",
                index,
            )
            cursor.executemany(
                "INSERT INTO record_keys (collection, record_id, key) VALUES (?, ?, ?)", keys
            )
            cursor.close()
            rows.clear()
            index.clear()
            keys.clear()

        written = 0
        for collection, record_id, data in items:
            if collection in ("approvals", "contracts") or collection not in working:
                raise ValueError(f"server_copy.put_records does not write {collection}")
            if (collection, record_id) in batch.data:
                raise ValueError(f"{collection}/{record_id} twice")
            names = COLLECTIONS[collection].field_names
            full = {n: data.get(n) for n in names}
            version += 1
            rows.append((collection, record_id, version, dumps(full), now, user_id))
            for field, value in sorted(batch.add(collection, record_id, full)):
                index.append((collection, record_id, field, value))
            found = scope.keys_for(batch, collection, record_id, full)
            batch.keys[(collection, record_id)] = found
            keys.extend((collection, record_id, key) for key in sorted(found))
            written += 1
            if len(rows) >= BATCH:
                flush()
        flush()
        conn.execute(version_counter.update().values(value=version))
    return written
