"""Fixtures of the sync proofs: one real server subprocess for the session, devices in tmp
folders."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.harness import Server


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("server")
    srv = Server(f"sqlite:///{folder / 'server.sqlite3'}")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def seed() -> int:
    value = int(os.environ.get("OFFA_TEST_SEED") or random.randrange(1_000_000))
    print(f"seed={value} (OFFA_TEST_SEED={value} to replay)")
    return value


@pytest.fixture
def devices_dir(tmp_path: Path) -> Path:
    return tmp_path / "devices"
