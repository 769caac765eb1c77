"""``GET /health``: served to anyone, whatever their version."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sync.server import SERVER_VERSION
from sync.server.api_models import Health
from sync.server.openapi import answers
from sync.server.routes.deps import Context

router = APIRouter(tags=["health"])


@router.get("/api/v1/health", response_model=Health, operation_id="health", responses=answers())
def health(ctx: Context) -> dict[str, Any]:
    return {
        "status": "ok",
        "api_version": "1",
        "server_version": SERVER_VERSION,
        "min_client_version": ctx.min_client_version,
    }
