"""The HTTP client: plain HTTP refused off loopback, retries with backoff on 5xx / 429 honouring
Retry-After, timeouts, one token refresh on 401, 426 explained, X-Client-Version on every call.

Protocol edge cases the reference server never produces (a 503, a stall) come from a tiny
loopback HTTP server scripted per test; the rest runs against the real server."""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sync.client import ApiClient, RetryPolicy, Tokens, check_server_url
from sync.errors import ClientTooOld, InsecureServer, LoginRequired, NetworkError
from sync.server.testing import ServerProcess
from tests.sync.data import company
from tests.sync.harness import PASSWORD, Server


class Scripted:
    """Answers from a list: (status, headers, body, delay) per request; records requests."""

    def __init__(self, answers: list[tuple[int, dict[str, str], Any, float]]) -> None:
        self.answers = answers
        self.requests: list[dict[str, str]] = []
        self.times: list[float] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                owner.requests.append(dict(self.headers))
                owner.times.append(time.monotonic())
                status, headers, body, delay = owner.answers.pop(0)
                time.sleep(delay)
                raw = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except OSError:
                    pass

            do_POST = do_GET

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def scripted() -> Iterator[list[Scripted]]:
    made: list[Scripted] = []
    yield made
    for s in made:
        s.close()


PAGE = {"changes": [], "cursor": "c", "has_more": False, "remaining": 0}
FAST = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05, read_timeout=0.5)


def test_plain_http_only_to_loopback() -> None:
    for ok in (
        "https://opla.example.be/",
        "http://127.0.0.1:8765",
        "http://localhost:1",
        "http://[::1]:80",
    ):
        assert check_server_url(ok) == ok.rstrip("/")
    for bad in ("http://opla.example.be", "http://10.0.0.1:8765", "ftp://x", "opla.example.be"):
        with pytest.raises(InsecureServer) as caught:
            check_server_url(bad)
        assert "serveur" in caught.value.message or "https" in caught.value.message


def test_retries_5xx_then_succeeds_with_client_version(scripted: list[Scripted]) -> None:
    s = Scripted([(503, {}, {}, 0), (500, {}, {}, 0), (200, {}, PAGE, 0)])
    scripted.append(s)
    client = ApiClient(s.url, client_version="1.2.3", tokens=Tokens("a", "r"), retry=FAST)
    assert client.pull(None)["cursor"] == "c"
    assert len(s.requests) == 3
    assert all(r["X-Client-Version"] == "1.2.3" for r in s.requests)
    assert all(r["Authorization"] == "Bearer a" for r in s.requests)


def test_a_request_the_server_found_too_slow_is_sent_again(scripted: list[Scripted]) -> None:
    """408: the reference server gave up on a body that stalled (a poor link); sent again."""
    s = Scripted([(408, {}, {}, 0), (200, {}, PAGE, 0)])
    scripted.append(s)
    client = ApiClient(s.url, client_version="1", tokens=Tokens("a", "r"), retry=FAST)
    assert client.pull(None)["cursor"] == "c"
    assert len(s.requests) == 2


def test_only_the_needed_headers_go_out(scripted: list[Scripted]) -> None:
    """Bytes on every call: no User-Agent, Accept or Connection (requests and urllib3 add them
    by default); the API's X-Client-Version and the bearer, gzip accepted."""
    s = Scripted([(200, {}, PAGE, 0), (200, {}, {"results": [{}]}, 0)])
    scripted.append(s)
    client = ApiClient(s.url, client_version="1.2.3", tokens=Tokens("a", "r"), retry=FAST)
    client.pull(None)
    client.push("poste", [{"op_id": "x"}])
    get, post = ({k.lower(): v for k, v in r.items()} for r in s.requests)
    common = {"host", "x-client-version", "accept-encoding", "authorization"}
    assert set(get) == common
    assert set(post) == common | {"content-type", "content-length"}
    assert get["accept-encoding"] == "gzip" and post["content-type"] == "application/json"


def test_429_waits_for_retry_after(scripted: list[Scripted]) -> None:
    s = Scripted([(429, {"Retry-After": "1"}, {}, 0), (200, {}, PAGE, 0)])
    scripted.append(s)
    client = ApiClient(s.url, client_version="1", tokens=Tokens("a", "r"), retry=FAST)
    client.pull(None)
    assert s.times[1] - s.times[0] >= 0.95


def test_stalled_server_times_out_then_gives_up_in_french(scripted: list[Scripted]) -> None:
    s = Scripted([(200, {}, PAGE, 1.0)] * 4)
    scripted.append(s)
    client = ApiClient(s.url, client_version="1", tokens=Tokens("a", "r"), retry=FAST)
    started = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        client.pull(None)
    assert time.monotonic() - started < 4.0
    assert "injoignable" in caught.value.message


def test_401_refreshes_once_then_asks_to_log_in(server: Server) -> None:
    username = f"c-{uuid.uuid4().hex[:6]}"
    server.user(username)
    kept: list[Tokens | None] = []
    client = ApiClient(server.url, client_version="0.1.0", on_tokens=kept.append)
    client.login(username, PASSWORD, "test")
    good = client.tokens
    assert good is not None
    client.tokens = Tokens("not-a-token", good.refresh)  # an expired access token
    assert client.pull(None, 1)["changes"]
    assert client.tokens is not None and client.tokens.refresh != good.refresh
    assert kept[-1] == client.tokens  # the new pair went to the keyring
    client.tokens = Tokens("not-a-token", good.refresh)  # an already-used refresh token
    with pytest.raises(LoginRequired) as caught:
        client.pull(None, 1)
    assert "Reconnectez-vous" in caught.value.message
    assert kept[-1] is None  # forgotten


def test_426_is_explained_in_french(tmp_path: Path) -> None:
    old = ServerProcess(f"sqlite:///{tmp_path / 'old.sqlite3'}", min_client_version="99.0")
    with old:
        client = ApiClient(old.base_url, client_version="0.1.0", retry=FAST)
        with pytest.raises(ClientTooOld) as caught:
            client.login("nobody", "x", "test")
    assert "mise à jour" in caught.value.message


def test_documents_upload_again_and_download_checked(server: Server, tmp_path: Path) -> None:
    from sync.documents import download, upload

    username = f"d-{uuid.uuid4().hex[:6]}"
    server.user(username)
    client = ApiClient(server.url, client_version="0.1.0")
    client.login(username, PASSWORD, "test")
    # A record the document belongs to.
    cid = str(uuid.uuid4())
    fields = company(random.Random(cid))
    op = {"op_id": str(uuid.uuid4()), "collection": "companies", "id": cid, "kind": "create",
          "base_version": None, "fields": fields}  # fmt: skip
    assert client.push("test", [op])[0]["status"] == "applied"
    scan = tmp_path / "contrat signé.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    doc = str(uuid.uuid4())
    digest = upload(client, doc, scan, f"companies/{cid}")
    assert upload(client, doc, scan, f"companies/{cid}") == digest  # again: idempotent
    target = tmp_path / "copie.pdf"
    download(client, doc, digest, target)
    assert target.read_bytes() == scan.read_bytes()
    with pytest.raises(Exception) as caught:
        download(client, doc, "0" * 64, tmp_path / "autre.pdf")
    assert "altéré" in str(caught.value) and not (tmp_path / "autre.pdf").exists()
