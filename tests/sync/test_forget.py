"""« Oublier cet ordinateur » headless (``offa-desktop forget``, issue 16): a last sync sends
what waits, then the copy, backups, attachments and tokens go and the login ends on the server;
with edits that cannot be sent, nothing is erased unless they are exported first."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.data import company
from tests.sync.harness import Device, Server, api


def _device(server: Server, root: Path, role: str = "offa") -> Device:
    username = f"forget-{uuid.uuid4().hex[:6]}"
    server.user(username, role=role)
    d = Device(root / username, username, server.url)
    d.login()
    assert d.run("sync").status == 0
    return d


def _left(d: Device) -> list[str]:
    return sorted(p.relative_to(d.folder).as_posix() for p in d.folder.rglob("*") if p.is_file())


def _erased(d: Device) -> None:
    left = _left(d)
    # the copy, its key file and backups; the tokens were in the copy (no secure keyring)
    assert not [p for p in left if p.startswith(("working-copy", "backups/", "attachments/"))]
    keyring_file = Path(d.keyring().file_path)
    assert not keyring_file.exists() or "offa-desktop" not in keyring_file.read_text()


def test_forget_sends_the_last_edits_then_erases(server: Server, tmp_path: Path, seed: int) -> None:
    d = _device(server, tmp_path)
    made = company(random.Random(seed), "oubli")
    d.edit(lambda uow: uow.create("companies", made))
    d.close()
    assert any(p.startswith("backups/") for p in _left(d))  # a backup was there to erase
    done = d.run("forget")
    assert done.status == 0, done.stderr
    summary = done.summary()
    assert summary["ok"] is True and summary["synced"] is True and summary["logged_out"] is True
    assert summary["exported"] is None and summary["erased_files"] > 0
    _erased(d)
    checker = api(server.url, d.username)  # the edit reached the server before the erasure
    found = [dev for dev in checker.devices() if dev["status"] == "logged_out"]
    assert found, "the forgotten computer's login ended on the server"


@pytest.fixture
def down_server(tmp_path: Path) -> Iterator[Server]:
    srv = Server(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def test_unsent_edits_refuse_forget_unless_exported_first(
    down_server: Server, tmp_path: Path, seed: int
) -> None:
    d = _device(down_server, tmp_path / "devices")
    made = company(random.Random(seed), "non-envoyee")
    d.edit(lambda uow: uow.create("companies", made))
    d.close()
    down_server.stop()  # the last sync cannot send it
    refused = d.run("forget", extra_env={"OFFA_SYNC_RETRY": "2,0.01,0.02,1"})
    assert refused.status == 1
    summary = refused.summary()
    assert summary["error"] == "unsent_changes" and len(summary["blocking"]) == 1
    assert "Rien n'a été effacé" in summary["message"] and "--export" in summary["message"]
    assert (d.folder / "working-copy.sqlite3").exists()
    assert d.session.creds.load(d.server_url, d.username) is not None  # in the copy, kept
    d.close()
    out = tmp_path / "a-garder" / "modifications.jsonl"
    done = d.run("forget", "--export", str(out), extra_env={"OFFA_SYNC_RETRY": "2,0.01,0.02,1"})
    assert done.status == 0, done.stderr
    summary = done.summary()
    assert summary["synced"] is False and summary["exported_items"] == 1
    assert summary["exported"] == str(out.resolve())
    (line,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert line["type"] == "op" and line["kind"] == "create"
    assert line["fields"]["name"] == made["name"]
    assert out.stat().st_mode & 0o077 == 0
    _erased(d)
