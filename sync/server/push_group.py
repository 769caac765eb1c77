"""Group commit of pushes (PostgreSQL): the pushes that arrive in one process while one of
its pushes holds or waits for the version lock are settled together, in one transaction.

Under the stress profile (50 clients pushing edits of the same 400 companies without pause)
the version lock is the bottleneck: each push took it, read, settled under it (most are
settled pessimistically there, ``push_contention.Contention``), wrote and committed, and its
hold was mostly the round trips, the wake-ups of its thread on a busy machine and the commit,
not the settling itself. A group takes the lock once, reads what all its pushes need in one
round trip (``Writer.open_push``), settles them one after the other on one writer (each sees
the writes of those before it, exactly as if they had been settled one after the other under
the lock), and writes and commits them in one pipeline, then one flush barrier for all.

One thread leads: the first push to arrive when none leads. It takes every push waiting (up to
``MAX_PUSHES``), settles and commits them on its own connection, gives each its results, and
hands the lead to the next push waiting, if any (so a push waits for at most the group before
its own). A group of one is settled alone, as before (optimistic when few pushes are settled
again). If a group fails (a concurrent push of another process stored one of its op ids
first; any error), nothing of it was committed, and each of its pushes is settled again alone,
on its own request's connection, where such errors are handled as before.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from sync.server.push import Pusher, wanted, write_rows
from sync.server.push import push_on as push_alone
from sync.server.push_contention import TRACE_ENV, write_trace
from sync.server.scope import Principal
from sync.server.store import loads
from sync.server.writer import Writer

MAX_PUSHES = 8  # a group's pushes at most (the lock is held while they settle)

Results = list[dict[str, Any]]


class _Push:
    __slots__ = ("who", "device", "ops", "results", "lead", "done")

    def __init__(self, who: Principal, device: str, ops: list[Any]) -> None:
        self.who = who
        self.device = device
        self.ops = ops
        self.results: Results | None = None  # set by the group that settled it
        self.lead = False  # this push's thread leads the next group
        self.done = threading.Event()  # results set, or the lead handed over, or alone


class Group:
    """This process's pushes waiting for their group, and whether a thread leads."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiting: deque[_Push] = deque()
        self._leading = False

    def push(
        self,
        conn: Connection,
        who: Principal,
        device: str,
        ops: list[Any],
        alone: Callable[[], Results],
    ) -> Results:
        """The results of this push, settled in a group or ``alone()``."""
        mine = _Push(who, device, ops)
        with self._guard:
            self._waiting.append(mine)
            leads = not self._leading
            self._leading = True
        if not leads:
            mine.done.wait()
            if mine.results is not None:
                return mine.results
            if not mine.lead:
                return alone()  # its group failed
        return self._lead(conn, mine, alone)

    def _lead(self, conn: Connection, mine: _Push, alone: Callable[[], Results]) -> Results:
        with self._guard:
            group = [self._waiting.popleft() for _ in range(min(MAX_PUSHES, len(self._waiting)))]
        assert group[0] is mine
        handed = False  # the lead is handed over exactly once

        def hand_over() -> None:
            nonlocal handed
            if not handed:
                handed = True
                self._hand_over()

        try:
            if len(group) == 1:
                return alone()
            try:
                # the next group may take the lock as soon as this one committed, while this
                # one waits for its flush barrier
                settle_group(conn, group, committed=hand_over)
            except Exception:  # noqa: BLE001 - each push is settled again alone
                release(group)  # results None, lead False: alone
                hand_over()
                return alone()
            release(group)
            assert mine.results is not None
            return mine.results
        finally:
            release(group)  # (whatever happened: none waits for ever)
            hand_over()

    def _hand_over(self) -> None:
        """The lead to the first push waiting, or to none."""
        with self._guard:
            if self._waiting:
                head = self._waiting[0]
                head.lead = True
                head.done.set()
            else:
                self._leading = False


def release(group: list[_Push]) -> None:
    """Wake the group's other pushes: each returns its results, or is settled alone."""
    for other in group[1:]:
        other.done.set()


def settle_group(
    conn: Connection, group: list[_Push], committed: Callable[[], None] | None = None
) -> None:
    """Settle and commit ``group``'s pushes in one transaction under the version lock, in
    order; each push's ``results`` set once committed and flushed (``committed`` called in
    between, as ``Writer.batch`` does)."""
    started = time.perf_counter()
    begun = conn.get_transaction()
    with begun if begun is not None else conn.begin():
        writer = Writer(conn)
        op_ids: list[str] = []
        pairs: list[tuple[str, str]] = []
        for push in group:
            ids, records = wanted(push.ops)
            op_ids += ids
            pairs += records
        seen: dict[str, tuple[str, dict[str, Any]]] = {}
        for op_id, user_id, result in writer.open_push("lock", op_ids, pairs):
            seen[op_id] = (user_id, loads(result))
        pushers: list[Pusher] = []
        settled: list[Results] = []
        stored: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        for push in group:
            pusher = Pusher(conn, push.who, push.device, writer=writer, seen=seen)
            settled.append(pusher.settle_in_group(push.ops))
            rows, history = pusher.rows()
            stored += rows
            changes += history
            pushers.append(pusher)
        with writer.batch(commit=True, committed=committed):
            write_rows(writer, stored, changes)
    for push, results in zip(group, settled, strict=True):
        push.results = results
    trace = os.environ.get(TRACE_ENV)
    if trace:
        for push, pusher in zip(group, pushers, strict=True):
            write_trace(trace, writer, pusher, len(push.ops), started, len(group))


GROUP = Group()


def push_on(
    conn: Connection, who: Principal, device: str, ops: list[Any], *, optimistic: bool
) -> Results:
    """``push.push_on``, grouped with the process's concurrent pushes on PostgreSQL."""
    if conn.dialect.name != "postgresql":
        return push_alone(conn, who, device, ops, optimistic=optimistic)
    return GROUP.push(
        conn, who, device, ops, lambda: push_alone(conn, who, device, ops, optimistic=optimistic)
    )
