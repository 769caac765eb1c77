"""``fastpath``: plain pulls and pushes answered without FastAPI's routing, byte for byte as the
FastAPI routes answer them, and everything else left to those routes.

Two apps on one database, the same but for the ``FastPath`` middleware, are sent the same
requests through ASGI; each answer's status, headers and body must be equal (pull cursors carry
the time in seconds: ``time.time`` is fixed). A push changes the database, so a push answered
by one app is replayed on the other, which answers the results it stored (API.md: a replayed
op gets its stored result), and the other way round.
"""

from __future__ import annotations

import asyncio
import uuid
import zlib
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from fastapi import FastAPI

from sync.server import pull as pull_module
from sync.server.app import create_app
from sync.server.db import make_engine
from sync.server.fastpath import FastPath
from tests.server import factory as f
from tests.server.conftest import PASSWORD
from tests.server.pg import prepared_engine

Answer = tuple[int, list[tuple[bytes, bytes]], bytes]


def call(
    app: Any,
    method: str,
    path: str,
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
) -> Answer:
    """One request through the ASGI app: (status, headers, body)."""
    head = [(b"host", b"testserver"), *(headers or [])]
    if body:
        head += [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "headers": head,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
        "root_path": "",
        "state": {},
    }
    sent: list[dict[str, Any]] = []
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop()
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = sent[0]
    content = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], list(start.get("headers", [])), content


def without_fast_path(app: FastAPI) -> FastAPI:
    app.user_middleware = [m for m in app.user_middleware if m.cls is not FastPath]
    return app


@pytest.fixture(params=["sqlite", "postgresql"])
def apps(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setattr(pull_module.time, "time", lambda: 1_765_000_000.0)
    if request.param == "sqlite":
        url = request.getfixturevalue("sqlite_url")
        engine = make_engine(url)
        try:
            yield create_app(engine), without_fast_path(create_app(engine)), engine
        finally:
            engine.dispose()
    else:
        with prepared_engine(request.getfixturevalue("pg_url")) as engine:
            yield create_app(engine), without_fast_path(create_app(engine)), engine


def token(app: Any, username: str) -> str:
    body = orjson.dumps({"username": username, "password": PASSWORD, "device_name": "poste"})
    status, _h, answer = call(app, "POST", "/api/v1/auth/token", body=body)
    assert status == 200, answer
    found: str = orjson.loads(answer)["access_token"]
    return found


def bearer(value: str) -> list[tuple[bytes, bytes]]:
    return [(b"authorization", b"Bearer " + value.encode())]


GZIP = [(b"accept-encoding", b"gzip, deflate")]


def test_plain_pulls_and_pushes_answer_byte_for_byte_as_the_routes(apps: Any) -> None:
    fast, slow, _engine = apps
    offa, coach = token(slow, "offa"), token(slow, "coach")
    ops = [
        {"op_id": str(uuid.uuid4()), "collection": "companies", "id": f.new_id(),
         "kind": "create", "base_version": None, "fields": f.company(sector=sector)}
        for sector in ["construction"] * 8 + ["horeca"] * 4
    ]  # fmt: skip
    push = orjson.dumps({"device_id": "poste-1", "ops": ops})
    first = call(fast, "POST", "/api/v1/sync/push", headers=bearer(offa) + GZIP, body=push)
    assert first[0] == 200
    assert (b"content-encoding", b"gzip") in first[1]  # large enough for the middleware
    assert first == call(slow, "POST", "/api/v1/sync/push", headers=bearer(offa) + GZIP, body=push)
    # the other way round, and without gzip
    again = orjson.dumps({"device_id": "poste-1", "ops": ops[:1]})
    slow_first = call(slow, "POST", "/api/v1/sync/push", headers=bearer(offa), body=again)
    assert slow_first[0] == 200
    assert slow_first == call(fast, "POST", "/api/v1/sync/push", headers=bearer(offa), body=again)

    cursor = None
    pulls = 0
    for who in (offa, coach):
        for encoding in (GZIP, []):
            query = b"limit=5"
            while True:
                head = bearer(who) + encoding
                answer = call(fast, "GET", "/api/v1/sync/pull", query, head)
                assert answer[0] == 200
                assert answer == call(slow, "GET", "/api/v1/sync/pull", query, head)
                pulls += 1
                page = orjson.loads(plain(answer))
                if not page["has_more"]:
                    break
                cursor = page["cursor"]
                query = b"limit=5&checksum=1&cursor=" + cursor.encode()
    assert pulls > 8
    assert cursor is not None


def plain(answer: Answer) -> bytes:
    if (b"content-encoding", b"gzip") in answer[1]:
        return zlib.decompress(answer[2], 16 + zlib.MAX_WBITS)
    return answer[2]


def requests_of_every_answer(offa: str, revoked: str, cursor: str) -> list[tuple[Any, ...]]:
    """(method, path, query, headers, body) of requests answered 200, 400, 401, 410, 426..."""
    pull, push = "/api/v1/sync/pull", "/api/v1/sync/push"
    ok = bearer(offa)
    forged = cursor[:-16] + "0" * 16
    unsigned = cursor.rpartition(".")[0]
    body = orjson.dumps({"device_id": "poste-1", "ops": []})
    return [
        ("GET", pull, b"", ok, b""),
        ("GET", pull, b"cursor=" + cursor.encode(), ok, b""),
        ("GET", pull, b"cursor=" + forged.encode(), ok, b""),  # 400 never issued
        ("GET", pull, b"cursor=" + unsigned.encode(), ok, b""),  # 410 older server's
        ("GET", pull, b"cursor=v1.1", ok, b""),  # 400 by FastAPI's validation
        ("GET", pull, b"limit=0", ok, b""),
        ("GET", pull, b"limit=5001", ok, b""),
        ("GET", pull, b"limit=5000", ok, b""),
        ("GET", pull, b"limit=01", ok, b""),
        ("GET", pull, b"limit=%31", ok, b""),
        ("GET", pull, b"limit=abc", ok, b""),
        ("GET", pull, b"limit=2&limit=3", ok, b""),
        ("GET", pull, b"checksum=2", ok, b""),
        ("GET", pull, b"checksum=1", ok, b""),
        ("GET", pull, b"other=1", ok, b""),
        ("GET", pull, b"limit", ok, b""),
        ("GET", pull, b"", [], b""),  # 401 no token
        ("GET", pull, b"", [(b"authorization", b"Basic abc")], b""),
        ("GET", pull, b"", [(b"authorization", b"Bearer")], b""),
        ("GET", pull, b"", [(b"authorization", b"bearer  " + offa.encode() + b"  ")], b""),
        ("GET", pull, b"", bearer(offa[:-2] + "AA"), b""),  # bad signature
        ("GET", pull, b"", bearer(revoked), b""),  # logged out
        ("GET", pull, b"", [*ok, (b"x-client-version", b"0.9")], b""),  # 426
        ("GET", pull, b"", [*ok, (b"x-client-version", b"9" * 101)], b""),  # 400
        ("GET", pull, b"", [*ok, (b"x-client-version", b"2.0")], b""),
        ("HEAD", pull, b"", ok, b""),
        ("POST", pull, b"", ok, b""),  # 405
        ("GET", pull + "/", b"", ok, b""),
        ("POST", push, b"", ok, body),
        ("POST", push, b"", ok, b"{"),  # 400 not JSON
        ("POST", push, b"", ok, b'{"ops": 1}'),
        ("POST", push, b"", [], body),  # 401
        ("POST", push, b"", bearer(revoked), body),
        ("POST", push, b"", [*ok, (b"x-client-version", b"0.1")], body),  # 426
        ("POST", push, b"", [*ok, (b"x-client-version", b"9" * 101)], body),
        ("POST", push, b"x=1", ok, body),
        ("GET", push, b"", ok, b""),  # 405
    ]


def test_every_other_answer_is_the_routes_own(apps: Any) -> None:
    fast, slow, engine = apps
    fast = create_app(engine, min_client_version="1.0")
    slow = without_fast_path(create_app(engine, min_client_version="1.0"))
    offa, revoked = token(slow, "offa"), token(slow, "sec")
    status, _h, _b = call(slow, "POST", "/api/v1/auth/logout", headers=bearer(revoked))
    assert status in (200, 204)
    page = orjson.loads(call(slow, "GET", "/api/v1/sync/pull", b"limit=1", bearer(offa))[2])
    seen: set[int] = set()
    for method, path, query, headers, body in requests_of_every_answer(
        offa, revoked, page["cursor"]
    ):
        answer = call(fast, method, path, query, headers, body)
        assert answer == call(slow, method, path, query, headers, body), (method, path, query)
        seen.add(answer[0])
    assert {200, 400, 401, 405, 410, 426} <= seen


def test_only_plain_requests_take_the_fast_path(apps: Any) -> None:
    """The fast path answers a plain pull and push itself, and hands everything it would have
    to validate to the app behind it."""
    _fast, _slow, engine = apps
    handed: list[str] = []

    async def behind(scope: dict[str, Any], _receive: Any, send: Any) -> None:
        handed.append(scope["method"] + " " + scope["query_string"].decode())
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    app = create_app(engine)
    middleware = FastPath(behind, ctx=app.state.offa)
    offa = token(app, "offa")
    plain = call(middleware, "GET", "/api/v1/sync/pull", b"limit=500", bearer(offa))
    assert plain[0] == 200 and not handed
    body = orjson.dumps({"device_id": "poste-1", "ops": []})
    assert call(middleware, "POST", "/api/v1/sync/push", b"", bearer(offa), body)[0] == 200
    assert call(middleware, "GET", "/api/v1/sync/pull", b"", [])[0] == 401  # no token: ours
    assert not handed
    for query in (b"limit=0", b"limit=%35", b"cursor=x", b"limit=1&limit=2", b"other=1"):
        assert call(middleware, "GET", "/api/v1/sync/pull", query, bearer(offa))[0] == 299
    long_version = [*bearer(offa), (b"x-client-version", b"1" * 101)]
    assert call(middleware, "GET", "/api/v1/sync/pull", b"", long_version)[0] == 299
    assert call(middleware, "HEAD", "/api/v1/sync/pull", b"", bearer(offa))[0] == 299
    assert len(handed) == 7
