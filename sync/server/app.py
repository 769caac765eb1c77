"""The FastAPI application of API v1 (``create_app``).

Decisions API.md leaves open are written in the OpenAPI description (``DECISIONS``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.responses import Response

from sync.server import SERVER_VERSION
from sync.server.api_models import (
    DocumentStored,
    ErrorBody,
    Health,
    History,
    PullPage,
    PushRequest,
    PushResults,
    RefreshRequest,
    TokenPair,
    TokenRequest,
)
from sync.server.audit import record_history
from sync.server.auth import Auth
from sync.server.db import is_sqlite, make_engine
from sync.server.documents import MAX_BYTES, fetch_document, file_name, store_document
from sync.server.errors import ApiError, install, malformed
from sync.server.pull import pull
from sync.server.push import Pusher, is_uuid
from sync.server.scope import Principal

MAX_PUSH_BYTES = 32 * 1024 * 1024
UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
CURSOR = "^v1\\.[0-9]{1,18}\\.[0-9]{1,18}\\.[0-9]{1,12}\\.[0-9a-f]{12}$"
MAX_OPS = 500
# Answers are gzipped for clients that accept it once they are large enough for it to pay (a
# smaller body gains less than the Content-Encoding and Vary headers cost: a push answer of one
# op, ~280 bytes, stays plain; a pull page of 1,000 records shrinks about 9x). Level 5: nearly
# level 9's ratio for a quarter of its time (~2 ms a 370 kB page). Stored documents (PDF, JPEG,
# PNG) are compressed already.
GZIP_MIN_BYTES = 1024
GZIP_LEVEL = 5

DECISIONS = """
Reference server of the OPLA-compatible sync API v1 (see API.md). Decisions API.md leaves open:

- **Scope keys.** A coach's companies are those whose `sector` is theirs plus those with a
  live approval (any status) of one of their units for a trade of their sectors. Documents
  follow the record they belong to; a secretariat reads every company's documents.
- **out_of_scope.** Scope keys are computed on every write and stored per record. A record
  whose keys change (a company changing sector, a learner getting its first contract at a
  coach's company) gets a new version, unchanged data: whoever now sees it receives it. Each
  key it lost is kept with that version, and a pull sends `deleted: true,
  reason: "out_of_scope"` to callers holding that key who no longer see the record. A caller
  whose own scope changed (sectors, operator) gets `410 cursor_expired` and pulls again.
- **Tombstones** (deletions and scope exits) are purged after 180 days at `init` and at each
  `serve` start; a cursor older than the newest purged version is `410 cursor_expired`.
- **Cursor.** Opaque; `remaining` is exact on a fresh count and estimated (counted down) for
  5 minutes on the pages that follow.
- **Push.** The stored result of every op with a valid `op_id` is returned again on replay,
  whatever its status (as first given); an `op_id` of another account is `forbidden`. An op
  that is not an object or has no UUID `op_id` is `rejected` with `op_id: null` (or the given
  string). Unknown keys of an op are ignored; unknown keys of `fields` are `unknown_field`.
  An update with `base_version` equal to a tombstone's version is `rejected` `not_found`.
  Coaches and secretariats must hold the record in scope before and after an update.
  Server-made writes (contract after an event, terminations after a withdrawal) appear in the
  history with `op_id` null and the user and device of the op that caused them.
- **History.** `before`/`after` hold the changed fields of an update, the whole record of a
  create (`before` null) or a delete (`after` null). A record outside the caller's scope is
  `404 not_found`, like an unknown one.
- **Documents.** Any user whose scope holds the record may upload to it; the answer is
  `DocumentStored`. An unknown record is 404, one outside the scope 403. Bad `Content-Type`,
  hash or magic bytes are 422 `invalid`. Non-UUID ids in paths are `400 malformed`.
- **X-Client-Version.** Compared as dotted integers with the server's minimum (`health`
  shows it); a value that does not parse is served as current. `health` and this document
  are always served.
- **Rate limit.** 5 failed logins per user name (50 per address) within 5 minutes: `429` with
  `Retry-After`, counted per server process.

Additions to API v1 (docs/api-additions.md; collections a client does not know are skipped):

- **`limits`** (reference, read-only): `code`*, `label`*, `value`* (int), `unit`* (`days`,
  `months`), `valid_from`*: dated delays rules read, e.g. `criminal_record_max_age`.
- **`snoozes`** (per user): `user_id`* (the owner), `rule`* (a deadline rule code), `record`*
  (`<collection>/<id>`), `until`* (date), `reason`*: a worklist line put off until a date.
  Each user reads and writes only their own, whatever the role (offa included); another
  user's `user_id` or snooze is `forbidden`; the owner may delete them.
- **`signed_on`** (date, null until signed) on `contract_events`, `approvals` and `visits`:
  the day the signed form (amendment, termination…, approval decision, visit report) came
  back, as the contract's `signed_on` already says for a contract.
- **`overrides`** (list, on `incentive_claims` and `contracts`): rules set aside with a reason,
  entries `{rule, reason, by, at, failed}` appended only, stamped by the server (user, clock).
  Rules and roles: `incentive_checks` (claims, offa), `learner_age` and `capacity` (contracts,
  secretariat or offa), `overlap` (contracts, offa). An entry the role may not add is
  `forbidden`; other blocking rules never yield.
- **Cancel and replace**: signing a contract whose `supersedes_id` names a running contract
  ends that one (termination event, reason `replaced`, server-made); the overlap rule ignores
  the pair; a contract is replaced once (`already_replaced`).
"""

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": desc}
    for status, desc in (
        (400, "malformed"),
        (401, "not_authenticated, invalid_credentials, token_expired, token_revoked"),
        (403, "forbidden"),
        (404, "not_found"),
        (413, "too_large"),
        (422, "invalid"),
        (426, "client_too_old"),
        (429, "rate_limited"),
        (500, "internal"),
    )
}


def _version_tuple(text: str) -> tuple[int, ...] | None:
    match = re.match(r"^\s*v?(\d+(?:\.\d+)*)", text)
    if not match:
        return None
    return tuple(int(p) for p in match.group(1).split(".")[:6] if len(p) < 10)


def create_app(database: str | Engine, *, min_client_version: str | None = None) -> FastAPI:
    """The API v1 application on a database URL (schema must be initialised) or an engine."""
    engine = make_engine(database) if isinstance(database, str) else database
    sqlite = is_sqlite(str(engine.url))
    minimum = _version_tuple(min_client_version) if min_client_version else None
    auth = Auth(engine)
    app = FastAPI(
        title="OPLA-compatible sync API",
        version="1",
        description=DECISIONS,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    install(app)
    app.add_middleware(
        GZipMiddleware,
        minimum_size=GZIP_MIN_BYTES,
        compresslevel=GZIP_LEVEL,
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, "application/pdf"),
    )

    async def client_version(
        x_client_version: Annotated[str | None, Header(max_length=100)] = None,
    ) -> None:
        if minimum is None or x_client_version is None:
            return
        given = _version_tuple(x_client_version)
        if given is not None and given < minimum:
            raise ApiError(
                426,
                "client_too_old",
                "Cette version de l'application n'est plus acceptée par le serveur : "
                "installez la dernière version. Vos modifications sont gardées.",
            )

    def principal(
        authorization: Annotated[str | None, Header()] = None,
        _v: None = Depends(client_version),
    ) -> Principal:
        return auth.authenticate(authorization)

    async def json_body(request: Request, limit: int) -> Any:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            raise ApiError(413, "too_large", "La requête est trop volumineuse.")
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > limit:
                raise ApiError(413, "too_large", "La requête est trop volumineuse.")
        try:
            return orjson.loads(bytes(body))
        except orjson.JSONDecodeError:
            raise malformed("Le corps de la requête n'est pas du JSON valable.") from None

    @app.get("/api/v1/health", response_model=Health, tags=["santé"])
    def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "api_version": "1",
            "server_version": SERVER_VERSION,
            "min_client_version": min_client_version,
        }

    @app.post("/api/v1/auth/token", response_model=TokenPair, responses=ERRORS, tags=["auth"])
    def token(
        body: TokenRequest, request: Request, _v: None = Depends(client_version)
    ) -> dict[str, Any]:
        address = request.client.host if request.client else "?"
        return auth.login(body.username, body.password, body.device_name, address)

    @app.post("/api/v1/auth/refresh", response_model=TokenPair, responses=ERRORS, tags=["auth"])
    def refresh(body: RefreshRequest, _v: None = Depends(client_version)) -> dict[str, Any]:
        return auth.refresh(body.refresh_token)

    @app.post("/api/v1/auth/logout", status_code=204, responses=ERRORS, tags=["auth"])
    def logout(who: Principal = Depends(principal)) -> Response:
        auth.logout(who)
        return Response(status_code=204)

    @app.get(
        "/api/v1/sync/pull",
        responses={200: {"model": PullPage}, 410: {"model": ErrorBody}, **ERRORS},
        tags=["sync"],
    )
    async def sync_pull(
        authorization: Annotated[str | None, Header()] = None,
        cursor: Annotated[str | None, Query(max_length=200, pattern=CURSOR)] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
        checksum: Annotated[int, Query(ge=0, le=1)] = 0,
        _v: None = Depends(client_version),
    ) -> Response:
        def work() -> bytes:
            # One worker thread and one connection for the bearer check and the page.
            with engine.connect() as conn:
                who = auth.authenticate(authorization, conn)
                if not sqlite:
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin():
                    return pull(conn, who, cursor, limit, bool(checksum))

        body = await run_in_threadpool(work)
        return Response(body, media_type="application/json")

    @app.post(
        "/api/v1/sync/push",
        responses={200: {"model": PushResults}, **ERRORS},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}
                },
            }
        },
        tags=["sync"],
    )
    async def sync_push(request: Request, who: Principal = Depends(principal)) -> Response:
        body = await json_body(request, MAX_PUSH_BYTES)
        if not isinstance(body, dict) or not isinstance(body.get("ops"), list):
            raise malformed('Le corps doit être {"device_id", "ops": [...]}.')
        device = body.get("device_id")
        if not isinstance(device, str) or not 1 <= len(device) <= 100:
            raise malformed(
                "device_id doit compter 1 à 100 caractères.",
                [{"field": "device_id", "code": "malformed", "message": "1 à 100 caractères."}],
            )
        if len(body["ops"]) > MAX_OPS:
            raise ApiError(413, "too_large", "Au plus 500 opérations par envoi.")
        results = await run_in_threadpool(_push, who, device, body["ops"])
        return Response(orjson.dumps({"results": results}), media_type="application/json")

    def _push(who: Principal, device: str, ops: list[Any]) -> list[dict[str, Any]]:
        with engine.begin() as conn:
            return Pusher(conn, who, device).run(ops)

    @app.put(
        "/api/v1/documents/{doc_id}",
        status_code=201,
        response_model=DocumentStored,
        responses={200: {"model": DocumentStored, "description": "déjà reçu"}, **ERRORS},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    t: {"schema": {"type": "string", "format": "binary"}}
                    for t in ("application/pdf", "image/jpeg", "image/png")
                },
            }
        },
        tags=["documents"],
    )
    async def put_document(
        request: Request,
        doc_id: Annotated[str, Path(max_length=100, pattern=UUID)],
        x_content_sha256: Annotated[str, Header(pattern="^[0-9a-fA-F]{64}$")],
        x_record: Annotated[str, Header(max_length=200, pattern="^[a-z_]+/.+$")],
        who: Principal = Depends(principal),
        x_file_name: Annotated[str | None, Header(max_length=2000)] = None,
        content_type: Annotated[str | None, Header(max_length=200)] = None,
    ) -> Response:
        if not is_uuid(doc_id):
            raise malformed("L'identifiant du document doit être un UUID en minuscules.")
        sha = (x_content_sha256 or "").strip().lower()
        if not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise malformed("L'en-tête X-Content-SHA256 doit tenir 64 chiffres hexadécimaux.")
        name = file_name(x_file_name)
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > MAX_BYTES:
            raise ApiError(413, "too_large", "Un document ne peut dépasser 20 Mio.")
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > MAX_BYTES:
                raise ApiError(413, "too_large", "Un document ne peut dépasser 20 Mio.")
        media = (content_type or "").split(";")[0].strip().lower()
        status, info = await run_in_threadpool(
            store_document,
            engine,
            who,
            doc_id,
            bytes(body),
            media_type=media,
            sha256=sha,
            record=x_record,
            name=name,
        )
        return Response(orjson.dumps(info), status_code=status, media_type="application/json")

    @app.get(
        "/api/v1/documents/{doc_id}",
        responses={
            200: {"content": {t: {} for t in ("application/pdf", "image/jpeg", "image/png")}},
            **ERRORS,
        },
        response_class=Response,
        tags=["documents"],
    )
    def get_document(
        doc_id: Annotated[str, Path(max_length=100, pattern=UUID)],
        who: Principal = Depends(principal),
    ) -> Response:
        from sync.server.documents import content_disposition

        if not is_uuid(doc_id):
            raise malformed("L'identifiant du document doit être un UUID en minuscules.")
        content, data = fetch_document(engine, who, doc_id)
        return Response(
            content,
            media_type=data["media_type"],
            headers={
                "Content-Disposition": content_disposition(data["file_name"]),
                "X-Content-SHA256": data["sha256"],
            },
        )

    @app.get(
        "/api/v1/records/{collection}/{record_id}/history",
        responses={200: {"model": History}, **ERRORS},
        tags=["audit"],
    )
    def get_history(
        collection: Annotated[str, Path(max_length=40, pattern="^[a-z_]+$")],
        record_id: Annotated[str, Path(max_length=100, pattern=UUID)],
        who: Principal = Depends(principal),
    ) -> Response:
        if not is_uuid(record_id):
            raise malformed("L'identifiant de la fiche doit être un UUID en minuscules.")
        return Response(
            record_history(engine, who, collection, record_id), media_type="application/json"
        )

    _add_schemas(app)
    return app


def _add_schemas(app: FastAPI) -> None:
    """Put the models only described (not parsed by FastAPI) into the OpenAPI components."""
    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        extra = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in extra.pop("$defs", {}).items():
            components.setdefault(name, sub)
        components["PushRequest"] = extra
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
