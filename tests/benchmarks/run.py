"""``make bench``: run every benchmark module of tests/benchmarks/ and write bench-results.json.

A benchmark module is a ``bench_*.py`` file exposing ``run() -> list[dict]``; each dict is one
figure with the keys of :data:`KEYS`: ``name``; ``figure`` and its ``unit``; ``floor``, the same
work done the plainest way (raw sqlite3, bare reportlab, a bare QMainWindow...) measured in the
same run on the same machine; ``ratio`` = figure / floor; ``target`` (in ``unit``, or a ratio when
the module says so); ``passed``.

    python -m tests.benchmarks.run                 # every module
    python -m tests.benchmarks.run store ui        # bench_store.py and bench_ui.py only
    python -m tests.benchmarks.run --strict        # exit 1 when a target is missed

A module that raises is reported (``errors`` in the JSON) and the others still run; the exit
code is then 1.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUTPUT = ROOT / "bench-results.json"
KEYS = ("name", "figure", "unit", "floor", "ratio", "target", "passed")


def result(
    name: str,
    figure: float,
    unit: str,
    floor: float | None,
    target: float | None,
    *,
    target_is_ratio: bool = False,
) -> dict[str, Any]:
    """One figure in the shape run.py expects (``passed``: figure, or the ratio, within target)."""
    ratio = figure / floor if floor else None
    if target is None:
        passed = True
    elif target_is_ratio:
        passed = ratio is not None and ratio <= target
    else:
        passed = figure <= target
    return {
        "name": name,
        "figure": round(figure, 4),
        "unit": unit,
        "floor": round(floor, 4) if floor is not None else None,
        "ratio": round(ratio, 2) if ratio is not None else None,
        "target": target,
        "target_is_ratio": target_is_ratio,
        "passed": passed,
    }


def modules(selected: list[str]) -> list[str]:
    found = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if not selected:
        return found
    wanted = [s if s.startswith("bench_") else f"bench_{s}" for s in selected]
    unknown = sorted(set(wanted) - set(found))
    if unknown:
        raise SystemExit(f"no such benchmark module: {', '.join(unknown)} (have {found})")
    return wanted


def _check(row: Any, module: str) -> dict[str, Any]:
    if not isinstance(row, dict) or any(k not in row for k in KEYS):
        raise ValueError(f"{module}: a result needs the keys {KEYS}, got {row!r}")
    return {"module": module, **row}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="module names (store, ui, printing...)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    results: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    for name in modules(args.modules):
        started = time.perf_counter()
        print(f"== {name}", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"tests.benchmarks.{name}")
            rows = [_check(row, name) for row in module.run()]
        except Exception as exc:  # a broken module must not hide the others' figures
            errors.append({"module": name, "error": repr(exc), "trace": traceback.format_exc()})
            print(traceback.format_exc(), file=sys.stderr)
            continue
        for row in rows:
            results.append(row)
            mark = "ok  " if row["passed"] else "MISS"
            print(
                f"{mark} {row['name']:<34} {row['figure']:>10} {row['unit']:<3} "
                f"floor {row['floor']} ratio {row['ratio']} target {row['target']}",
                file=sys.stderr,
            )
        print(f"   ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    report = {
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        },
        "results": results,
        "errors": errors,
    }
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.output}", file=sys.stderr)
    if errors:
        return 1
    if args.strict and not all(r["passed"] for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
