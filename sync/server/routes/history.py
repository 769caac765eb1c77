"""``GET /records/{collection}/{id}/history``: one entry per applied op, oldest first."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine
from starlette.responses import Response

from sync.server.api_models import History, PersonHistory
from sync.server.audit import person_history, record_history
from sync.server.errors import malformed
from sync.server.openapi import answers
from sync.server.push import is_uuid
from sync.server.routes.deps import Caller, CollectionPath, Context, IdPath, ServerContext
from sync.server.scope import Principal

router = APIRouter(tags=["history"])


@router.get(
    "/api/v1/records/{collection}/{record_id}/history",
    operation_id="get_history",
    responses={200: {"model": History}, **answers(400, 401, 404, 426)},
)
async def get_history(
    collection: CollectionPath, record_id: IdPath, who: Caller, ctx: Context
) -> Response:
    return await _answer(record_history, who, ctx, collection, record_id)


@router.get(
    "/api/v1/people/{collection}/{record_id}/history",
    operation_id="get_person_history",
    responses={200: {"model": PersonHistory}, **answers(400, 401, 403, 404, 426)},
)
async def get_person_history(
    collection: CollectionPath, record_id: IdPath, who: Caller, ctx: Context
) -> Response:
    """Addition (issue 16): the history of every record about a learner or tutor."""
    return await _answer(person_history, who, ctx, collection, record_id)


async def _answer(
    read: Callable[[Engine, Principal, str, str], bytes],
    who: Principal,
    ctx: ServerContext,
    collection: str,
    record_id: str,
) -> Response:
    """The id checked, then ``read`` run off the event loop; its JSON bytes as they are."""
    if not is_uuid(record_id):
        raise malformed("L'identifiant de la fiche doit être un UUID en minuscules.")
    body = await run_in_threadpool(read, ctx.engine, who, collection, record_id)
    return Response(body, media_type="application/json")
