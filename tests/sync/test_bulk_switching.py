"""A bulk load's pages are written with the interpreter's switch interval shortened
(sync/pages.py ``switching_often``), so that the thread fetching and preparing the next page
works during the main thread's inserts instead of taking turns with them; the interval is back
as it was after the load, whether it ended, failed or was cancelled, and an incremental pull
keeps the default."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import sync.engine
from sync.engine import BULK_MIN
from sync.pages import BULK_SWITCH_INTERVAL, switching_often
from tests.sync.harness import Device, Server
from tests.sync.seeded import new_device, running


def test_the_interval_comes_back_after_an_error() -> None:
    before = sys.getswitchinterval()
    assert before != BULK_SWITCH_INTERVAL
    with pytest.raises(RuntimeError), switching_often(True):
        assert sys.getswitchinterval() == BULK_SWITCH_INTERVAL
        raise RuntimeError("page refused")
    assert sys.getswitchinterval() == before
    with switching_often(False):
        assert sys.getswitchinterval() == before


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running(tmp_path_factory.mktemp("switching-server"), 60, seed=3) as server:
        yield server


def _device(server: Server, root: Path) -> Device:
    return new_device(server, root, "switch")


def test_a_first_sync_writes_its_pages_switching_often(
    seeded: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync.engine, "PAGE_SIZE", BULK_MIN)
    monkeypatch.setattr(sync.engine, "BULK_PAGE_SIZE", BULK_MIN)
    seen: list[tuple[str, float]] = []
    monkeypatch.setattr(
        sync.engine, "crash_point", lambda name: seen.append((name, sys.getswitchinterval()))
    )
    before = sys.getswitchinterval()
    device = _device(seeded, tmp_path)
    report = device.session.engine().sync_once()
    applied = [s for name, s in seen if name == "pull_page_applied_before_commit"]
    assert report.pulled > 2 * BULK_MIN and len(applied) > 2
    assert set(applied) == {BULK_SWITCH_INTERVAL}
    assert sys.getswitchinterval() == before
    # an incremental pull (a page of the one new record) keeps the default
    seeded.user(f"other-{uuid.uuid4().hex[:6]}")  # a users record the account sees
    seen.clear()
    device.session.engine().sync_once()
    applied = [s for name, s in seen if name == "pull_page_applied_before_commit"]
    assert applied and set(applied) == {before}
    device.close()


def test_a_first_sync_that_fails_midway_puts_the_interval_back(
    seeded: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync.engine, "PAGE_SIZE", BULK_MIN)
    monkeypatch.setattr(sync.engine, "BULK_PAGE_SIZE", BULK_MIN)

    def fail(name: str) -> None:
        if name == "pull_page_committed":
            assert sys.getswitchinterval() == BULK_SWITCH_INTERVAL
            raise RuntimeError("killed")

    monkeypatch.setattr(sync.engine, "crash_point", fail)
    before = sys.getswitchinterval()
    device = _device(seeded, tmp_path)
    with pytest.raises(RuntimeError, match="killed"):
        device.session.engine().sync_once()
    assert sys.getswitchinterval() == before
    device.close()
