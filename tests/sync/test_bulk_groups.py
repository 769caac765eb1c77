"""A bulk load of more than BULK_GROUP_COMMITS × BULK_GROUP_RECORDS records gathers
proportionally more records (and seconds) in each transaction: it commits about as many times
as a load of that size, each commit writing again the pages of the indexes led by a random id,
so that the bytes written grow with the load and not with its square (sync/engine.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import sync.engine
from sync.engine import BULK_MIN, _group_scale
from tests.sync.harness import Device, Server
from tests.sync.seeded import running


def test_the_scale_is_one_up_to_ten_groups() -> None:
    assert _group_scale(0) == _group_scale(100_000) == _group_scale(200_000) == 1.0
    assert _group_scale(1_000_000) == 5.0


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running(tmp_path_factory.mktemp("groups-server"), 150, seed=7) as server:
        yield server


def _first_sync(server: Server, root: Path, monkeypatch: pytest.MonkeyPatch,
                commits: int) -> tuple[int, int, dict[object, object]]:
    """(pages, transactions committed, the copy's records but users) of a first sync in pages of
    BULK_MIN, a group of one page, BULK_GROUP_COMMITS = ``commits``."""
    monkeypatch.setattr(sync.engine, "BULK_GROUP_COMMITS", commits)
    committed: list[str] = []
    monkeypatch.setattr(sync.engine, "crash_point", committed.append)
    username = f"groups-{uuid.uuid4().hex[:6]}"
    server.user(username)
    device = Device(root / username, username, server.url)
    device.login()
    engine = device.session.engine()
    engine._next_page_ready = lambda: True  # type: ignore[method-assign]
    report = engine.sync_once()
    records, ops, conflicts = device.dump()
    device.close()
    assert report.pulled > 3 * BULK_MIN and ops == [] and conflicts == []
    others = {k: v for k, v in records.items() if k[0] != "users"}  # each device a user more
    return (committed.count("pull_page_applied_before_commit"),
            committed.count("pull_page_committed"), others)


def test_a_large_load_commits_about_as_often_as_ten_groups(
    seeded: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync.engine, "PAGE_SIZE", BULK_MIN)
    monkeypatch.setattr(sync.engine, "BULK_PAGE_SIZE", BULK_MIN)
    monkeypatch.setattr(sync.engine, "BULK_GROUP_RECORDS", BULK_MIN)  # one page a group
    monkeypatch.setattr(sync.engine, "BULK_GROUP_SECONDS", 3600.0)
    pages, one_each, fixed = _first_sync(seeded, tmp_path, monkeypatch, commits=10**6)
    assert one_each == pages > 3  # not scaled: a transaction a page
    pages, scaled, grown = _first_sync(seeded, tmp_path, monkeypatch, commits=2)
    assert scaled <= 3 < pages  # about two groups of the load's size (and the last page's)
    assert grown == fixed
