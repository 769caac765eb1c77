"""A server of its own with the demo's records, for the tests of a first sync in bulk pages
(enough records for pages of the bulk size), and devices logged in to it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.sync.harness import Device, Server


def seeded_server(folder: Path, contracts: int, seed: int) -> Server:
    """A server of its own on a SQLite file in ``folder`` with the demo's records (``contracts``
    contracts and what they need), not started."""
    from sync.server.db import make_engine
    from sync.server.seed import seed_demo

    url = f"sqlite:///{folder / 'server.sqlite3'}"
    server = Server(url)
    engine = make_engine(url)
    try:
        seed_demo(engine, contracts, seed=seed)
    finally:
        engine.dispose()
    return server


@contextmanager
def running(folder: Path, contracts: int, seed: int) -> Iterator[Server]:
    """:func:`seeded_server`, started, and stopped at the end."""
    server = seeded_server(folder, contracts, seed)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def new_device(server: Server, root: Path, prefix: str) -> Device:
    """A device in ``root`` of a new account of ``server``, logged in."""
    username = f"{prefix}-{uuid.uuid4().hex[:6]}"
    server.user(username)
    device = Device(root / username, username, server.url)
    device.login()
    return device
