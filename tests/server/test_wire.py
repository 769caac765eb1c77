"""What goes on the wire besides the API's JSON: gzip for large answers to clients that accept
it (small ones plain, where gzip would cost more than it saves), no ``server`` header, a
``date`` header (RFC 9110), on the in-process server and on ``offa-server serve``.

Answers are read with ``http.client``, which neither asks for nor undoes gzip, so the bytes
checked are the bytes sent."""

from __future__ import annotations

import gzip
import http.client
import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

import orjson

from sync.server.testing import ServerProcess
from tests.server import factory as f
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


def _raw(
    base: str, method: str, path: str, headers: dict[str, str], body: bytes | None = None
) -> tuple[int, dict[str, str], bytes]:
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=30)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        answer = conn.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        conn.close()


def test_large_answers_gzipped_small_ones_plain(server: str, login: Login) -> None:
    offa = login("offa")
    auth = {"Authorization": offa.http.headers["Authorization"]}
    path = "/api/v1/sync/pull?limit=1000"
    status, plain_headers, plain = _raw(server, "GET", path, auth)
    assert status == 200 and "content-encoding" not in plain_headers
    assert len(plain) > 10_000  # the reference data: worth compressing
    status, headers, packed = _raw(server, "GET", path, {**auth, "Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert int(headers["content-length"]) == len(packed) < len(plain) / 3
    assert orjson.loads(gzip.decompress(packed)) == orjson.loads(plain)
    # a push answer of one op is smaller than the threshold: plain, no Vary
    body = orjson.dumps(
        {"device_id": "poste-1", "ops": [op("companies", f.new_id(), "create", None, f.company())]}
    )
    status, headers, answer = _raw(
        server,
        "POST",
        "/api/v1/sync/push",
        {**auth, "Accept-Encoding": "gzip", "Content-Type": "application/json"},
        body,
    )
    assert status == 200 and orjson.loads(answer)["results"][0]["status"] == "applied"
    assert len(answer) < 1024
    assert "content-encoding" not in headers and "vary" not in headers
    assert "server" not in headers and "date" in headers


def test_documents_are_not_gzipped(server: str, login: Login) -> None:
    import hashlib

    offa = login("offa")
    cid = f.new_id()
    assert offa.create("companies", f.company(), cid)["status"] == "applied"
    content = b"%PDF-1.4\n" + b"0" * 5000  # compressible, but a PDF: sent as is
    doc = str(uuid.uuid4())
    digest = hashlib.sha256(content).hexdigest()
    stored = offa.http.put(
        f"/api/v1/documents/{doc}",
        content=content,
        headers={
            "Content-Type": "application/pdf",
            "X-Content-SHA256": digest,
            "X-Record": f"companies/{cid}",
        },
    )
    assert stored.status_code == 201, stored.text
    auth = {"Authorization": offa.http.headers["Authorization"], "Accept-Encoding": "gzip"}
    status, headers, body = _raw(server, "GET", f"/api/v1/documents/{doc}", auth)
    assert status == 200 and "content-encoding" not in headers and body == content


def test_serve_sends_no_server_header(sqlite_url: str) -> None:
    with ServerProcess(sqlite_url) as process:
        status, headers, _ = _raw(process.base_url, "GET", "/api/v1/health", {})
    assert status == 200 and "server" not in headers and "date" in headers
