"""The same server on PostgreSQL: the main flows, several serve processes, and 20 concurrent
pushers with 20 pullers, each puller ending with exactly the server's state."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator

import orjson
import pytest
from sqlalchemy import select

from sync.server.db import make_engine
from sync.server.models import records
from sync.server.testing import ServerProcess
from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient, op
from tests.server.conftest import PASSWORD, prepare
from tests.server.pg import fresh_schema

pytestmark = pytest.mark.postgres
ROUNDS = 4


@pytest.fixture(scope="module")
def pg_db(pg_url: str) -> Iterator[str]:
    with fresh_schema(pg_url) as url:
        prepare(url)
        yield url


@pytest.fixture(scope="module")
def pg_servers(pg_db: str) -> Iterator[list[str]]:
    """Two ``offa-server serve`` processes on the same PostgreSQL database."""
    a, b = ServerProcess(pg_db, init=False), ServerProcess(pg_db, init=False)
    try:
        yield [a.start(), b.start()]
    finally:
        a.stop()
        b.stop()


def server_state(url: str) -> dict[tuple[str, str], int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(records.c.collection, records.c.id, records.c.version).where(
                records.c.deleted.is_(False)
            )
        ).all()
    engine.dispose()
    return {(c, i): v for c, i, v in rows}


def test_flows_on_postgres(pg_servers: list[str]) -> None:
    offa = ApiClient(pg_servers[0], "offa", PASSWORD)
    other = ApiClient(pg_servers[1], "offa", PASSWORD, device="autre")
    w = world.build(offa)
    other.pull_all()
    base = other.replica[("companies", w.company)][0]
    # two clients edit different fields from the same base: both survive (after a merge)
    first = offa.update("companies", w.company, base, {"phone": "081 00 00 00"})
    assert first["status"] == "applied"
    second = other.update("companies", w.company, base, {"email": "info@dupont.be"})
    assert second["status"] == "conflict" and second["server"]["data"]["phone"] == "081 00 00 00"
    merged = other.update(
        "companies", w.company, second["server"]["version"], {"email": "info@dupont.be"}
    )
    assert merged["status"] == "applied"
    assert merged["data"]["phone"] == "081 00 00 00" and merged["data"]["email"] == "info@dupont.be"
    ops = [op("companies", f.new_id(), "create", None, f.company())]
    assert offa.push(ops) == other.push(ops)  # idempotent across processes
    coach2 = ApiClient(pg_servers[1], "coach2", PASSWORD)
    assert coach2.update("companies", w.company, merged["version"], {"name": "X"})["status"] == (
        "forbidden"
    )
    coach2.pull_all(checksum=True)
    assert ("companies", w.company) not in coach2.replica
    for client in (offa, other, coach2):
        client.close()


def test_concurrent_pushers_and_pullers_converge(pg_db: str, pg_servers: list[str]) -> None:
    seed = ApiClient(pg_servers[0], "offa", PASSWORD)
    ids = [f.new_id() for _ in range(40)]
    seed.push([op("companies", i, "create", None, f.company()) for i in ids])
    seed.close()
    done = threading.Event()
    errors: list[str] = []

    def pusher(n: int) -> None:
        client = ApiClient(pg_servers[n % 2], "offa", PASSWORD, device=f"p{n}")
        rnd = random.Random(n)
        versions: dict[str, int] = {}
        try:
            for _round in range(ROUNDS):
                client.pull_all()
                batch = []
                for rid in rnd.sample(ids, 4):
                    version = client.replica[("companies", rid)][0]
                    batch.append(
                        op("companies", rid, "update", version, {"name": f"n{n}-{_round}"})
                    )
                batch.append(op("companies", f.new_id(), "create", None, f.company()))
                for result in client.push(batch):
                    if result["status"] not in ("applied", "conflict"):
                        errors.append(str(result))
                    elif result["status"] == "applied":
                        versions[result["op_id"]] = result["version"]
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(repr(exc))
        finally:
            client.close()

    pullers: list[ApiClient] = []

    def puller(n: int) -> None:
        client = ApiClient(pg_servers[n % 2], "coach" if n % 3 == 0 else "offa", PASSWORD)
        pullers.append(client)
        try:
            while not done.is_set():
                client.pull_page(limit=25)
                done.wait(0.05)
            client.pull_all(limit=50)
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))

    push_threads = [threading.Thread(target=pusher, args=(n,)) for n in range(20)]
    pull_threads = [threading.Thread(target=puller, args=(n,)) for n in range(20)]
    for t in pull_threads + push_threads:
        t.start()
    started = time.monotonic()
    for t in push_threads:
        t.join(timeout=300)
    print(f"pushers done in {time.monotonic() - started:.1f} s")
    done.set()
    for t in pull_threads:
        t.join(timeout=300)
    assert not errors, errors[:5]
    state = server_state(pg_db)
    offa_state = {k: v for k, v in state.items()}
    assert len(pullers) == 20
    expected = ApiClient(pg_servers[0], "coach", PASSWORD)
    expected.pull_all(limit=5000)
    coach_state = {k: v for k, (v, _d) in expected.replica.items()}
    expected.close()
    for client in pullers:
        replica = {k: v for k, (v, _d) in client.replica.items()}
        if client.user["role"] == "offa":
            assert replica == offa_state
        else:
            assert replica == coach_state
            assert {k for k in replica if k[0] == "companies"} == {
                k for k in state if k[0] == "companies"
            }  # every company is construction here
        client.close()
    versions = sorted(state.values())
    assert len(versions) == len(set(versions))
    raw = orjson.dumps(sorted(state.items()))
    assert raw  # the state itself was read from the database, not from a client
