"""Every input bounded: body caps per route, a body that must keep arriving, header sizes.

``BodyGuard`` is the outermost ASGI middleware. It answers ``413`` from the ``Content-Length``
before reading anything, or as a body without one passes the route's cap, and ``408`` when a
body stalls (nothing for ``idle_seconds``) or trickles (less than ``min_rate`` bytes/s on
average once ``idle_seconds`` have passed). A body within bounds is read whole here and handed
to the route, which therefore never waits on a slow client. Both answers close the connection,
so the rest of a refused body is never read. The request line and headers are bounded in
``serving`` (the HTTP protocol), where they are parsed.

A route's cap is its ``x-body-limit`` (``openapi.body_limit``), so the document shows it.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

import orjson

Scope = dict[str, Any]
Message = dict[str, Any]

KIB = 1024
MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The bounds of one server (tests may tighten the times)."""

    auth_body: int = 4 * KIB  # a login is ~150 bytes
    push_body: int = 32 * MIB  # 500 ops of large records
    document_body: int = 20 * MIB  # API.md: a document is at most 20 MiB
    default_body: int = 1 * KIB  # routes that take no body
    idle_seconds: float = 10.0
    min_rate: int = 4 * KIB  # bytes/s: a 20 MiB scan over a poor 3G link still goes through
    header_bytes: int = 16 * KIB  # request line + headers (a bearer token is 57 bytes)
    keep_alive_seconds: float = 5.0


def _human(size: int) -> str:
    return f"{size // MIB} Mio" if size >= MIB else f"{max(1, size // KIB)} Kio"


def error_bytes(code: str, message: str) -> bytes:
    return orjson.dumps({"error": {"code": code, "message": message, "details": None}})


async def refuse(send: Any, status: int, code: str, message: str) -> None:
    """An error answer that closes the connection (what is left of the body is never read)."""
    body = error_bytes(code, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


SLOW = "La requête est arrivée trop lentement : vérifiez la connexion et réessayez."


class BodyGuard:
    """ASGI middleware: the body of every request, bounded in size and in time."""

    def __init__(self, app: Any, *, limits: Limits, routes: Any) -> None:
        self.app = app
        self.limits = limits
        self._routes = routes  # the FastAPI app's route list, read once on first use
        self._table: list[tuple[re.Pattern[str], frozenset[str], int]] | None = None

    def _limit(self, method: str, path: str) -> int:
        if self._table is None:
            table = []
            for route in self._routes:
                extra = getattr(route, "openapi_extra", None) or {}
                if "x-body-limit" in extra:
                    methods = frozenset(getattr(route, "methods", ()) or ())
                    table.append((route.path_regex, methods, int(extra["x-body-limit"])))
            self._table = table
        for regex, methods, limit in self._table:
            if method in methods and regex.match(path):
                return limit
        return self.limits.default_body

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length: int | None = None
        streamed = False
        for name, value in scope["headers"]:
            if name == b"content-length":
                length = int(value) if value.isdigit() else None
            elif name == b"transfer-encoding":
                streamed = True
        if not streamed and not length:
            await self.app(scope, receive, send)  # no body (HTTP/1.1 framing): nothing to guard
            return
        limit = self._limit(scope["method"], scope["path"])
        too_large = f"La requête est trop volumineuse : au plus {_human(limit)} à cette adresse."
        if length is not None and length > limit:
            await refuse(send, 413, "too_large", too_large)
            return
        body = await self._read(receive, send, limit, too_large)
        if body is None:
            return
        await self.app(scope, _Replay(body, receive), send)

    async def _read(self, receive: Any, send: Any, limit: int, too_large: str) -> bytes | None:
        """The whole body, or None once an answer (413, 408) was sent or the client left."""
        loop = asyncio.get_running_loop()
        idle, rate = self.limits.idle_seconds, self.limits.min_rate
        start = loop.time()
        chunks: list[bytes] = []
        size = 0
        while True:
            # the body must keep an average of `rate` bytes/s after a grace of `idle` seconds
            deadline = min(loop.time() + idle, start + idle + size / rate)
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                await refuse(send, 408, "request_timeout", SLOW)
                return None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await refuse(send, 413, "too_large", too_large)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


class _Replay:
    """``receive`` for the route: the body read by the guard, then the connection's own
    messages (a disconnect)."""

    def __init__(self, body: bytes, receive: Any) -> None:
        self._body: bytes | None = body
        self._receive = receive

    async def __call__(self) -> Message:
        if self._body is not None:
            body, self._body = self._body, None
            return {"type": "http.request", "body": body, "more_body": False}
        message: Message = await self._receive()
        return message
