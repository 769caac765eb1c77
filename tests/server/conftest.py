"""Fixtures: a real server (in-process uvicorn on loopback) on a fresh SQLite file, with users."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.server import setup
from sync.server.db import make_engine
from sync.server.embedded import EmbeddedServer
from tests.server.api import ApiClient

PASSWORD = "motdepasse-solide-1"
USERS = {
    "offa": {"role": "offa"},
    "coach": {"role": "coach", "sectors": ["construction"]},
    "coach2": {"role": "coach", "sectors": ["horeca"]},
    "sec": {"role": "secretariat", "operator_code": "ifapme"},
    "sec2": {"role": "secretariat", "operator_code": "cefa-liege"},
}


def add_users(url: str) -> None:
    engine = make_engine(url)
    for name, info in USERS.items():
        setup.put_user(
            engine,
            username=name,
            password=PASSWORD,
            role=info["role"],
            operator_code=info.get("operator_code"),
            sectors=info.get("sectors", []),
            display_name=f"Utilisateur {name}",
        )
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


@pytest.fixture
def server(sqlite_url: str) -> Iterator[str]:
    embedded = EmbeddedServer(sqlite_url)
    base = embedded.start()
    add_users(sqlite_url)
    yield base
    embedded.stop()


@pytest.fixture
def login(server: str) -> Iterator[object]:
    clients: list[ApiClient] = []

    def make(name: str, device: str = "poste-1") -> ApiClient:
        client = ApiClient(server, name, PASSWORD, device)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
