"""How a process's pushes meet the version lock: ``Contention`` (whether the next push should
be settled optimistically, see ``push``) and the push trace (``TRACE_ENV``: the load
benchmark's lock figures)."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from sync.server.store import dumps
from sync.server.writer import Writer


class Contention:
    """This process's recent share of optimistic pushes settled again under the lock (a moving
    average), and whether the next push should be optimistic."""

    ALPHA = 0.1  # weight of the latest push in the average
    HIGH = 0.5  # past this share, pushes take the lock first...
    PROBE_EVERY = 8  # ...but one in this many stays optimistic, to measure the share again

    def __init__(self) -> None:
        self.share = 0.0
        self._skipped = 0
        self._guard = threading.Lock()

    def optimistic(self) -> bool:
        with self._guard:
            if self.share < self.HIGH:
                return True
            self._skipped += 1
            if self._skipped >= self.PROBE_EVERY:
                self._skipped = 0
                return True
            return False

    def note(self, resettled: bool) -> None:
        with self._guard:
            self.share += self.ALPHA * (float(resettled) - self.share)


CONTENTION = Contention()

# A file to which each push appends one JSON line of timings (``OFFA_SERVER_PUSH_TRACE``: a
# path, each process writing to ``<path>.<pid>``): the load benchmark's lock figures.
TRACE_ENV = "OFFA_SERVER_PUSH_TRACE"


def write_trace(
    path: str, w: Writer, pusher: Any, ops: int, started: float, group: int = 1
) -> None:
    """One push's line: ``pusher`` (a ``push.Pusher``) settled ``ops`` ops on writer ``w``,
    alone or in a group of ``group`` pushes sharing the transaction (``push_group``)."""
    ended = time.perf_counter()
    if w.released:  # PostgreSQL: the lock's grant and release on the server's clock
        wait, hold = w.granted - w.lock_sent, w.released - w.granted
        flush = w.flushed - w.released  # the commit's flush barrier, after the release
    else:
        wait, hold, flush = w.lock_wait, ended - w.locked_at, 0.0
    line = {
        "optimistic": pusher.optimistic,
        "resettled": pusher.resettled,
        "ops": ops,
        "wait_ms": round(wait * 1000, 2),  # for the version lock
        "hold_ms": round(hold * 1000, 2),  # from the lock to the commit
        "flush_ms": round(flush * 1000, 2),
        "total_ms": round((ended - started) * 1000, 2),
        "group": group,
    }
    with open(f"{path}.{os.getpid()}", "a", encoding="utf-8") as out:
        out.write(dumps(line) + "\n")
