"""A first sync writes its pages with the search and list triggers set aside and rebuilds the
derived tables set-based after the last page: the same search index and list keys as the
row-by-row trigger path, triggers back for local edits, and a kill in between healed at the
next open of the working copy."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from offa_desktop.store.contract_list import ContractQuery, contract_rows
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.derived import READ_BY_NAME, STALE_KEY
from offa_desktop.store.records import table
from offa_desktop.store.search import search
from sync.engine import BULK_MIN
from sync.ports import Progress
from tests import keyed
from tests.store.indexed import indexed_records, indexed_words
from tests.sync.harness import Device, Server
from tests.sync.seeded import new_device, running

CONTRACTS = 120
Derived = tuple[list[tuple[object, ...]], ...]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running(tmp_path_factory.mktemp("bulk-server"), CONTRACTS, seed=5) as server:
        yield server


def _device(server: Server, root: Path) -> Device:
    return new_device(server, root, "bulk")


def derived(wc: WorkingCopy) -> Derived:
    """The derived tables' content (not their row ids), the triggers, and what the search and
    the contracts list sorted by company show."""
    with wc.engine.connect() as conn:
        found: list[Any] = [indexed_words(conn), indexed_records(conn)]
        found += [
            [tuple(r) for r in conn.exec_driver_sql(sql).all()]
            for sql in (
                # the documents of records (a rebuild adds a marker, store/search.py TAIL)
                "SELECT count(*) FROM search_docs WHERE collection <> ''",
                "SELECT * FROM list_contract_keys ORDER BY contract_id",
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
            )
        ]
        conn.rollback()
    with wc.session() as db:
        found.append(sorted((h.collection, h.id) for h in search(db, "a", limit=5000)))
        rows = contract_rows(db, ContractQuery(sort="company"), limit=CONTRACTS)
        found.append([(r.id, r.company_name, r.sync_state) for r in rows])
        rows = contract_rows(db, ContractQuery(sort="learner", text="e"), limit=CONTRACTS)
        found.append([(r.id, r.learner_name) for r in rows])
    with wc.engine.connect() as conn:  # the radar's tables (migrations 0019, 0021)
        found += [[tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {name} ORDER BY 1")]
                  for name in ("radar_tutors_in_charge", "radar_learners")]
    return tuple(found)


def _stale(path: Path) -> bool:
    raw = keyed.connect(path)
    try:
        row = raw.execute("SELECT 1 FROM sync_state WHERE key = ?", (STALE_KEY,)).fetchone()
    finally:
        raw.close()
    return row is not None


def _row_by_row(server: Server, root: Path) -> Derived:
    """The reference: pages smaller than the bulk size, applied through the triggers."""
    device = _device(server, root)
    device.sync_here(page_size=BULK_MIN // 2)
    with device.working_copy() as wc:
        assert not _stale(wc.path)
        found = derived(wc)
    device.close()
    return found


def test_first_sync_in_bulk_equals_the_trigger_path(seeded: Server, tmp_path: Path) -> None:
    reference = _row_by_row(seeded, tmp_path)
    device = _device(seeded, tmp_path)
    report = device.sync_here(page_size=BULK_MIN)
    assert report.pulled > BULK_MIN * 3  # several bulk pages
    with device.working_copy() as wc:
        assert not _stale(wc.path)
        bulk = derived(wc)
        assert len(bulk[0]) > 300 and len(bulk[3]) == CONTRACTS and bulk[5] and bulk[7]
        assert bulk[8] and bulk[9]  # the radar's tables
        assert bulk == reference
        # the triggers are back: a local edit is searchable and listed at once
        t = table("companies")
        with wc.session() as db:
            cid = db.execute(select(t.c.id).order_by(t.c.id).limit(1)).scalar_one()
        with wc.unit_of_work() as uow:
            uow.update("companies", cid, {"name": "Zygomorphe Ébéniste"})
        with wc.session() as db:
            hits = search(db, "zygomorphe ebeni")
        assert [h.id for h in hits] == [cid]
    device.close()


def _indexes(path: Path) -> list[tuple[object, ...]]:
    raw = keyed.connect(path)
    try:
        rows = raw.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
    finally:
        raw.close()
    return [tuple(r) for r in rows]


def test_a_first_sync_with_its_indexes_aside_ends_as_the_trigger_path(
    seeded: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large first sync builds the copy's indexes once after the last page (all but those a
    reader names, which stay): the same indexes and derived data as the trigger path, and a
    kill between its commits leaves the named indexes in place and heals at the next open."""
    from sync import engine as engine_module

    reference_device = _device(seeded, tmp_path)
    reference_device.sync_here(page_size=BULK_MIN // 2)
    with reference_device.working_copy() as wc:
        reference, reference_indexes = derived(wc), _indexes(wc.path)
    reference_device.close()
    monkeypatch.setattr(engine_module, "INDEXES_ASIDE_FROM", 0)
    device, path = _killed_after_two_bulk_pages(seeded, tmp_path)
    during = {str(row[0]) for row in _indexes(path) if row[2] is not None}
    assert during == READ_BY_NAME  # the others aside, their SQL kept
    assert len(_indexes(path)) < len(reference_indexes)
    WorkingCopy.open(path).close()  # as the app would after the crash
    assert _indexes(path) == reference_indexes and not _stale(path)
    device.sync_here(page_size=BULK_MIN * 2)
    with device.working_copy() as wc:
        assert derived(wc) == reference
    assert _indexes(path) == reference_indexes
    device.close()
    # a whole first sync with its indexes aside
    device = _device(seeded, tmp_path)
    report = device.sync_here(page_size=BULK_MIN)
    assert report.pulled > BULK_MIN * 3
    with device.working_copy() as wc:
        assert not _stale(wc.path)
        assert derived(wc) == reference
        assert _indexes(wc.path) == reference_indexes
    device.close()


def test_a_bulk_first_sync_sums_its_checksums_while_the_derived_data_are_rebuilt(
    seeded: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check after a bulk first sync: the copy's checksums summed from a snapshot on
    another thread during the rebuild, found equal to the server's (no re-pull) and stored."""
    from sync import engine as engine_module

    summed = engine_module.copy_checksums
    threads: list[str] = []

    def spy(tx: object, collections: list[str]) -> dict[str, tuple[int, int]]:
        threads.append(threading.current_thread().name)
        return summed(tx, collections)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module, "copy_checksums", spy)
    device = _device(seeded, tmp_path)
    report = device.sync_here(page_size=BULK_MIN)
    assert report.pulled > BULK_MIN * 3 and report.checked and report.resynced == 0
    assert len(threads) == 1 and threads[0] != threading.current_thread().name
    with device.working_copy() as wc, wc.session() as db:
        stored = dict(
            db.execute(text("SELECT key, value FROM sync_state WHERE key LIKE 'checksum:%'")).all()
        )
        t = table("companies")
        live = (t.c.version.is_not(None), t.c.deleted.is_(False))
        companies = db.execute(select(t.c.id).where(*live)).all()
    # (the state's values are JSON text)
    assert json.loads(stored["checksum:companies"]).startswith(f"{len(companies)}:")
    device.close()


def _killed_after_two_bulk_pages(seeded: Server, tmp_path: Path) -> tuple[Device, Path]:
    """A new device whose first sync (pages just over the bulk size) is killed once its second
    page has committed: the device and its copy's path."""
    device = _device(seeded, tmp_path)
    path = device.session.wc.path
    device.close()
    page = {"OFFA_SYNC_PAGE_SIZE": str(BULK_MIN + 50)}
    done = device.sync(crash_at="pull_page_committed:2", extra_env=page)
    assert done.killed, done.stderr[-2000:]
    return device, path


def test_kill_between_bulk_pages_heals_at_the_next_open(seeded: Server, tmp_path: Path) -> None:
    reference = _row_by_row(seeded, tmp_path)
    device, path = _killed_after_two_bulk_pages(seeded, tmp_path)
    # two pages committed with the triggers aside: flagged stale, the triggers all in place
    assert _stale(path)
    raw = keyed.connect(path)
    try:
        triggers = raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        indexed = raw.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    finally:
        raw.close()
    assert [tuple(t) for t in triggers] == reference[4]
    # reopened as the app would after the crash: rebuilt before anything reads them
    wc = WorkingCopy.open(path)
    try:
        assert not _stale(path)
        partial = derived(wc)
        assert len(partial[0]) > indexed and set(partial[0]) < set(reference[0])
        assert set(partial[3]) <= set(reference[3]) or len(partial[3]) < CONTRACTS
    finally:
        wc.close()
    # the sync continues from its cursor and ends with what the trigger path made
    device.sync_here(page_size=BULK_MIN * 2)
    with device.working_copy() as wc2:
        assert not _stale(wc2.path)
        assert derived(wc2) == reference
    device.close()


def _cursor(path: Path) -> str | None:
    raw = keyed.connect(path)
    try:
        row = raw.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
    finally:
        raw.close()
    return None if row is None else str(row[0])


def _records(path: Path) -> int:
    raw = keyed.connect(path)
    try:
        return int(raw.execute("SELECT count(*) FROM base").fetchone()[0])
    finally:
        raw.close()


def test_bulk_pages_commit_in_groups_and_a_kill_loses_only_the_open_group(
    seeded: Server, tmp_path: Path
) -> None:
    """A bulk load gathers pages in one transaction (BULK_GROUP_RECORDS): killed while its
    second page is applied, nothing of the group is there and the next sync starts again from
    the start; killed after the first group's commit, those pages and their cursor are there and
    the next sync continues from it. Either way the copy ends as the trigger path makes it."""
    reference = _row_by_row(seeded, tmp_path)
    size = BULK_MIN + 50
    env = {"OFFA_SYNC_PAGE_SIZE": str(size), "OFFA_SYNC_BULK_GROUP": str(3 * size)}
    device = _device(seeded, tmp_path)
    path = device.session.wc.path
    device.close()
    done = device.sync(crash_at="pull_page_applied_before_commit:2", extra_env=env)
    assert done.killed, done.stderr[-2000:]
    assert _cursor(path) is None and _records(path) == 0  # the open group rolled back
    done = device.sync(crash_at="pull_page_committed:1", extra_env=env)
    assert done.killed, done.stderr[-2000:]
    assert _cursor(path) is not None
    # one group: three pages committed together (a change of a collection this client does
    # not keep leaves no base)
    assert 2 * size < _records(path) <= 3 * size
    device.sync_here(page_size=BULK_MIN * 2)
    with device.working_copy() as wc:
        assert not _stale(wc.path)
        assert derived(wc) == reference
    device.close()


def test_a_bulk_transaction_is_not_held_open_while_the_next_page_is_awaited(
    seeded: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a slow network each page commits on its own, however large the group may be: the
    copy's one writer (the window's edits) never waits for a fetch."""
    import sync.engine

    monkeypatch.setattr(sync.engine, "PAGE_SIZE", BULK_MIN)
    monkeypatch.setattr(sync.engine, "BULK_PAGE_SIZE", BULK_MIN)
    monkeypatch.setattr(sync.engine, "BULK_GROUP_SECONDS", 3600.0)
    committed: list[str] = []
    monkeypatch.setattr(sync.engine, "crash_point", committed.append)
    device = _device(seeded, tmp_path)
    engine = device.session.engine()
    engine.bulk_group = 10**6  # never reached by its records
    pull = engine.client.pull
    fetched: list[int] = []

    def slow(cursor: str | None, limit: int = 1000, checksum: bool = False) -> dict[str, object]:
        if cursor is not None:
            time.sleep(0.5)  # the network: applying the page before takes far less
        fetched.append(limit)
        return pull(cursor, limit, checksum)

    engine.client.pull = slow  # type: ignore[method-assign]
    engine.sync_once()
    assert len(fetched) > 3
    assert committed.count("pull_page_committed") == len(fetched)
    records, ops, conflicts = device.dump()
    assert ops == [] and conflicts == []
    device.close()


def test_bulk_pages_after_the_first_are_larger(
    seeded: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first sync asks for a small first page (progress shows early), then for the bulk
    size; an incremental sync asks for the usual size. The copy ends equal to the server."""
    import sync.engine
    from tests.sync.harness import api, server_state

    monkeypatch.setattr(sync.engine, "PAGE_SIZE", 40)
    monkeypatch.setattr(sync.engine, "BULK_PAGE_SIZE", BULK_MIN + 100)
    device = _device(seeded, tmp_path)
    limits: list[int] = []

    def sync() -> None:
        engine = device.session.engine()
        pull = engine.client.pull

        def spy(cursor: str | None, limit: int = 1000, checksum: bool = False) -> dict[str, object]:
            limits.append(limit)
            return pull(cursor, limit, checksum)

        engine.client.pull = spy  # type: ignore[method-assign]
        engine.sync_once()

    sync()
    assert len(limits) > 3 and limits[0] == 40
    assert set(limits[1:]) == {BULK_MIN + 100}
    limits.clear()
    sync()
    assert limits == [40]
    records, ops, conflicts = device.dump()
    assert ops == [] and conflicts == []
    assert records == server_state(api(seeded.url, device.username))
    with device.working_copy() as wc:
        assert not _stale(wc.path)
    device.close()


def test_a_bulk_page_keeps_a_lean_page_cache_then_gives_the_lists_theirs(tmp_path: Path) -> None:
    """A bulk page and the rebuild after it run with an 8 MiB page cache (a first sync of
    100,000 records filled 64 MiB it never read again: 172 MB peak RSS instead of 118); the
    connection has its 64 MiB again afterwards, for the lists."""
    from offa_desktop.store import replica
    from offa_desktop.store.db import BULK_CACHE_KIB, CACHE_KIB, bulk_cache_kib

    wc = WorkingCopy.open(tmp_path / "copy.sqlite3")
    try:
        with replica.transaction(wc) as tx:
            raw = tx.records.conn.connection.dbapi_connection
            assert raw is not None
            tx.defer_derived()
            assert raw.execute("PRAGMA cache_size").fetchone()[0] == -BULK_CACHE_KIB
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
        # a load of 1,000,000 records caches what its random ids need (not 8 MiB)
        with replica.transaction(wc) as tx:
            tx.defer_derived(1_000_000)
            big = -raw.execute("PRAGMA cache_size").fetchone()[0]
            assert big == bulk_cache_kib(1_000_000) > 100 * 1024
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
        assert bulk_cache_kib(1_000) == BULK_CACHE_KIB
        assert replica.rebuild_derived(wc)  # the page flagged the derived tables stale
        with wc.session() as db:
            assert db.execute(text("PRAGMA cache_size")).scalar_one() == -CACHE_KIB
    finally:
        wc.close()


def test_a_first_sync_takes_a_record_again_when_a_later_page_brings_it(
    seeded: Server, tmp_path: Path
) -> None:
    """A first sync looks up bases only where a local edit, a conflict or a deletion needs
    them: a record a later page brings again (changed on the server meanwhile) is replaced by
    its newer version, and one edited here between the pages merges with the server's change
    (other field: no conflict), the edit kept and sent."""
    from tests.sync.harness import Writer

    device = _device(seeded, tmp_path)
    writer_name = f"writer-{uuid.uuid4().hex[:6]}"
    seeded.user(writer_name)
    writer = Writer(seeded.url, writer_name)
    writer.refresh()
    path = device.session.wc.path
    picked: list[str] = []

    def change_both_sides(progress: Progress) -> None:
        if progress.phase != "pull" or picked:
            return
        raw = keyed.connect(path)
        try:
            picked.extend(r[0] for r in raw.execute("SELECT id FROM companies ORDER BY id LIMIT 2"))
        finally:
            raw.close()
        assert len(picked) == 2, "the first page holds no two companies"
        for cid in picked:
            assert writer.push("companies", cid, "update", {"name": f"Renommée {cid[:8]}"}) == (
                "applied"
            )
        device.edit(lambda u: u.update("companies", picked[1], {"phone": "+32 2 555 00 11"}))

    engine = device.session.engine(progress=change_both_sides)
    engine.page_size = BULK_MIN
    report = engine.sync_once()
    assert picked and report.conflicts == 0 and report.resynced == 0, report
    records, ops, conflicts = device.dump()
    assert conflicts == [] and [(o["collection"], o["id"]) for o in ops] == [
        ("companies", picked[1])
    ]
    for cid in picked:
        assert records[("companies", cid)]["data"]["name"] == f"Renommée {cid[:8]}"
        assert records[("companies", cid)]["version"] == writer.records[("companies", cid)][
            "version"
        ]
    assert records[("companies", picked[1])]["data"]["phone"] == "+32 2 555 00 11"
    again = device.session.engine()
    again.verify = True  # every row against its base and the server: nothing to repair
    second = again.sync_once()
    assert second.applied == 1 and second.resynced == 0 and not second.repaired, second
    device.close()
