"""``offa-server serve --workers N``: N processes on one PostgreSQL database behind one port.

Whatever worker a connection lands on, a token, a logout, a failed login count and the pull
cursor mean the same (their state is in the database): each test opens a new connection per
request, which the kernel hands to either worker, and checks both workers did serve.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from sync.server.testing import ServerProcess
from sync.server.throttle import LoginLimits
from tests.server import factory as f
from tests.server.api import ApiClient, op
from tests.server.conftest import PASSWORD, prepare
from tests.server.pg import fresh_schema
from tests.server.test_postgres import server_state

pytestmark = pytest.mark.postgres


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


@pytest.fixture(scope="module")
def workers(pg_url: str) -> Iterator[tuple[ServerProcess, str]]:
    with fresh_schema(pg_url) as url:
        prepare(url)
        server = ServerProcess(url, init=False, workers=2)
        server.start()
        try:
            yield server, url
        finally:
            server.stop()


def _fresh(base: str, method: str, path: str, **kwargs: object) -> httpx.Response:
    """One request on a new connection (so on either worker)."""
    with httpx.Client(base_url=base, timeout=60) as http:
        return http.request(method, path, **kwargs)  # type: ignore[arg-type]


def test_two_workers_both_serve(workers: tuple[ServerProcess, str]) -> None:
    server, _url = workers
    pids = server.worker_pids()
    assert len(pids) == 2
    before = [_cpu_ticks(p) for p in pids]
    token = _fresh(
        server.base_url,
        "POST",
        "/api/v1/auth/token",
        json={"username": "offa", "password": PASSWORD, "device_name": "w"},
    ).json()["access_token"]
    for _ in range(120):
        answer = _fresh(
            server.base_url,
            "GET",
            "/api/v1/sync/pull",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert answer.status_code == 200
    after = [_cpu_ticks(p) for p in pids]
    assert all(a > b for a, b in zip(after, before, strict=True)), (before, after)


def test_tokens_and_logout_hold_across_workers(workers: tuple[ServerProcess, str]) -> None:
    server, _url = workers
    pair = _fresh(
        server.base_url,
        "POST",
        "/api/v1/auth/token",
        json={"username": "sec", "password": PASSWORD, "device_name": "w"},
    ).json()
    bearer = {"Authorization": f"Bearer {pair['access_token']}"}
    for _ in range(10):
        assert (
            _fresh(server.base_url, "GET", "/api/v1/sync/pull", headers=bearer).status_code == 200
        )
    renewed = _fresh(
        server.base_url,
        "POST",
        "/api/v1/auth/refresh",
        json={"refresh_token": pair["refresh_token"]},
    )
    assert renewed.status_code == 200
    reused = _fresh(
        server.base_url,
        "POST",
        "/api/v1/auth/refresh",
        json={"refresh_token": pair["refresh_token"]},
    )
    assert reused.status_code == 401 and reused.json()["error"]["code"] == "token_revoked"
    for _ in range(10):  # reuse revoked the login on every worker
        answer = _fresh(server.base_url, "GET", "/api/v1/sync/pull", headers=bearer)
        assert answer.status_code == 401


def test_failed_logins_are_counted_across_workers(workers: tuple[ServerProcess, str]) -> None:
    server, _url = workers
    limits = LoginLimits()
    statuses = [
        _fresh(
            server.base_url,
            "POST",
            "/api/v1/auth/token",
            json={"username": "coach2", "password": f"faux-{n}", "device_name": "w"},
        ).status_code
        for n in range(limits.per_pair + 6)
    ]
    assert statuses == [401] * limits.per_pair + [429] * 6


class _Edits:
    """Companies created by one push, then edited by pushers on both workers while pullers
    pull (each in its thread, its own connections): what both tests below run."""

    def __init__(self, server: ServerProcess, count: int) -> None:
        self.base_url = server.base_url
        seed = ApiClient(server.base_url, "offa", PASSWORD)
        self.ids = [f.new_id() for _ in range(count)]
        created = seed.push([op("companies", i, "create", None, f.company()) for i in self.ids])
        self.versions = {i: r["version"] for i, r in zip(self.ids, created, strict=True)}
        seed.close()
        self.stop = threading.Event()
        self.errors: list[str] = []

    def pusher(self, device: str, seed: int, pushes: int, size: int) -> None:
        """``pushes`` pushes of ``size`` phone numbers changed, from the versions known."""
        rnd = random.Random(seed)
        client = ApiClient(self.base_url, "offa", PASSWORD, device=device)
        try:
            for step in range(pushes):
                chosen = rnd.sample(self.ids, size)
                phone = {"phone": f"04{seed % 100:02d} {step:04d} {rnd.randrange(10**4)}"}
                ops = [op("companies", i, "update", self.versions[i], phone) for i in chosen]
                for i, r in zip(chosen, client.push(ops), strict=True):
                    if r["status"] == "applied":
                        self.versions[i] = max(self.versions[i], r["version"])
                    elif r["status"] == "conflict":
                        self.versions[i] = max(self.versions[i], r["server"]["version"])
                    else:
                        self.errors.append(str(r))
        except Exception as exc:  # noqa: BLE001 - reported by the test
            self.errors.append(repr(exc))
        finally:
            client.close()

    def run(
        self,
        pushers: list[threading.Thread],
        pull: Callable[[ApiClient], None],
        pullers: list[ApiClient],
    ) -> None:
        """The pushers to their end, ``pull(client)`` in a loop meanwhile for each puller."""

        def puller(client: ApiClient) -> None:
            try:
                while not self.stop.is_set():
                    pull(client)
            except Exception as exc:  # noqa: BLE001 - reported by the test
                self.errors.append(repr(exc))

        pulling = [threading.Thread(target=puller, args=(c,)) for c in pullers]
        for t in pushers + pulling:
            t.start()
        for t in pushers:
            t.join()
        self.stop.set()
        for t in pulling:
            t.join()


def test_no_change_skipped_across_workers(workers: tuple[ServerProcess, str]) -> None:
    """Pushers and pullers on both workers at once; every puller ends with the server's state."""
    server, url = workers
    edits = _Edits(server, 60)
    pullers = [ApiClient(server.base_url, "offa", PASSWORD, device=f"p{n}") for n in range(6)]
    pushing = [threading.Thread(target=edits.pusher, args=(f"w{n}", n, 15, 10)) for n in range(6)]
    edits.run(pushing, lambda client: client.pull_page(limit=50), pullers)
    assert not edits.errors, edits.errors[:5]
    truth = server_state(url)
    for client in pullers:
        client.pull_all()
        mine = {k: v for k, (v, _d) in client.replica.items()}
        assert mine == truth
        client.close()


def _histories(url: str, ids: list[str]) -> dict[str, list[int]]:
    from sqlalchemy import select

    from sync.server.db import make_engine
    from sync.server.models import history

    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(history.c.record_id, history.c.version).where(history.c.record_id.in_(ids))
        ).all()
    engine.dispose()
    found: dict[str, list[int]] = {i: [] for i in ids}
    for record_id, version in rows:
        found[record_id].append(version)
    return found


def test_pullers_never_skip_a_version(workers: tuple[ServerProcess, str]) -> None:
    """Pushes (asynchronous commits, each behind its flush barrier) interleaved with pulls of
    small pages on both workers: after every pull that reached the end, a puller holds, for
    each record, exactly its last version at or below the cursor's (from the history), never
    an older one (a version skipped) nor a newer one."""
    server, url = workers
    edits = _Edits(server, 40)
    ids, versions = edits.ids, edits.versions
    states: list[tuple[int, dict[str, int]]] = []  # (cursor version, record -> version)
    pullers = [ApiClient(server.base_url, "offa", PASSWORD, device=f"q{n}") for n in range(4)]

    def pull(client: ApiClient) -> None:
        client.pull_all(limit=7)
        assert client.cursor is not None
        top = int(client.cursor.split(".")[1])
        mine = {i: v for (c, i), (v, _d) in client.replica.items() if i in versions}
        states.append((top, mine))

    pushing = [
        threading.Thread(target=edits.pusher, args=(f"v{n}", 100 + n, 25, 4)) for n in range(4)
    ]
    edits.run(pushing, pull, pullers)
    for client in pullers:
        client.close()
    assert not edits.errors, edits.errors[:5]
    histories = _histories(url, ids)
    assert sum(len(v) for v in histories.values()) > 40 + 200  # the pushes did apply
    assert len(states) > 20
    wrong = []
    for top, mine in states:
        for record_id, written in histories.items():
            expected = max((v for v in written if v <= top), default=None)
            if mine.get(record_id) != expected:
                wrong.append((top, record_id, mine.get(record_id), expected))
    assert not wrong, wrong[:5]


def test_sqlite_keeps_one_process_and_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'one.sqlite3'}"
    server = ServerProcess(url, workers=3)
    server.start()
    try:
        assert server.worker_pids() == []
        assert httpx.get(server.base_url + "/api/v1/health").status_code == 200
    finally:
        server.stop()
    assert server.stderr_text is not None and "un seul processus" in server.stderr_text
