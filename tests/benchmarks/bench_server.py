"""Benchmarks of the reference server (``make bench``; figures in the report).

- first pull of 100,000 records over HTTP, against the floor of the same pages pre-serialised
  with orjson and served by the same stack (FastAPI + uvicorn, gzipped at the server's level
  for pages, ``pull.PAGE_GZIP_LEVEL``, when the server compressed its pages, as it does for
  clients asking for gzip; same machine, same run);
- a push of 500 update ops, on SQLite and on PostgreSQL.

The server under load (many clients, 1 and 2 worker processes) is ``bench_load``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import orjson
from sqlalchemy import insert, update

from sync.server.db import make_engine
from sync.server.embedded import EmbeddedServer, free_port
from sync.server.models import records, version_counter
from sync.server.testing import ServerProcess
from tests.server import factory as f
from tests.server.api import ApiClient, op
from tests.server.conftest import PASSWORD, prepare
from tests.server.pg import fresh_schema

PULL_RECORDS = 100_000
PAGE = 1000


def _row(
    name: str,
    figure: float,
    unit: str,
    floor: float | None,
    ratio: float | None,
    target: float | None,
    passed: bool,
) -> dict[str, Any]:
    return {
        "name": name,
        "figure": round(figure, 4),
        "unit": unit,
        "floor": None if floor is None else round(floor, 4),
        "ratio": None if ratio is None else round(ratio, 2),
        "target": target,
        "passed": passed,
    }


def _bulk_companies(url: str, count: int) -> None:
    """``count`` company records straight into the tables (the server's own layout)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        start = int(conn.execute(version_counter.select()).first().value)  # type: ignore[union-attr]
        rows = []
        for n in range(count):
            data = f.company()
            data.update(email=None, phone=None, name=f"Entreprise {n}")
            rows.append(
                {
                    "collection": "companies",
                    "id": str(uuid.uuid4()),
                    "version": start + n + 1,
                    "deleted": False,
                    "data": orjson.dumps(data).decode(),
                    "updated_at": "2026-11-23T09:15:00.000000Z",
                    "updated_by": None,
                }
            )
        for chunk in range(0, count, 10_000):
            conn.execute(insert(records), rows[chunk : chunk + 10_000])
        conn.execute(update(version_counter).values(value=start + count))
    engine.dispose()


FLOOR_SERVER = """
import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from starlette.responses import Response

folder = Path(sys.argv[1])
pages = [p.read_bytes() for p in sorted(folder.glob("page-*.json"))]
app = FastAPI()
if sys.argv[3] == "gzip":  # the server's own compression of its pages (pull.encode_page)
    from starlette.middleware.gzip import GZipMiddleware

    from sync.server.pull import PAGE_GZIP_LEVEL, PAGE_GZIP_MIN_BYTES

    app.add_middleware(
        GZipMiddleware, minimum_size=PAGE_GZIP_MIN_BYTES, compresslevel=PAGE_GZIP_LEVEL
    )


@app.get("/floor/{n}")
def page(n: int) -> Response:
    return Response(pages[n], media_type="application/json")


uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def _serve_floor(
    folder: Path, pages: list[bytes], encoding: str
) -> tuple[subprocess.Popen[bytes], str]:
    """The floor: the same page bytes served by the same HTTP stack (FastAPI + uvicorn in its own
    process, gzipped as the server gzips its pages when the server compressed its answers)."""
    for n, body in enumerate(pages):
        (folder / f"page-{n:05d}.json").write_bytes(body)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", FLOOR_SERVER, str(folder), str(port), encoding or "identity"]
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/floor/0", timeout=1)
            return process, base
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("floor server did not start")


def bench_pull(folder: Path) -> list[dict[str, Any]]:
    url = f"sqlite:///{folder / 'pull.sqlite3'}"
    prepare(url)
    _bulk_companies(url, PULL_RECORDS)
    # both servers run in their own process, so the client never shares a GIL with them
    with ServerProcess(url, init=False) as server:
        client = ApiClient(server.base_url, "offa", PASSWORD)
        pages: list[bytes] = []
        encodings: set[str] = set()
        started = time.perf_counter()
        cursor = None
        total = 0
        while True:
            params: dict[str, Any] = {"limit": PAGE}
            if cursor:
                params["cursor"] = cursor
            answer = client.http.get("/api/v1/sync/pull", params=params)
            body = answer.content
            encodings.add(answer.headers.get("content-encoding", ""))
            page = orjson.loads(body)
            total += len(page["changes"])
            pages.append(body)
            cursor = page["cursor"]
            if not page["has_more"]:
                break
        elapsed = time.perf_counter() - started
        client.close()
    pages_dir = folder / "floor"
    pages_dir.mkdir()
    assert len(encodings) == 1, encodings  # every page of 1,000 records: all gzip, or none
    process, floor_base = _serve_floor(pages_dir, pages, encodings.pop())
    try:
        with httpx.Client(base_url=floor_base, timeout=60) as http:
            started = time.perf_counter()
            for n in range(len(pages)):
                orjson.loads(http.get(f"/floor/{n}").content)
            floor_elapsed = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(10)
    rate, floor_rate = total / elapsed, total / floor_elapsed
    slowdown = floor_rate / rate
    return [
        _row(
            f"first pull of {total} records (ratio = floor rate / server rate)",
            rate,
            "records/s",
            floor_rate,
            slowdown,
            30_000.0,
            rate >= 30_000 and slowdown <= 3,
        )
    ]


def _push_500(base: str) -> float:
    client = ApiClient(base, "offa", PASSWORD)
    ids = [str(uuid.uuid4()) for _ in range(500)]
    created = client.push([op("companies", i, "create", None, f.company()) for i in ids])
    ops = [
        op("companies", i, "update", r["version"], {"name": "Renommée"})
        for i, r in zip(ids, created, strict=True)
    ]
    started = time.perf_counter()
    results = client.push(ops)
    elapsed = time.perf_counter() - started
    assert all(r["status"] == "applied" for r in results)
    client.close()
    return elapsed


def bench_push(folder: Path, pg_url: str) -> list[dict[str, Any]]:
    out = []
    url = f"sqlite:///{folder / 'push.sqlite3'}"
    prepare(url)
    with EmbeddedServer(url) as server:
        elapsed = _push_500(server.base_url)
    out.append(_row("push of 500 update ops, SQLite", elapsed, "s", None, None, 1.0, elapsed <= 1))
    with fresh_schema(pg_url) as pg:
        prepare(pg)
        with EmbeddedServer(pg) as server:
            elapsed = _push_500(server.base_url)
    out.append(
        _row("push of 500 update ops, PostgreSQL", elapsed, "s", None, None, 1.0, elapsed <= 1)
    )
    return out


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] * 1000 if len(values) > 20 else 0.0


def run() -> list[dict[str, Any]]:
    pg_url = os.environ.get("OFFA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = bench_pull(folder)
        rows += bench_push(folder, pg_url)
    return rows


if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(orjson.dumps(row).decode())
