"""Serving the app with uvicorn: bounded headers, a deadline on them, N worker processes.

uvicorn's httptools protocol bounds the request line and headers neither in size nor in time:
a connection that sends nothing, or its headers a byte at a time, stays open. The protocol here
gives every request ``idle_seconds`` from the connection (or from its first byte after an
answer) to deliver its headers, else answers ``408`` and closes; the body is then
``limits.BodyGuard``'s. Headers past ``header_bytes`` are answered ``431``, and a request that
cannot be parsed ``400``, with the API's error body instead of uvicorn's plain text.

``serve(workers=N)`` runs N processes on one listening socket (uvicorn's supervisor); each
builds its own app from the environment (``worker_app``), and all the state that must hold
across them (versions, tokens, sessions, failed logins) is in the database.
"""

from __future__ import annotations

import asyncio
import copy
import os
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from sync.server.limits import SLOW, Limits, error_bytes

REDACTION_FILTER = "offa_desktop.domain.redaction.RedactingFilter"


def log_config() -> dict[str, Any]:
    """uvicorn's logging set-up with the redaction filter (``domain.redaction``) on each of its
    handlers: no NISS, IBAN, e-mail address or token in the server's error and access logs."""
    from uvicorn.config import LOGGING_CONFIG

    found: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    found.setdefault("filters", {})["offa_redact"] = {"()": REDACTION_FILTER}
    for handler in found.get("handlers", {}).values():
        handler["filters"] = [*handler.get("filters", []), "offa_redact"]
    return found

DATABASE_ENV = "OFFA_SERVER_DATABASE"
MIN_VERSION_ENV = "OFFA_SERVER_MIN_CLIENT_VERSION"


def _raw_answer(status: int, reason: bytes, code: str, message: str) -> bytes:
    body = error_bytes(code, message)
    head = (
        b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
        b"connection: close\r\n\r\n" % (status, reason, len(body))
    )
    return head + body


HEADERS_TOO_SLOW = _raw_answer(408, b"Request Timeout", "request_timeout", SLOW)


class OffaConfig(uvicorn.Config):
    """uvicorn's configuration carrying the server's ``Limits`` (read by the protocol)."""

    def __init__(self, app: Any, *, limits: Limits | None = None, **kwargs: Any) -> None:
        self.limits = limits or Limits()
        kwargs.setdefault("http", GuardedHttpToolsProtocol)
        kwargs.setdefault("timeout_keep_alive", int(self.limits.keep_alive_seconds))
        # No "server: uvicorn" header on every answer (bytes, and no need to tell the world);
        # "date" stays: RFC 9110 asks an origin server with a clock to send it.
        kwargs.setdefault("server_header", False)
        # The supervisor of --workers kills a worker that does not answer its ping in time and
        # drops that worker's connections: 5 s (uvicorn's default) is met by a busy shared
        # machine, not only by a hung worker.
        kwargs.setdefault("timeout_worker_healthcheck", 30)
        kwargs.setdefault("log_level", "warning")
        kwargs.setdefault("log_config", log_config())
        super().__init__(app, **kwargs)


def _refusal(too_big: bool) -> bytes:
    """The answer to a request refused while its line and headers were parsed, with the
    API's error body: 431 when they passed their limit, else 400 (the bytes h11, the protocol
    before, wrote: no reason phrase)."""
    status, body = (
        (431, error_bytes("too_large", "Les en-têtes de la requête sont trop volumineux."))
        if too_big
        else (400, error_bytes("malformed", "La requête HTTP est mal formée."))
    )
    return (
        b"HTTP/1.1 %d \r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
        b"connection: close\r\n\r\n%s" % (status, len(body), body)
    )


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (llhttp, in C: ~0.03 ms of CPU a request, where h11's
    pure-Python protocol, used before, took ~0.11) with a deadline on each request's line and
    headers, their bound in size (h11's ``h11_max_incomplete_event_size``, which llhttp does
    not have: the bytes received for a request before its headers are complete), and the
    API's error body for a request refused while parsed."""

    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        limits = getattr(config, "limits", None) or Limits()
        self._header_seconds = limits.idle_seconds
        self._header_bytes = limits.header_bytes
        self._header_timer: asyncio.TimerHandle | None = None
        self._head_size = 0  # bytes of the coming request before its headers are complete

    def _serving(self) -> bool:
        return self.cycle is not None and not self.cycle.response_complete

    def _arm(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self._header_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or self._serving():
            return
        self.transport.write(HEADERS_TOO_SLOW)
        self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        waiting = not self._serving()
        if waiting:
            self._arm()  # the first bytes of a request: its headers are now due
        before = self.cycle
        super().data_received(data)
        if self.cycle is not before:
            self._disarm()  # the headers are in
            self._head_size = 0
        elif waiting and not self.transport.is_closing():
            self._head_size += len(data)
            if self._head_size > self._header_bytes:
                self._refuse(too_big=True)

    def on_response_complete(self) -> None:
        before = self.cycle
        super().on_response_complete()  # may start a pipelined request
        if self.cycle is not before:
            self._disarm()

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        cycle = self.cycle
        if cycle is not None and not cycle.keep_alive:
            cycle.transport = _ClosingHead(cycle.transport)  # type: ignore[assignment]

    def send_400_response(self, msg: str) -> None:
        self._refuse(too_big=False)

    def _refuse(self, *, too_big: bool) -> None:
        self._disarm()
        self.transport.write(_refusal(too_big))
        self.transport.close()


class _ClosingHead:
    """The transport of a request that asked for the connection to close (``Connection:
    close``, HTTP/1.0): its answer's head says so as h11 wrote it, ``Connection: close`` last
    (where uvicorn's httptools protocol writes ``connection: close``), so that no answer
    changed by a byte with the protocol. The head is the cycle's first write."""

    __slots__ = ("_transport", "_head")

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport
        self._head = True

    def write(self, data: bytes) -> None:
        if self._head:
            self._head = False
            if data.endswith(b"\r\nconnection: close\r\n\r\n"):
                data = data[:-21] + b"Connection: close\r\n\r\n"
        self._transport.write(data)

    def close(self) -> None:
        self._transport.close()

    def is_closing(self) -> bool:
        return self._transport.is_closing()


def config(
    app: Any, host: str, port: int, *, limits: Limits | None = None, **kw: Any
) -> OffaConfig:
    return OffaConfig(app, host=host, port=port, limits=limits, **kw)


def worker_app() -> Any:
    """The app of one worker process (``serve --workers N``), from the environment."""
    from sync.server.app import create_app

    return create_app(
        os.environ[DATABASE_ENV], min_client_version=os.environ.get(MIN_VERSION_ENV) or None
    )


def serve(
    database_url: str,
    *,
    host: str,
    port: int,
    workers: int = 1,
    min_client_version: str | None = None,
) -> None:
    """Serve until stopped; ``workers`` processes (PostgreSQL) or one (SQLite)."""
    if workers <= 1:
        from sync.server.app import create_app

        app = create_app(database_url, min_client_version=min_client_version)
        uvicorn.Server(config(app, host, port)).run()
        return
    from uvicorn.supervisors import Multiprocess

    # Each worker is a fresh interpreter (spawn) that builds its app from these variables.
    os.environ[DATABASE_ENV] = database_url
    if min_client_version:
        os.environ[MIN_VERSION_ENV] = min_client_version
    else:
        os.environ.pop(MIN_VERSION_ENV, None)
    cfg = config("sync.server.serving:worker_app", host, port, factory=True, workers=workers)
    Multiprocess(cfg, sockets=[cfg.bind_socket()]).run()
