"""The reference server in-process, on a free loopback port, in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import KW_ONLY, dataclass, field
from typing import Self

from sync.server.db import make_engine
from sync.server.limits import Limits
from sync.server.throttle import LoginLimits


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Started:
    """A server used as a context manager: ``with`` starts it, and stops it whatever happens."""

    def start(self) -> str:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


@dataclass(eq=False)
class EmbeddedServer(Started):
    """``EmbeddedServer(url).start() -> base_url``; ``.stop()``. Initialises the schema and the
    reference data; with ``demo_size`` it also seeds the demo accounts and that many contracts
    when the database holds no company yet (``offa-desktop --demo``)."""

    database_url: str
    _: KW_ONLY
    min_client_version: str | None = None
    demo_size: int | None = None
    limits: Limits | None = None
    login_limits: LoginLimits | None = None
    base_url: str = field(default="", init=False)
    _server: object | None = field(default=None, init=False, repr=False)
    _thread: threading.Thread | None = field(default=None, init=False, repr=False)

    def start(self, timeout: float = 30.0) -> str:
        import uvicorn

        from offa_desktop import reference_data
        from sync.server import serving, setup
        from sync.server.app import create_app

        engine = make_engine(self.database_url)
        setup.upgrade(engine)
        setup.load_reference(engine, reference_data.load())
        setup.purge_tombstones(engine)
        if self.demo_size is not None and not _has_companies(engine):
            from sync.server.seed import seed_demo

            seed_demo(engine, self.demo_size)
        app = create_app(
            engine,
            min_client_version=self.min_client_version,
            limits=self.limits,
            login_limits=self.login_limits,
        )
        port = free_port()
        server = uvicorn.Server(serving.config(app, "127.0.0.1", port, limits=self.limits))
        self._server = server
        self._thread = threading.Thread(target=server.run, name="offa-embedded-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the embedded server did not start")
            time.sleep(0.02)
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    def stop(self) -> None:
        import uvicorn

        server = self._server
        if isinstance(server, uvicorn.Server):
            server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None


def _has_companies(engine: object) -> bool:
    from sqlalchemy import Engine, select

    from sync.server.models import records

    assert isinstance(engine, Engine)
    with engine.connect() as conn:
        found = conn.execute(
            select(records.c.id).where(records.c.collection == "companies").limit(1)
        ).first()
    return found is not None
