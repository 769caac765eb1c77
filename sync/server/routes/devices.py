"""``/devices`` (additions, docs/api-additions.md): list and revoke logins; a device marked
« à effacer » reports its erasure."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from sync.server import devices
from sync.server.api_models import Device, DeviceList, ErasedReport, RevokeRequest
from sync.server.openapi import AUTH_BODY, answers
from sync.server.routes.deps import UUID, Caller, ClientVersion, Context, IdPath

router = APIRouter(tags=["devices"])


@router.get(
    "/api/v1/devices",
    response_model=DeviceList,
    operation_id="list_devices",
    responses=answers(400, 401, 403, 404, 426),
)
async def list_devices(
    who: Caller,
    ctx: Context,
    user_id: Annotated[
        str | None,
        Query(max_length=36, pattern=UUID, description="Another user's devices (OFFA only)."),
    ] = None,
) -> dict[str, Any]:
    found: dict[str, Any] = await run_in_threadpool(
        devices.list_devices, ctx.engine, who, user_id
    )
    return found


@router.post(
    "/api/v1/devices/{device_id}/revoke",
    response_model=Device,
    operation_id="revoke_device",
    responses=answers(400, 401, 403, 404, 426),
    openapi_extra=AUTH_BODY,
)
async def revoke_device(
    device_id: IdPath,
    body: RevokeRequest,
    who: Caller,
    ctx: Context,
) -> dict[str, Any]:
    found: dict[str, Any] = await run_in_threadpool(
        devices.revoke, ctx.engine, who, device_id, body.erase
    )
    return found


@router.post(
    "/api/v1/devices/erased",
    status_code=204,
    operation_id="report_erased",
    responses=answers(400, 401, 404, 426),
    openapi_extra=AUTH_BODY,
)
async def report_erased(body: ErasedReport, ctx: Context, _v: ClientVersion) -> Response:
    await run_in_threadpool(devices.report_erased, ctx.engine, body.refresh_token)
    return Response(status_code=204)
