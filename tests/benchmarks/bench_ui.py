"""UI benchmarks on a 100,000-contract working copy.

- ``app_cold_start``: a fresh process of ``offa-desktop`` until the first paint of its contracts
  list, against a bare ``QMainWindow`` process in the same run (target ratio <= 5).
- ``contracts_list_open`` and ``contracts_list_sort``: the contracts list's Qt model opened
  (count + first screen of rows) and sorted by another column (target <= 100 ms each), against
  the raw SQLite floor of reading the same screen of rows.

``run()`` returns one dict per benchmark (name, figure, unit, floor, ratio, target, passed).
The working copy is built once with the demo generator and kept in ``.bench-cache/``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.benchmarks import copies

ROOT = Path(__file__).resolve().parent.parent.parent
CACHE = Path(os.environ.get("OFFA_BENCH_CACHE", ROOT / ".bench-cache"))
SIZE = int(os.environ.get("OFFA_BENCH_SIZE", "100000"))
RUNS = 5
SCREEN_ROWS = 40

BARE_WINDOW = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            sys.stdout.write(f"painted {time.perf_counter() - t0:.4f}\\n"); sys.stdout.flush()
            QTimer.singleShot(0, app.quit)
        return False
window = QMainWindow(); table = QTableView(); window.setCentralWidget(table)
probe = Probe(); table.viewport().installEventFilter(probe)
window.resize(1280, 800); window.show()
sys.exit(app.exec())
"""


def data_folder(size: int = SIZE) -> Path:
    """A data folder whose working copy holds ``size`` demo contracts (built once, shared with
    bench_store)."""
    from tests.benchmarks import bench_store

    return bench_store.data_folder(size)


def _time_process(args: list[str], env: dict[str, str]) -> float:
    """Wall time from spawning ``args`` to its ``painted`` line (interpreter start included)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=60)
    if not line.startswith("painted"):
        raise RuntimeError(f"no paint: {line!r} {proc.stderr.read() if proc.stderr else ''}")
    return elapsed


def bench_cold_start(folder: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "OFFA_STARTUP_PROBE": "1",
    }
    app = [sys.executable, "-m", "offa_desktop", "--data-dir", str(folder)]
    bare = [sys.executable, "-c", BARE_WINDOW]
    _time_process(app, env)  # warm the OS file cache once for both
    _time_process(bare, env)
    app_times, bare_times = [], []
    for _ in range(RUNS):
        app_times.append(_time_process(app, env))
        bare_times.append(_time_process(bare, env))
    figure, floor = statistics.median(app_times), statistics.median(bare_times)
    return _result("app_cold_start", figure, "s", floor, target_ratio=5.0)


def _screen(model: Any) -> None:
    for row in range(min(SCREEN_ROWS, model.rowCount())):
        for column in range(model.columnCount()):
            model.index(row, column).data()


def _sqlite_floor(folder: Path) -> float:
    from offa_desktop import paths

    db = copies.connect(paths.working_copy_path(folder))
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        db.execute("select count(*) from contracts").fetchone()
        db.execute(f"select * from contracts limit {SCREEN_ROWS}").fetchall()
        times.append(time.perf_counter() - started)
    db.close()
    return statistics.median(times) * 1000


def bench_list(folder: Path) -> list[dict[str, Any]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from offa_desktop import paths
    from offa_desktop.store.db import WorkingCopy
    from offa_desktop.ui.areas import areas
    from offa_desktop.ui.sources import StoreBackend
    from offa_desktop.ui.table_model import PagedTableModel

    _app = QApplication.instance() or QApplication([])
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    area = next(a for a in areas() if a.key == "contracts")
    backend = StoreBackend(wc)
    company = next(i for i, c in enumerate(area.columns) if c.key == "company")
    opens, sorts = [], []
    try:
        for _ in range(RUNS):
            started = time.perf_counter()
            model = PagedTableModel(
                backend.source(area), default_sort=(area.default_sort, Qt.SortOrder.DescendingOrder)
            )
            _screen(model)
            opens.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            model.sort(company, Qt.SortOrder.AscendingOrder)
            _screen(model)
            sorts.append((time.perf_counter() - started) * 1000)
    finally:
        wc.close()
    floor = _sqlite_floor(folder)
    return [
        _result("contracts_list_open", statistics.median(opens), "ms", floor, target=100.0),
        _result("contracts_list_sort", statistics.median(sorts), "ms", floor, target=100.0),
    ]


def bench_search(folder: Path) -> dict[str, Any]:
    """Keystroke in the global search box -> results painted (p95 over many keystrokes)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from offa_desktop.ui.context import AppContext

    _app = QApplication.instance() or QApplication([])
    context = AppContext.open(folder)
    window = context.build_window(auto_sync=False)
    window.resize(1280, 800)
    window.show()
    QTest.qWait(200)
    db = copies.connect(context.working_copy.path, readonly=True)
    names = [
        r[0]
        for r in db.execute("select last_name from learners where deleted = 0 order by id limit 40")
    ]
    db.close()
    painted: list[float] = []
    shown: list[int] = []
    loop = QEventLoop()

    class Painted(QObject):
        """Stops the wait at the first paint of the results list after they were set."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and shown and not painted:
                painted.append(time.perf_counter())
                QTimer.singleShot(0, loop.quit)
            return False

    probe = Painted()
    window.search.list.viewport().installEventFilter(probe)
    window.search.results_shown.connect(shown.append)
    latencies: list[float] = []
    try:
        for name in names:
            window.search_box.clear()
            for length in range(2, min(len(name), 6) + 1):
                painted.clear()
                shown.clear()
                QTimer.singleShot(5000, loop.quit)  # never hangs
                started = time.perf_counter()
                window.search_box.setText(name[:length])
                loop.exec()
                if shown and painted:
                    latencies.append((painted[-1] - started) * 1000)
    finally:
        window.close()
        context.close()
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else float("inf")
    floor = latencies[0] if latencies else 0.0
    return _result("search_keystroke_to_paint_p95", p95, "ms", floor, target=50.0)


def bench_heartbeat(
    size: int = int(os.environ.get("OFFA_BENCH_SYNC_SIZE", "20500")),
) -> list[dict[str, Any]]:
    """The UI thread's longest gap (a 10 ms heartbeat timer) while a first sync of about
    100,000 records (``size`` contracts) runs from the window against the embedded server; and
    that sync's time in the window, from 'Synchroniser' to its end (first page to last), beside
    the engine and whole-process figures of bench_sync."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from offa_desktop import paths
    from offa_desktop.demo.accounts import DEMO_ACCOUNTS
    from offa_desktop.ops.sync.session import MemoryKeyring, SyncSession
    from offa_desktop.store.db import WorkingCopy
    from offa_desktop.ui.context import AppContext
    from offa_desktop.ui.tasks import TaskManager
    from sync.creds import CredentialStore
    from sync.server import setup
    from sync.server.db import make_engine
    from sync.server.seed import seed_demo
    from sync.server.testing import ServerProcess

    _app = QApplication.instance() or QApplication([])
    database = CACHE / f"server-{size}.sqlite3"
    url = f"sqlite:///{database}"
    if not (CACHE / f"server-{size}.ready").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        database.unlink(missing_ok=True)
        engine = make_engine(url)
        setup.upgrade(engine)
        seed_demo(engine, size)
        engine.dispose()
        (CACHE / f"server-{size}.ready").write_text("ok")
    # The server in its own process, as in real use (in-process, it would share our GIL).
    server = ServerProcess(url, init=False)
    base_url = server.start()
    folder = CACHE / "heartbeat-client"
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    session = SyncSession(folder, wc, creds=CredentialStore(MemoryKeyring()))
    account = next(a for a in DEMO_ACCOUNTS if a.role == "offa")
    session.login(base_url, account.username, account.password)
    from PySide6.QtCore import QSettings

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(folder, wc, TaskManager(), settings, session)
    window = context.build_window(auto_sync=False)
    window.show()
    QTest.qWait(300)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    at: list[int] = []

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        at.append(now)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    last[0] = clock.elapsed()
    # The floor: the longest gap of the same heartbeat while nothing runs (machine noise).
    timer.start()
    QTest.qWait(3000)
    timer.stop()
    idle_worst = max(gaps[1:] or [10])
    gaps.clear()
    at.clear()
    sync_started = clock.elapsed()
    done: list[Any] = []
    loop = QEventLoop()
    finished_at: list[int] = []
    window.sync.finished.connect(
        lambda ok, message: (
            done.append((ok, message)),
            finished_at.append(clock.elapsed()),
            loop.quit(),
        )
    )
    window.sync.last_status = None
    started = time.perf_counter()
    last[0] = clock.elapsed()
    timer.start()
    window.sync.sync()
    QTimer.singleShot(1_800_000, loop.quit)
    loop.exec()
    timer.stop()
    elapsed = time.perf_counter() - started
    with wc.session() as db:
        from sqlalchemy import text

        from offa_desktop.domain.schema import WORKING_COLLECTIONS

        records = sum(
            int(db.execute(text(f"select count(*) from {t}")).scalar_one())
            for t in WORKING_COLLECTIONS
        )
    window.close()
    context.close()
    server.stop()
    worst = max(gaps[1:] or [float("inf")])
    result = _result("ui_heartbeat_max_gap_first_sync", worst, "ms", idle_worst, target=50.0)
    result["gaps_over_50ms"] = [
        (t - sync_started, g) for t, g in zip(at, gaps, strict=True) if g > 50
    ]
    result["finished_at_ms"] = finished_at[0] - sync_started if finished_at else None
    result["beats"] = len(gaps)
    result["records"] = records
    result["sync_seconds"] = round(elapsed, 1)
    result["sync_ok"] = bool(done and done[0][0])
    result["passed"] = result["passed"] and result["sync_ok"]
    shown = f"{records:,}".replace(",", " ")
    from tests.benchmarks.run import result as row

    window_sync = row(f"window first sync of {shown} records (first page to last)",
                      elapsed, "s", None, None)  # fmt: skip
    window_sync["passed"] = result["sync_ok"]
    return [result, window_sync]


def _result(
    name: str,
    figure: float,
    unit: str,
    floor: float,
    *,
    target: float | None = None,
    target_ratio: float | None = None,
) -> dict[str, Any]:
    """One row in the runner's shape (``tests/benchmarks/run.py``)."""
    from tests.benchmarks.run import result

    if target_ratio is not None:
        return result(name, figure, unit, floor, target_ratio, target_is_ratio=True)
    return result(name, figure, unit, floor, target)


def run() -> list[dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = data_folder()
    results = [bench_cold_start(folder), *bench_list(folder), bench_search(folder)]
    if not os.environ.get("OFFA_BENCH_SKIP_SYNC"):
        results.extend(bench_heartbeat())
    return results


if __name__ == "__main__":
    import json

    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
