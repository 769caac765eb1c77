"""``/auth``: log in (limited, see ``throttle``), renew the token pair, log out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from sync.server.api_models import RefreshRequest, TokenPair, TokenRequest
from sync.server.openapi import AUTH_BODY, answers
from sync.server.routes.deps import Caller, ClientVersion, Context

router = APIRouter(tags=["auth"])


@router.post(
    "/api/v1/auth/token",
    response_model=TokenPair,
    operation_id="login",
    responses=answers(400, 401, 426, 429),
    openapi_extra=AUTH_BODY,
)
async def login(
    body: TokenRequest, request: Request, ctx: Context, _v: ClientVersion
) -> dict[str, Any]:
    address = request.client.host if request.client else None
    found: dict[str, Any] = await run_in_threadpool(
        ctx.auth.login, body.username, body.password, body.device_name, address
    )
    return found


@router.post(
    "/api/v1/auth/refresh",
    response_model=TokenPair,
    operation_id="refresh",
    responses=answers(400, 401, 426),
    openapi_extra=AUTH_BODY,
)
async def refresh(body: RefreshRequest, ctx: Context, _v: ClientVersion) -> dict[str, Any]:
    found: dict[str, Any] = await run_in_threadpool(ctx.auth.refresh, body.refresh_token)
    return found


@router.post(
    "/api/v1/auth/logout",
    status_code=204,
    operation_id="logout",
    responses=answers(400, 401, 426),
)
async def logout(who: Caller, ctx: Context) -> Response:
    await run_in_threadpool(ctx.auth.logout, who)
    return Response(status_code=204)
