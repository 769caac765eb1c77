"""HTTP client of the sync API (API.md): timeouts, retries, token refresh, French errors.

Every call has a timeout; connection errors, 5xx, 408 and 429 are retried with exponential backoff
and full jitter (``Retry-After`` honoured); a 401 refreshes the token once, then
:class:`LoginRequired`; a 426 is :class:`ClientTooOld`. ``X-Client-Version`` goes with every
call. Plain HTTP is refused except to loopback addresses.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import orjson
import requests
from urllib3.util import SKIP_HEADER

from sync.errors import (
    ClientTooOld,
    CursorExpired,
    DeviceRevoked,
    LoginRequired,
    NetworkError,
    ServerError,
)
from sync.faults import crash_point
from sync.transport import RetryPolicy as RetryPolicy
from sync.transport import Tokens as Tokens
from sync.transport import check_server_url as check_server_url
from sync.transport import error_body, retry_after

log = logging.getLogger("offa.sync")

API = "/api/v1"
# 408: the server gave up on a request that came too slowly (a stalled link): send it again
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MSG_NETWORK = (
    "Le serveur est injoignable. Vos modifications restent enregistrées sur cet ordinateur ; "
    "réessayez quand le réseau sera revenu."
)
MSG_LOGIN = "Votre session a expiré. Reconnectez-vous pour synchroniser."
MSG_TOO_OLD = (
    "Cette version de l'application n'est plus acceptée par le serveur. Installez la mise à "
    "jour ; vos modifications restent enregistrées sur cet ordinateur."
)


MSG_DEVICE_REVOKED = (
    "L'accès de cet ordinateur au serveur a été révoqué : la synchronisation est arrêtée. "
    "Reconnectez-vous si c'est votre ordinateur, ou contactez l'OFFA."
)


def _revoked(message: str, details: Any) -> DeviceRevoked:
    erase = bool(details.get("erase")) if isinstance(details, dict) else False
    return DeviceRevoked(message or MSG_DEVICE_REVOKED, erase=erase)


class ApiClient:
    """One server, one user: the calls of API.md.

    ``tokens`` may be None before login. ``on_tokens`` is called with the new pair after a
    login or a refresh so the caller can keep it (in the keyring). ``cancel`` is waited on
    between retries so a cancel interrupts a backoff.
    """

    def __init__(
        self,
        base_url: str,
        *,
        client_version: str,
        tokens: Tokens | None = None,
        on_tokens: Callable[[Tokens | None], None] | None = None,
        retry: RetryPolicy | None = None,
        session: requests.Session | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.base_url = check_server_url(base_url)
        self.tokens = tokens
        self.on_tokens = on_tokens
        self.retry = retry or RetryPolicy()
        self.cancel = cancel
        self.http = session or requests.Session()
        # Only the headers API.md asks for (and gzip answers): no ``Accept: */*``, no
        # ``Connection: keep-alive`` (HTTP/1.1 keeps the connection anyway), and no
        # ``User-Agent``: X-Client-Version already says who calls (urllib3 would otherwise add
        # ``python-urllib3/x.y``; SKIP_HEADER tells it not to). Bytes on every request.
        self.http.headers.clear()
        self.http.headers.update(
            {
                "X-Client-Version": client_version,
                "Accept-Encoding": "gzip",
                "User-Agent": SKIP_HEADER,
            }
        )
        self.bytes_sent = 0
        self.bytes_received = 0

    # --- the calls -------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        return self._json("GET", "/health", auth=False)

    def login(self, username: str, password: str, device_name: str) -> dict[str, Any]:
        body = {"username": username, "password": password, "device_name": device_name}
        answer = self._json("POST", "/auth/token", body=body, auth=False, login=True)
        self._set_tokens(Tokens(answer["access_token"], answer["refresh_token"]))
        return answer

    def logout(self) -> None:
        if self.tokens is not None:
            try:
                self._request("POST", "/auth/logout", auth=True)
            finally:
                self._set_tokens(None)

    def pull(self, cursor: str | None, limit: int = 1000, checksum: bool = False) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        if checksum:
            params["checksum"] = 1
        return self._json("GET", "/sync/pull", params=params)

    def push(self, device_id: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        answer = self._json("POST", "/sync/push", body={"device_id": device_id, "ops": ops})
        results: list[dict[str, Any]] = answer["results"]
        if len(results) != len(ops):
            raise ServerError(
                "Réponse du serveur incomplète ; la synchronisation sera reprise.",
                status=200,
                code="malformed_answer",
            )
        return results

    def history(self, collection: str, record_id: str) -> list[dict[str, Any]]:
        answer = self._json("GET", f"/records/{collection}/{record_id}/history")
        entries: list[dict[str, Any]] = answer["entries"]
        return entries

    def put_document(
        self,
        document_id: str,
        content: bytes,
        *,
        media_type: str,
        sha256: str,
        record: str,
        file_name: str,
    ) -> int:
        """Upload a document (idempotent by id and hash); returns 201 or 200."""
        from urllib.parse import quote

        headers = {
            "Content-Type": media_type,
            "X-Content-SHA256": sha256,
            "X-Record": record,
            "X-File-Name": "UTF-8''" + quote(file_name, safe=""),
        }
        response = self._request("PUT", f"/documents/{document_id}", data=content, headers=headers)
        return response.status_code

    def get_document(self, document_id: str) -> bytes:
        return self._request("GET", f"/documents/{document_id}").content

    def person_history(self, collection: str, record_id: str) -> dict[str, Any]:
        """Every record about a learner or tutor the user reads, and its history (addition)."""
        return self._json("GET", f"/people/{collection}/{record_id}/history")

    # --- devices (additions: docs/api-additions.md) -----------------------------------------
    def devices(self, user_id: str | None = None) -> list[dict[str, Any]]:
        """The logins of the user (another user's: OFFA only)."""
        params = {"user_id": user_id} if user_id else None
        found: list[dict[str, Any]] = self._json("GET", "/devices", params=params)["devices"]
        return found

    def revoke_device(self, device_id: str, *, erase: bool = False) -> dict[str, Any]:
        return self._json("POST", f"/devices/{device_id}/revoke", body={"erase": erase})

    def report_erased(self, refresh_token: str) -> None:
        """This device erased its data as asked (no bearer: the refresh token names it)."""
        self._json("POST", "/devices/erased", body={"refresh_token": refresh_token}, auth=False)

    def merge(
        self, collection: str, kept_id: str, merged_id: str, device_id: str
    ) -> dict[str, Any]:
        """Merge two records on the server (OFFA staff): ``{kept, merged, version, moved}``."""
        answer: dict[str, Any] = self._json(
            "POST", f"/records/{collection}/merge",
            body={"kept_id": kept_id, "merged_id": merged_id, "device_id": device_id},
        )  # fmt: skip
        return answer

    # --- plumbing --------------------------------------------------------------------------
    def _set_tokens(self, tokens: Tokens | None) -> None:
        self.tokens = tokens
        if self.on_tokens is not None:
            self.on_tokens(tokens)

    def _json(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
        login: bool = False,
    ) -> dict[str, Any]:
        data = None
        headers = {}
        if body is not None:
            data = orjson.dumps(body)
            headers["Content-Type"] = "application/json"
        response = self._request(
            method, path, data=data, params=params, headers=headers, auth=auth, login=login
        )
        if response.status_code == 204 or not response.content:
            return {}
        try:
            answer: dict[str, Any] = orjson.loads(response.content)
        except orjson.JSONDecodeError as exc:
            raise ServerError(
                "Le serveur a envoyé une réponse illisible ; réessayez plus tard.",
                status=response.status_code,
                code="malformed_answer",
            ) from exc
        return answer

    def _request(
        self,
        method: str,
        path: str,
        *,
        data: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        login: bool = False,
    ) -> requests.Response:
        refreshed = False
        while True:
            response = self._send(method, path, data, params, headers or {}, auth, not login)
            status = response.status_code
            if status < 400:
                return response
            code, message, details = error_body(response)
            if status == 401 and code == "device_revoked":
                raise _revoked(message, details)
            if status == 401 and auth and not refreshed:
                self._refresh()
                refreshed = True
                continue
            if status == 401:
                if login:
                    raise LoginRequired(
                        message or "Nom d'utilisateur ou mot de passe incorrect.",
                        code=code or "invalid_credentials",
                    )
                raise LoginRequired(MSG_LOGIN, code="login_required")
            if status == 426:
                raise ClientTooOld(MSG_TOO_OLD)
            if status == 429:
                wait = retry_after(response)
                raise ServerError(
                    f"Trop de tentatives de connexion : réessayez dans {int(wait or 60)} secondes.",
                    status=status,
                    code="rate_limited",
                )
            if status == 410:
                raise CursorExpired(message or "Curseur expiré.", code=code or "cursor_expired")
            raise ServerError(
                message or f"Le serveur a refusé la demande (code {status}).",
                status=status,
                code=code or None,
                details=details,
            )

    def _refresh(self) -> None:
        if self.tokens is None:
            raise LoginRequired(MSG_LOGIN, code="login_required")
        body = orjson.dumps({"refresh_token": self.tokens.refresh})
        response = self._send(
            "POST", "/auth/refresh", body, None, {"Content-Type": "application/json"}, False
        )
        if response.status_code >= 400:
            if response.status_code == 426:
                raise ClientTooOld(MSG_TOO_OLD)
            code, message, details = error_body(response)
            if code == "device_revoked":  # the tokens stay: an erasure is reported with them
                raise _revoked(message, details)
            self._set_tokens(None)
            raise LoginRequired(MSG_LOGIN, code="login_required")
        answer = orjson.loads(response.content)
        self._set_tokens(Tokens(answer["access_token"], answer["refresh_token"]))

    def _send(
        self,
        method: str,
        path: str,
        data: bytes | None,
        params: dict[str, Any] | None,
        headers: dict[str, str],
        auth: bool,
        retry_429: bool = True,
    ) -> requests.Response:
        """One call with retries on connection errors, 5xx and (unless a login) 429."""
        url = self.base_url + API + path
        parts = path.strip("/").split("/")
        point = parts[1] if parts[0] in ("sync", "auth") else parts[0]
        last_error: Exception | None = None
        for attempt in range(self.retry.attempts):
            if auth:
                if self.tokens is None:
                    raise LoginRequired(MSG_LOGIN, code="login_required")
                headers = {**headers, "Authorization": f"Bearer {self.tokens.access}"}
            crash_point(f"before_http_{point}")
            try:
                response = self.http.request(
                    method,
                    url,
                    data=data,
                    params=params,
                    headers=headers,
                    timeout=(self.retry.connect_timeout, self.retry.read_timeout),
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                last_error = exc
                log.warning("%s %s: %s (essai %d)", method, path, exc, attempt + 1)
                self._wait(self.retry.delay(attempt), attempt)
                continue
            crash_point(f"after_http_{point}")
            self.bytes_sent += len(data or b"")
            self.bytes_received += len(response.content)
            if response.status_code in RETRY_STATUSES and (
                retry_429 or response.status_code != 429
            ):
                log.warning("%s %s: %d (essai %d)", method, path, response.status_code, attempt + 1)
                last_error = None
                wait = retry_after(response)
                if attempt + 1 < self.retry.attempts:
                    self._wait(
                        wait if wait is not None else self.retry.delay(attempt), attempt, wait
                    )
                    continue
                if response.status_code == 429:
                    return response
                raise NetworkError(
                    "Le serveur rencontre un problème ; vos modifications restent enregistrées "
                    "et seront envoyées à la prochaine synchronisation.",
                    code="server_unavailable",
                )
            return response
        raise NetworkError(MSG_NETWORK) from last_error

    def _wait(self, delay: float, attempt: int, retry_after: float | None = None) -> None:
        if attempt + 1 >= self.retry.attempts:
            return
        if retry_after is not None:
            delay = min(retry_after, 60.0)
        if self.cancel is not None:
            if self.cancel.wait(delay):
                from sync.errors import Cancelled

                raise Cancelled("Synchronisation annulée.")
        else:
            time.sleep(delay)
