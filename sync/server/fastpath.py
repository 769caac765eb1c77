"""The two routes every client calls again and again, pull and push, answered without FastAPI's
routing and dependency injection when the request is of the plain shape a client sends.

FastAPI's per-request work for a route (matching the path, building the request, solving the
dependencies ``Context``, ``BearerToken`` and ``ClientVersion``, validating the query with
pydantic, the exit stack) cost a pull about as much CPU as its page. ``FastPath`` is an ASGI
middleware just inside ``GZipMiddleware`` (so an answer is compressed, and a body bounded by
``limits.BodyGuard``, exactly as before) that answers:

- ``GET /api/v1/sync/pull`` whose query has only ``cursor``, ``limit`` and ``checksum``, each at
  most once, with values that FastAPI's validation would accept as they are (no escapes);
- ``POST /api/v1/sync/push`` (the route reads its body raw: nothing to validate);

each with an ``X-Client-Version`` of at most 100 characters, calling what the routes call
(``routes.sync.pull_answer``, ``push_answer``, ``deps.check_client_version``) in the same order
(426, then 401, then the route's own errors) and sending the same ``Response`` or the same
error body (``errors.error_response``). Every other request, a malformed one included, goes to
the FastAPI app, whose answers (400 with the fields at fault, 405...) are the reference: the
fast path never answers what it would have to validate.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.responses import Response

from sync.server.errors import ApiError, error_response
from sync.server.pull import CURSOR
from sync.server.routes.deps import ServerContext, check_client_version
from sync.server.routes.sync import JSON, pull_answer, push_answer

PULL = "/api/v1/sync/pull"
PUSH = "/api/v1/sync/push"
VERSION_MAX = 100  # routes.deps.client_version: Header(max_length=100)

_CURSOR = re.compile(CURSOR)
_LIMIT = re.compile(r"[1-9][0-9]{0,3}")  # routes.sync: ge=1, le=5000 (checked below)
_CHECKSUM = re.compile(r"[01]")


def _query(raw: bytes) -> tuple[str | None, int, int] | None:
    """(cursor, limit, checksum) of a pull's query string as the route would validate them,
    or None for anything else (escapes, repeats, other names, values it would refuse)."""
    found: dict[str, str] = {}
    if raw:
        if b"%" in raw or b"+" in raw:
            return None
        for part in raw.decode("latin-1").split("&"):
            name, equal, value = part.partition("=")
            if not equal or name in found or name not in ("cursor", "limit", "checksum"):
                return None
            found[name] = value
    cursor = found.get("cursor")
    if cursor is not None and not _CURSOR.fullmatch(cursor):
        return None
    limit = found.get("limit", "1000")
    if not _LIMIT.fullmatch(limit) or int(limit) > 5000:
        return None
    checksum = found.get("checksum", "0")
    if not _CHECKSUM.fullmatch(checksum):
        return None
    return cursor, int(limit), int(checksum)


def _headers(scope: dict[str, Any]) -> tuple[str | None, str | None, str] | None:
    """(bearer token, client version, accept-encoding) as the routes' dependencies read them
    (the first of each header, latin-1), or None when the version header would be refused."""
    authorization = version = encoding = None
    for name, value in scope["headers"]:
        if name == b"authorization":
            if authorization is None:
                authorization = value.decode("latin-1")
        elif name == b"x-client-version":
            if version is None:
                version = value.decode("latin-1")
        elif name == b"accept-encoding" and encoding is None:
            encoding = value.decode("latin-1")
    if version is not None and len(version) > VERSION_MAX:
        return None
    token = None
    if authorization:  # fastapi.security.HTTPBearer(auto_error=False)
        scheme, _, credentials = authorization.partition(" ")
        credentials = credentials.strip()
        if scheme and credentials and scheme.lower() == "bearer":
            token = credentials
    return token, version, encoding or ""


async def _body(receive: Any) -> bytes:
    """The request's body, as ``Request.body`` reads it."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.request":
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(chunks)
        elif message["type"] == "http.disconnect":
            raise ClientDisconnect()


class FastPath:
    """ASGI middleware: plain pulls and pushes answered directly (see the module)."""

    def __init__(self, app: Any, *, ctx: ServerContext) -> None:
        self.app = app
        self.ctx = ctx

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and not scope.get("root_path"):
            path, method = scope["path"], scope["method"]
            if path == PULL and method == "GET":
                query = _query(scope["query_string"])
                headers = _headers(scope) if query is not None else None
                if query is not None and headers is not None:
                    await self._pull(scope, receive, send, query, headers)
                    return
            elif path == PUSH and method == "POST":
                headers = _headers(scope)
                if headers is not None:
                    await self._push(scope, receive, send, headers)
                    return
        await self.app(scope, receive, send)

    async def _pull(
        self,
        scope: dict[str, Any],
        receive: Any,
        send: Any,
        query: tuple[str | None, int, int],
        headers: tuple[str | None, str | None, str],
    ) -> None:
        token, version, encoding = headers
        cursor, limit, checksum = query
        ctx = self.ctx
        try:
            check_client_version(ctx, version)
            body, extra = await run_in_threadpool(
                pull_answer, ctx, token, cursor, limit, checksum, "gzip" in encoding
            )
        except ApiError as exc:
            await _error(exc)(scope, receive, send)
            return
        await Response(body, media_type=JSON, headers=extra)(scope, receive, send)

    async def _push(
        self,
        scope: dict[str, Any],
        receive: Any,
        send: Any,
        headers: tuple[str | None, str | None, str],
    ) -> None:
        token, version, _encoding = headers
        ctx = self.ctx
        try:
            check_client_version(ctx, version)
            raw = await _body(receive)
            body = await run_in_threadpool(push_answer, ctx, token, raw)
        except ApiError as exc:
            await _error(exc)(scope, receive, send)
            return
        await Response(body, media_type=JSON)(scope, receive, send)


def _error(exc: ApiError) -> Response:
    return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)
