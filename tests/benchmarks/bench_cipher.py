"""Encrypted vs plain working copy (issue 16, "Speed"): the same work on the same copy of
100,000 contracts, plain and encrypted (SQLCipher 4, a raw 256-bit key: no key derivation), in
one run. Each figure's floor is the plain copy's; target: ratio <= 1.3.

- ``cipher_contracts_open``: the contracts list's count + first page (100 rows), as bench_store;
- ``cipher_contracts_sort``: the first page sorted by learner name (a joined column);
- ``cipher_search_p95``: ``search()`` of 200 typed prefixes (names, cities, NISS), p95;
- ``cipher_first_sync``: ``sync_once()`` of 100,000 records into a new copy (bench_sync's
  seeded server), the engine in this process;
- ``cipher_startup``: a fresh process until the contracts list is painted (the app's own probe,
  ``OFFA_STARTUP_PROBE=1``), the key registered by the launcher (what the key's source costs,
  keyring or argon2id passphrase, is not in it: ``ops/protection``'s business).

The app always encrypts its copy (ops/protection/keys.py): for the plain floor, its key sources
are switched off (``keys.unlock`` / ``keys.needs`` answer "unlocked" with no key registered).

Plain and encrypted runs are interleaved so the machine's load hits both alike; each row gives
CPU seconds (``cpu_*``: this process's ``process_time``; for start-up the child's at its paint)
beside the wall figure: on a shared machine the CPU time says more. The plain copy is
bench_store's (``.bench-cache/store-N``); the encrypted one is exported from it once
(``.bench-cache/cipher-N``) and the start-up folders are private copies of both.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks import bench_store
from tests.benchmarks.run import result

TARGET_RATIO = 1.3
KEY = bytes(range(32))  # a fixed key: the cached encrypted copy is reused from run to run
RUNS = int(os.environ.get("OFFA_BENCH_CIPHER_RUNS", "7"))
STARTS = int(os.environ.get("OFFA_BENCH_CIPHER_STARTS", "5"))
SYNCS = int(os.environ.get("OFFA_BENCH_CIPHER_SYNCS", "2"))
SEARCHES = 200
PAGE = 100

# The app started as ``python -m offa_desktop --data-dir FOLDER`` does, with the copy's key
# registered first when one is given (argv: folder, key hex or "-"); without one, the app's key
# sources (keyring, passphrase) are switched off so the copy stays plain: the floor. At the
# probe's "painted" line it writes the process's CPU seconds so far on stderr ("cpu_at_paint").
LAUNCHER = """
import sys, time
from pathlib import Path


class _AtPaint:
    def __init__(self, out):
        self.out = out

    def write(self, text):
        if text.startswith("painted"):
            sys.stderr.write(f"cpu_at_paint {time.process_time():.4f}\\n")
            sys.stderr.flush()
        return self.out.write(text)

    def __getattr__(self, name):
        return getattr(self.out, name)


sys.stdout = _AtPaint(sys.stdout)
from offa_desktop import paths
from offa_desktop.ops.protection import keys
from offa_desktop.store import cipher
folder = Path(sys.argv[1])
if sys.argv[2] != "-":
    cipher.register_key(paths.working_copy_path(folder), bytes.fromhex(sys.argv[2]))
else:
    keys.needs = lambda *args, **kwargs: "unlocked"
    keys.unlock = lambda *args, **kwargs: "unlocked"
from offa_desktop.cli import main
sys.exit(main(["--data-dir", str(folder)]))
"""


def encrypted_copy(plain: Path) -> Path:
    """The copy ``plain`` encrypted with :data:`KEY` (exported once, again when the plain one is
    rebuilt)."""
    from offa_desktop import paths
    from offa_desktop.store import cipher

    folder = bench_store.CACHE / f"cipher-{bench_store.SIZE}"
    ready = folder / ".ready"
    source_ready = plain.parent / ".ready"
    if ready.exists() and ready.stat().st_mtime >= source_ready.stat().st_mtime:
        return paths.working_copy_path(folder)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    target = paths.working_copy_path(folder)
    cipher.export(plain, None, target, KEY)
    ready.write_text("ok")
    return target


def _private(source: Path, name: str, key: bytes | None) -> Path:
    """A data folder of its own holding a copy of ``source`` (start-up opens, migrates and backs
    up its copy: never the shared one)."""
    from offa_desktop import paths
    from offa_desktop.store import backups

    folder = bench_store.CACHE / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    backups.copy_file(source, paths.working_copy_path(folder), key)
    return folder


def _interleaved(
    plain: Callable[[], Any], enc: Callable[[], Any], runs: int = RUNS
) -> tuple[list[float], list[float], list[float], list[float]]:
    """(plain wall, encrypted wall, plain CPU, encrypted CPU) seconds, the two alternated."""
    plain()  # warm each page cache once
    enc()
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for i, work in enumerate((plain, enc)):
            started, cpu = time.perf_counter(), time.process_time()
            work()
            walls[i].append(time.perf_counter() - started)
            cpus[i].append(time.process_time() - cpu)
    return walls[0], walls[1], cpus[0], cpus[1]


def _row(
    name: str, unit: str, scale: float, figures: tuple[list[float], ...], pick: Callable[..., float]
) -> dict[str, Any]:
    plain_wall, enc_wall, plain_cpu, enc_cpu = figures
    row = result(
        name, pick(enc_wall) * scale, unit, pick(plain_wall) * scale, TARGET_RATIO,
        target_is_ratio=True,
    )  # fmt: skip
    row["cpu_" + unit] = round(pick(enc_cpu) * scale, 3)
    row["cpu_floor_" + unit] = round(pick(plain_cpu) * scale, 3)
    if row["cpu_floor_" + unit]:
        row["cpu_ratio"] = round(row["cpu_" + unit] / row["cpu_floor_" + unit], 2)
    return row


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def bench_lists_and_search(plain: Path, enc: Path) -> list[dict[str, Any]]:
    from offa_desktop.store import cipher, contract_list, queries
    from offa_desktop.store.db import WorkingCopy

    cipher.register_key(enc, KEY)
    copies = (WorkingCopy.open(plain), WorkingCopy.open(enc))
    try:

        def lister(wc: WorkingCopy, query: Any, with_count: bool) -> Callable[[], None]:
            def work() -> None:
                with wc.session() as s:
                    if with_count:
                        contract_list.contract_count(s, query)
                    assert len(contract_list.contract_rows(s, query, 0, PAGE)) == PAGE

            return work

        rows = []
        opened = contract_list.ContractQuery()
        figures = _interleaved(lister(copies[0], opened, True), lister(copies[1], opened, True))
        rows.append(_row("cipher_contracts_open", "ms", 1000, figures, statistics.median))
        by_learner = contract_list.ContractQuery(sort="learner")
        figures = _interleaved(
            lister(copies[0], by_learner, False), lister(copies[1], by_learner, False)
        )
        rows.append(_row("cipher_contracts_sort", "ms", 1000, figures, statistics.median))

        rng = random.Random(1)
        with copies[0].session() as s:
            people = s.connection().exec_driver_sql(
                "SELECT last_name, first_name, niss, city FROM learners ORDER BY random()"
                f" LIMIT {SEARCHES}"
            ).fetchall()
        typed = [
            rng.choice((last[:3], last, f"{first[:2]} {last[:4]}", city[:4], niss[:6], last[:2]))
            for last, first, niss, city in people
        ]
        timed: tuple[list[float], list[float], list[float], list[float]] = ([], [], [], [])
        with copies[0].session() as a, copies[1].session() as b:
            queries.search(a, typed[0])
            queries.search(b, typed[0])
            for text in typed:
                for i, s in enumerate((a, b)):
                    started, cpu = time.perf_counter(), time.process_time()
                    queries.search(s, text, 20)
                    timed[i].append(time.perf_counter() - started)
                    timed[2 + i].append(time.process_time() - cpu)
        figures = (timed[0], timed[1], timed[2], timed[3])
        rows.append(_row("cipher_search_p95", "ms", 1000, figures, _p95))
        return rows
    finally:
        for wc in copies:
            wc.close()
        cipher.forget_key(enc)


def _no_key(*_args: Any, **_kwargs: Any) -> str:
    return "unlocked"


def bench_first_sync() -> dict[str, Any]:
    from offa_desktop import paths
    from offa_desktop.ops.sync import session as sessions
    from offa_desktop.store import cipher
    from tests.benchmarks import bench_sync

    app_unlock = sessions.unlock

    with tempfile.TemporaryDirectory(prefix="offa-bench-cipher-") as tmp:
        root = Path(tmp)
        big = bench_sync._Setup(root / "big", bench_sync.SIZE)
        walls: tuple[list[float], list[float]] = ([], [])
        cpus: tuple[list[float], list[float]] = ([], [])
        try:
            for n in range(SYNCS):
                for i, keyed in enumerate((False, True)):
                    name = f"{'enc' if keyed else 'plain'}-{n}"
                    copy = paths.working_copy_path(big.root / name)
                    if keyed:
                        cipher.register_key(copy, KEY)
                    # the plain floor: the app's key sources off (it always encrypts)
                    sessions.unlock = app_unlock if keyed else _no_key  # type: ignore[assignment]
                    session = big.session(name)
                    started, cpu = time.perf_counter(), time.process_time()
                    report = session.engine().sync_once()
                    walls[i].append(time.perf_counter() - started)
                    cpus[i].append(time.process_time() - cpu)
                    assert report.pulled >= bench_sync.SIZE, report.pulled
                    assert cipher.is_encrypted(copy) == keyed
                    session.close()
                    cipher.forget_key(copy)
        finally:
            sessions.unlock = app_unlock  # type: ignore[assignment]
            big.stop()
    figures = (walls[0], walls[1], cpus[0], cpus[1])
    # The least of the rounds: a shared machine's load only ever adds to a figure.
    return _row(f"cipher_first_sync_{bench_sync.SIZE}", "s", 1, figures, min)


def _start(folder: Path, key: bytes | None) -> tuple[float, float]:
    """Wall seconds from the spawn to the ``painted`` line (interpreter start included), and
    the child's CPU seconds at that paint (all its threads)."""
    from tests.benchmarks import bench_ui

    env = {k: v for k, v in os.environ.items() if k != "OFFA_DATA_DIR"}
    env["OFFA_STARTUP_PROBE"] = "1"
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = [sys.executable, "-c", LAUNCHER, str(folder), key.hex() if key else "-"]
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        cwd=bench_ui.ROOT,
    )  # fmt: skip
    assert proc.stdout is not None
    line = proc.stdout.readline()
    wall = time.perf_counter() - started
    _out, err = proc.communicate(timeout=120)
    cpu = [float(x.split()[1]) for x in err.splitlines() if x.startswith("cpu_at_paint")]
    if not line.startswith("painted") or not cpu:
        raise RuntimeError(f"no paint: {line!r} {err[-1500:]}")
    return wall, cpu[0]


def bench_startup(plain: Path, enc: Path) -> dict[str, Any]:
    from tests.benchmarks import bench_startup as startup

    startup.compile_sources()
    folders = (_private(plain, "cipher-start-plain", None), _private(enc, "cipher-start-enc", KEY))
    keys = (None, KEY)
    for folder, key in zip(folders, keys, strict=True):  # warm the file cache, first open
        _start(folder, key)
        startup._drop_migration_backups(folder)
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for _ in range(STARTS):
        for i, (folder, key) in enumerate(zip(folders, keys, strict=True)):
            wall, cpu = _start(folder, key)
            walls[i].append(wall)
            cpus[i].append(cpu)
    figures = (walls[0], walls[1], cpus[0], cpus[1])
    return _row("cipher_startup", "s", 1, figures, statistics.median)


def run() -> list[dict[str, Any]]:
    """The encrypted copy's figures against the plain one's, for tests/benchmarks/run.py."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    plain = bench_store.working_copy_file()
    enc = encrypted_copy(plain)
    rows = bench_lists_and_search(plain, enc)
    rows.append(bench_startup(plain, enc))
    rows.append(bench_first_sync())
    return rows


if __name__ == "__main__":
    import json

    selected = sys.argv[1:]
    plain_copy = bench_store.working_copy_file()
    enc_copy = encrypted_copy(plain_copy)
    out: list[dict[str, Any]] = []
    if not selected or "lists" in selected:
        out += bench_lists_and_search(plain_copy, enc_copy)
    if not selected or "startup" in selected:
        out.append(bench_startup(plain_copy, enc_copy))
    if not selected or "sync" in selected:
        out.append(bench_first_sync())
    for item in out:
        print(json.dumps(item, ensure_ascii=False))
