"""Issue 16's proof of the encrypted working copy, with real processes and the real server:

- after login, sync and a day of edits, no NISS, name, IBAN or token is found (byte search, as
  ``grep -a``) in any file under the data folder, the keyring's file or the logs, and the copy
  does not start with "SQLite format 3";
- headless ``login`` then ``sync`` in new processes works without a secure keyring (keyrings.alt's
  plaintext file, chosen explicitly, counts as none: the passphrase from ``OFFA_PASSPHRASE``, the
  tokens in the copy) and with one. No Secret Service runs here: the "secure" keyring is
  ``tests/secure_file_keyring.py``, a backend class that keeps its entries in a file and is not
  on sync.creds' insecure list, chosen across processes by ``PYTHON_KEYRING_BACKEND``;
- a wrong passphrase leaves every file as it was; none at all gives exactly
  ``{"ok": false, "error": "passphrase_required"}``;
- a forgotten passphrase sets the copy aside (the old passphrase still opens it, its unsent
  edit in it) and a fresh sync rebuilds the folder's copy.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from offa_desktop import paths
from offa_desktop.ops.protection import keyfile
from offa_desktop.store import cipher
from sync.server.testing import run_cli
from tests.secure_file_keyring import BACKEND, FILE_ENV
from tests.sync.harness import PASSWORD, ROOT, Device, ForkResult, Server
from tests.sync.test_privacy_logs import _a_learner_with_everything, _spellings

PLAIN = b"SQLite format 3"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("proof-server")
    srv = Server(f"sqlite:///{folder / 'server.sqlite3'}")
    done = run_cli(["seed-demo", "--database", srv.database_url, "--size", "12"])
    assert done.returncode == 0, done.stderr
    for name in ("proof-a", "proof-b", "proof-c", "proof-d", "proof-e"):
        srv.user(name, role="offa")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@contextlib.contextmanager
def _without(*names: str) -> Iterator[None]:
    """The forked commands inherit this process's environment: these variables are not in it."""
    saved = {n: os.environ.pop(n) for n in names if n in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


class NoPasswordDevice(Device):
    """A device whose commands get no OFFA_PASSWORD (a sync cannot log in again by itself)."""

    @property
    def env(self) -> dict[str, str]:
        env = dict(super().env)
        env.pop("OFFA_PASSWORD")
        return env

    def run(self, *argv: str, **kw: Any) -> ForkResult:
        with _without("OFFA_PASSWORD"):
            return super().run(*argv, **kw)


class SecureDevice(NoPasswordDevice):
    """A computer with a secure keyring (the file-backed stand-in) and no OFFA_PASSPHRASE."""

    @property
    def keyring_file(self) -> Path:
        return self.folder.parent / f"{self.folder.name}-keyring.json"

    @property
    def env(self) -> dict[str, str]:
        env = dict(super().env)
        env["PYTHON_KEYRING_BACKEND"] = BACKEND
        env[FILE_ENV] = str(self.keyring_file)
        return env

    def run(self, *argv: str, **kw: Any) -> ForkResult:
        with _without("OFFA_PASSPHRASE"):
            return super().run(*argv, **kw)


def _login(d: Device) -> None:
    done = d.run("login", "--server", d.server_url, "--username", d.username,
                 extra_env={"OFFA_PASSWORD": PASSWORD})  # fmt: skip
    assert done.status == 0, done.stdout + done.stderr


def _files(*roots: Path) -> list[Path]:
    return sorted(p for root in roots if root.exists() for p in root.rglob("*") if p.is_file())


def test_a_days_work_leaves_no_personal_data_or_token_in_any_file(
    seeded: Server, tmp_path: Path
) -> None:
    d = NoPasswordDevice(tmp_path / "device", "proof-a", seeded.url)
    _login(d)
    assert d.run("sync").status == 0
    learner_id, learner, contract_id = _a_learner_with_everything(d)
    tokens = d.session.creds.load(seeded.url, d.username)
    assert tokens is not None
    # A day: edits (one sent, one left unsent), syncs, the worklist, a print and an export
    # to files the person chose outside the data folder, a backup.
    d.edit(lambda uow: uow.update("learners", learner_id, {"phone": "0470 12 34 56"}))
    assert d.run("sync").summary()["applied"] == 1
    d.edit(lambda uow: uow.update("learners", learner_id, {"phone": "0470 65 43 21"}))
    outside = tmp_path / "documents"
    outside.mkdir()
    printed = d.run("print", "contract", "--id", contract_id, "--out",
                    str(outside / "contrat.pdf"))  # fmt: skip
    assert printed.status == 0, printed.stderr
    assert d.run("radar", "--json").status == 0
    exported = d.run("export", "learners", "--format", "csv", "--out", str(outside / "a.csv"))
    assert exported.status == 0, exported.stderr
    assert learner["last_name"].encode() in (outside / "a.csv").read_bytes()  # it was there
    d.session.wc.backup_if_due()
    secrets = [*_spellings(learner["niss"], learner["iban"]), learner["first_name"],
               learner["last_name"], tokens.access, tokens.refresh]  # fmt: skip
    if learner["representative"]:
        secrets += [learner["representative"]["name"], learner["representative"]["niss"]]

    def search() -> list[Path]:
        files = _files(d.folder)  # the copy, its WAL, backups, key file, logs, keyring dir
        for path in files:
            blob = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in blob, f"{secret!r} in {path}"
        return files

    searched = search()  # the copy still open: its WAL too
    names = [p.relative_to(d.folder).as_posix() for p in searched]
    assert "working-copy.sqlite3" in names and "working-copy.sqlite3.key" in names
    assert any(n.startswith("backups/") for n in names)
    assert any(n.startswith("logs/") for n in names)
    d.close()
    searched = search()
    copy = paths.working_copy_path(d.folder)
    assert not copy.read_bytes().startswith(PLAIN)
    for backup in (d.folder / "backups").iterdir():
        assert not backup.read_bytes().startswith(PLAIN), backup
    assert not (d.folder / "xdg" / "python_keyring").exists()  # the plaintext keyring unused


def test_headless_login_then_sync_without_a_secure_keyring(
    seeded: Server, tmp_path: Path
) -> None:
    d = NoPasswordDevice(tmp_path / "insecure", "proof-b", seeded.url)
    assert d.env["PYTHON_KEYRING_BACKEND"] == "keyrings.alt.file.PlaintextKeyring"
    _login(d)
    info = keyfile.read(paths.working_copy_path(d.folder))
    assert info is not None and info["kind"] == "passphrase"
    done = d.run("sync")  # a new process: the login lasted (tokens in the encrypted copy)
    assert done.status == 0, done.stdout + done.stderr
    assert done.summary()["pulled"] > 0
    again = d.run("sync")
    assert again.status == 0 and again.summary()["pulled"] == 0
    assert not (d.folder / "xdg" / "python_keyring").exists()


def test_headless_login_then_sync_with_a_secure_keyring(seeded: Server, tmp_path: Path) -> None:
    d = SecureDevice(tmp_path / "secure", "proof-c", seeded.url)
    _login(d)  # no OFFA_PASSPHRASE anywhere: nothing is asked
    copy = paths.working_copy_path(d.folder)
    assert keyfile.read(copy) == {"format": keyfile.FORMAT, "version": 1, "kind": "keyring",
                                  "entry": f"copy-key:{copy}"}  # fmt: skip
    done = d.run("sync")
    assert done.status == 0, done.stdout + done.stderr
    assert done.summary()["pulled"] > 0
    assert not copy.read_bytes().startswith(PLAIN)
    entries = json.loads(d.keyring_file.read_text("utf-8"))
    assert set(entries) == {f"offa-desktop\tcopy-key:{copy}",
                            f"offa-desktop\tproof-c@{seeded.url}"}  # fmt: skip
    # « Oublier cet ordinateur » takes the key and the tokens out of the keyring too.
    gone = d.run("forget")
    assert gone.status == 0, gone.stdout + gone.stderr
    assert json.loads(d.keyring_file.read_text("utf-8")) == {}
    assert not copy.exists() and not keyfile.path_for(copy).exists()


def _headless(folder: Path, *argv: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``offa-desktop`` in a real subprocess, standard input not a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "offa_desktop", "--data-dir", str(folder), *argv],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=env,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_no_passphrase_or_a_wrong_one_touches_nothing(seeded: Server, tmp_path: Path) -> None:
    d = NoPasswordDevice(tmp_path / "wrong", "proof-d", seeded.url)
    _login(d)
    assert d.run("sync").status == 0
    copy = paths.working_copy_path(d.folder)
    before = {p: p.read_bytes() for p in _files(d.folder) if "logs" not in p.parts}
    env = {k: v for k, v in os.environ.items() if k != "OFFA_PASSPHRASE"} | d.env
    env.pop("OFFA_PASSPHRASE", None)
    for command in (["sync"], ["radar"], ["export", "contracts", "--format", "csv", "--out",
                                          str(tmp_path / "x.csv")], ["dump"]):  # fmt: skip
        done = _headless(d.folder, *command, env=env)
        assert done.returncode == 1, command
        assert done.stdout == '{"ok":false,"error":"passphrase_required"}\n', command
    wrong = _headless(d.folder, "sync", env=env | {"OFFA_PASSPHRASE": "pas la bonne phrase"})
    assert wrong.returncode == 1
    summary = json.loads(wrong.stdout.splitlines()[-1])
    assert summary["error"] == "wrong_passphrase" and "incorrecte" in summary["message"]
    after = {p: p.read_bytes() for p in _files(d.folder) if "logs" not in p.parts}
    assert after == before  # the copy, its key file, backups: as they were
    assert copy.exists() and not copy.with_name(copy.name + ".open").exists()
    assert d.run("sync").status == 0  # the right passphrase still opens it


def test_forgotten_passphrase_sets_the_copy_aside_and_a_sync_rebuilds(
    seeded: Server, tmp_path: Path
) -> None:
    d = NoPasswordDevice(tmp_path / "forgot", "proof-e", seeded.url)
    _login(d)
    first = d.run("sync").summary()
    learner_id, _learner, _contract = _a_learner_with_everything(d)
    d.edit(lambda uow: uow.update("learners", learner_id, {"phone": "0470 99 88 77"}))
    d.close()
    copy = paths.working_copy_path(d.folder)
    cipher.forget_key(copy)  # the commands are forked from this process: none knows the key
    old_bytes = copy.read_bytes()
    new_phrase = {"OFFA_PASSPHRASE": "une nouvelle phrase de passe"}
    done = d.run("restore", "--forgotten-passphrase", extra_env=new_phrase)
    assert done.status == 0, done.stdout + done.stderr
    moved = Path(done.summary()["set_aside"])
    assert moved.read_bytes() == old_bytes  # set aside, not changed, not deleted
    assert done.summary()["records"] == 0
    # the folder's new copy: no account any more (it was in the old copy), a login, a sync
    assert d.run("sync", extra_env=new_phrase).summary()["error"] == "login_required"
    relog = d.run("login", "--server", d.server_url, "--username", d.username,
                  extra_env=new_phrase | {"OFFA_PASSWORD": PASSWORD})  # fmt: skip
    assert relog.status == 0, relog.stdout + relog.stderr
    rebuilt = d.run("sync", extra_env=new_phrase)
    assert rebuilt.status == 0 and rebuilt.summary()["pulled"] == first["pulled"]
    assert not copy.read_bytes().startswith(PLAIN)
    # The old passphrase found again opens what was set aside, its unsent edit in it.
    info = keyfile.read(moved)
    assert info is not None
    cipher.register_key(moved, keyfile.unwrap(info, os.environ["OFFA_PASSPHRASE"]))
    conn = cipher.connect(moved, readonly=True)
    try:
        ops = conn.execute("SELECT record_id, fields FROM outbox").fetchall()
    finally:
        conn.close()
        cipher.forget_key(moved)
    assert [(r, json.loads(f)) for r, f in ops] == [(learner_id, {"phone": "0470 99 88 77"})]
