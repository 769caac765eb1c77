"""Background work for the UI: one writer lane for the database, a pool for network and PDFs.

Modelled on Anki's ``taskman.py`` and ``operations``: a widget never waits on a write, the
network or a PDF. It builds an :class:`Op` and chains callbacks::

    tasks.op(records.update, wc, "contracts", cid, fields).success(on_saved).failure(on_err).run()

The function runs on a worker thread; ``success``/``failure`` callbacks run on the UI thread
(results travel back through a queued signal of an object living on the UI thread, as in
Picard's ``util/thread.py``). When the result is a :class:`ChangeSet`, the manager also emits
``data_changed(ChangeSet)`` so each list refreshes only what changed.

Database writes go to the *writer lane*: a pool of exactly one thread, so writes never race each
other for SQLite's single writer. Network and PDF work go to a separate pool. The sync is the
one writer that runs on the pool (it waits on the network between its transactions, which would
hold every save back on the writer lane): each of its transactions is a
``WorkingCopy.unit_of_work``, whose lock admits one writer at a time in the process, so a pulled
page and a form save take turns there and never on SQLite's busy timeout
(``tests/store/test_one_writer.py``).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.errors import Cancelled as Cancelled  # raised by ctx.check()
from offa_desktop.domain.errors import user_message
from offa_desktop.ops.collector import paused_gc as paused_gc  # (re-exported: the UI's batches)

log = logging.getLogger("offa.ui")


class Lane(Enum):
    """Where a task runs."""

    WRITE = "write"  # the single database writer thread
    POOL = "pool"  # network, PDFs, big reads


@dataclass
class TaskContext:
    """Handed to a task that asked for it: report progress, notice a cancel request.

    ``report(phase, done, total)`` may be called from the worker thread as often as needed.
    """

    _report: Callable[[str, int, int], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, phase: str, done: int, total: int) -> None:
        self._report(phase, done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when a cancel was requested (call between batches)."""
        if self._cancel.is_set():
            raise Cancelled()


class _Relay(QObject):
    """Lives on the UI thread; workers emit on it so slots run on the UI thread.

    Signals: ``done(task_id: int, result: object, error: object)``,
    ``progress(task_id: int, phase: str, done: int, total: int)``.
    """

    done = Signal(int, object, object)
    progress = Signal(int, str, int, int)


class _Runnable(QRunnable):
    def __init__(self, task_id: int, call: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._task_id = task_id
        self._call = call
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._call()
        except BaseException as exc:  # noqa: BLE001 - handed back to the UI thread
            self._relay.done.emit(self._task_id, None, exc)
        else:
            self._relay.done.emit(self._task_id, result, None)


@dataclass(eq=False)
class Op:
    """One piece of background work, configured by chaining, started by :meth:`run`."""

    _manager: TaskManager
    _fn: Callable[..., Any]
    _args: tuple[Any, ...]
    _kwargs: dict[str, Any]
    lane: Lane
    on_success: Callable[[Any], None] | None = None
    on_failure: Callable[[BaseException], None] | None = None
    on_progress: Callable[[str, int, int], None] | None = None
    context: TaskContext | None = None
    task_id: int = -1
    _owner: QObject | None = None

    def owned_by(self, owner: QObject) -> Op:
        """Skip the callbacks when ``owner`` (a widget) was deleted before the task ended."""
        self._owner = owner
        return self

    @property
    def owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    def success(self, callback: Callable[[Any], None]) -> Op:
        self.on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self.on_failure = callback
        return self

    def progress(self, callback: Callable[[str, int, int], None]) -> Op:
        """Ask for a :class:`TaskContext` (passed as keyword ``ctx``) and receive its reports."""
        self.on_progress = callback
        return self

    def with_context(self) -> Op:
        """Pass a :class:`TaskContext` as keyword ``ctx`` even without a progress callback."""
        self.on_progress = self.on_progress or (lambda _p, _d, _t: None)
        return self

    def cancel(self) -> None:
        """Ask the task to stop at its next ``ctx.check()``; harmless when already finished."""
        if self.context is not None:
            self.context._cancel.set()

    def run(self) -> Op:
        self._manager._start(self)
        return self

    def _call(self) -> Any:
        if self.context is not None:
            return self._fn(*self._args, ctx=self.context, **self._kwargs)
        return self._fn(*self._args, **self._kwargs)


def debounced(owner: QObject, msecs: int, slot: Callable[[], object]) -> QTimer:
    """A single-shot timer of ``owner``: ``slot`` runs once ``msecs`` have passed since the
    timer was last started (a pause in the typing, the last of a burst of changes)."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer


class OneAtATime:
    """A computation asked for again and again (a page worked out anew after any change), run
    on the pool one at a time: asked while one runs, it runs once more after it, with the
    arguments of that moment (``args()``, read on the UI thread), however often it was asked
    meanwhile. ``shown(result)`` gets each answer, ``failed(error)`` a failure; both run on
    the UI thread, and not at all once ``owner`` is deleted."""

    def __init__(
        self,
        owner: QObject,
        tasks: TaskManager,
        fn: Callable[..., Any],
        args: Callable[[], tuple[Any, ...]],
        shown: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        self._start: Callable[[], Op] = lambda: tasks.background(fn, *args()).owned_by(owner)
        self._shown = shown
        self._failed = failed
        self.running = False
        self._again = False

    def ask(self) -> None:
        if self.running:
            self._again = True
            return
        self.running, self._again = True, False
        self._start().success(self._done).failure(self._failure).run()

    def _done(self, result: Any) -> None:
        self.running = False
        self._shown(result)
        if self._again:
            self.ask()

    def _failure(self, error: BaseException) -> None:
        self.running = False
        self._failed(error)


class TaskManager(QObject):
    """Runs :class:`Op` objects off the UI thread and brings their outcome back.

    Signals: ``data_changed(ChangeSet)`` after any task that returned a non-empty ChangeSet;
    ``busy_changed(bool)`` when the first task starts or the last one ends;
    ``failed(str)`` with a French message when a task failed and had no failure callback.
    """

    data_changed = Signal(object)
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool_threads: int = 4) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._relay.progress.connect(self._progressed)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(pool_threads)
        self._ids = itertools.count(1)
        self._running: dict[int, Op] = {}

    def op(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Op:
        """A database write (or read that must see the writes before it): the writer lane."""
        return Op(self, fn, args, kwargs, Lane.WRITE)

    def background(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Op:
        """Network, PDF or big read work: the pool."""
        return Op(self, fn, args, kwargs, Lane.POOL)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until both lanes are empty (for shutdown and tests); True when idle."""
        return self._writer.waitForDone(msecs) and self._pool.waitForDone(msecs)

    def _start(self, op: Op) -> None:
        task_id = next(self._ids)
        op.task_id = task_id
        if op.on_progress is not None:
            relay = self._relay
            op.context = TaskContext(lambda p, d, t: relay.progress.emit(task_id, p, d, t))
        was_idle = not self._running
        self._running[task_id] = op
        if was_idle:
            self.busy_changed.emit(True)
        pool = self._writer if op.lane is Lane.WRITE else self._pool
        pool.start(_Runnable(task_id, op._call, self._relay))

    @Slot(int, str, int, int)
    def _progressed(self, task_id: int, phase: str, done: int, total: int) -> None:
        op = self._running.get(task_id)
        if op is not None and op.on_progress is not None:
            op.on_progress(phase, done, total)

    @Slot(int, object, object)
    def _finished(self, task_id: int, result: object, error: object) -> None:
        op = self._running.pop(task_id, None)
        try:
            if op is None:
                return
            if op.owner_gone:
                log.debug("task %s ended after its owner was deleted", task_id)
                return
            if isinstance(error, BaseException):
                self._fail(op, error)
                return
            if op.on_success is not None:
                op.on_success(result)
            if isinstance(result, ChangeSet) and result:
                self.data_changed.emit(result)
        finally:
            if not self._running:
                self.busy_changed.emit(False)

    def _fail(self, op: Op, error: BaseException) -> None:
        if op.on_failure is not None:
            op.on_failure(error)
            return
        if isinstance(error, Cancelled):
            return
        log.error("task failed", exc_info=error)
        message = user_message(error)
        self.failed.emit(str(message))
