"""``/sync``: the change feed (pull) and the outbox (push), API.md's two halves of a sync."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from sync.server.api_models import PullPage, PushResults
from sync.server.errors import ApiError, malformed
from sync.server.limits import Limits
from sync.server.openapi import answers, body_limit
from sync.server.pull import CURSOR, encode_page, pull
from sync.server.push_group import push_on
from sync.server.routes.deps import BearerToken, ClientVersion, Context, ServerContext

router = APIRouter(tags=["sync"])
MAX_OPS = 500


@router.get(
    "/api/v1/sync/pull",
    operation_id="pull",
    responses={200: {"model": PullPage}, **answers(400, 401, 410, 426)},
)
async def pull_page(
    request: Request,
    ctx: Context,
    token: BearerToken,
    _v: ClientVersion,
    cursor: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=CURSOR,
            description="The `cursor` of the previous page (opaque, signed); none = from the "
            "start.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    checksum: Annotated[int, Query(ge=0, le=1)] = 0,
) -> Response:
    gzip = "gzip" in request.headers.get("accept-encoding", "")
    body, headers = await run_in_threadpool(pull_answer, ctx, token, cursor, limit, checksum, gzip)
    return Response(body, media_type="application/json", headers=headers)


def pull_answer(
    ctx: ServerContext, token: str | None, cursor: str | None, limit: int, checksum: int, gzip: bool
) -> tuple[bytes, dict[str, str]]:
    """A pull's answer body and headers (in a worker thread; ``fastpath`` calls it too)."""
    # One worker thread, one connection and one read transaction for the bearer check and the
    # page; the page is compressed here too (``encode_page``), not on the event loop.
    with ctx.engine.connect() as conn:
        if not ctx.sqlite:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            who = ctx.auth.authenticate(token, conn, within=True)
            body = pull(conn, who, cursor, limit, bool(checksum), ctx.auth.sign)
    return encode_page(body, gzip)


@router.post(
    "/api/v1/sync/push",
    operation_id="push",
    responses={200: {"model": PushResults}, **answers(400, 401, 413, 426)},
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": f"At most {MAX_OPS} ops (413 past them). Each op is settled on its "
            "own: an op of another shape is `rejected` in its result.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}
            },
        },
        **body_limit(Limits().push_body),
    },
)
async def push(request: Request, ctx: Context, token: BearerToken, _v: ClientVersion) -> Response:
    raw = await request.body()
    return Response(await run_in_threadpool(push_answer, ctx, token, raw), media_type=JSON)


JSON = "application/json"


def push_answer(ctx: ServerContext, token: str | None, raw: bytes) -> bytes:
    """A push's answer body (in a worker thread; ``fastpath`` calls it too)."""
    # One worker thread and one connection for the bearer check (401 first, as a dependency
    # gave it), the body's checks and the push.
    with ctx.engine.connect() as conn:
        # PostgreSQL: the token's session read in the push's own transaction (READ COMMITTED:
        # it fixes no snapshot for what follows), not in one ended by a ROLLBACK round trip.
        # SQLite: in its own, as a read that opened the push's transaction would make its
        # write fail at once when another writer had committed meanwhile, instead of waiting
        # for the lock.
        who = ctx.auth.authenticate(token, conn, within=not ctx.sqlite)
        device, ops = _push_body(raw)
        results = push_on(conn, who, device, ops, optimistic=not ctx.sqlite)
    return orjson.dumps({"results": results})


def _push_body(raw: bytes) -> tuple[str, list[Any]]:
    """The device id and ops of a push body, or 400 (413 past ``MAX_OPS`` ops)."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise malformed("Le corps de la requête n'est pas du JSON valable.") from None
    if not isinstance(body, dict) or not isinstance(body.get("ops"), list):
        raise malformed('Le corps doit être {"device_id", "ops": [...]}.')
    device = body.get("device_id")
    if not isinstance(device, str) or not 1 <= len(device) <= 100:
        raise malformed(
            "device_id doit compter 1 à 100 caractères.",
            [{"field": "device_id", "code": "malformed", "message": "1 à 100 caractères."}],
        )
    if len(body["ops"]) > MAX_OPS:
        raise ApiError(413, "too_large", f"Au plus {MAX_OPS} opérations par envoi.")
    ops: list[Any] = body["ops"]
    return device, ops
