"""One page of the change feed absorbed into a working copy's transaction (``apply_page``),
and the cycle collector held off while a bulk load's pages are (``collector_paused``): the
pull's and the re-pull's common ground, beside ``engine.SyncEngine`` which drives them."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from offa_desktop.domain.schema import COLLECTIONS
from sync.merge import Absorber, Incoming
from sync.ports import SyncReport, SyncTransaction
from sync.repair import note_repairs

log = logging.getLogger("offa.sync")

ALL = "*"  # every collection (a re-pull of everything)


@contextmanager
def collector_paused(pause: bool) -> Iterator[None]:
    """Python's cycle collector held off for the block when ``pause`` (a bulk load): the pages'
    change objects make no cycles, yet each allocation batch of a 5,000-record page triggered
    young collections and, twice a first sync, a full one over every live page object (0.33 s
    of the engine's 3.8 s CPU, 100,000 records). Back as it was at the end, whatever happens."""
    paused = pause and gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


# The interpreter's switch interval while a bulk load's pages are written (seconds; Python's
# default is 0.005): see :func:`switching_often`.
BULK_SWITCH_INTERVAL = 0.0005


@contextmanager
def switching_often(often: bool) -> Iterator[None]:
    """The interpreter's switch interval at :data:`BULK_SWITCH_INTERVAL` for the block when
    ``often`` (a bulk load), back as it was at the end. The fetching thread decodes and
    prepares the next page while the main thread's inserts run in SQLite; each insert gives the
    interpreter up for its step and takes it back after. With the default 5 ms the waiting
    thread, once it has the interpreter, keeps it up to 5 ms while the main thread, its step
    done, waits: the two took turns, and worse. Measured by the main thread's time asleep
    (``/proc/self/task/<id>/schedstat``: wall less running less waiting for a CPU, so the
    machine's load is left out): 100,000 rows inserted beside a thread of 0.5 s of Python,
    asleep 0.37-0.62 s with 5 ms, 0.12-0.23 s with 0.5 ms (alone: 0.05-0.10 s)."""
    before = sys.getswitchinterval()
    if often:
        sys.setswitchinterval(BULK_SWITCH_INTERVAL)
    try:
        yield
    finally:
        if often:
            sys.setswitchinterval(before)


def apply_page(
    tx: SyncTransaction,
    changes: list[dict[str, Any]],
    report: SyncReport,
    *,
    force: set[str] | None = None,
    repair: set[str] | None = None,
    first: bool = False,
    prepared: Sequence[Any] | None = None,
) -> None:
    """Absorb a page; ``force``: collections taken again even when known (a re-pull);
    ``repair``: collections whose records that change without a newer server version are
    noted as repaired; ``first``: a page of a pull from the start into a copy that held no
    base when the pull began (a first sync); ``prepared``: the store's ``prepare_new`` of
    ``changes``, in their order (computed ahead)."""
    if prepared is not None and len(prepared) == len(changes):
        pairs = [
            (c, p)
            for c, p in zip(changes, prepared, strict=True)
            if c.get("collection") in COLLECTIONS
        ]
        ours = [c for c, _ in pairs]
        ahead: list[Any] | None = [p for _, p in pairs]
    else:
        ours = [c for c in changes if c.get("collection") in COLLECTIONS]
        ahead = None
    if len(ours) < len(changes):  # a newer server's collection: not ours to keep
        log.warning("%d changes of unknown collections ignored", len(changes) - len(ours))
    keys = [(c["collection"], c["id"]) for c in ours]
    ops = tx.outbox.for_records(keys)
    conflicts = tx.conflicts.get_many(keys)
    if first and force is None and repair is None and len(set(keys)) == len(keys):
        # A first sync: a base can only come from an earlier page of this pull, and the feed
        # brings a record again only with a newer version, which Absorber.absorb would take
        # as it is (row and base replaced) when nothing local holds it: as take_new writes
        # it. So bases are looked up only where absorb reads them (a local edit or conflict,
        # a deletion): 100,000 lookups fewer, 0.23-0.31 s CPU of a first sync.
        bases = tx.bases.get_many(
            k
            for c, k in zip(ours, keys, strict=True)
            if k in ops or k in conflicts or c.get("deleted") or c.get("data") is None
        )
    else:
        bases = tx.bases.get_many(keys)
    if repair is None and len(set(keys)) == len(keys):
        # Records never seen here, with nothing local: taken as they are, in bulk (what
        # Absorber.absorb does with them, without an object per record).
        fresh: list[dict[str, Any]] = []
        fresh_ahead: list[Any] = []
        rest: list[dict[str, Any]] = []
        for i, (change, key) in enumerate(zip(ours, keys, strict=True)):
            if (
                key in bases
                or key in ops
                or key in conflicts
                or change.get("deleted")
                or change.get("data") is None
            ):
                rest.append(change)
            else:
                fresh.append(change)
                if ahead is not None:
                    fresh_ahead.append(ahead[i])
        if fresh:
            tx.take_new(fresh, fresh_ahead if ahead is not None else None)
            if not report.everything:
                for change in fresh:
                    report.touch(change["collection"], change["id"])
        ours = rest
    incoming = [Incoming.from_change(c) for c in ours]
    repaired = [s for s in incoming if repair and s.collection in repair]
    before = tx.records.get_many([s.key for s in repaired]) if repaired else {}
    absorber = Absorber(tx, report)
    for s in incoming:
        forced = force is not None and (ALL in force or s.collection in force)
        absorber.absorb(s, bases.get(s.key), ops.get(s.key, []), conflicts.get(s.key), force=forced)
    if repaired:
        # news (a version newer than the copy knew) is not a repair
        known = [s for s in repaired if s.key not in bases or s.version <= bases[s.key].version]
        note_repairs(report, before, {s.key: absorber.shown(s.key) for s in known})
    absorber.flush()
