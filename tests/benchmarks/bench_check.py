"""The integrity check's local side on a copy of about 100,000 records (issue 12, ``make bench``).

- ``check_due_100k``: what every due check computes before comparing with the server: this
  copy's checksum of every collection summed from its rows (API.md's formula), and the records
  under local work checked against their base (none here). Floor: the plainest
  way to sum the same checksum, raw sqlite3 reading ``id, version`` of every table and the
  same SHA-256 sum in Python. Target: at most 1.5 times the floor.
- ``check_thorough_100k``: ``sync --verify`` / "Vérifier la copie": the same plus every record
  against its base (row or base missing, version, liveness, every field value). Floor: raw
  sqlite3 reading every row with its base and decoding the base's JSON, the least a
  comparison of values must do. Target: 4 times.

The copy (demo data, 20,500 contracts and what they need: about 105,000 records with their
bases, as after a first sync) is built once in ``.bench-cache/check-20500``.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from tests.benchmarks.run import result

ROOT = Path(__file__).resolve().parent.parent.parent
CACHE = Path(os.environ.get("OFFA_BENCH_CACHE", ROOT / ".bench-cache"))
CONTRACTS = int(os.environ.get("OFFA_BENCH_CHECK_CONTRACTS", "20500"))
RUNS = 5


def copy_file(contracts: int = CONTRACTS) -> Path:
    """A working copy filled with demo data and bases, built once."""
    from offa_desktop import paths
    from offa_desktop.store.db import WorkingCopy
    from offa_desktop.store.demo_fill import fill_working_copy

    folder = CACHE / f"check-{contracts}"
    ready = folder / ".ready"
    path = paths.working_copy_path(folder)
    if not ready.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        wc = WorkingCopy.open(path)
        try:
            fill_working_copy(wc, contracts, seed=0)
        finally:
            wc.close()
        ready.write_text("ok")
    return path


def _median(work: Callable[[], Any]) -> tuple[float, Any]:
    answer = work()  # warm the page cache once
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), answer


def run() -> list[dict[str, Any]]:
    from offa_desktop.domain.schema import COLLECTIONS
    from offa_desktop.ops.sync.adapter import StoreSyncAdapter
    from offa_desktop.store import cipher
    from offa_desktop.store.db import WorkingCopy
    from sync.repair import MOD, copy_checksum

    path = copy_file()
    wc = WorkingCopy.open(path)
    store = StoreSyncAdapter(wc)
    raw = cipher.driver.connect(path)  # the store's SQLite (migration 0027 needs 3.43+)
    names = list(COLLECTIONS)

    def ours(thorough: bool) -> Callable[[], tuple[int, int]]:
        def work() -> tuple[int, int]:
            records = suspects = 0
            with store.transaction() as tx:
                for c in names:
                    records += copy_checksum(tx, c)[0]
                    suspects += len(tx.records.suspects(c, thorough))
            return records, suspects

        return work

    def floor_sum() -> tuple[int, int]:
        records = 0
        sha = hashlib.sha256
        for c in names:
            digest = 0
            for record_id, version in raw.execute(f'SELECT id, version FROM "{c}"'):
                records += 1
                digest += int.from_bytes(sha(f"{record_id}:{version}".encode()).digest(), "big")
            digest %= MOD
        return records, 0

    def floor_values() -> tuple[int, int]:
        records = 0
        for c in names:
            sql = (
                f'SELECT b.data, t.* FROM "{c}" t JOIN base b '
                "ON b.collection = ? AND b.record_id = t.id"
            )
            for row in raw.execute(sql, (c,)):
                orjson.loads(row[0])
                records += 1
        return records, 0

    try:
        due, (records, suspects) = _median(ours(False))
        assert suspects == 0, f"{suspects} suspects in a sound copy"
        due_floor, (floor_records, _) = _median(floor_sum)
        assert records == floor_records, (records, floor_records)
        thorough, (_, suspects) = _median(ours(True))
        assert suspects == 0, f"{suspects} suspects in a sound copy"
        values_floor, _ = _median(floor_values)
    finally:
        raw.close()
        wc.close()
    label = f"{records // 1000}k"
    return [
        result(f"check_due_{label}", due * 1000, "ms", due_floor * 1000, 1.5, target_is_ratio=True),
        result(
            f"check_thorough_{label}",
            thorough * 1000,
            "ms",
            values_floor * 1000,
            4.0,
            target_is_ratio=True,
        ),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
