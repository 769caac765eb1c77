"""Use cases on a real working copy filled by the demo generator (no server, no display)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ops-demo") / "working-copy.sqlite3"
    wc = WorkingCopy.open(path)
    try:
        fill_working_copy(wc, 120, seed=3)
    finally:
        wc.close()
    return path


@pytest.fixture
def wc(demo_file: Path, tmp_path: Path) -> Iterator[WorkingCopy]:
    """A private copy of the demo working copy, free to write to."""
    path = tmp_path / "working-copy.sqlite3"
    shutil.copyfile(demo_file, path)
    copy = WorkingCopy.open(path)
    yield copy
    copy.close()
