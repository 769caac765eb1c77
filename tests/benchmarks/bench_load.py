"""Every operator at once: the reference server on PostgreSQL under load (``make bench``).

Two profiles (``loadgen.py``, run as its own process), each against ``offa-server serve
--workers 1`` and ``--workers 2`` on a fresh PostgreSQL schema:

- **stress**: 50 clients with no pause for 60 s (a pull of the changes, a push of 20 edits of
  400 shared companies, again and again). Targets with 2 workers: 0 errors, push p95 <= 300 ms,
  pull p95 <= 100 ms, every client converged (its final state equal to the database's);
- **realistic**: 500 users (400 coaches over the 8 sectors, 90 secretariats over the
  operators, 10 offa) on a demo database of 2,000 contracts, each syncing every 5 minutes (0 to 3
  edits pushed, then a pull to the end), time compressed 10 times: 60 s stand for 10 minutes.
  Target with 2 workers: p95 <= 50 ms over every request; every user converged.

The load generator shares the machine's 2 cores with the server and PostgreSQL: each row says
the share of the machine it used, the server processes' share, the machine's total busy share
and the load average before the run (other work on a shared machine shows there).

``OFFA_BENCH_LOAD_DURATION`` (seconds, default 60) sets each run's measured window.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from typing import Any

from sqlalchemy import select

from sync.server import auth, setup
from sync.server.db import make_engine
from sync.server.models import record_keys, records, users
from sync.server.testing import ROOT, ServerProcess
from tests.server import factory as f
from tests.server.conftest import PASSWORD, prepare
from tests.server.pg import fresh_schema

STRESS_CLIENTS = 50
STRESS_COMPANIES = 400
USERS = 500
DEMO_CONTRACTS = 2000
COMPRESSION = 10
PERIOD = 300.0


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] * 1000 if len(values) > 20 else 0.0


def _truth(url: str) -> dict[str, str]:
    """Each account's expected final state digest: the live records its scope keys reach."""
    import hashlib

    from sync.server.scope import Principal

    engine = make_engine(url)
    out: dict[str, str] = {}
    with engine.connect() as conn:
        live = conn.execute(
            select(records.c.collection, records.c.id, records.c.version).where(
                records.c.deleted.is_(False)
            )
        ).all()
        keys: dict[tuple[str, str], set[str]] = {}
        for collection, record_id, key in conn.execute(select(record_keys)):
            keys.setdefault((collection, record_id), set()).add(key)
        accounts = conn.execute(select(users)).all()
    engine.dispose()
    for account in accounts:
        who = Principal.of_user(account)
        seen = sorted((c, i, v) for c, i, v in live if who.reads(keys.get((c, i), set())))
        text = "\n".join(f"{c}/{i}:{v}" for c, i, v in seen)
        out[account.username] = hashlib.sha256(text.encode()).hexdigest()
    return out


def _server_errors(server: ServerProcess) -> int:
    """Tracebacks the server logged (shown on stderr; each counts as an error)."""
    text = server.stderr_text or ""
    count = text.count("Traceback")
    if count:
        print(f"server stderr (last 4000 characters):\n{text[-4000:]}", file=sys.stderr)
    return count


def _loadgen(cfg: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.loadgen", json.dumps(cfg)],
        cwd=ROOT,
        stdout=subprocess.PIPE,  # its progress goes to stderr, shown as it comes
        text=True,
        timeout=3600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"load generator failed ({done.returncode}), see its stderr above")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _stress_data(url: str) -> None:
    prepare(url)
    engine = make_engine(url)
    setup.put_records(
        engine,
        [("companies", f.new_id(), f.company()) for _ in range(STRESS_COMPANIES)],
        user_id=None,
    )
    engine.dispose()


def _realistic_data(url: str) -> list[str]:
    from offa_desktop import reference_data
    from sync.server.seed import seed_demo

    engine = make_engine(url)
    setup.upgrade(engine)
    seed_demo(engine, DEMO_CONTRACTS)
    ref = reference_data.load()
    sectors = sorted(data["code"] for _id, data in ref["sectors"])
    operators = sorted(data["code"] for _id, data in ref["operators"])
    hashed = auth.hash_password(PASSWORD)  # one argon2 hash for all: the accounts are many
    original = auth.hash_password
    auth.hash_password = lambda _password: hashed  # type: ignore[assignment]
    names = []
    try:
        for n in range(USERS):
            if n < 400:
                role, extra = "coach", {"sectors": [sectors[n % len(sectors)]]}
            elif n < 490:
                role, extra = "secretariat", {"operator_code": operators[n % len(operators)]}
            else:
                role, extra = "offa", {}
            name = f"{role}-{n:03d}"
            setup.put_user(engine, username=name, password=PASSWORD, role=role, **extra)
            names.append(name)
    finally:
        auth.hash_password = original  # type: ignore[assignment]
    engine.dispose()
    return names


def _row(
    name: str, figure: float, target: float | None, passed: bool, details: dict[str, Any]
) -> dict[str, Any]:
    return {
        "name": name,
        "figure": round(figure, 1),
        "unit": "ms",
        "floor": None,
        "ratio": None,
        "target": target,
        "passed": passed,
        "details": details,
    }


def _describe(result: dict[str, Any], load: float) -> dict[str, Any]:
    lat = result["latencies"]
    everything = lat["pull"] + lat["push"]
    shares = result["shares"]
    return {
        "requests": len(everything),
        "per_second": round(len(everything) / result["wall"], 1),
        "pull_p95_ms": round(_p95(lat["pull"]), 1),
        "push_p95_ms": round(_p95(lat["push"]), 1),
        "all_p95_ms": round(_p95(everything), 1),
        "pull_median_ms": round(statistics.median(lat["pull"]) * 1000, 1) if lat["pull"] else 0,
        "push_median_ms": round(statistics.median(lat["push"]) * 1000, 1) if lat["push"] else 0,
        "applied": result["applied"],
        "conflicts": result["conflicts"],
        "errors": len(result["errors"]),
        "first_errors": result["errors"][:3],
        "generator_cpu_share": round(shares["generator"], 3),
        "server_cpu_share": round(shares["server"], 3),
        "postgres_cpu_share": round(shares.get("postgres", 0.0), 3),
        # what a request costs, whatever else ran on the machine (a shared machine's latencies
        # say more about the others than about the server)
        "server_cpu_ms_per_request": round(
            shares["server"] * result["wall"] * (os.cpu_count() or 1) * 1000 / len(everything), 2
        )
        if everything
        else None,
        "machine_busy_share": round(shares["machine_busy"], 3),
        "load_average_before": round(load, 2),
    }


def _push_trace(path: str) -> dict[str, Any]:
    """The pushes' own timings (``push.TRACE_ENV``, one file per server process): how many
    were optimistic and settled again under the lock, the wait for the lock and its hold."""
    import glob

    rows = []
    for name in glob.glob(path + ".*"):
        with open(name, encoding="utf-8") as lines:
            rows += [json.loads(line) for line in lines if line.strip()]
        os.remove(name)
    if not rows:
        return {}

    def cut(key: str, q: int) -> float:
        values = sorted(r.get(key, 0.0) for r in rows)
        return round(float(values[min(len(values) - 1, len(values) * q // 100)]), 1)

    return {
        "pushes": len(rows),
        "optimistic": sum(r["optimistic"] for r in rows),
        "settled_again": sum(r["resettled"] for r in rows),
        "lock_wait_median_ms": cut("wait_ms", 50),
        "lock_wait_p95_ms": cut("wait_ms", 95),
        "lock_hold_median_ms": cut("hold_ms", 50),
        "lock_hold_p95_ms": cut("hold_ms", 95),
        "lock_hold_mean_ms": round(sum(r["hold_ms"] for r in rows) / len(rows), 2),
        # pushes settled in one transaction (``push_group``), averaged over the pushes
        "group_mean": round(sum(r.get("group", 1) for r in rows) / len(rows), 2),
        "flush_median_ms": cut("flush_ms", 50),  # the commit's flush barrier, lock released
        "flush_p95_ms": cut("flush_ms", 95),
    }


def _traced(run: Any) -> tuple[Any, dict[str, Any]]:
    """``run()``, the servers it starts writing their push timings; (its result, figures)."""
    import tempfile

    from sync.server.push_contention import TRACE_ENV

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "push")
        os.environ[TRACE_ENV] = path
        try:
            result = run()
        finally:
            os.environ.pop(TRACE_ENV, None)
        return result, _push_trace(path)


def _converged(result: dict[str, Any], truth: dict[str, str]) -> tuple[int, int]:
    total = ok = 0
    for username, digests in result["digests"].items():
        for digest in digests:
            total += 1
            ok += digest == truth[username]
    return ok, total


def run_stress(pg_url: str, workers: int, duration: float) -> list[dict[str, Any]]:
    with fresh_schema(pg_url) as url:
        _stress_data(url)
        load = os.getloadavg()[0]
        result, lock = _traced(lambda: _stress_served(url, workers, duration))
        ok, total = _converged(result, _truth(url))
    d = _describe(result, load)
    d["converged"] = f"{ok}/{total}"
    d["push_lock"] = lock
    sound = d["errors"] == 0 and ok == total
    strict = workers == 2
    label = (
        f"load stress, {STRESS_CLIENTS} clients no pause {duration:.0f} s, {workers} worker(s), "
        f"PostgreSQL ({d['requests']} requests, {d['per_second']}/s; {d['errors']} errors; "
        f"{ok}/{total} converged; generator {d['generator_cpu_share']:.0%} of the machine, "
        f"server {d['server_cpu_share']:.0%} ({d['server_cpu_ms_per_request']} ms CPU a request), "
        f"PostgreSQL {d['postgres_cpu_share']:.0%}, machine busy {d['machine_busy_share']:.0%}, "
        f"load {load:.1f} before; version lock waited {lock.get('lock_wait_median_ms')} ms "
        f"median, held {lock.get('lock_hold_median_ms')} ms median "
        f"(p95 {lock.get('lock_hold_p95_ms')}), flush barrier {lock.get('flush_median_ms')} ms "
        "median, "
        f"{lock.get('settled_again')}/{lock.get('pushes')} pushes settled twice)"
    )
    return [
        _row(
            f"{label}: push p95",
            d["push_p95_ms"],
            300.0 if strict else None,
            sound and (not strict or d["push_p95_ms"] <= 300),
            d,
        ),
        _row(
            f"load stress, {workers} worker(s): pull p95",
            d["pull_p95_ms"],
            100.0 if strict else None,
            sound and (not strict or d["pull_p95_ms"] <= 100),
            d,
        ),
    ]


def _served(url: str, workers: int, cfg: dict[str, Any]) -> dict[str, Any]:
    """One profile's load generator against a server of ``workers`` processes on ``url``; the
    server's logged tracebacks counted as errors."""
    with ServerProcess(url, init=False, workers=workers) as server:
        watch = server.worker_pids() or [server.process.pid]  # type: ignore[union-attr]
        result = _loadgen({**cfg, "base": server.base_url, "watch": watch})
    result["errors"] += ["server traceback"] * _server_errors(server)  # stopped: its log
    return result


def _stress_served(url: str, workers: int, duration: float) -> dict[str, Any]:
    cfg = {"profile": "stress", "clients": STRESS_CLIENTS, "duration": duration,
           "username": "offa", "password": PASSWORD}  # fmt: skip
    return _served(url, workers, cfg)


def run_realistic(pg_url: str, workers: int, duration: float) -> list[dict[str, Any]]:
    with fresh_schema(pg_url) as url:
        names = _realistic_data(url)
        load = os.getloadavg()[0]
        cfg = {"profile": "realistic", "users": names, "password": PASSWORD, "period": PERIOD,
               "compression": COMPRESSION, "duration": duration}  # fmt: skip
        result = _served(url, workers, cfg)
        ok, total = _converged(result, _truth(url))
    d = _describe(result, load)
    d["converged"] = f"{ok}/{total}"
    d["syncs"] = result["syncs"]
    strict = workers == 2
    sound = d["errors"] == 0 and ok == total
    label = (
        f"load realistic, {USERS} users syncing every {PERIOD / 60:.0f} min, time x{COMPRESSION} "
        f"({duration:.0f} s = {duration * COMPRESSION / 60:.0f} min), {workers} worker(s), "
        f"PostgreSQL ({result['syncs']} syncs, {d['requests']} requests, {d['per_second']}/s; "
        f"pull p95 {d['pull_p95_ms']} ms, push p95 {d['push_p95_ms']} ms; {d['errors']} errors; "
        f"{ok}/{total} converged; generator {d['generator_cpu_share']:.0%} of the machine, "
        f"server {d['server_cpu_share']:.0%} ({d['server_cpu_ms_per_request']} ms CPU a request), "
        f"PostgreSQL {d['postgres_cpu_share']:.0%}, machine busy {d['machine_busy_share']:.0%}, "
        f"load {load:.1f} before): p95"
    )
    return [
        _row(
            label,
            d["all_p95_ms"],
            50.0 if strict else None,
            sound and (not strict or d["all_p95_ms"] <= 50),
            d,
        )
    ]


def run() -> list[dict[str, Any]]:
    pg_url = os.environ.get("OFFA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    duration = float(os.environ.get("OFFA_BENCH_LOAD_DURATION", "60"))
    profiles = os.environ.get("OFFA_BENCH_LOAD_PROFILES", "stress,realistic").split(",")
    worker_counts = [int(w) for w in os.environ.get("OFFA_BENCH_LOAD_WORKERS", "1,2").split(",")]
    rows: list[dict[str, Any]] = []
    for workers in worker_counts:
        if "stress" in profiles:
            rows += run_stress(pg_url, workers, duration)
        if "realistic" in profiles:
            rows += run_realistic(pg_url, workers, duration)
    return rows


if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
