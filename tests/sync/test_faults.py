"""Lost answers, resets, delays, one-way cuts (a loopback proxy), and server restarts in the
middle of a push and of a pull: nothing lost, nothing doubled, everything converges."""

from __future__ import annotations

import random
import threading
import time
import uuid
from pathlib import Path

from offa_desktop.store.uow import RecordNotFound
from sync.client import RetryPolicy
from tests.sync.data import company, value
from tests.sync.harness import (
    Device,
    Server,
    Writer,
    api,
    assert_converged,
)
from tests.sync.proxy import FaultyProxy

SHORT = RetryPolicy(attempts=8, base_delay=0.05, max_delay=0.5, read_timeout=3.0)


def _device(server: Server, root: Path, url: str) -> Device:
    username = f"f-{uuid.uuid4().hex[:6]}"
    server.user(username)
    device = Device(root / username, username, url)
    device.session.retry = SHORT
    device.session.login(url, username, "motdepasse-de-test-42")
    device.sync_until_done()
    return device


def test_lost_push_answer_is_applied_once(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    proxy = FaultyProxy(server.port)
    try:
        device = _device(server, tmp_path, proxy.url)
        cid = device.edit(lambda u: u.create("companies", company(rng)))
        device.edit(lambda u: u.update("companies", cid, {"name": value(rng, "Nom")}))
        plan = ["drop_response", "cut_up", "drop_response", "cut_down", "reset"]
        proxy.next_faults(plan, match=b"/sync/push")
        device.sync_until_done()
        assert proxy.counts["drop_response"] == 2 and proxy.counts["cut_down"] == 1
        assert proxy.counts["cut_up"] == 1 and proxy.counts["reset"] == 1
        assert_converged([device], api(server.url, device.username), {("companies", cid)})
    finally:
        proxy.close()


def test_random_network_faults_converge(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    proxy = FaultyProxy(server.port, delay=0.2)
    try:
        devices = [_device(server, tmp_path, proxy.url) for _ in range(2)]
        writer_name = f"w-{uuid.uuid4().hex[:6]}"
        server.user(writer_name)
        writer = Writer(server.url, writer_name)
        pool = [devices[0].edit(lambda u: u.create("companies", company(rng))) for _ in range(3)]
        devices[0].sync_until_done()
        for d in devices:
            d.sync_until_done()
        # Each device edits its own field, the writer a third one: no conflict for a person.
        fields = ("name", "phone")
        # Cuts cost a read timeout each: the first test deals them; here the quick faults.
        proxy.random_faults(rng, rate=0.35, faults=("drop_response", "reset", "delay"))
        for _round in range(6):
            for d, f in zip(devices, fields, strict=True):
                for _ in range(rng.randrange(1, 3)):
                    t = rng.choice(pool)
                    try:
                        d.edit(lambda u, t=t, f=f: u.update("companies", t, {f: value(rng, f)}))
                    except RecordNotFound:
                        pass  # made by the other device, not pulled here yet
                if rng.random() < 0.3:
                    pool.append(d.edit(lambda u: u.create("companies", company(rng))))
                try:
                    d.sync_here(page_size=2)
                except Exception:  # noqa: BLE001 - a fault may outlast the retries: next round
                    pass
            writer.refresh()
            t = rng.choice(pool)
            if ("companies", t) in writer.records:
                writer.push("companies", t, "update", {"employee_count": rng.randrange(1, 99)})
        proxy.heal()
        for d in devices * 2:
            d.sync_until_done()
        print(f"faults dealt: {dict(proxy.counts)}")
        assert sum(proxy.counts[f] for f in proxy.counts if f != "pass") >= 5
        keys = {("companies", c) for c in pool}
        assert_converged(devices, api(server.url, devices[0].username), keys)
    finally:
        proxy.close()


def _restart_when(server: Server, proxy: FaultyProxy, match: bytes, nth: int) -> threading.Event:
    """Kill the server (SIGKILL) when the nth matching request passes; restart it soon after."""
    seen = {"n": 0}
    restarted = threading.Event()

    def choose(head: bytes) -> str:
        if match in head:
            seen["n"] += 1
            if seen["n"] == nth:
                server.kill()
                threading.Thread(target=_restart, args=(server, restarted), daemon=True).start()
        return "pass"

    proxy.chooser = choose
    return restarted


def _restart(server: Server, done: threading.Event) -> None:
    time.sleep(0.3)
    server.start()
    done.set()


def test_server_restarts_mid_push_and_mid_pull(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    proxy = FaultyProxy(server.port)
    try:
        device = _device(server, tmp_path, proxy.url)
        device.session.retry = RetryPolicy(attempts=12, base_delay=0.1, max_delay=1.0)
        other = _device(server, tmp_path, server.url)
        made = [device.edit(lambda u: u.create("companies", company(rng))) for _ in range(5)]
        for cid in made:
            device.edit(lambda u, c=cid: u.update("companies", c, {"name": value(rng, "N")}))
        restarted = _restart_when(server, proxy, b"/sync/push", 2)  # mid-push
        device.sync_until_done()
        assert restarted.wait(30)
        theirs = [other.edit(lambda u: u.create("companies", company(rng))) for _ in range(8)]
        other.sync_until_done()
        restarted = _restart_when(server, proxy, b"/sync/pull", 2)  # mid-pull (pages of 2)
        device.sync_until_done(page_size=2)
        assert restarted.wait(30)
        proxy.heal()
        other.sync_until_done()
        device.sync_until_done()
        keys = {("companies", c) for c in made + theirs}
        assert_converged([device, other], api(server.url, device.username), keys)
    finally:
        proxy.close()
