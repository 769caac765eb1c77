"""A private PostgreSQL cluster for one test: its own data folder and port, started and killed
at will (``kill -9`` of every one of its processes, as a crash of the database server)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from sync.server.embedded import free_port

BIN = Path("/usr/lib/postgresql/15/bin")
OWNER = "postgres"  # the cluster's processes run as this user (we are root: postgres refuses)


def missing() -> str | None:
    """Why a private cluster cannot be made here, or None."""
    if not (BIN / "initdb").exists():
        return f"no PostgreSQL binaries in {BIN}"
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        return "needs root and runuser to run PostgreSQL as its own user"
    return None


def _as_owner(*args: str) -> list[str]:
    return ["runuser", "-u", OWNER, "--", *args]


class Cluster:
    """``initdb`` in a temporary folder; ``start()``, ``kill()`` (every process, SIGKILL),
    ``start()`` again (crash recovery), ``remove()``."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="offa-pg-", dir="/tmp"))
        shutil.chown(self.folder, OWNER, OWNER)
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self.process: subprocess.Popen[bytes] | None = None
        # PostgreSQL's settings beyond the shipped ones (``-c name=value`` pairs)
        self.settings: list[str] = []
        subprocess.run(
            _as_owner(str(BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"),
            check=True,
            capture_output=True,
        )

    def start(self, timeout: float = 60.0) -> None:
        # the server's own settings as shipped (fsync, synchronous_commit, wal_writer_delay)
        self.process = subprocess.Popen(
            _as_owner(
                str(BIN / "postgres"),
                "-D",
                str(self.data),
                "-p",
                str(self.port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                f"unix_socket_directories={self.folder}",
                *self.settings,
            ),
            stdout=subprocess.DEVNULL,
            stderr=open(self.folder / "log", "ab"),  # noqa: SIM115 - the child owns it
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with psycopg.connect(self.url, connect_timeout=2):
                    return
            except psycopg.OperationalError:
                time.sleep(0.1)
        raise RuntimeError("the private PostgreSQL did not start: " + self.log())

    def pids(self) -> list[int]:
        """The postmaster and every process it started."""
        head = self.data / "postmaster.pid"
        if not head.exists():
            return []
        master = int(head.read_text().split()[0])
        found = [master]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == master:
                    found.append(int(entry.name))
        return found

    def kill(self) -> int:
        """``kill -9`` every process of the cluster at once; how many there were."""
        pids = self.pids()
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.process is not None:
            self.process.wait(timeout=30)
            self.process = None
        deadline = time.monotonic() + 30
        while any(Path(f"/proc/{pid}").exists() for pid in pids[1:]):
            if time.monotonic() > deadline:
                raise RuntimeError("PostgreSQL processes still alive after SIGKILL")
            time.sleep(0.02)
        return len(pids)

    def log(self) -> str:
        path = self.folder / "log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def remove(self) -> None:
        if self.process is not None:
            subprocess.run(
                _as_owner(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"),
                capture_output=True,
            )
            self.process.wait(timeout=30)
            self.process = None
        shutil.rmtree(self.folder, ignore_errors=True)
