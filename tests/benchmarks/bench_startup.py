"""Start-up: a fresh process until the first paint of the contracts list, 100,000 contracts.

- ``startup_source``: ``python -m offa_desktop`` from the source tree (target ratio <= 4);
- ``startup_bundle``: ``dist/offa-desktop/offa-desktop`` when the bundle was built (same target,
  reported for information: the bundle is rebuilt by ``make bundle``, not here);
- the floor of both: a bare ``QMainWindow`` with an empty ``QTableView`` in a fresh interpreter,
  timed in the same rounds (runs interleaved, so machine load hits all three alike).

The probe is the app's own (``OFFA_STARTUP_PROBE=1``, see ``offa_desktop/app.py``); the working
copy, the bare window and the timing helper are bench_ui's. The apps open a private copy of
bench_ui's working copy (``.bench-cache/startup-N``), so a migration or another benchmark
running on the shared one never locks them out.
"""

from __future__ import annotations

import compileall
import os
import shutil
import sqlite3
import statistics
import sys
from pathlib import Path
from typing import Any

from tests.benchmarks import bench_ui
from tests.benchmarks.run import result

BUNDLE = Path(os.environ.get("OFFA_BUNDLE", bench_ui.ROOT / "dist" / "offa-desktop"))
TARGET_RATIO = 4.0
RUNS = int(os.environ.get("OFFA_BENCH_STARTUP_RUNS", bench_ui.RUNS))


def private_folder(name: str = "startup") -> Path:
    """A copy of bench_ui's 100,000-contract data folder (``.bench-cache/<name>-N``), refreshed
    when that one is rebuilt: the app encrypts it at its first start, the shared one stays as
    the store benchmark reads it."""
    from offa_desktop import paths
    from offa_desktop.store import cipher

    source = bench_ui.data_folder()
    folder = bench_ui.CACHE / f"{name}-{bench_ui.SIZE}"
    ready = folder / ".ready"
    if ready.exists() and ready.stat().st_mtime >= (source / ".ready").stat().st_mtime:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    copy = paths.working_copy_path(source)
    if cipher.is_encrypted(copy):  # an app start encrypted it: the file, its WAL, its key file
        for file in (copy, *(copy.with_name(copy.name + s) for s in ("-wal", ".id", ".key"))):
            if file.exists():
                shutil.copyfile(file, folder / file.name)
        ready.write_text("ok")
        return folder
    src = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    dst = sqlite3.connect(paths.working_copy_path(folder))
    try:
        src.backup(dst)  # a consistent copy even while another process reads the source
    finally:
        src.close()
        dst.close()
    ready.write_text("ok")
    return folder


def _drop_migration_backups(folder: Path) -> None:
    for backup in (folder / "backups").glob("*"):  # backups taken at open or before a migration
        backup.unlink(missing_ok=True)


def commands(folder: Path) -> dict[str, list[str]]:
    """The start commands to time, by result name (the bundle only when it exists)."""
    found = {
        "startup_source": [sys.executable, "-m", "offa_desktop", "--data-dir", str(folder)],
        "bare": [sys.executable, "-c", bench_ui.BARE_WINDOW],
    }
    exe = BUNDLE / ("offa-desktop.exe" if os.name == "nt" else "offa-desktop")
    if exe.is_file():
        found["startup_bundle"] = [str(exe), "--data-dir", str(folder)]
    return found


def compile_sources() -> None:
    """Byte-compile the source tree, as an install does (pip compiles what it installs) and as a
    first run does, unless PYTHONDONTWRITEBYTECODE is set, as on CI machines: then every start
    would compile the app's modules again (about 30 ms), which no user's start does."""
    for package in ("offa_desktop", "sync"):
        compileall.compile_dir(bench_ui.ROOT / package, quiet=1)


def run() -> list[dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compile_sources()
    folder = private_folder()
    env = {**os.environ, "OFFA_STARTUP_PROBE": "1"}
    env = {k: v for k, v in env.items() if k != "OFFA_DATA_DIR"}
    starts = commands(folder)
    for name, args in list(starts.items()):  # warm the OS file cache, migrate the copy
        try:
            bench_ui._time_process(args, env)
        except RuntimeError as exc:
            if name != "startup_bundle":
                raise
            # A bundle older than the source tree (its schema is behind): rebuild it.
            sys.stderr.write(f"startup_bundle skipped, run `make bundle` first: {exc}\n")
            del starts[name]
    _drop_migration_backups(folder)
    times: dict[str, list[float]] = {name: [] for name in starts}
    for _ in range(RUNS):
        for name, args in starts.items():
            times[name].append(bench_ui._time_process(args, env))
    floor = statistics.median(times.pop("bare"))
    return [
        result(name, statistics.median(values), "s", floor, TARGET_RATIO, target_is_ratio=True)
        for name, values in times.items()
    ]


if __name__ == "__main__":
    import json

    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
