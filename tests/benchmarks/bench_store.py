"""Store benchmarks (``make bench``): demo generation, the contracts list, full-text search.

- ``demo_generation``: generating 100,000 contracts with everything they need (target < 60 s);
  floor: raw sqlite3 inserting as many rows as records were generated.
- ``store_contracts_open``: the contracts list's count + first page (100 rows) on 100,000
  contracts (target <= 100 ms); ``store_contracts_sort``: the first page sorted by learner name,
  the costliest sort (a joined column), and ``store_contracts_sort_worst``: the slowest of every
  sort column in both directions; floor: the very same SQL run through raw sqlite3.
- ``store_search_p95``: search() of realistic typed prefixes (names, cities, NISS) of 200
  people chosen by a seeded draw (the same texts at every run) (target p95 <= 20 ms); floor: the
  raw FTS5 query for the same words. ``store_search_pages``: the pages a search read past the
  page cache, mean (tests/benchmarks/pages.py; no target: the load does not move it).

The 100,000-contract working copy is built once with the demo generator in
``.bench-cache/wc-N`` (``data_folder``, shared with bench_ui.py). ``OFFA_BENCH_SIZE`` lowers
the size for a quick look.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks import copies
from tests.benchmarks.pages import PageCounter
from tests.benchmarks.run import result

ROOT = Path(__file__).resolve().parent.parent.parent
CACHE = Path(os.environ.get("OFFA_BENCH_CACHE", ROOT / ".bench-cache"))
SIZE = int(os.environ.get("OFFA_BENCH_SIZE", "100000"))
RUNS = 7
PAGE = 100
SEARCHES = 200
FILLED: list[float] = []  # seconds the fill took, when this run built the working copy


def data_folder(size: int = SIZE) -> Path:
    """A data folder whose working copy holds ``size`` demo contracts, built once and shared
    with bench_ui (the same fill: one copy of 1,000,000 contracts to build, not two)."""
    folder = CACHE / f"wc-{size}"
    ready = folder / ".ready"
    if ready.exists():
        from offa_desktop import paths

        copies.register(paths.working_copy_path(folder))  # an app start encrypted it
        return folder
    import shutil

    from offa_desktop import paths
    from offa_desktop.ops.protection import keys
    from offa_desktop.store.db import WorkingCopy
    from offa_desktop.store.demo_fill import fill_working_copy

    shutil.rmtree(folder, ignore_errors=True)  # a build stopped half-way: its copy, key, marker
    folder.mkdir(parents=True)
    path = paths.working_copy_path(folder)
    # Encrypted from its creation, as the app leaves a copy: built plain, the first app start
    # (bench_ui) would encrypt it in place and verify it, 185 MB (20,000 contracts) in 9.2 s of
    # CPU, minutes for 1,000,000; filling it encrypted costs what filling it plain does
    # (20,000 contracts: 16.8 s of CPU against 15.5-17.1 s).
    keys.unlock(path, keys.env_source)
    wc = WorkingCopy.open(path)
    try:
        started = time.perf_counter()
        fill_working_copy(wc, size, seed=0)
        FILLED.append(time.perf_counter() - started)
    finally:
        wc.close()
    ready.write_text("ok")
    return folder


def working_copy_file(size: int = SIZE) -> Path:
    """The working copy of ``size`` demo contracts (``data_folder``'s; migrated when opened)."""
    from offa_desktop import paths

    return paths.working_copy_path(data_folder(size))


def median_ms(work: Callable[[], Any], runs: int = RUNS) -> float:
    work()  # warm the page cache once
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def bench_generation(size: int) -> dict[str, Any]:
    from offa_desktop.demo.generator import generate

    started = time.perf_counter()
    count = sum(1 for _ in generate(size, seed=0))
    figure = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        db = sqlite3.connect(Path(folder) / "floor.sqlite3")
        db.execute("CREATE TABLE t (id TEXT PRIMARY KEY, version INTEGER, a TEXT, b TEXT)")
        rows = ((f"{i:036d}", i, "Dupont", "2026-09-01") for i in range(count))
        started = time.perf_counter()
        db.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
        db.commit()
        floor = time.perf_counter() - started
        db.close()
    return result(f"demo_generation_{size}", figure, "s", floor, 60.0)


def _raw_sql(statement: Any) -> str:
    from sqlalchemy.dialects import sqlite

    return str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def bench_lists(path: Path) -> list[dict[str, Any]]:
    from offa_desktop.store import contract_list
    from offa_desktop.store.db import WorkingCopy

    wc = WorkingCopy.open(path)
    raw = copies.connect(path)
    raw.execute("PRAGMA cache_size=-65536")

    def page_sql(query: contract_list.ContractQuery) -> str:
        return _raw_sql(contract_list.page_statement(query, 0, PAGE))

    def count_sql(query: contract_list.ContractQuery) -> str:
        return _raw_sql(contract_list.count_statement(query))

    def ours(query: contract_list.ContractQuery, with_count: bool) -> Callable[[], Any]:
        def work() -> None:
            with wc.session() as s:
                if with_count:
                    contract_list.contract_count(s, query)
                rows = contract_list.contract_rows(s, query, 0, PAGE)
                assert len(rows) == PAGE

        return work

    def floor(query: contract_list.ContractQuery, with_count: bool) -> Callable[[], Any]:
        sql_page, sql_count = page_sql(query), count_sql(query)

        def work() -> None:
            if with_count:
                raw.execute(sql_count).fetchone()
            raw.execute(sql_page).fetchall()

        return work

    out = []
    opened = contract_list.ContractQuery()
    out.append(
        result(
            "store_contracts_open",
            median_ms(ours(opened, True)),
            "ms",
            median_ms(floor(opened, True)),
            100.0,
        )
    )
    by_learner = contract_list.ContractQuery(sort="learner")
    out.append(
        result(
            "store_contracts_sort",
            median_ms(ours(by_learner, False)),
            "ms",
            median_ms(floor(by_learner, False)),
            100.0,
        )
    )
    worst: tuple[float, float, str] = (0.0, 0.0, "")
    for sort in contract_list.CONTRACT_SORTS:
        for descending in (False, True):
            query = contract_list.ContractQuery(sort=sort, descending=descending)
            figure = median_ms(ours(query, False), runs=3)
            if figure > worst[0]:
                worst = (figure, median_ms(floor(query, False), runs=3), sort)
    row = result("store_contracts_sort_worst", worst[0], "ms", worst[1], 100.0)
    row["column"] = worst[2]
    out.append(row)
    raw.close()
    wc.close()
    return out


def bench_search(path: Path) -> list[dict[str, Any]]:
    from offa_desktop.store import queries
    from offa_desktop.store.db import WorkingCopy
    from offa_desktop.store.search import fts_query

    raw = copies.connect(path)
    rng = random.Random(1)
    # the same people at every run (seeded): before and after a change, the same texts typed
    (top,) = raw.execute("SELECT max(rowid) FROM learners").fetchone()
    people = []
    for rowid in rng.sample(range(1, top + 1), min(top, 2 * SEARCHES)):
        people += raw.execute(
            "SELECT last_name, first_name, niss, city FROM learners WHERE rowid = ?", (rowid,)
        ).fetchall()
    typed = []
    for last, first, niss, city in people[:SEARCHES]:
        typed.append(
            rng.choice((last[:3], last, f"{first[:2]} {last[:4]}", city[:4], niss[:6], last[:2]))
        )
    wc = WorkingCopy.open(path)
    ours, floor, read = [], [], []
    with wc.session() as s:
        counter = PageCounter(s.connection().connection.dbapi_connection, path)
        queries.search(s, typed[0])
        for text in typed:
            before = counter.read()
            started = time.perf_counter()
            queries.search(s, text, 20)
            ours.append(time.perf_counter() - started)
            after = counter.read()
            if before is not None and after is not None:
                read.append(after - before)
    sql = (
        "SELECT collection, record_id FROM search_fts WHERE search_fts MATCH ? "
        "ORDER BY rowid DESC LIMIT 20"
    )
    for text in typed:
        query = fts_query(text)
        started = time.perf_counter()
        raw.execute(sql, (query,)).fetchall()
        floor.append(time.perf_counter() - started)
    raw.close()
    wc.close()

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1] * 1000

    return [
        result("store_search_p95", p95(ours), "ms", p95(floor), 20.0),
        # informative: pages read past the page cache a search (the load does not move it)
        *([result("store_search_pages", statistics.mean(read), "pg", None, None)] if read else []),
    ]


def run() -> list[dict[str, Any]]:
    """The store figures, for tests/benchmarks/run.py."""
    path = working_copy_file()
    out = bench_lists(path)
    out.extend(bench_search(path))
    if not os.environ.get("OFFA_BENCH_SKIP_GENERATION"):  # make bench-large past 100,000
        out.insert(0, bench_generation(SIZE))
    if FILLED:  # informative: the working copy was built in this run
        out.append(result(f"demo_fill_{SIZE}", FILLED[0], "s", None, None))
    return out


if __name__ == "__main__":
    for row in run():
        print(row)
