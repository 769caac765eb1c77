"""Authentication: tokens, rotation with reuse detection, logout, rate limit, client version."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from sync.server.db import make_engine
from sync.server.embedded import EmbeddedServer
from sync.server.throttle import LoginLimits
from tests.server.api import ApiClient
from tests.server.conftest import PASSWORD

Login = Callable[..., ApiClient]


def _login(server: str, username: str = "coach", password: str = PASSWORD) -> httpx.Response:
    return httpx.post(
        server + "/api/v1/auth/token",
        json={"username": username, "password": password, "device_name": "portable"},
    )


def _error(answer: httpx.Response) -> str:
    body = answer.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    code: str = body["error"]["code"]
    return code


def test_health_and_openapi_without_auth(server: str) -> None:
    health = httpx.get(server + "/api/v1/health").json()
    assert health["status"] == "ok" and health["api_version"] == "1" and health["server_version"]
    spec = httpx.get(server + "/api/v1/openapi.json").json()
    for path in (
        "/api/v1/auth/token",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/sync/pull",
        "/api/v1/sync/push",
        "/api/v1/documents/{doc_id}",
        "/api/v1/records/{collection}/{record_id}/history",
        "/api/v1/health",
    ):
        assert path in spec["paths"], path
    assert "PushRequest" in spec["components"]["schemas"]


def test_login_answer_shape(server: str) -> None:
    answer = _login(server)
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 900
    assert body["user"]["role"] == "coach" and body["user"]["sectors"] == ["construction"]
    assert body["user"]["display_name"] == "Utilisateur coach"
    bad = _login(server, password="faux")
    assert bad.status_code == 401 and _error(bad) == "invalid_credentials"
    assert "mot de passe" in bad.json()["error"]["message"]
    unknown = _login(server, username="personne")
    assert unknown.status_code == 401 and _error(unknown) == "invalid_credentials"


def test_refresh_rotates_and_reuse_revokes_the_chain(server: str) -> None:
    first = _login(server).json()
    second = httpx.post(
        server + "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert second.status_code == 200
    pair = second.json()
    assert pair["refresh_token"] != first["refresh_token"]
    # the old refresh token is dead, and using it again revokes the whole login
    reuse = httpx.post(
        server + "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert reuse.status_code == 401 and _error(reuse) == "token_revoked"
    newest = httpx.post(
        server + "/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}
    )
    assert newest.status_code == 401 and _error(newest) == "token_revoked"
    pulled = httpx.get(
        server + "/api/v1/sync/pull",
        headers={"Authorization": "Bearer " + pair["access_token"]},
    )
    assert pulled.status_code == 401 and _error(pulled) == "token_revoked"
    # another login of the same user is untouched
    other = _login(server).json()
    ok = httpx.get(
        server + "/api/v1/sync/pull", headers={"Authorization": "Bearer " + other["access_token"]}
    )
    assert ok.status_code == 200


def test_logout_revokes_access_and_refresh(server: str) -> None:
    pair = _login(server).json()
    headers = {"Authorization": "Bearer " + pair["access_token"]}
    assert httpx.get(server + "/api/v1/sync/pull", headers=headers).status_code == 200
    out = httpx.post(server + "/api/v1/auth/logout", headers=headers)
    assert out.status_code == 204
    after = httpx.get(server + "/api/v1/sync/pull", headers=headers)
    assert after.status_code == 401 and _error(after) == "token_revoked"
    again = httpx.post(
        server + "/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}
    )
    assert again.status_code == 401 and _error(again) == "token_revoked"


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer abc", "Bearer abc.def", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 5000],
)
def test_missing_or_bad_bearer_is_not_authenticated(server: str, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    answer = httpx.get(server + "/api/v1/sync/pull", headers=headers)
    assert answer.status_code == 401 and _error(answer) == "not_authenticated"


def test_expired_and_forged_access_tokens(server: str, sqlite_url: str) -> None:
    import base64
    import hashlib
    import hmac
    import struct

    from sync.server.auth import Auth

    auth = Auth(make_engine(sqlite_url))
    pair = _login(server).json()
    token = pair["access_token"]
    assert len(token) == 50  # sent with every call: kept short
    payload_text = token.split(".")[0]
    session = base64.urlsafe_b64decode(payload_text + "=" * (-len(payload_text) % 4))[:16]

    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    def sign(exp: int, key: bytes, sid: bytes = session) -> str:
        text = b64(sid + struct.pack(">I", exp))
        return text + "." + b64(hmac.new(key, text.encode(), hashlib.sha256).digest()[:16])

    def status(token: str) -> tuple[int, str]:
        answer = httpx.get(
            server + "/api/v1/sync/pull", headers={"Authorization": "Bearer " + token}
        )
        return answer.status_code, _error(answer) if answer.status_code != 200 else ""

    assert status(sign(int(time.time()) + 999, auth.secret())) == (200, "")
    assert status(sign(int(time.time()) - 1, auth.secret())) == (401, "token_expired")
    assert status(sign(int(time.time()) + 999, b"wrong key")) == (401, "not_authenticated")
    # a well-signed token naming no login session
    assert status(sign(int(time.time()) + 999, auth.secret(), bytes(16))) == (401, "token_revoked")
    head, _, sig = token.partition(".")
    assert status(head + "." + sig[:-2]) == (401, "not_authenticated")  # signature cut short
    assert status(head[:-1] + "." + sig)[0] == 401  # payload altered


def test_other_calls_are_never_limited(server: str, login: Login) -> None:
    for _ in range(LoginLimits().per_pair):
        assert _login(server, username="sec", password="faux").status_code == 401
    assert _login(server, username="sec").status_code == 429  # see test_throttle.py
    offa = login("offa")
    for _ in range(30):
        assert offa.http.get("/api/v1/health").status_code == 200
        assert offa.http.get("/api/v1/sync/pull").status_code == 200


def test_client_too_old_gets_426(sqlite_url: str) -> None:
    embedded = EmbeddedServer(sqlite_url, min_client_version="2.0")
    base = embedded.start()
    try:
        old = httpx.post(
            base + "/api/v1/auth/token",
            json={"username": "coach", "password": PASSWORD, "device_name": "p"},
            headers={"X-Client-Version": "1.9.3"},
        )
        assert old.status_code == 426 and _error(old) == "client_too_old"
        assert "version" in old.json()["error"]["message"]
        current = httpx.post(
            base + "/api/v1/auth/token",
            json={"username": "coach", "password": PASSWORD, "device_name": "p"},
            headers={"X-Client-Version": "2.0.1"},
        )
        assert current.status_code == 200
        token = current.json()["access_token"]
        pulled = httpx.get(
            base + "/api/v1/sync/pull",
            headers={"Authorization": "Bearer " + token, "X-Client-Version": "0.1.0"},
        )
        assert pulled.status_code == 426
        unnamed = httpx.get(
            base + "/api/v1/sync/pull", headers={"Authorization": "Bearer " + token}
        )
        assert unnamed.status_code == 200  # no header: served as current
        assert httpx.get(base + "/api/v1/health").json()["min_client_version"] == "2.0"
    finally:
        embedded.stop()
