"""PostgreSQL itself killed (``kill -9`` of every one of its processes) under a load of pushes
and pulls on 2 server workers, then restarted: nothing a client was told is lost.

Pushes commit with ``synchronous_commit`` off and answer only after a WAL flush barrier, and a
pull hands out only versions up to a durable mark (written once flushed) or flushes the WAL
past what it read before answering (``Writer.batch``, ``pull._durable``).
Without those barriers, a kill loses the commits still in the WAL buffers: acknowledged
pushes, and versions a pull handed out, which the server then issues again with other data (a
client past them would skip those changes). So, after each crash:

- every acknowledged push is in the history at its version, by its op id;
- every version a client pulled or was answered is in the history, for the same record, with
  the content the client got;
- every client, pulling on from its own cursor, ends with exactly the server's state.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from sync.server.testing import ServerProcess
from tests.server import factory as f
from tests.server.api import ApiClient, op
from tests.server.conftest import PASSWORD, prepare
from tests.server.pg_cluster import Cluster, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

CLIENTS = 4
COMPANIES = 40
CRASHES = 2
LOAD_SECONDS = 2.5  # of load before each crash


# Each WAL flush waits 100 ms first (``commit_delay``, the most PostgreSQL allows; any backend
# active: ``commit_siblings`` 0), as on a slow disk: the commits not flushed yet, which a crash
# loses, then always span what a push or pull is doing, so a kill lands among them. With
# PostgreSQL's defaults (flushes of ~4 ms) the durable marks written before their flush (by
# hand, not committed: ``Writer.finish``'s mark in the asynchronous commit) failed 1 run in 6;
# with this, 3 in 3 (4 to 7 versions told lost), and the code as it is passes.
FLUSH_DELAY = ["-c", "commit_delay=100000", "-c", "commit_siblings=0"]


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    made = Cluster()
    made.settings = FLUSH_DELAY
    try:
        made.start()
        yield made
    finally:
        made.remove()


class Seen:
    """Everything the clients were told: version -> (collection, id, data or None, op id)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.versions: dict[int, tuple[str, str, dict[str, Any] | None, str | None]] = {}
        self.acks = 0
        self.pulled = 0

    def told(self, version: int, entry: tuple[str, str, dict[str, Any] | None, str | None]) -> None:
        with self.lock:
            known = self.versions.get(version)
            if known is not None and known[:2] != entry[:2]:
                raise AssertionError(f"version {version} told for two records: {known} {entry}")
            if known is None or entry[3] is not None:
                self.versions[version] = entry


def _client(cluster_base: str, n: int, ids: list[str], seen: Seen, stop: threading.Event,
            clients: list[ApiClient], errors: list[str]) -> None:  # fmt: skip
    rnd = random.Random(n)
    client: ApiClient | None = None
    step = 0
    while not stop.is_set():
        try:
            if client is None:
                client = ApiClient(cluster_base, "offa", PASSWORD, device=f"c{n}")
                clients.append(client)
            before = dict(client.replica)
            client.pull_all(limit=25)
            for key, (version, data) in client.replica.items():
                if before.get(key, (None,))[0] != version:
                    seen.told(version, (key[0], key[1], data, None))
                    seen.pulled += 1
            chosen = rnd.sample(ids, 5)
            ops = []
            for record_id in chosen:
                step += 1
                found = client.replica.get(("companies", record_id))
                if found is not None:
                    fields = {"phone": f"04{n} {step:06d}"}
                    ops.append(op("companies", record_id, "update", found[0], fields))
            for sent, result in zip(ops, client.push(ops), strict=True):
                if result["status"] == "applied":
                    seen.told(result["version"], ("companies", sent["id"], result["data"],
                                                  sent["op_id"]))  # fmt: skip
                    seen.acks += 1
        except AssertionError as exc:
            if "version" in str(exc) and "told for two" in str(exc):
                errors.append(str(exc))
                return
            time.sleep(0.05)  # the database is down or restarting: answered 5xx
        except Exception:  # noqa: BLE001 - connection refused or reset while it is down
            time.sleep(0.05)


def _history(url: str) -> dict[int, tuple[str, str, str | None, str | None, str]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT version, collection, record_id, op_id, after, kind FROM history"
        ).fetchall()
    return {v: (c, i, o, a, k) for v, c, i, o, a, k in rows}


def _counter(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT value FROM version_counter").fetchone()
    assert row is not None
    return int(row[0])


def _check_told(url: str, seen: Seen, after: int) -> int:
    """Every version told past ``after`` (the reference data, written without history) is in
    the history, same record, same content; how many."""
    history = _history(url)
    with seen.lock:
        told = {v: entry for v, entry in seen.versions.items() if v > after}
    lost = []
    for version, (collection, record_id, data, op_id) in sorted(told.items()):
        row = history.get(version)
        if row is None or row[:2] != (collection, record_id):
            lost.append((version, record_id, "now", row and row[:2]))
            continue
        if op_id is not None and row[2] != op_id:
            lost.append((version, record_id, "op", op_id, row[2]))
            continue
        after = json.loads(row[3]) if row[3] else {}
        if data is not None and any(data.get(k) != v for k, v in after.items()):
            lost.append((version, record_id, "content", after))
    assert not lost, f"{len(lost)} of {len(told)} versions told were lost: {lost[:5]}"
    return len(told)


def test_nothing_told_is_lost_when_postgres_is_killed(cluster: Cluster) -> None:
    prepare(cluster.url)
    reference = _counter(cluster.url)
    server = ServerProcess(cluster.url, init=False, workers=2)
    server.start()
    seen, stop = Seen(), threading.Event()
    clients: list[ApiClient] = []
    errors: list[str] = []
    threads: list[threading.Thread] = []
    try:
        seed = ApiClient(server.base_url, "offa", PASSWORD, device="seed")
        ids = [f.new_id() for _ in range(COMPANIES)]
        seed.push([op("companies", i, "create", None, f.company()) for i in ids])
        seed.close()
        threads = [
            threading.Thread(
                target=_client, args=(server.base_url, n, ids, seen, stop, clients, errors)
            )
            for n in range(CLIENTS)
        ]
        for t in threads:
            t.start()
        rounds = []
        for _ in range(CRASHES):
            time.sleep(LOAD_SECONDS)
            acks = seen.acks
            assert cluster.kill() >= 3  # the postmaster and its children
            cluster.start()  # crash recovery
            rounds.append((acks, _check_told(cluster.url, seen, reference)))
        time.sleep(LOAD_SECONDS)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        assert not errors, errors
        assert rounds[0][0] > 20 and rounds[-1][0] > rounds[0][0] + 20, rounds  # the load ran
        _check_told(cluster.url, seen, reference)
        # every client, pulling on from its own cursor, ends with the server's state
        truth = ApiClient(server.base_url, "offa", PASSWORD, device="truth")
        truth.pull_all()
        for client in clients:
            client.pull_all()
            assert client.replica == truth.replica
        truth.close()
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
        for client in clients:
            client.close()
        server.stop()
