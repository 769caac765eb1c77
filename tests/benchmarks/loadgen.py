"""The load generator of ``bench_load`` (a process of its own, so its CPU is its own).

    python -m tests.benchmarks.loadgen '<json config>'   ->  one JSON line of results

Two profiles, both speaking API v1 over HTTP/1.1 with gzip like the desktop client:

- ``stress``: ``clients`` offa clients, each logged in and synced once, then for ``duration``
  seconds without any pause: a pull of what changed (``limit`` 500), then a push of 20 edits of
  records it holds (its versions as bases: concurrent edits of one record are conflicts), again
  and again. Afterwards every client pulls to the end.
- ``realistic``: ``users`` accounts (coaches, secretariats, offa) each syncing every
  ``period`` seconds of simulated time (a few edits pushed, then a pull to the end), at random
  phases, with time compressed ``compression`` times; each sync on a new connection, as a
  desktop's keep-alive connection does not live 5 minutes.

Results: latencies by kind (ms), errors (transport errors, statuses other than 200, push results
other than applied or conflict), each client's final state digest (compared with the database
by the caller), and this process's CPU seconds during the measured window.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import random
import sys
import time
import uuid
import zlib
from dataclasses import dataclass, field
from typing import Any

import orjson

PULL = "/api/v1/sync/pull"
PUSH = "/api/v1/sync/push"


def log(text: str) -> None:
    print(f"loadgen: {text}", file=sys.stderr, flush=True)


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


class Meter:
    """CPU of the machine and of the watched server processes over the measured window."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.tick = os.sysconf("SC_CLK_TCK")

    def sample(self) -> tuple[float, float, float, float, dict[int, int]]:
        """(wall, machine busy CPU s, machine total CPU s, watched processes CPU s, PostgreSQL's
        processes' CPU ticks by pid: every process named postgres, other users of the database
        included)."""
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
        idle = fields[3] + fields[4]
        total = sum(fields[:8])
        watched = 0
        for pid in self.pids:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    parts = f.read().rsplit(")", 1)[1].split()
                watched += int(parts[11]) + int(parts[12])
            except OSError:
                pass
        return (
            time.perf_counter(),
            (total - idle) / self.tick,
            total / self.tick,
            watched / self.tick,
            self._postgres(),
        )

    @staticmethod
    def _postgres() -> dict[int, int]:
        ticks: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    head, tail = f.read().rsplit(")", 1)
            except OSError:
                continue
            if head.partition("(")[2] == "postgres":
                parts = tail.split()
                ticks[int(entry)] = int(parts[11]) + int(parts[12])
        return ticks

    def shares(self, a: tuple[Any, ...], b: tuple[Any, ...], own_cpu: float) -> dict[str, float]:
        wall = b[0] - a[0]
        capacity = wall * (os.cpu_count() or 1)
        # PostgreSQL's CPU over the window, process by process (a backend that ended in the
        # window is not counted: a sum over whoever is alive went negative)
        before: dict[int, int] = a[4]
        postgres = sum(t - before.get(pid, 0) for pid, t in b[4].items()) / self.tick
        return {
            "machine_busy": (b[1] - a[1]) / capacity,
            "server": (b[3] - a[3]) / capacity,
            "postgres": postgres / capacity,
            "generator": own_cpu / capacity,
        }


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"pull": [], "push": []})
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    applied: int = 0

    def error(self, text: str) -> None:
        if len(self.errors) < 50:
            self.errors.append(text)
        else:
            self.errors.append("…")


@dataclass
class Replica:
    """What one client holds: versions of the records it sees, its cursor."""

    cursor: str | None = None
    versions: dict[tuple[str, str], int] = field(default_factory=dict)
    editable: list[str] = field(default_factory=list)  # company ids it may edit

    def apply(self, page: dict[str, Any]) -> None:
        for change in page["changes"]:
            key = (change["collection"], change["id"])
            if change["deleted"]:
                self.versions.pop(key, None)
            else:
                if key not in self.versions and key[0] == "companies":
                    self.editable.append(key[1])
                self.versions[key] = change["version"]
        self.cursor = page["cursor"]

    def digest(self) -> str:
        text = "\n".join(f"{c}/{i}:{v}" for (c, i), v in sorted(self.versions.items()))
        return hashlib.sha256(text.encode()).hexdigest()


class HttpError(Exception):
    """A transport failure (connection refused, closed, malformed answer)."""


class Answer:
    """One HTTP answer: its status and its body (decoded from gzip when it came so)."""

    __slots__ = ("status", "content")

    def __init__(self, status: int, content: bytes) -> None:
        self.status = status
        self.content = content

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        return orjson.loads(self.content)


class Http:
    """A lean HTTP/1.1 client on one keep-alive connection (asyncio streams), as a desktop
    holds one: each request written whole in one write, each answer read from its
    ``Content-Length`` (or chunks) and un-gzipped. Its CPU counts against the same 2 cores as
    the server's, so it does only that (httpx took ~5 ms of CPU a request, the server ~13).
    A connection the server closed between two requests (its 5 s keep-alive) is opened again
    before a request is written, never after: nothing is ever sent twice."""

    def __init__(self, base: str) -> None:
        host_port = base.split("://", 1)[1].rstrip("/")
        host, _, port = host_port.partition(":")
        self.host, self.port = host, int(port or 80)
        self.head = f"Host: {host_port}\r\nAccept-Encoding: gzip\r\n"
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _connect(self) -> None:
        try:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        except OSError as exc:
            raise HttpError(f"connect: {exc!r}") from exc

    def _stale(self) -> bool:
        reader = self.reader
        return (
            reader is None or reader.at_eof() or self.writer is None or (self.writer.is_closing())
        )

    async def request(
        self, method: str, path: str, *, token: str | None = None, body: bytes | None = None
    ) -> Answer:
        if self._stale():
            await self.aclose()
            await self._connect()
        assert self.reader is not None and self.writer is not None
        lines = f"{method} {path} HTTP/1.1\r\n{self.head}"
        if token:
            lines += f"Authorization: Bearer {token}\r\n"
        if body is not None:
            lines += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        raw = (lines + "\r\n").encode() + (body or b"")
        try:
            self.writer.write(raw)
            return await self._answer(self.reader)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
            await self.aclose()
            raise HttpError(f"{method} {path.split('?')[0]}: {exc!r}") from exc

    async def _answer(self, reader: asyncio.StreamReader) -> Answer:
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, _, header_text = head.decode("latin-1").partition("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers: dict[str, str] = {}
        for line in header_text.split("\r\n"):
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            content = await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                chunk = await reader.readexactly(size + 2)
                if size == 0:
                    break
                parts.append(chunk[:-2])
            content = b"".join(parts)
        else:
            content = await reader.read()
        if headers.get("content-encoding") == "gzip":
            content = zlib.decompress(content, 16 + zlib.MAX_WBITS)
        if headers.get("connection", "").lower() == "close":
            await self.aclose()
        return Answer(status, content)

    async def aclose(self) -> None:
        writer, self.reader, self.writer = self.writer, None, None
        if writer is not None:
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass


async def login(http: Http, username: str, password: str, device: str) -> str:
    body = orjson.dumps({"username": username, "password": password, "device_name": device})
    answer = await http.request("POST", "/api/v1/auth/token", body=body)
    if answer.status != 200:
        raise HttpError(f"login {answer.status} {answer.text[:200]}")
    token: str = answer.json()["access_token"]
    return token


async def pull_page(
    http: Http, token: str, replica: Replica, limit: int, stats: Stats | None
) -> bool:
    path = f"{PULL}?limit={limit}"
    if replica.cursor:
        path += f"&cursor={replica.cursor}"  # the cursor's characters need no escaping
    started = time.perf_counter()
    answer = await http.request("GET", path, token=token)
    if answer.status != 200:
        if stats:
            stats.error(f"pull {answer.status} {answer.text[:200]}")
        return False
    page = orjson.loads(answer.content)
    if stats:
        stats.latencies["pull"].append(time.perf_counter() - started)
    replica.apply(page)
    return bool(page["has_more"])


async def pull_to_end(http: Http, token: str, replica: Replica, limit: int) -> None:
    """Pull to the end, outside the measured window (the first sync, the final one): a pull
    that met a keep-alive connection closed by the server as it was sent (the others logged
    in one by one meanwhile: argon2 on a loaded machine outlasts its 5 s) is sent again on a
    new one, up to 3 times (a pull only reads)."""
    for attempt in range(4):
        try:
            while await pull_page(http, token, replica, limit, None):
                pass
            return
        except HttpError:
            if attempt == 3:
                raise
            log("a connection closed by the server outside the measured window: pulled again")


async def push(
    http: Http,
    token: str,
    replica: Replica,
    chosen: list[str],
    device: str,
    rnd: random.Random,
    stats: Stats,
) -> None:
    ops = [
        {
            "op_id": str(uuid.uuid4()),
            "collection": "companies",
            "id": cid,
            "kind": "update",
            "base_version": replica.versions[("companies", cid)],
            "fields": {"phone": f"0470 {rnd.randrange(10**6):06d}"},
        }
        for cid in chosen
        if ("companies", cid) in replica.versions
    ]
    if not ops:
        return
    started = time.perf_counter()
    answer = await http.request(
        "POST", PUSH, token=token, body=orjson.dumps({"device_id": device, "ops": ops})
    )
    if answer.status != 200:
        stats.error(f"push {answer.status} {answer.text[:200]}")
        return
    results = orjson.loads(answer.content)["results"]
    stats.latencies["push"].append(time.perf_counter() - started)
    if len(results) != len(ops):
        stats.error(f"push answered {len(results)} results for {len(ops)} ops")
    for op, r in zip(ops, results, strict=False):
        if r.get("op_id") != op["op_id"]:
            stats.error(f"push result for another op: {r}")
        elif r["status"] == "applied":
            stats.applied += 1
        elif r["status"] == "conflict":
            stats.conflicts += 1
        else:
            stats.error(f"push result {r}")


async def stress(cfg: dict[str, Any]) -> dict[str, Any]:
    base, clients, duration = cfg["base"], cfg["clients"], cfg["duration"]
    https = [Http(base) for _ in range(clients)]
    tokens = []
    for n, http in enumerate(https):  # sequential: argon2 is slow on purpose
        tokens.append(await login(http, cfg["username"], cfg["password"], f"stress-{n}"))
    replicas = [Replica() for _ in range(clients)]
    await asyncio.gather(
        *(pull_to_end(h, t, r, 5000) for h, t, r in zip(https, tokens, replicas, strict=True))
    )
    log(f"{clients} clients logged in and synced once")
    stats = Stats()
    meter = Meter(cfg.get("watch", []))
    m0, cpu0, wall0 = meter.sample(), cpu_seconds(), time.perf_counter()
    stop = time.monotonic() + duration

    async def run(n: int) -> None:
        rnd = random.Random(n)
        http, token, replica = https[n], tokens[n], replicas[n]
        while time.monotonic() < stop:
            try:
                await pull_page(http, token, replica, 500, stats)
                if replica.editable:
                    chosen = rnd.sample(replica.editable, min(20, len(replica.editable)))
                    await push(http, token, replica, chosen, f"stress-{n}", rnd, stats)
            except HttpError as exc:
                stats.error(repr(exc))

    await asyncio.gather(*(run(n) for n in range(clients)))
    cpu, wall = cpu_seconds() - cpu0, time.perf_counter() - wall0
    log("measured window over")
    shares = meter.shares(m0, meter.sample(), cpu)
    for h, t, r in zip(https, tokens, replicas, strict=True):
        await pull_to_end(h, t, r, 5000)
        await h.aclose()
    return {
        "wall": wall,
        "cpu": cpu,
        "shares": shares,
        "latencies": stats.latencies,
        "errors": stats.errors,
        "applied": stats.applied,
        "conflicts": stats.conflicts,
        "digests": {cfg["username"]: [r.digest() for r in replicas]},
    }


async def realistic(cfg: dict[str, Any]) -> dict[str, Any]:
    base, users, password = cfg["base"], cfg["users"], cfg["password"]
    period = cfg["period"] / cfg["compression"]  # wall seconds between two syncs of one user
    duration = cfg["duration"]
    rnd = random.Random(7)
    tokens: list[str] = []
    replicas = [Replica() for _ in users]
    sem = asyncio.Semaphore(4)

    async def first(n: int, username: str) -> str:
        async with sem:  # log in and take the first sync, as each desktop once did
            http = Http(base)
            token = await login(http, username, password, f"poste-{n}")
            await pull_to_end(http, token, replicas[n], 5000)
            await http.aclose()
            return token

    tokens = list(await asyncio.gather(*(first(n, u) for n, u in enumerate(users))))
    log(f"{len(tokens)} users logged in and synced once")
    # One client per desktop; its connection does not outlive a sync (a desktop's keep-alive
    # connection does not last 5 minutes), so each sync opens a new one and closes it.
    https = [Http(base) for _ in users]
    stats = Stats()
    phases = [rnd.uniform(0, period) for _ in users]
    meter = Meter(cfg.get("watch", []))
    m0, cpu0, wall0 = meter.sample(), cpu_seconds(), time.perf_counter()
    start = time.monotonic()
    syncs = 0

    async def user(n: int) -> None:
        nonlocal syncs
        urnd = random.Random(1000 + n)
        moment = start + phases[n]
        while moment < start + duration:
            await asyncio.sleep(max(0.0, moment - time.monotonic()))
            replica = replicas[n]
            http = https[n]
            try:
                edits = urnd.choice((0, 0, 1, 1, 2, 3))
                if edits and replica.editable:
                    chosen = urnd.sample(replica.editable, min(edits, len(replica.editable)))
                    await push(http, tokens[n], replica, chosen, f"poste-{n}", urnd, stats)
                while await pull_page(http, tokens[n], replica, 1000, stats):
                    pass
                syncs += 1
            except HttpError as exc:
                stats.error(repr(exc))
            await http.aclose()
            moment += period

    await asyncio.gather(*(user(n) for n in range(len(users))))
    cpu, wall = cpu_seconds() - cpu0, time.perf_counter() - wall0
    log(f"measured window over: {syncs} syncs")
    shares = meter.shares(m0, meter.sample(), cpu)
    digests: dict[str, list[str]] = {}
    for n, username in enumerate(users):
        await pull_to_end(https[n], tokens[n], replicas[n], 5000)
        digests.setdefault(username, []).append(replicas[n].digest())
        await https[n].aclose()
    return {
        "wall": wall,
        "cpu": cpu,
        "shares": shares,
        "latencies": stats.latencies,
        "errors": stats.errors,
        "applied": stats.applied,
        "conflicts": stats.conflicts,
        "syncs": syncs,
        "digests": digests,
    }


def main() -> None:
    cfg = orjson.loads(sys.argv[1])
    profile = {"stress": stress, "realistic": realistic}[cfg["profile"]]
    result = asyncio.run(profile(cfg))
    sys.stdout.write(orjson.dumps(result).decode() + "\n")


if __name__ == "__main__":
    main()
