"""Real parts for the sync proofs: an ``offa-server`` subprocess on a fixed loopback port
(restartable), devices (a data folder each, real SQLite working copy, real keyring file
backend) that sync in forked child processes which may die by SIGKILL, and a checker that reads
the server through the API.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import func, select

from offa_desktop import cli_sync
from offa_desktop.cli_output import setup_logging
from offa_desktop.ops.sync.session import SyncSession, open_session
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.uow import UnitOfWork
from sync.client import ApiClient, RetryPolicy
from sync.creds import CredentialStore
from sync.engine import SyncEngine
from sync.errors import LoginRequired, SyncError
from sync.ports import SyncReport
from sync.pushing import reissued
from sync.server.embedded import free_port
from sync.server.testing import run_cli

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "motdepasse-de-test-42"
FAST_RETRY = RetryPolicy(attempts=8, base_delay=0.05, max_delay=0.8, read_timeout=3.0)
CLIENT_VERSION = "0.1.0"


class Server:
    """``offa-server serve`` on a fixed port, so it can be killed and restarted in place."""

    def __init__(self, database_url: str, log_path: Path | None = None) -> None:
        self.database_url = database_url
        self.log_path = log_path  # its standard error (its log) goes there when given
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        done = run_cli(["init", "--database", database_url])
        assert done.returncode == 0, done.stderr

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> None:
        log = open(self.log_path, "ab") if self.log_path else None  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "serve",
                "--database",
                self.database_url,
                "--port",
                str(self.port),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=log if log is not None else subprocess.DEVNULL,
        )
        if log is not None:
            log.close()  # the child keeps its own descriptor
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/api/v1/health", timeout=0.5).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise RuntimeError("offa-server serve did not answer")

    def kill(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def user(
        self,
        username: str,
        role: str = "offa",
        sectors: tuple[str, ...] = (),
        operator: str | None = None,
    ) -> str:
        """Create an account directly in the server's database (as ``create-user`` does)."""
        from sync.server import setup
        from sync.server.db import make_engine

        engine = make_engine(self.database_url)
        try:
            uid, _ = setup.put_user(
                engine,
                username=username,
                password=PASSWORD,
                role=role,
                operator_code=operator,
                sectors=list(sectors),
            )
        finally:
            engine.dispose()
        return uid


def api(url: str, username: str) -> ApiClient:
    """A logged-in API client (a direct server writer, or the checker)."""
    client = ApiClient(url, client_version=CLIENT_VERSION, retry=FAST_RETRY)
    client.login(username, PASSWORD, "checker")
    return client


def server_state(client: ApiClient) -> dict[tuple[str, str], dict[str, Any]]:
    """Every record the account sees, by a full pull from the start."""
    state: dict[tuple[str, str], dict[str, Any]] = {}
    cursor = None
    while True:
        page = client.pull(cursor, 5000)
        for c in page["changes"]:
            state[(c["collection"], c["id"])] = {
                "version": c["version"],
                "deleted": bool(c["deleted"]),
                "data": c.get("data"),
            }
        cursor = page["cursor"]
        if not page["has_more"]:
            return state


@dataclass
class ForkResult:
    """How a forked sync ended: ``status`` its exit code, or -9 when killed."""

    status: int
    stdout: str
    stderr: str

    @property
    def killed(self) -> bool:
        return self.status == -signal.SIGKILL

    def summary(self) -> dict[str, Any]:
        lines = [ln for ln in self.stdout.splitlines() if ln.strip()]
        return dict(json.loads(lines[-1])) if lines else {}


@dataclass
class Device:
    """A client's data folder; edits in-process, syncs in forked children."""

    folder: Path
    username: str
    server_url: str
    made: list[str] = field(default_factory=list)  # op ids of every committed local edit
    cursors: list[int] = field(default_factory=list)
    _session: SyncSession | None = None

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    @property
    def session(self) -> SyncSession:
        """The working copy opened in this (test) process, for edits, checks and restarts."""
        if self._session is None:
            self._session = open_session(
                self.folder, creds=CredentialStore(self.keyring()), retry=FAST_RETRY
            )
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def sync_here(self, page_size: int | None = None) -> SyncReport:
        """A sync in this process (the restarted client), logging in again if needed."""

        def engine() -> SyncEngine:
            built = self.session.engine()
            if page_size:
                built.page_size = page_size
            return built

        try:
            report = engine().sync_once()
        except LoginRequired:
            self.session.login(self.server_url, self.username, PASSWORD)
            report = engine().sync_once()
        self.note_cursor()
        return report

    @property
    def env(self) -> dict[str, str]:
        return {
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(self.folder / "xdg"),
            "OFFA_PASSWORD": PASSWORD,
            "OFFA_SYNC_RETRY": "8,0.05,0.8,3",
        }

    def keyring(self) -> PlaintextKeyring:
        backend = PlaintextKeyring()
        backend.file_path = str(self.folder / "xdg" / "python_keyring" / backend.filename)
        return backend

    def run(
        self,
        *argv: str,
        crash_at: str | None = None,
        kill_after: float | None = None,
        extra_env: dict[str, str] | None = None,
        reuse: bool = False,
    ) -> ForkResult:
        """``offa-desktop --data-dir FOLDER ARGV`` in a forked child (real process, real kill).

        ``reuse``: the child takes over this process's opened working copy (fresh connections,
        ``engine.dispose(close=False)``) instead of opening and migrating it again: the same
        command on the same file, without the start-up cost, for the many kill -9 runs.
        """
        session = self.session if reuse else None
        out_path = self.folder / "last-stdout.txt"
        err_path = self.folder / "last-stderr.txt"
        out_w = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err_w = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with warnings.catch_warnings():
            # The threads of this process (proxies, the pull prefetch) are never used by the
            # child, which opens its own connections and sockets.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 70
            try:
                os.dup2(out_w, 1)
                os.dup2(err_w, 2)
                os.environ.update(self.env)
                os.environ.update(extra_env or {})
                if crash_at:
                    os.environ["OFFA_SYNC_CRASH_AT"] = crash_at
                else:
                    os.environ.pop("OFFA_SYNC_CRASH_AT", None)
                import keyring.core

                keyring.core.init_backend()
                sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", closefd=False), "utf-8")
                sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", closefd=False), "utf-8")
                if session is not None:
                    from offa_desktop.cli import build_parser

                    session.wc.engine.dispose(close=False)
                    args = build_parser().parse_args(["--data-dir", str(self.folder), *argv])
                    setup_logging(self.folder)
                    code = cli_sync.run_in(session, args)
                else:
                    from offa_desktop.cli import main

                    code = main(["--data-dir", str(self.folder), *argv])
                sys.stdout.flush()
                sys.stderr.flush()
            except BaseException:  # noqa: BLE001 - report and leave with a code
                import traceback

                traceback.print_exc()
                sys.stderr.flush()
                code = 71
            finally:
                os._exit(code)
        os.close(out_w)
        os.close(err_w)
        status = None
        if kill_after is not None:
            deadline = time.monotonic() + kill_after
            while time.monotonic() < deadline:
                done_pid, status = os.waitpid(pid, os.WNOHANG)
                if done_pid:
                    break
                status = None
                time.sleep(0.003)
            if status is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        if status is None:
            _, status = os.waitpid(pid, 0)
        out = out_path.read_text("utf-8", "replace")
        err = err_path.read_text("utf-8", "replace")
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        return ForkResult(code, out, err)

    def login(self) -> None:
        done = self.run("login", "--server", self.server_url, "--username", self.username)
        assert done.status == 0, done.stderr

    def sync(self, **kw: Any) -> ForkResult:
        return self.run("sync", **kw)

    def sync_until_done(
        self, attempts: int = 20, forked: bool = False, page_size: int | None = None
    ) -> dict[str, Any]:
        """Sync until an exchange completes (in this process unless ``forked``); its summary."""
        for _ in range(attempts):
            if not forked:
                try:
                    return self.sync_here(page_size).summary()
                except SyncError:
                    continue
            done = self.sync()
            if done.status == 0:
                self.note_cursor()
                return done.summary()
        raise AssertionError("sync never completed")

    @contextlib.contextmanager
    def working_copy(self) -> Iterator[WorkingCopy]:
        yield self.session.wc

    def edit(self, action: Callable[[UnitOfWork], Any]) -> Any:
        """One local edit in one unit of work; remembers the op ids it queued."""
        from offa_desktop.store.tables import OUTBOX

        wc = self.session.wc
        with wc.unit_of_work() as uow:
            last = uow.session.execute(select(func.max(OUTBOX.c.seq))).scalar() or 0
            result = action(uow)
            made = uow.session.execute(
                select(OUTBOX.c.op_id).where(OUTBOX.c.seq > last).order_by(OUTBOX.c.seq)
            ).scalars()
            self.made.extend(made)
        return result

    def dump(
        self, forked: bool = False
    ) -> tuple[dict[tuple[str, str], dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """The ``dump`` command's output, parsed (run in this process unless ``forked``)."""
        if forked:
            done = self.run("dump")
            assert done.status == 0, done.stderr
            text = done.stdout
        else:
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                assert cli_sync._dump(self.session, argparse.Namespace()) == 0
            text = buffer.getvalue()
        records: dict[tuple[str, str], dict[str, Any]] = {}
        ops: list[dict[str, Any]] = []
        conflicts: list[dict[str, Any]] = []
        for line in text.splitlines():
            item = json.loads(line)
            if item.get("type") == "op":
                ops.append(item)
            elif item.get("type") == "conflict":
                conflicts.append(item)
            elif "collection" in item:
                records[(item["collection"], item["id"])] = {
                    "version": item["version"],
                    "deleted": item["deleted"],
                    "data": item["data"],
                }
        return records, ops, conflicts

    def note_cursor(self) -> None:
        from sqlalchemy import select

        from offa_desktop.store.tables import SYNC_STATE

        with self.working_copy() as wc, wc.session() as s:
            value = s.execute(
                select(SYNC_STATE.c.value).where(SYNC_STATE.c.key == "cursor")
            ).scalar()
        if value:
            self.cursors.append(int(str(value).split(".")[1]))


def op_chain(op_id: str, depth: int = 6) -> list[str]:
    """An op id and the ids it is re-sent under after conflicts."""
    chain = [op_id]
    for _ in range(depth):
        chain.append(reissued(chain[-1]))
    return chain


def histories(client: ApiClient, keys: set[tuple[str, str]]) -> dict[str, int]:
    """op_id -> how many history entries carry it, over these records."""
    seen: dict[str, int] = {}
    for collection, record_id in keys:
        for entry in client.history(collection, record_id):
            if entry.get("op_id"):
                seen[entry["op_id"]] = seen.get(entry["op_id"], 0) + 1
    return seen


class Writer:
    """A direct server writer (no working copy): pushes ops through the API."""

    def __init__(self, url: str, username: str) -> None:
        self.client = api(url, username)
        self.device = f"writer-{username}"
        self.records: dict[tuple[str, str], dict[str, Any]] = {}
        self.cursor: str | None = None

    def refresh(self) -> None:
        while True:
            page = self.client.pull(self.cursor, 5000)
            for c in page["changes"]:
                self.records[(c["collection"], c["id"])] = c
            self.cursor = page["cursor"]
            if not page["has_more"]:
                return

    def push(self, collection: str, record_id: str, kind: str, fields: dict[str, Any]) -> str:
        """Push one op (re-reading the version on a conflict); returns its final status."""
        import uuid

        for _ in range(5):
            current = self.records.get((collection, record_id))
            op = {
                "op_id": str(uuid.uuid4()),
                "collection": collection,
                "id": record_id,
                "kind": kind,
                "base_version": None if kind == "create" else (current or {}).get("version"),
                "fields": fields,
            }
            result = self.client.push(self.device, [op])[0]
            if result["status"] != "conflict":
                if result["status"] == "applied":
                    data = result.get("data")
                    self.records[(collection, record_id)] = {
                        "version": result["version"],
                        "deleted": kind == "delete",
                        "data": data,
                    }
                return str(result["status"])
            self.refresh()
        return "conflict"


def assert_converged(
    devices: list[Device],
    checker: ApiClient,
    keys: set[tuple[str, str]],
    *,
    exactly_once: bool = True,
) -> None:
    """The final invariants: each device equals the server, tombstones included, nothing left
    to send; no op applied twice; every committed edit applied exactly once (``exactly_once``:
    when no conflict could set one aside for a person)."""
    state = server_state(checker)
    for device in devices:
        records, ops, conflicts = device.dump()
        assert [op for op in ops if op["state"] == "pending"] == [], (device.username, ops)
        if exactly_once:
            assert ops == [] and conflicts == [], (device.username, ops, conflicts)
        assert records == state, device.username
        assert device.cursors == sorted(device.cursors), "a cursor went back"
    seen = histories(checker, keys)
    assert all(n == 1 for n in seen.values()), "an op was applied twice"
    if exactly_once:
        for device in devices:
            for op_id in device.made:
                assert sum(seen.get(i, 0) for i in op_chain(op_id)) == 1, op_id
