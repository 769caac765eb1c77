"""The HTTP protocol (``serving.GuardedHttpToolsProtocol``, llhttp) answers byte for byte as
uvicorn's h11 protocol, which served before, on the same app: raw requests over sockets to
both, every answer compared whole but for its ``date`` header's value. And a request that
cannot be parsed, or whose headers pass their bound, gets the bytes the h11 protocol wrote.
"""

from __future__ import annotations

import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
import uvicorn

from sync.server import pull as pull_module
from sync.server import serving
from sync.server.app import create_app
from sync.server.db import make_engine
from sync.server.embedded import free_port
from sync.server.limits import Limits
from tests.server import factory as f
from tests.server.conftest import PASSWORD


def _serve(app: Any, **kwargs: Any) -> tuple[uvicorn.Server, threading.Thread, int]:
    port = free_port()
    server = uvicorn.Server(serving.config(app, "127.0.0.1", port, **kwargs))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline
        time.sleep(0.02)
    return server, thread, port


@pytest.fixture
def ports(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, int]]:
    """(ours, h11's): the same app served by each protocol."""
    monkeypatch.setattr(pull_module.time, "time", lambda: 1_765_000_000.0)
    engine = make_engine(sqlite_url)
    app = create_app(engine)
    ours = _serve(app)
    assert isinstance(ours[0].config.http, type)
    assert issubclass(ours[0].config.http, serving.GuardedHttpToolsProtocol)
    h11 = _serve(app, http="h11", h11_max_incomplete_event_size=Limits().header_bytes)
    try:
        yield ours[2], h11[2]
    finally:
        for server, thread, _port in (ours, h11):
            server.should_exit = True
            thread.join(timeout=10)
        engine.dispose()


def exchange(port: int, request: bytes) -> bytes:
    """Everything the server sends back for ``request`` until it closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


DATE = re.compile(rb"\r\ndate: [^\r]*\r\n")


def undated(answer: bytes) -> bytes:
    head, sep, body = answer.partition(b"\r\n\r\n")
    assert DATE.search(head + b"\r\n"), head
    return DATE.sub(b"\r\ndate: -\r\n", head + b"\r\n") + sep + body


def request(method: str, target: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def test_answers_byte_for_byte_as_the_h11_protocol(ports: tuple[int, int]) -> None:
    ours, h11 = ports
    login = orjson.dumps({"username": "offa", "password": PASSWORD, "device_name": "poste"})
    json = {"Content-Type": "application/json"}
    answer = exchange(ours, request("POST", "/api/v1/auth/token", json, login))
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
    token = orjson.loads(answer.partition(b"\r\n\r\n")[2])["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    gzip = {**auth, "Accept-Encoding": "gzip"}
    ops = [
        {"op_id": str(uuid.uuid4()), "collection": "companies", "id": f.new_id(),
         "kind": "create", "base_version": None, "fields": f.company()}
        for _ in range(6)
    ]  # fmt: skip
    push = orjson.dumps({"device_id": "poste-1", "ops": ops})
    document = "/api/v1/documents/" + f.new_id()
    requests = [
        request("GET", "/api/v1/health", {}),
        request("HEAD", "/api/v1/health", {}),
        request("POST", "/api/v1/sync/push", {**gzip, **json}, push),  # replayed on the other
        request("GET", "/api/v1/sync/pull?limit=2", auth),
        request("GET", "/api/v1/sync/pull?limit=1000", gzip),
        request("GET", "/api/v1/sync/pull?limit=0", auth),
        request("GET", "/api/v1/sync/pull", {}),
        request("GET", "/api/v1/sync/pull?limit=%31", auth),
        request("POST", "/api/v1/sync/push", {**auth, **json}, b"{"),
        request("POST", "/api/v1/sync/push", {**auth, "Content-Length": "99999999"}),
        request("DELETE", "/api/v1/sync/pull", auth),
        request("OPTIONS", document, auth),
        request("GET", document, auth),
        request("GET", "/api/v1/nowhere", {}),
        request("GET", "/api/v1/openapi.json", {}),
        b"GET /api/v1/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
    ]
    statuses = set()
    for raw in requests:
        mine = exchange(ours, raw)
        assert undated(mine) == undated(exchange(h11, raw)), raw[:60]
        statuses.add(int(mine.split(b" ", 2)[1]))
    assert {200, 204, 400, 401, 404, 405, 413} <= statuses


def test_unparsable_and_oversized_requests_get_the_api_body(ports: tuple[int, int]) -> None:
    ours, _h11 = ports
    malformed = b'{"error":{"code":"malformed","message":"La requ\xc3\xaate HTTP est mal form\xc3\xa9e.","details":null}}'  # noqa: E501
    too_large = (
        b'{"error":{"code":"too_large","message":"Les en-t\xc3\xaates de la requ\xc3\xaate sont '
        b'trop volumineux.","details":null}}'
    )

    def refusal(status: int, body: bytes) -> bytes:
        return (
            b"HTTP/1.1 %d \r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
            b"connection: close\r\n\r\n%s" % (status, len(body), body)
        )

    assert exchange(ours, b"NOT HTTP AT ALL\r\n\r\n") == refusal(400, malformed)
    assert exchange(ours, b"GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n") == refusal(
        400, malformed
    )
    # a head still incomplete past the bound (h11 bounded the bytes it held of an incomplete
    # event): at once, or in pieces
    big = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " + b"a" * 20_000
    assert exchange(ours, big) == refusal(431, too_large)
    with socket.create_connection(("127.0.0.1", ours), timeout=20) as sock:
        for start in range(0, len(big), 2048):
            try:
                sock.sendall(big[start : start + 2048])
            except OSError:
                break
            time.sleep(0.01)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer == refusal(431, too_large)
    # just under the bound, a request passes (the bound counts the head only)
    fits = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Filler: "
    fits += b"a" * (Limits().header_bytes - len(fits) - 8) + b"\r\n\r\n"
    assert exchange(ours, fits).startswith(b"HTTP/1.1 200 OK\r\n")
