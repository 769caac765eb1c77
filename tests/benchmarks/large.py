"""``make bench-large``: how cost grows. The store, window and sync benchmarks run on working
copies of 10,000, 100,000 and 1,000,000 contracts (and the records they need; the sync
benchmark's server holds as many records), each size in a process of its own, and the table of
the three sizes is printed so the growth is visible.

Targets (issue 19), the largest size against the one ten times smaller: start-up to a painted
list, list open and sort, search as you type and the incremental sync of 10 changes each within
2 times; the first sync within 12 times. Every other figure is shown, without a target.

    python -m tests.benchmarks.large                     # 10k, 100k, 1M (the copies are
                                                         # built the first time, then cached)
    OFFA_BENCH_LARGE_SIZES=1000,10000 python -m tests.benchmarks.large   # a quick look
    OFFA_BENCH_LARGE_KEEP=folder python -m tests.benchmarks.large        # each size's and
                                     # module's rows kept in that folder; one kept without error
                                     # is not run again (a run stopped, or run in parts, e.g.
                                     # OFFA_BENCH_LARGE_MODULES=sync while the copies build;
                                     # OFFA_BENCH_LARGE_TABLE_ONLY=1: the table of what is
                                     # kept, nothing run)

The copies: the sync server's 1,000,000 records take 110 s of CPU (``server_copy``, the rows
``setup.put_records`` writes, in bulk). The 1,000,000-contract working copy is the demo fill of
``bench_store.data_folder``, about 5.1 million records. Written in one transaction, it slowed
to a fifth of a small fill's rate (1,400 records per CPU-second after 1.25 million); with a
commit every 100,000 records alone (``demo_fill.COMMIT_EVERY``) the CPU per 100,000 still grew
(15 -> 33 s over the first 500,000: inserts into indexes on random keys, ids and dates, past
the page cache, each reading back and re-encrypting a page). From 20,000 contracts the fill
sets the explicit indexes aside and builds them at its end, each in one sorted pass, with a
page cache of about 1 KiB a contract for the primary keys that stay: 8-15 s of CPU per 100,000
records, flat to the end of the rows (5,148,154 records in 62 min wall at load 11-17, nice 15
then 10). 100,000 contracts: 79.5 s of CPU (181 s in one transaction). Build once, keep the
folder, and run the modules in parts.

Writes ``bench-large-results.json`` (every row of every size, and the growth checks); the exit
code is 1 when a growth target is missed or a size failed to run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks.run import ROOT

OUTPUT = ROOT / "bench-large-results.json"
SIZES = [
    int(s) for s in os.environ.get("OFFA_BENCH_LARGE_SIZES", "10000,100000,1000000").split(",")
]
MODULES = tuple(os.environ.get("OFFA_BENCH_LARGE_MODULES", "store,ui,sync").split(","))
# (module, name with the size written N, and N/10 for the sync benchmark's smaller copy):
# the largest size's figure may be at most this many times the next size's.
GROWTH: dict[tuple[str, str], float] = {
    ("bench_ui", "app_cold_start"): 2.0,  # start-up to a painted list
    ("bench_ui", "contracts_list_open"): 2.0,
    ("bench_ui", "contracts_list_sort"): 2.0,
    ("bench_ui", "search_keystroke_to_paint_p95"): 2.0,
    ("bench_store", "store_contracts_open"): 2.0,
    ("bench_store", "store_contracts_sort"): 2.0,
    ("bench_store", "store_search_p95"): 2.0,
    ("bench_sync", "incremental sync, 10 changes, N records"): 2.0,
    ("bench_sync", "first sync of N records"): 12.0,
}


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def normalized(name: str, size: int) -> str:
    """A row's name with its size written ``N`` (and a tenth of it ``N/10``), so that the rows
    of the different sizes line up."""
    for value, word in ((size, "N"), (size // 10, "N/10")):
        for text in {_n(value), str(value)}:
            name = re.sub(rf"(?<!\d){re.escape(text)}(?!\d)", word, name)
    return name


def run_size(size: int, folder: Path, keep: bool = False) -> dict[str, Any]:
    """Every module's rows at ``size``, each module in a process of its own (the sizes share
    nothing); with ``keep``, a module whose rows ``folder`` kept without error is not run
    again."""
    reports = []
    for module in MODULES:
        found = kept(size, module, folder) if keep else None
        if found is not None:
            print(f"=== {_n(size)} contracts, {module}: kept in {folder}", file=sys.stderr)
            reports.append(found)
        elif keep and os.environ.get("OFFA_BENCH_LARGE_TABLE_ONLY"):
            reports.append({"results": [], "errors": [{"module": module, "error": "not run"}]})
        else:
            reports.append(run_module(size, module, folder))
    return {
        "results": [row for r in reports for row in r["results"]],
        "errors": [error for r in reports for error in r["errors"]],
    }


def run_module(size: int, module: str, folder: Path) -> dict[str, Any]:
    output = folder / f"bench-{size}-{module}.json"
    output.unlink(missing_ok=True)  # a kept run with errors is run again
    env = {
        **os.environ,
        "OFFA_BENCH_SIZE": str(size),  # store and window: demo working copy of that many contracts
        "OFFA_BENCH_RECORDS": str(size),  # sync: the server holds that many records
        "OFFA_BENCH_SKIP_SYNC": "1",  # the window's heartbeat during a sync has its own size
        # generating 1,000,000 contracts only to time the generator: minutes, and no target;
        # the same for the sync's whole-process run and raw insert (two more syncs' worth)
        **(
            {"OFFA_BENCH_SKIP_GENERATION": "1", "OFFA_BENCH_SKIP_DIAGNOSTICS": "1"}
            if size > 100_000
            else {}
        ),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    print(f"=== {_n(size)} contracts, {module}", file=sys.stderr, flush=True)
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.run", module, "--output", str(output)],
        cwd=ROOT,
        env=env,
        check=False,
    )
    report: dict[str, Any] = (
        json.loads(output.read_text()) if output.exists() else {"results": [], "errors": []}
    )
    if done.returncode != 0 and not report["errors"]:
        report["errors"].append({"module": module, "error": f"exit code {done.returncode}"})
    return report


def kept(size: int, module: str, folder: Path) -> dict[str, Any] | None:
    """The rows of ``module`` at ``size`` an earlier run kept in ``folder``, when it ran
    without error."""
    output = folder / f"bench-{size}-{module}.json"
    if not output.exists():
        return None
    report: dict[str, Any] = json.loads(output.read_text())
    return report if report["results"] and not report["errors"] else None


def table(reports: dict[int, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows lined up by name across sizes, and the printed table's lines."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for size, report in reports.items():
        for row in report["results"]:
            key = (row["module"], normalized(row["name"], size))
            entry = rows.setdefault(key, {"module": key[0], "name": key[1], "unit": row["unit"]})
            entry[str(size)] = row["figure"]
    sizes = sorted(reports)
    checks = []
    for key, entry in rows.items():
        limit = GROWTH.get(key)
        if limit is None or len(sizes) < 2:
            continue
        big, small = entry.get(str(sizes[-1])), entry.get(str(sizes[-2]))
        growth = big / small if big is not None and small else None
        entry["growth"] = round(growth, 2) if growth is not None else None
        entry["growth_target"] = limit
        # None: a size's figure is missing (its module failed or was not run)
        entry["passed"] = None if growth is None else growth <= limit
        checks.append(entry)
    width = max((len(f"{m}: {n}") for m, n in rows), default=20)
    head = f"{'':<{width}} " + " ".join(f"{_n(s):>12}" for s in sizes) + "   growth (target)"
    lines = [head]
    for (module, name), entry in sorted(rows.items()):
        cells = " ".join(
            f"{entry[str(s)]:>9} {entry['unit']:<2}" if str(s) in entry else f"{'-':>12}"
            for s in sizes
        )
        growth = ""
        if "growth_target" in entry:
            if entry["passed"] is None:
                growth = f"   not measured (<= x{entry['growth_target']:g})"
            else:
                mark = "ok" if entry["passed"] else "MISS"
                growth = f"   x{entry['growth']} (<= x{entry['growth_target']:g}) {mark}"
        lines.append(f"{module + ': ' + name:<{width}} {cells}{growth}")
    return list(rows.values()), lines


def write(reports: dict[int, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str], bool]:
    """Write ``OUTPUT`` from the sizes run so far; (rows, the table's lines, all passed)."""
    rows, lines = table(reports)
    errors = [dict(e, size=size) for size, r in reports.items() for e in r["errors"]]
    missed = [r for r in rows if r.get("passed") is False]
    OUTPUT.write_text(
        json.dumps(
            {
                "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "load_average": list(os.getloadavg()),
                "sizes": sorted(reports),
                "rows": rows,
                "errors": errors,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    return rows, lines, not errors and not missed


def main() -> int:
    passed = False
    keep = os.environ.get("OFFA_BENCH_LARGE_KEEP")
    with tempfile.TemporaryDirectory(prefix="offa-bench-large-") as tmp:
        folder = Path(keep) if keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        reports: dict[int, dict[str, Any]] = {}
        for size in SIZES:
            reports[size] = run_size(size, folder, keep=bool(keep))
            # written after every size: a long run stopped at 1,000,000 keeps what it measured
            _rows, lines, passed = write(reports)
            print("\n".join(lines), file=sys.stderr, flush=True)
    print("\n".join(lines))
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
