"""Python's cycle collector held off while a big batch makes many small objects (a radar, the
indicators, a first sync): a full pass over them holds the GIL, and so the UI thread, for
100-250 ms, and most of them die by reference counting anyway. No Qt here: the radar's
``ops.radar.compute`` pauses it itself, for the home screen and ``offa-desktop radar`` alike
(``ui.tasks`` re-exports it)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_gc_lock = threading.Lock()
_gc_pauses = [0]


@contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic garbage collection while the block runs (on any thread). Counted, so
    overlapping batches nest: the collector comes back when the last one ends."""
    with _gc_lock:
        _gc_pauses[0] += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses[0] -= 1
            if not _gc_pauses[0]:
                gc.enable()
