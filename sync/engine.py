"""``sync_once``: push the outbox, then pull the change feed (API.md), safe to kill anywhere.

Then the files attached locally (``documents``, a :class:`sync.documents.DocumentQueue`) go up:
after the records they belong to, before the pull that brings their ``documents`` records.

Push: batches of at most 500 ops, oldest first, one op per record per push; an op goes with
the version its record's base holds (so the next op of a record follows the version its
predecessor got); the answer and the outbox update commit together. Pull: pages until
``has_more`` is false, each page and its cursor in one transaction (a bulk load's pages
gathered, see :data:`BULK_GROUP_RECORDS`, with the cursor of the last). A checksum is asked for
after a first sync and then about daily; a mismatch re-pulls the collections concerned, a
``410`` re-pulls everything, unsent edits kept in both cases.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from offa_desktop.domain.schema import COLLECTIONS
from sync.client import ApiClient
from sync.documents import DocumentQueue, send_pending
from sync.errors import Cancelled, CursorExpired
from sync.faults import crash_point
from sync.lock import SyncLock
from sync.merge import Absorber
from sync.pages import ALL, apply_page, collector_paused, switching_often
from sync.ports import (
    Progress,
    SyncReport,
    SyncStore,
    SyncTransaction,
)
from sync.pushing import PUSH_BATCH, select_batch, settle, wire
from sync.repair import after_repair, copy_checksums, inspect, log_repairs, note_repairs

log = logging.getLogger("offa.sync")

PAGE_SIZE = 1000
# The pages after the first of a first sync or re-pull are larger: what each transaction costs
# besides its rows (commit, derived triggers set aside and put back) is paid less often. 2,500,
# not API.md's largest limit (5,000): since a bulk load's commits no longer checkpoint, the
# larger pages saved no measurable CPU, and two of them in memory (one applied, the next being
# fetched) took a first sync of 100,000 records from 114 to 124 MB peak RSS.
# The first page stays small so progress shows and the next fetch starts early.
BULK_PAGE_SIZE = 2500
# A bulk load's pages are applied in transactions of at least this many records (or as many as
# came in BULK_GROUP_SECONDS, or until the next page is late by BULK_AWAIT_SECONDS: never held
# open while a slow network is waited for), each with the cursor of its last page: a kill or a
# cancel loses at most that much, taken again from the last cursor committed. Each commit writes
# again every index page its records touched, and random ids touch nearly all of them:
# encrypted load of 100,000 records, 41 transactions of 2,500 -> 5 of 20,000: 3.1-4.3 s ->
# 1.8-1.9 s. (The "since a bulk load's commits no longer checkpoint" above: every 64 MiB.)
BULK_GROUP_RECORDS = 20_000
BULK_GROUP_SECONDS = 1.0
# ... and a load of more than BULK_GROUP_COMMITS × BULK_GROUP_RECORDS records (200,000) gathers
# proportionally more in each (records and seconds), so that it commits about as many times as
# that one does: each commit writes again nearly every page of the indexes led by a random id
# (a record's table, the base), pages whose number grows with the records already loaded, so a
# fixed group made the bytes written grow with the square of the load. First sync of 1,000,000
# companies (load 9): 115 transactions, 19.3 GB written, their commits 36 s of the main
# thread's 74 s of CPU; 100,000 records: 0.35 GB. A kill loses at most that larger group
# (about 5 s of work at 1,000,000 records), and a page late by BULK_AWAIT_SECONDS still
# commits at once.
BULK_GROUP_COMMITS = 10
BULK_AWAIT_SECONDS = 0.2
CHECKSUM_INTERVAL = 23 * 3600.0  # "about daily"
# A page of a first sync or re-pull this large is applied with the store's derived data (search
# index, list keys) deferred, then rebuilt set-based once after the last page (store.derived).
BULK_MIN = 200
# A first sync into a copy that held no server record, of this many records or more: the store's
# indexes (but those a reader names) are built once after the last page rather than row by row
# (defer_derived's indexes_aside; the demo fill's threshold too). 105,028 companies, the
# server's pages replayed (CPU, 3 pairs alternated): main thread 2.95/2.73/2.75 ->
# 2.50/2.64/2.68 s, the companies' inserts 0.93 -> 0.59 s, their 5 index builds 0.22 s.
INDEXES_ASIDE_FROM = 20_000
STALE = "derived_stale"  # sync_state: derived data deferred and not yet rebuilt
# Where a page fetched ahead carries the store's prepare_new of its changes (not an API key:
# API.md's keys are words).
PREPARED = " prepared"


def _expected(done: int, changes: list[Any], page: dict[str, Any]) -> int:
    """About how many records a pull brings in all, known at this page (``remaining``: those
    after it, API.md)."""
    return done + len(changes) + int(page.get("remaining") or 0)


def _group_scale(expected: int) -> float:
    """How many times :data:`BULK_GROUP_RECORDS` and :data:`BULK_GROUP_SECONDS` a bulk load of
    ``expected`` records gathers in a transaction (1 up to 200,000 records)."""
    return max(1.0, expected / (BULK_GROUP_RECORDS * BULK_GROUP_COMMITS))


class SyncEngine:
    """Syncs one working copy with one server account."""

    def __init__(
        self,
        store: SyncStore,
        client: ApiClient,
        *,
        lock_path: Path | None = None,
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
        page_size: int | None = None,
        bulk_group: int | None = None,
        push_batch: int = PUSH_BATCH,
        checksum_interval: float = CHECKSUM_INTERVAL,
        clock: Callable[[], float] = time.time,
        documents: DocumentQueue | None = None,
        verify: bool = False,
    ) -> None:
        self.store = store
        self.client = client
        self.lock_path = lock_path
        self.progress = progress
        self.cancel = cancel or threading.Event()
        # None: PAGE_SIZE, and BULK_PAGE_SIZE after the first page of a bulk load; a number
        # (tests, OFFA_SYNC_PAGE_SIZE): every page that size.
        self.page_size = page_size
        # None: BULK_GROUP_RECORDS, or a transaction per page when page_size is set (tests); a
        # number (tests, OFFA_SYNC_BULK_GROUP): records a bulk load's transaction gathers.
        self.bulk_group = bulk_group
        self._ahead: Future[dict[str, Any]] | None = None  # the page _pages fetches ahead
        self.push_batch = push_batch
        self.checksum_interval = checksum_interval
        self.clock = clock
        self.documents = documents
        # ``sync --verify`` / "Vérifier la copie": the check runs on this sync whatever its
        # date, and compares every field of every record with what the server sent.
        self.verify = verify
        client.cancel = self.cancel

    # --- entry points ----------------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        """One push then one pull (and a re-pull when needed)."""
        report = SyncReport()
        if self.lock_path is None:
            self._sync(report)
        else:
            with SyncLock(self.lock_path):
                self._sync(report)
        return report

    def _sync(self, report: SyncReport) -> None:
        self.push(report)
        self.push_documents(report)
        self.pull(report)

    def push_documents(self, report: SyncReport) -> None:
        """Send the files waiting in ``documents`` (progress phase "documents")."""
        if self.documents is None:
            return
        self._check_cancel()
        sent, refused = send_pending(
            self.client,
            self.documents,
            cancel=self.cancel,
            progress=lambda done, total: self._progress("documents", done, total),
        )
        report.documents += sent
        report.documents_refused += refused

    def device_id(self) -> str:
        with self.store.transaction() as tx:
            value = tx.state.get("device_id")
            if not value:
                value = secrets.token_urlsafe(16)  # 128 random bits, shorter than a UUID
                tx.state.put("device_id", value)
            return value

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("Synchronisation annulée ; elle reprendra là où elle s'est arrêtée.")

    def _progress(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(Progress(phase, done, max(total, done)))

    # --- push ------------------------------------------------------------------------------
    def push(self, report: SyncReport) -> None:
        device: str | None = None
        tries: dict[int, int] = {}
        done = 0
        total: int | None = None
        while True:
            self._check_cancel()
            with self.store.transaction() as tx:
                batch, bases, sendable = select_batch(tx, tries, self.push_batch)
            if total is None:
                total = sendable
                if sendable:
                    self._progress("push", 0, total)
            if not batch:
                return
            device = device or self.device_id()
            payload = [wire(op, bases.get(op.key)) for op in batch]
            results = self.client.push(device, payload)
            crash_point("push_answer_before_outbox")
            with self.store.transaction() as tx:
                settle(tx, batch, results, report)
                crash_point("push_settled_before_commit")
            for op in batch:
                tries[op.seq] = tries.get(op.seq, 0) + 1
            done += len(batch)
            self._progress("push", done, max(total, done))

    # --- pull ------------------------------------------------------------------------------
    def pull(self, report: SyncReport) -> None:
        with self.store.transaction() as tx:
            cursor = tx.state.get("cursor")
            pending_resync = tx.state.get("resync")
            last_check = float(tx.state.get("checksum_at") or 0)
            stale = tx.state.get(STALE) is not None
            # a first sync into a copy that never took a server record: every base is its own
            new_copy = cursor is None and not pending_resync and tx.bases.none()
        if pending_resync:  # a re-pull killed midway: finish it first
            self.resync(json.loads(pending_resync), report)
            return
        first = cursor is None
        if first:
            report.everything = True
        # a bulk load killed midway continues in bulk
        bulk = first or stale
        due = first or self.verify or self.clock() - last_check >= self.checksum_interval
        done = 0
        group = self._group(bulk)
        try:
            with collector_paused(bulk), switching_often(bulk), ExitStack() as open_tx:
                into: SyncTransaction | None = None
                held, since = 0, 0.0  # records in the open transaction, since when
                scale = 1.0  # _group_scale of the load, once known
                for page in self._pages(cursor, due, bulk=bulk):
                    changes = page.get("changes") or []
                    if into is None:
                        into = open_tx.enter_context(self.store.transaction())
                        since = time.monotonic()
                    if bulk and len(changes) >= BULK_MIN:
                        expected = _expected(done, changes, page)
                        scale = _group_scale(expected)
                        aside = new_copy and expected >= INDEXES_ASIDE_FROM
                        into.defer_derived(expected, indexes_aside=aside)
                        stale = True
                    apply_page(into, changes, report, first=new_copy, prepared=page.get(PREPARED))
                    into.state.put("cursor", page["cursor"])
                    crash_point("pull_page_applied_before_commit")
                    held += len(changes)
                    if (
                        held >= group * scale
                        or not page.get("has_more")
                        or time.monotonic() - since >= BULK_GROUP_SECONDS * scale
                        or not self._next_page_ready()
                    ):
                        open_tx.close()  # commits
                        into, held = None, 0
                        crash_point("pull_page_committed")
                    done += len(changes)
                    report.pulled += len(changes)
                    self._progress("pull", done, done + int(page.get("remaining") or 0))
        except CursorExpired:
            log.warning("curseur expiré : tout est repris depuis le début")
            self.resync([ALL], report)
            return
        server = page.get("checksum") if due else None
        if stale and isinstance(server, dict):
            # The copy's checksums summed from a snapshot on another thread while the derived
            # data are rebuilt (SQLite's statements there leave the interpreter free): only a
            # sync changes the versions summed, and this one holds the sync lock.
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="offa-check")
            try:
                summed = pool.submit(self._sums, list(server))
                self.store.rebuild_derived()
                sums = summed.result()
            finally:
                pool.shutdown(wait=True)
            self._check(server, report, sums)
            return
        if stale:
            self.store.rebuild_derived()
        if isinstance(server, dict):
            self._check(server, report)

    def _sums(self, collections: list[str]) -> dict[str, tuple[int, int]]:
        with self.store.snapshot() as view:
            return copy_checksums(view, collections)

    def _next_page_ready(self) -> bool:
        """True when the page being fetched ahead has come, or comes within
        :data:`BULK_AWAIT_SECONDS`: a transaction left open for a slow fetch would keep the
        copy's one writer (the window's edits) waiting."""
        if self._ahead is None:
            return True
        done, _ = wait([self._ahead], timeout=BULK_AWAIT_SECONDS)
        return bool(done)

    def _group(self, bulk: bool) -> int:
        """Records a pull's transaction gathers before it commits (0: a page each)."""
        if not bulk:
            return 0
        if self.bulk_group is not None:
            return self.bulk_group
        return 0 if self.page_size is not None else BULK_GROUP_RECORDS

    def _limits(self, bulk: bool) -> tuple[int, int]:
        """The ``limit`` of the first page and of the following ones."""
        if self.page_size is not None:
            return self.page_size, self.page_size
        return PAGE_SIZE, BULK_PAGE_SIZE if bulk else PAGE_SIZE

    def _pages(
        self, cursor: str | None, checksum: bool = False, *, bulk: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Pages of the feed from ``cursor`` until ``has_more`` is false.

        The next page is fetched while the caller applies the current one (one request at a
        time on the HTTP session); a cancel is honoured between pages.
        """
        first, rest = self._limits(bulk)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="offa-pull")
        fetch = self._fetch_prepared if bulk else self.client.pull
        try:
            self._check_cancel()
            page = self.client.pull(cursor, first, checksum=checksum)
            while True:
                ahead: Future[dict[str, Any]] | None = None
                if page.get("has_more"):
                    ahead = pool.submit(fetch, page["cursor"], rest, checksum)
                self._ahead = ahead
                yield page
                if ahead is None:
                    return
                self._check_cancel()
                page = ahead.result()
        finally:
            # A fetch still in flight (cancel, crash) is left to end on its own.
            pool.shutdown(wait=False, cancel_futures=True)

    def _fetch_prepared(self, cursor: str, limit: int, checksum: bool) -> dict[str, Any]:
        """A page of a bulk pull fetched, and what the store will write of its changes
        computed on this (fetching) thread, under :data:`PREPARED`. It overlaps the main
        thread's long SQLite calls (commits) and, with the switch interval a bulk load sets
        (``pages.switching_often``), part of its inserts: an executemany gives the interpreter
        up only for each row's step, and with Python's default 5 ms this thread, once it had
        the interpreter, kept it up to 5 ms while the main thread waited (one INSERT ...
        SELECT over json_each a page instead, which holds nothing: +0.6 s main-thread CPU and
        a longer wall; 64 rows an INSERT: +0.6 s main-thread CPU; neither done)."""
        page = self.client.pull(cursor, limit, checksum)
        changes = page.get("changes") or []
        if len(changes) >= BULK_MIN:
            page[PREPARED] = self.store.prepare_new(changes)
        return page

    # --- checks and re-pulls ---------------------------------------------------------------
    def _check(
        self,
        server: dict[str, Any],
        report: SyncReport,
        sums: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        """Compare the copy with the server's checksums; repair the collections found wrong.
        ``sums``: the copy's checksums, already summed from what is committed."""
        report.checked = True
        with self.store.transaction() as tx:
            found = inspect(tx, server, thorough=self.verify, sums=sums)
            tx.state.put("checksum_at", str(self.clock()))
            wrong = found.collections
            if wrong:
                log.warning("copie différente du serveur : %s", found.describe())
                tx.state.put("resync", json.dumps(wrong))
        if wrong:
            self.resync(wrong, report)

    def resync(self, collections: list[str], report: SyncReport) -> None:
        """Re-pull these collections (or ``*``) from the start: the copy becomes equal to the
        server for them (missing records back, changed ones restored, ones the server no
        longer has erased), unsent edits and open conflicts kept on top."""
        with self.store.transaction() as tx:
            tx.state.put("resync", json.dumps(collections))
        report.everything = True
        wanted = set(collections)
        repair = None if ALL in wanted else wanted & set(COLLECTIONS)
        seen: dict[str, set[str]] = {}
        cursor: str | None = None
        done = 0
        page: dict[str, Any] = {}
        with collector_paused(True), switching_often(True):
            for page in self._pages(None, True, bulk=True):
                changes = page.get("changes") or []
                for change in changes:
                    seen.setdefault(change["collection"], set()).add(change["id"])
                with self.store.transaction() as tx:
                    if len(changes) >= BULK_MIN:
                        tx.defer_derived(_expected(done, changes, page))
                    apply_page(
                        tx,
                        changes,
                        report,
                        force=wanted,
                        repair=repair,
                        prepared=page.get(PREPARED),
                    )
                    crash_point("resync_page_applied_before_commit")
                cursor = page["cursor"]
                done += len(changes)
                report.pulled += len(changes)
                self._progress("resync", done, done + int(page.get("remaining") or 0))
        names = set(COLLECTIONS) if repair is None else repair
        with self.store.transaction() as tx:
            for collection in sorted(names):
                self._drop_unseen(tx, collection, seen.get(collection, set()), report, repair)
            tx.state.put("cursor", cursor)
            tx.state.put("resync", None)
            tx.state.put("checksum_at", str(self.clock()))
            checksum = page.get("checksum")
            after_repair(tx, sorted(names), checksum if isinstance(checksum, dict) else None)
        self.store.rebuild_derived()
        report.resynced += len(names)
        report.checked = True
        log_repairs(report)

    @staticmethod
    def _drop_unseen(
        tx: SyncTransaction,
        collection: str,
        seen: set[str],
        report: SyncReport,
        repair: set[str] | None,
    ) -> None:
        """Records the server no longer shows at all: erased, unless created here and unsent;
        edits on them kept in an edit against deletion."""
        held = tx.records.keys(collection) | {i for i, _ in tx.bases.live_versions(collection)}
        unseen = held - seen
        if not unseen:
            return
        keys = [(collection, i) for i in unseen]
        ops = tx.outbox.for_records(keys)
        bases = tx.bases.get_many(keys)
        conflicts = tx.conflicts.get_many(keys)
        before = tx.records.get_many(keys)
        absorber = Absorber(tx, report)
        for k in keys:
            absorber.vanished(k, bases.get(k), ops.get(k, []), conflicts.get(k))
        if repair is not None:
            note_repairs(report, before, {k: absorber.shown(k) for k in keys})
        absorber.flush()
