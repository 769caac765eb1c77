"""``POST /records/{collection}/merge``: two records of one person or company made one by
OFFA staff (issue 18, ``sync/server/merge.py``)."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from sync.server.errors import malformed
from sync.server.merge import merge_records
from sync.server.openapi import answers, body_limit
from sync.server.push import is_uuid
from sync.server.routes.deps import UUID, Caller, Context

router = APIRouter(tags=["sync"])


@router.post(
    "/api/v1/records/{collection}/merge",
    operation_id="merge_records",
    responses={200: {"description": "`{kept, merged, version, moved: [{collection, id, "
                     "field}]}`: the references moved, the tombstone's version."},
               **answers(400, 401, 403, 404, 422, 426)},
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": '`{"kept_id", "merged_id", "device_id"}`: `merged_id` becomes a '
            "tombstone pointing to `kept_id` (its history says so), every reference to it "
            "names `kept_id`. OFFA staff only; learners, companies, establishment units, "
            "tutors.",
            "content": {"application/json": {"schema": {
                "type": "object",
                "required": ["kept_id", "merged_id"],
                "additionalProperties": False,
                "properties": {
                    "kept_id": {"type": "string", "pattern": UUID},
                    "merged_id": {"type": "string", "pattern": UUID},
                    "device_id": {"type": "string", "minLength": 1, "maxLength": 40},
                },
            }}},
        },
        **body_limit(1024),
    },
)
async def merge(
    collection: Annotated[
        str, Path(pattern="^(learners|companies|establishment_units|tutors)$")
    ],
    request: Request,
    who: Caller,
    ctx: Context,
) -> Response:
    try:
        body: Any = orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        raise malformed("Le corps de la requête n'est pas du JSON valable.") from None
    if not isinstance(body, dict) or not all(
        is_uuid(body.get(k)) for k in ("kept_id", "merged_id")
    ):
        raise malformed('Le corps doit être {"kept_id", "merged_id", "device_id"} (UUID).')
    if set(body) - {"kept_id", "merged_id", "device_id"}:
        raise malformed('Le corps ne contient que {"kept_id", "merged_id", "device_id"}.')
    device = body.get("device_id") if isinstance(body.get("device_id"), str) else "merge"
    result = await run_in_threadpool(merge_records, ctx.engine, who, str(device)[:100],
                                     collection, body["kept_id"], body["merged_id"])  # fmt: skip
    return Response(orjson.dumps(result), media_type="application/json")
