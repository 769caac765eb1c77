"""Helpers for tests (server's and client's): a real ``offa-server serve`` subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from sync.server.embedded import Started, free_port

ROOT = Path(__file__).resolve().parents[2]


def run_cli(
    args: Sequence[str], *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``offa-server ARGS`` (as ``python -m sync.server.cli``); output captured."""
    return subprocess.run(
        [sys.executable, "-m", "sync.server.cli", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


class ServerProcess(Started):
    """``offa-server serve`` on a free loopback port; ``start() -> base_url``, ``stop()``.

    Run ``offa-server init`` (``run_cli(["init", "--database", url])``) first, or pass
    ``init=True``.
    """

    def __init__(
        self,
        database_url: str,
        *,
        init: bool = True,
        min_client_version: str | None = None,
        workers: int = 1,
    ) -> None:
        self.database_url = database_url
        self.init = init
        self.min_client_version = min_client_version
        self.workers = workers
        self.process: subprocess.Popen[bytes] | None = None
        self.base_url = ""
        self.stderr_text: str | None = None  # what it wrote to stderr, once stopped
        # stderr goes to a file: a pipe nobody reads fills up (64 KiB of logged tracebacks)
        # and then blocks the server's next write, so that its requests hang
        self._stderr: Any = None

    def start(self, timeout: float = 60.0) -> str:
        if self.init:
            done = run_cli(["init", "--database", self.database_url])
            if done.returncode != 0:
                raise RuntimeError(f"offa-server init failed: {done.stderr}")
        port = free_port()
        args = ["serve", "--database", self.database_url, "--port", str(port)]
        if self.min_client_version:
            args += ["--min-client-version", self.min_client_version]
        if self.workers != 1:
            args += ["--workers", str(self.workers)]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sync.server.cli", *args],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self._open_stderr(),
        )
        self.base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self._read_stderr()
                raise RuntimeError(f"offa-server serve exited: {err}")
            try:
                if httpx.get(self.base_url + "/api/v1/health", timeout=1).status_code == 200:
                    return self.base_url
            except httpx.HTTPError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("offa-server serve did not answer in time")

    def _open_stderr(self) -> Any:
        import tempfile

        if self._stderr is not None:
            self._stderr.close()
        self._stderr = tempfile.TemporaryFile()
        return self._stderr

    def _read_stderr(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        text: str = self._stderr.read().decode(errors="replace")
        return text

    def worker_pids(self) -> list[int]:
        """The worker processes under ``serve --workers N`` (none with one process)."""
        if self.process is None:
            return []
        found = subprocess.run(
            ["ps", "-ww", "-o", "pid=,args=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
        )
        # multiprocessing's resource tracker is a child too; the workers are spawned ones
        return [int(line.split()[0]) for line in found.stdout.splitlines() if "spawn_main" in line]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._stderr is not None:
            self.stderr_text = self._read_stderr()
            self._stderr.close()
            self._stderr = None
        self.process = None
