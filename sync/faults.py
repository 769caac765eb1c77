"""Named crash points for the kill -9 proofs: ``OFFA_SYNC_CRASH_AT=point:n``.

When the variable names a point, the process kills itself with SIGKILL the n-th time (1-based)
it reaches that point. Unset (the normal case), :func:`crash_point` costs one dict lookup.
"""

from __future__ import annotations

import os
import signal

_counts: dict[str, int] = {}


def _target() -> tuple[str, int] | None:
    spec = os.environ.get("OFFA_SYNC_CRASH_AT")
    if not spec:
        return None
    name, _, count = spec.rpartition(":")
    if not name:
        return spec, 1
    return name, int(count or "1")


def crash_point(name: str) -> None:
    """Die here (SIGKILL, nothing flushed) if the environment asks for it."""
    target = _target()
    if target is None or target[0] != name:
        return
    _counts[name] = _counts.get(name, 0) + 1
    if _counts[name] >= target[1]:
        os.kill(os.getpid(), signal.SIGKILL)
