"""``PUT/GET /documents/{id}``: the bytes of signed forms, photos and scans (see
``sync.server.documents`` for the checks and the scope)."""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, Header, Path, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from offa_desktop.domain.schema import WORKING_COLLECTIONS
from sync.server.api_models import DocumentStored
from sync.server.documents import (
    MAGIC,
    OCTET_STREAM,
    content_disposition,
    fetch_document,
    store_document,
)
from sync.server.limits import Limits
from sync.server.openapi import answers, body_limit
from sync.server.routes.deps import UUID, Caller, Context

router = APIRouter(tags=["documents"])
MEDIA_TYPES = (*MAGIC, OCTET_STREAM)
BINARY = {"schema": {"type": "string", "format": "binary"}}
RECORD = "^({})/{}$".format(
    "|".join(c for c in WORKING_COLLECTIONS if c != "documents"), UUID.strip("^$")
)
# RFC 8187 ext-value (UTF-8''contrat-sign%C3%A9.pdf) or a plain ASCII name: printable ASCII.
FILE_NAME = "^[ -~]*$"
DocId = Annotated[str, Path(max_length=36, pattern=UUID, description="Lowercase UUID.")]


@router.put(
    "/api/v1/documents/{doc_id}",
    status_code=201,
    response_model=DocumentStored,
    operation_id="put_document",
    responses={
        200: {"model": DocumentStored, "description": "Already stored (same id and hash)."},
        **answers(400, 401, 403, 404, 413, 422, 426),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "The file (at most 20 MiB): PDF, JPEG or PNG, checked against its "
            "leading bytes; with `application/octet-stream` the type is read from them.",
            "content": {media: BINARY for media in MEDIA_TYPES},
        },
        **body_limit(Limits().document_body),
    },
)
async def put_document(
    request: Request,
    doc_id: DocId,
    x_content_sha256: Annotated[
        str,
        Header(
            alias="X-Content-SHA256",
            pattern="^[0-9a-fA-F]{64}$",
            description="SHA-256 of the bytes, hexadecimal.",
        ),
    ],
    x_record: Annotated[
        str,
        Header(
            alias="X-Record",
            max_length=100,
            pattern=RECORD,
            description="`<collection>/<record id>`.",
        ),
    ],
    who: Caller,
    ctx: Context,
    x_file_name: Annotated[
        str | None,
        Header(
            alias="X-File-Name",
            max_length=2000,
            pattern=FILE_NAME,
            description="RFC 8187 ext-value (`UTF-8''contrat-sign%C3%A9.pdf`) or a plain ASCII "
            "name; default `document`.",
        ),
    ] = None,
) -> Response:
    status, info = await run_in_threadpool(
        store_document,
        ctx.engine,
        who,
        doc_id,
        await request.body(),
        content_type=request.headers.get("content-type"),
        sha256=x_content_sha256.lower(),
        record=x_record,
        file_name_header=x_file_name,
    )
    return Response(orjson.dumps(info), status_code=status, media_type="application/json")


@router.get(
    "/api/v1/documents/{doc_id}",
    operation_id="get_document",
    response_class=Response,
    responses={
        200: {
            "description": "The bytes, with their type (`application/octet-stream` only when "
            "the client accepts nothing else).",
            "content": {media: BINARY for media in MEDIA_TYPES},
            "headers": {
                "Content-Disposition": {
                    "description": "attachment; filename (RFC 6266, RFC 8187).",
                    "schema": {"type": "string"},
                },
                "X-Content-SHA256": {
                    "description": "SHA-256 of the bytes.",
                    "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
            },
        },
        **answers(400, 401, 404, 426),
    },
)
async def get_document(doc_id: DocId, who: Caller, ctx: Context, request: Request) -> Response:
    content, data = await run_in_threadpool(fetch_document, ctx.engine, who, doc_id)
    media = data["media_type"]
    if _only_octet_stream(request.headers.get("accept")):
        media = OCTET_STREAM
    return Response(
        content,
        media_type=media,
        headers={
            "Content-Disposition": content_disposition(data["file_name"]),
            "X-Content-SHA256": data["sha256"],
        },
    )


def _only_octet_stream(accept: str | None) -> bool:
    if not accept:
        return False
    kinds = {part.split(";")[0].strip().lower() for part in accept.split(",")}
    return OCTET_STREAM in kinds and not kinds & {*MAGIC, "*/*", "application/*", "image/*"}
