"""Fixtures: a real server (in-process uvicorn on loopback) on a fresh SQLite file, with users."""

from __future__ import annotations

import shutil
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


def prepare(url: str) -> None:
    """Schema, reference data and the test users on a database."""
    from offa_desktop import reference_data

    engine = make_engine(url)
    setup.upgrade(engine)
    setup.load_reference(engine, reference_data.load())
    engine.dispose()
    add_users(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An initialised SQLite database made once, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "server.sqlite3"
    prepare(f"sqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    target = tmp_path / "server.sqlite3"
    shutil.copyfile(sqlite_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def server(sqlite_url: str) -> Iterator[str]:
    embedded = EmbeddedServer(sqlite_url)
    base = embedded.start()
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


@pytest.fixture(scope="module")
def module_server(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[str]:
    """One server for a whole module (for tests that do not depend on each other's data)."""
    target = tmp_path_factory.mktemp("shared") / "server.sqlite3"
    shutil.copyfile(sqlite_template, target)
    embedded = EmbeddedServer(f"sqlite:///{target}")
    base = embedded.start()
    yield base
    embedded.stop()
