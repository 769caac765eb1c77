"""What every route depends on: the server's context, the client's version, the caller."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from sync.server.auth import Auth
from sync.server.errors import ApiError
from sync.server.scope import Principal

UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
# The path parameters several routes take: a record's (or device's) id, a collection's name.
IdPath = Annotated[str, Path(max_length=36, pattern=UUID)]
CollectionPath = Annotated[str, Path(max_length=40, pattern="^[a-z_]+$")]


@dataclass(frozen=True)
class ServerContext:
    """One app's engine and settings (``app.state.offa``)."""

    engine: Engine
    auth: Auth
    sqlite: bool
    min_client_version: str | None
    minimum: tuple[int, ...] | None


def version_tuple(text: str) -> tuple[int, ...] | None:
    match = re.match(r"^\s*v?(\d+(?:\.\d+)*)", text)
    if not match:
        return None
    return tuple(int(p) for p in match.group(1).split(".")[:6] if len(p) < 10)


# ``context`` and ``bearer_token`` only read what the request holds: ``async`` so that FastAPI
# calls them on the event loop, where a plain ``def`` dependency is sent to a worker thread
# and back, for every request (two such hops cost a pull as much CPU as its bearer check).
async def context(request: Request) -> ServerContext:
    found: ServerContext = request.app.state.offa
    return found


Context = Annotated[ServerContext, Depends(context)]


async def client_version(
    ctx: Context,
    x_client_version: Annotated[
        str | None,
        Header(
            alias="X-Client-Version",
            max_length=100,
            description="The client's version (`1.4.2`); none = current.",
        ),
    ] = None,
) -> None:
    check_client_version(ctx, x_client_version)


def check_client_version(ctx: ServerContext, x_client_version: str | None) -> None:
    """426 for a client older than the server's minimum (``fastpath`` calls it too)."""
    if ctx.minimum is None or x_client_version is None:
        return
    given = version_tuple(x_client_version)
    if given is not None and given < ctx.minimum:
        raise ApiError(
            426,
            "client_too_old",
            "Cette version de l'application n'est plus acceptée par le serveur : "
            "installez la dernière version. Vos modifications sont gardées.",
        )


ClientVersion = Annotated[None, Depends(client_version)]

# auto_error=False: a missing or non-bearer header gets the API's own 401 body.
bearer_scheme = HTTPBearer(scheme_name="bearer", auto_error=False)


async def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> str | None:
    return credentials.credentials if credentials is not None else None


BearerToken = Annotated[str | None, Depends(bearer_token)]


def principal(ctx: Context, token: BearerToken, _v: ClientVersion) -> Principal:
    """The authenticated caller (401 otherwise), after the client version check (426)."""
    return ctx.auth.authenticate(token)


Caller = Annotated[Principal, Depends(principal)]
