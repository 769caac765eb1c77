"""Every input bounded: bodies by route (413 before they are read), bodies and headers in time
(408), headers in size (431). Raw sockets: what an attacker sends, not what a client library
allows."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson
import pytest

from sync.server.embedded import EmbeddedServer
from sync.server.limits import Limits
from sync.server.testing import ServerProcess
from tests.server.conftest import PASSWORD, prepare

MIB = 1024 * 1024


def _connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=30)
    return sock


def _read_answer(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one answer (the server closes the connection after it)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before an answer: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body


def _closed(sock: socket.socket) -> bool:
    sock.settimeout(5)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True


def _request_head(path: str, length: int | None, extra: str = "") -> bytes:
    framing = f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    return (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{framing}\r\n"
        f"{extra}\r\n"
    ).encode()


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """``offa-server serve`` in its own process (its memory is measured)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('limits') / 'server.sqlite3'}"
    prepare(url)
    process = ServerProcess(url, init=False)
    process.start()
    yield process
    process.stop()


def test_a_huge_login_body_is_refused_before_it_is_read(served: ServerProcess) -> None:
    """Finding 1: a 150 MiB login body used to be read whole (server memory 87 -> 383 MiB)."""
    assert served.process is not None
    before = _rss_kib(served.process.pid)
    # declared: 413 at once, before a byte of the body is sent
    sock = _connect(served.base_url)
    sock.sendall(_request_head("/api/v1/auth/token", 150 * MIB))
    status, headers, body = _read_answer(sock)
    assert status == 413 and headers["connection"] == "close"
    error = orjson.loads(body)["error"]
    assert error["code"] == "too_large" and "4 Kio" in error["message"]
    assert _closed(sock)
    # streamed without a length: cut off as it passes the cap, the rest never read
    for path in ("/api/v1/auth/token", "/api/v1/auth/refresh"):
        sock = _connect(served.base_url)
        sock.sendall(_request_head(path, None))
        chunk = b"%x\r\n%s\r\n" % (MIB, b"x" * MIB)
        sent = 0
        try:
            while sent < 150:
                sock.sendall(chunk)
                sent += 1
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert sent < 150  # the server stopped reading long before 150 MiB
        try:
            status, _headers, _body = _read_answer(sock)
            assert status == 413
        except (ConnectionError, ConnectionResetError):
            pass  # the answer may be lost when the server closes on unread data: still cut
        sock.close()
    after = _rss_kib(served.process.pid)
    assert after - before < 20 * 1024, (before, after)
    assert httpx.get(served.base_url + "/api/v1/health").status_code == 200


def test_each_route_has_its_cap(served: ServerProcess) -> None:
    base = served.base_url
    token = httpx.post(
        base + "/api/v1/auth/token",
        json={"username": "offa", "password": PASSWORD, "device_name": "p"},
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    # a login of 5 KiB: over the auth routes' 4 KiB
    padded = {"username": "offa", "password": PASSWORD, "device_name": "p" * 5000}
    answer = httpx.post(base + "/api/v1/auth/token", json=padded)
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"
    # a push of 1 MiB is fine (the cap is 32 MiB)
    ops = [{"op_id": "x" * 1000}] * 1000
    answer = httpx.post(
        base + "/api/v1/sync/push", json={"device_id": "d", "ops": ops[:400]}, headers=bearer
    )
    assert answer.status_code == 200
    # a document over 20 MiB: refused from its Content-Length
    sock = _connect(base)
    sock.sendall(
        (
            f"PUT /api/v1/documents/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\nHost: x\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/pdf\r\n"
            f"Content-Length: {20 * MIB + 1}\r\n\r\n"
        ).encode()
    )
    status, _h, body = _read_answer(sock)
    assert status == 413 and "20 Mio" in orjson.loads(body)["error"]["message"]
    sock.close()
    # a GET with a body past the default cap (1 KiB)
    answer = httpx.request("GET", base + "/api/v1/health", content=b"x" * 2000)
    assert answer.status_code == 413


def test_slow_bodies_slow_headers_and_idle_connections_are_closed(served: ServerProcess) -> None:
    """Finding 2: 60 half-sent requests were still open after 12 s. Now each gets 408 within
    the 10 s a body or the headers may stall, while the server keeps answering others."""
    limit = Limits().idle_seconds
    socks: list[tuple[str, socket.socket]] = []
    for n in range(60):  # headers and a third of the body
        sock = _connect(served.base_url)
        sock.sendall(_request_head("/api/v1/auth/token", 90) + b'{"username": "offa", "pa')
        socks.append(("body", sock))
        if n % 3 == 0:  # half a request line
            sock = _connect(served.base_url)
            sock.sendall(b"POST /api/v1/auth/tok")
            socks.append(("headers", sock))
            sock = _connect(served.base_url)  # nothing at all
            socks.append(("idle", sock))
    started = time.monotonic()
    # meanwhile, the server answers at once
    assert httpx.get(served.base_url + "/api/v1/health", timeout=5).status_code == 200
    statuses: dict[str, set[int]] = {}
    for kind, sock in socks:
        status, headers, body = _read_answer(sock)
        statuses.setdefault(kind, set()).add(status)
        assert orjson.loads(body)["error"]["code"] == "request_timeout"
        assert headers["connection"] == "close" and _closed(sock)
        sock.close()
    elapsed = time.monotonic() - started
    assert statuses == {"body": {408}, "headers": {408}, "idle": {408}}
    assert elapsed < limit + 3, elapsed


def test_a_body_must_keep_arriving(sqlite_url: str) -> None:
    """A steady upload passes; a trickle (under min_rate once the grace is over) is 408."""
    limits = Limits(idle_seconds=1.0, min_rate=8 * 1024)
    server = EmbeddedServer(sqlite_url, limits=limits)
    base = server.start()
    try:
        token = httpx.post(
            base + "/api/v1/auth/token",
            json={"username": "offa", "password": PASSWORD, "device_name": "p"},
        ).json()["access_token"]
        ops = [{"op_id": f"op-{n}", "note": "x" * 400} for n in range(100)]
        payload = orjson.dumps({"device_id": "d", "ops": ops})  # ~46 KiB

        def send(pieces: list[bytes], pause: float) -> int:
            sock = _connect(base)
            sock.sendall(
                _request_head(
                    "/api/v1/sync/push",
                    sum(map(len, pieces)),
                    f"Authorization: Bearer {token}\r\n",
                )
            )
            for piece in pieces:
                time.sleep(pause)
                try:
                    sock.sendall(piece)
                except (BrokenPipeError, ConnectionResetError):
                    break
            status, _h, _b = _read_answer(sock)
            sock.close()
            return status

        def pieces(size: int) -> list[bytes]:
            return [payload[i : i + size] for i in range(0, len(payload), size)]

        # 4 KiB every 0.25 s (16 KiB/s) for ~3 s: past the 1 s grace, above 8 KiB/s
        assert send(pieces(4096), 0.25) == 200
        # 1 KiB every 0.25 s (4 KiB/s): never idle for 1 s, but under the rate
        assert send(pieces(1024), 0.25) == 408
        # a pause longer than the idle limit
        assert send([payload[:10], payload[10:]], 1.5) == 408
    finally:
        server.stop()


def test_headers_are_bounded_in_size(served: ServerProcess) -> None:
    sock = _connect(served.base_url)
    sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " + b"a" * (64 * 1024))
    status, headers, body = _read_answer(sock)
    assert status == 431 and headers["connection"] == "close"
    assert orjson.loads(body)["error"]["code"] == "too_large"
    sock.close()
    # just under the bound is served
    answer = httpx.get(served.base_url + "/api/v1/health", headers={"X-Filler": "a" * 12000})
    assert answer.status_code == 200


def test_limits_are_in_the_openapi_document(served: ServerProcess) -> None:
    spec = httpx.get(served.base_url + "/api/v1/openapi.json").json()
    paths = spec["paths"]
    assert paths["/api/v1/auth/token"]["post"]["x-body-limit"] == 4 * 1024
    assert paths["/api/v1/sync/push"]["post"]["x-body-limit"] == 32 * MIB
    assert paths["/api/v1/documents/{doc_id}"]["put"]["x-body-limit"] == 20 * MIB
    for item in paths.values():
        for operation in item.values():
            assert {"408", "413", "431", "500"} <= set(operation["responses"])
    assert "408" in spec["info"]["description"] and "431" in spec["info"]["description"]


def test_many_parallel_uploads_are_not_blocked_by_a_slow_one(served: ServerProcess) -> None:
    """A stalled body holds no worker thread: other requests are answered meanwhile."""
    sock = _connect(served.base_url)
    sock.sendall(_request_head("/api/v1/auth/token", 100) + b"{")
    answers: list[int] = []

    def call() -> None:
        answers.append(httpx.get(served.base_url + "/api/v1/health").status_code)

    threads = [threading.Thread(target=call) for _ in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [200] * 50
    sock.close()
