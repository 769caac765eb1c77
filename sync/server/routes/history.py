"""``GET /records/{collection}/{id}/history``: one entry per applied op, oldest first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from sync.server.api_models import History, PersonHistory
from sync.server.audit import person_history, record_history
from sync.server.errors import malformed
from sync.server.openapi import answers
from sync.server.push import is_uuid
from sync.server.routes.deps import UUID, Caller, Context

router = APIRouter(tags=["history"])


@router.get(
    "/api/v1/records/{collection}/{record_id}/history",
    operation_id="get_history",
    responses={200: {"model": History}, **answers(400, 401, 404, 426)},
)
async def get_history(
    collection: Annotated[str, Path(max_length=40, pattern="^[a-z_]+$")],
    record_id: Annotated[str, Path(max_length=36, pattern=UUID)],
    who: Caller,
    ctx: Context,
) -> Response:
    if not is_uuid(record_id):
        raise malformed("L'identifiant de la fiche doit être un UUID en minuscules.")
    body = await run_in_threadpool(record_history, ctx.engine, who, collection, record_id)
    return Response(body, media_type="application/json")


@router.get(
    "/api/v1/people/{collection}/{record_id}/history",
    operation_id="get_person_history",
    responses={200: {"model": PersonHistory}, **answers(400, 401, 403, 404, 426)},
)
async def get_person_history(
    collection: Annotated[str, Path(max_length=40, pattern="^[a-z_]+$")],
    record_id: Annotated[str, Path(max_length=36, pattern=UUID)],
    who: Caller,
    ctx: Context,
) -> Response:
    """Addition (issue 16): the history of every record about a learner or tutor."""
    if not is_uuid(record_id):
        raise malformed("L'identifiant de la fiche doit être un UUID en minuscules.")
    body = await run_in_threadpool(person_history, ctx.engine, who, collection, record_id)
    return Response(body, media_type="application/json")
