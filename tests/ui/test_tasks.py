"""The task lanes: results on the UI thread, one writer at a time, progress, cancel, failures."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThread

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.ui.tasks import Cancelled, TaskContext, TaskManager

pytestmark = pytest.mark.gui


def test_success_runs_on_ui_thread_and_change_sets_are_announced(qtbot: Any) -> None:
    tasks = TaskManager()
    seen: list[Any] = []
    ui_thread = QThread.currentThread()

    def work() -> ChangeSet:
        assert QThread.currentThread() is not ui_thread
        return ChangeSet({"contracts": {"a"}})

    with qtbot.waitSignal(tasks.data_changed) as changed:
        tasks.op(work).success(lambda r: seen.append(QThread.currentThread() is ui_thread)).run()
    assert seen == [True] and changed.args[0].ids == {"contracts": {"a"}}
    assert tasks.wait_idle()


def test_writer_lane_runs_one_task_at_a_time(qtbot: Any) -> None:
    tasks = TaskManager()
    active, peak, lock = [0], [0], threading.Lock()

    def write() -> None:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.01)
        with lock:
            active[0] -= 1

    for _ in range(8):
        tasks.op(write).run()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    assert peak[0] == 1


def test_progress_cancel_and_failure(qtbot: Any, caplog: Any) -> None:
    caplog.set_level(logging.ERROR, "offa.ui")  # a failing task is logged: expected here
    tasks = TaskManager()
    reports: list[tuple[str, int, int]] = []
    failures: list[BaseException] = []
    started = threading.Event()

    def long(ctx: TaskContext) -> None:
        for done in range(1000):
            ctx.report("pull", done, 1000)
            started.set()
            ctx.check()
            time.sleep(0.005)

    op = tasks.background(long).progress(lambda *a: reports.append(a)).failure(failures.append)
    op.run()
    assert started.wait(10)
    op.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert isinstance(failures[0], Cancelled) and reports and reports[0][0] == "pull"
    assert reports[-1][1] < 999

    messages: list[str] = []
    tasks.failed.connect(messages.append)

    def broken() -> None:
        raise ValueError("disque plein")

    tasks.op(broken).run()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages == ["disque plein"]


def test_callbacks_skipped_when_owner_deleted(qtbot: Any) -> None:
    tasks = TaskManager()
    owner = QObject()
    called: list[int] = []
    gate = threading.Event()
    tasks.background(gate.wait, 10).owned_by(owner).success(lambda _r: called.append(1)).run()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner), timeout=5_000)
    gate.set()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    assert called == []


def test_paused_gc_nests_and_restores() -> None:
    import gc

    from offa_desktop.ui.tasks import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_one_at_a_time_runs_once_more_with_the_latest_arguments(qtbot: Any) -> None:
    from offa_desktop.ui.tasks import OneAtATime

    tasks = TaskManager()
    owner = QObject()
    release = threading.Event()
    calls: list[int] = []
    shown: list[int] = []
    failures: list[BaseException] = []
    state = [1]

    def work(value: int) -> int:
        calls.append(value)
        if value < 0:
            raise ValueError("refused")
        release.wait(10)
        return value * 10

    runs = OneAtATime(owner, tasks, work, lambda: (state[0],), shown.append, failures.append)
    runs.ask()
    for value in (2, 3, 4):  # asked three times while the first runs: one more run, with 4
        state[0] = value
        runs.ask()
    assert runs.running
    release.set()
    qtbot.waitUntil(lambda: shown == [10, 40] and not runs.running, timeout=10_000)
    assert calls == [1, 4]
    state[0] = -1
    runs.ask()
    qtbot.waitUntil(lambda: bool(failures) and not runs.running, timeout=10_000)
    assert str(failures[0]) == "refused" and shown == [10, 40]
    assert tasks.wait_idle()
