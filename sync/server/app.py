"""The FastAPI application of API v1 (``create_app``): the routers of ``routes/``, the guards
of every request (``limits``), the error bodies (``errors``) and the document (``openapi``).
"""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

from sync.server import openapi
from sync.server.auth import Auth
from sync.server.db import is_sqlite, make_engine
from sync.server.errors import install
from sync.server.fastpath import FastPath
from sync.server.limits import BodyGuard, Limits
from sync.server.routes import ROUTERS
from sync.server.routes.deps import ServerContext, version_tuple
from sync.server.throttle import LoginLimits

# Answers are gzipped for clients that accept it once they are large enough for it to pay (a
# smaller body gains less than the Content-Encoding and Vary headers cost: a push answer of one
# op, ~280 bytes, stays plain; a pull page of 1,000 records shrinks about 9x). Level 5: nearly
# level 9's ratio for a quarter of its time (~2 ms a 370 kB page). Stored documents (PDF, JPEG,
# PNG) are compressed already.
GZIP_MIN_BYTES = 1024
GZIP_LEVEL = 5


def create_app(
    database: str | Engine,
    *,
    min_client_version: str | None = None,
    limits: Limits | None = None,
    login_limits: LoginLimits | None = None,
) -> FastAPI:
    """The API v1 application on a database URL (schema must be initialised) or an engine."""
    engine = make_engine(database) if isinstance(database, str) else database
    limits = limits or Limits()
    app = FastAPI(
        title="OPLA-compatible sync API",
        version="1",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.offa = ServerContext(
        engine=engine,
        auth=Auth(engine, login_limits),
        sqlite=is_sqlite(str(engine.url)),
        min_client_version=min_client_version,
        minimum=version_tuple(min_client_version) if min_client_version else None,
    )
    for router in ROUTERS:
        app.include_router(router)
    # The routes themselves (FastAPI keeps included routers as wrappers in ``app.routes``).
    routes = [route for router in ROUTERS for route in router.routes]
    install(app, routes)
    # Innermost of ours: plain pulls and pushes answered without FastAPI's routing and
    # dependencies, compressed and bounded as every answer (``fastpath``).
    app.add_middleware(FastPath, ctx=app.state.offa)
    app.add_middleware(
        GZipMiddleware,
        minimum_size=GZIP_MIN_BYTES,
        compresslevel=GZIP_LEVEL,
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, "application/pdf"),
    )
    # Outermost (added last): a refused body is answered before anything else runs.
    app.add_middleware(BodyGuard, limits=limits, routes=routes)
    openapi.install(app, limits)
    return app
