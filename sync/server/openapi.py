"""The OpenAPI document of API v1 (``/api/v1/openapi.json``), written for client generators.

Every route declares the statuses it answers through :func:`answers`; statuses any request may
get (a body too large or too slow, headers too large, a bug) are added to every operation here,
so the document lists every status the server answers. Tags and operation ids are ASCII
identifiers (generators turn them into package and function names). Decisions API.md leaves
open are written in the description (:data:`DECISIONS`).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from sync.server.api_models import ErrorBody, Op, PushRequest
from sync.server.limits import Limits
from sync.server.throttle import LoginLimits

DECISIONS = """
Reference server of the OPLA-compatible sync API v1 (see API.md). Decisions API.md leaves open:

- **Scope keys.** A coach's companies are those whose `sector` is theirs plus those with a
  live approval (any status) of one of their units for a trade of their sectors.
- **Documents follow the fields.** A document belongs to a record and is read by whoever may
  read that record's fields: a coach, who reads only a learner's names and operator, does not
  see a learner's documents (`GET` answers 404, the pull never lists them, an upload to a
  learner is 403). A secretariat reads every company's documents.
- **out_of_scope.** Scope keys are computed on every write and stored per record. A record
  whose keys change (a company changing sector, a learner getting its first contract at a
  coach's company) gets a new version, unchanged data: whoever now sees it receives it. Each
  key it lost is kept with that version, and a pull sends `deleted: true,
  reason: "out_of_scope"` to callers holding that key who no longer see the record. A caller
  whose own scope changed (sectors, operator) gets `410 cursor_expired` and pulls again.
- **Tombstones** (deletions and scope exits) are purged after 180 days at `init` and at each
  `serve` start; a cursor older than the newest purged version is `410 cursor_expired`.
- **Cursor.** Opaque and signed by the server: a cursor it never issued is `400 malformed`; a
  cursor of an older server (unsigned) is `410 cursor_expired` (the client pulls again).
  `remaining` is exact on a fresh count and estimated (counted down) for 5 minutes on the
  pages that follow.
- **Push.** The stored result of every op with a valid `op_id` is returned again on replay,
  whatever its status (as first given); an `op_id` of another account is `forbidden`. An op
  that is not an object or has no UUID `op_id` is `rejected` with `op_id: null` (or the given
  string): the body's shape is checked (`400`), each op's shape is settled in its result.
  Unknown keys of an op are ignored; unknown keys of `fields` are `unknown_field`.
  An update with `base_version` equal to a tombstone's version is `rejected` `not_found`.
  Coaches and secretariats must hold the record in scope before and after an update.
  Server-made writes (contract after an event, terminations after a withdrawal) appear in the
  history with `op_id` null and the user and device of the op that caused them.
- **History.** `before`/`after` hold the changed fields of an update, the whole record of a
  create (`before` null) or a delete (`after` null). A record outside the caller's scope is
  `404 not_found`, like an unknown one.
- **Documents.** Any user who reads a record may upload to it; the answer is
  `DocumentStored`. An unknown record is 404, one outside the scope 403; the record is checked
  before the bytes. A bad `Content-Type`, hash or magic bytes is 422 `invalid`; a malformed
  header (`X-File-Name` with control characters) is 400. `application/octet-stream` is accepted
  too: the type is then read from the magic bytes. Non-UUID ids in paths are `400 malformed`.
- **X-Client-Version.** Compared as dotted integers with the server's minimum (`health`
  shows it); a value that does not parse is served as current. `health` and this document
  are always served.
- **Several processes.** `offa-server serve --workers N` runs N processes on one PostgreSQL
  database: tokens, sessions, login counts and versions live in the database. SQLite keeps one
  process (one writer).
"""

# The bounds of this server, filled in from its Limits and LoginLimits (str.format).
LIMITS = """- **Limits.** Bodies: {auth} bytes for the auth routes, {push} MiB for a push,
  {document} MiB for a document, {default} bytes elsewhere (`x-body-limit` on each operation): a
  larger `Content-Length` is answered `413` at once, before the body is read; a body without one
  is cut off with `413` as it passes the limit. A body must keep arriving: nothing for {idle:g} s,
  or less than {rate} KiB/s on average after the first {idle:g} s, is `408`. The request line and
  headers: at most {headers} KiB (`431`), all received within {idle:g} s of the connection or of
  the previous answer (`408`); an idle connection is closed after {keep_alive:g} s.
- **Rate limit.** Failed logins, counted in the database (every server process sees them),
  each in a sliding window of {window} minutes that no success resets: {pair} per user name
  from one address, {address} per address and {user} per user name from all addresses.
  Past one of them, `429 rate_limited` with `Retry-After` and a French message saying when to
  retry. The address and user-name limits spare an address from which that user logged in
  successfully within {known} days, so that an attacker elsewhere cannot lock the real user
  out. No other call is rate limited.
"""

# Additions to API v1 (plain text, added to the description as written).
ADDITIONS = """
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
- **`stage_offers`** (Stage+ offers, issue 18): `approval_id`*, `establishment_unit_id`* and
  `trade_code`* (the approval's), `operator_code`*, `title`*, `description`*, `start_date`*,
  `places`* (1 to 99), `status`* (`draft` -> `published` -> `closed`, or `draft` -> `closed`),
  `published_on` (required when published), `closed_on` (required when closed), `contact`.
  Created, or published, only while the approval is `granted` (`approval_not_granted`); unit
  and trade other than the approval's: `approval_mismatch`. Read as their approval (every
  secretariat, the coaches of the company's sectors); written by the secretariat of their
  `operator_code`, and offa.
- **`mediation_referrals`** (referrals to the Commission d'agrément et de médiation, issue
  18): `subject`* (`contract`, `approval`), `contract_id` or `approval_id` (the one the subject
  names, of the referring operator), `operator_code`*, `reason`*, `status`* (`referred` ->
  `in_mediation` -> `settled` | `decided`, or `referred` -> `decided`), `referred_on`*,
  `mediation_on` (required in mediation), `closed_on` and `outcome` (required when settled or
  decided), dates in that order. Read as the contract or approval they are about; created and
  edited by the secretariat of their `operator_code` while `referred`; moved on by offa (the
  Commission). Their documents are any record's (`X-Record: mediation_referrals/<id>`).
- **`learner_transfers`** (a learner's mobility, issue 18): `niss`*, `from_operator`*,
  `to_operator`*, `status`* (`requested` -> `accepted` | `refused` | `cancelled`),
  `requested_on`*, `decided_on` (when decided), `level_reached`, `note`. Read by both
  operators' secretariats; asked by the receiving one, accepted or refused by the sending one
  (or offa). Accepted: the server sets the learner's `operator_code` (it leaves the sending
  operator's scope; its past contracts stay there).
- **`POST /records/{collection}/merge`** (issue 18): OFFA staff merge a duplicate learner,
  company, unit or tutor: every reference to `merged_id` names `kept_id`, `merged_id` becomes
  a tombstone whose history says `{"merged_into": kept_id}`, all in one transaction.
- **Cancel and replace**: signing a contract whose `supersedes_id` names a running contract
  ends that one (termination event, reason `replaced`, server-made); the overlap rule ignores
  the pair; a contract is replaced once (`already_replaced`).
- **Devices** (each login is a device: its `device_name`, first and last use, status):
  `GET /api/v1/devices` lists the caller's own (`?user_id=` another user's, OFFA only);
  `POST /api/v1/devices/{id}/revoke` `{"erase": false}` ends that login (any user on their own
  devices, OFFA on anyone's; `erase: true`, OFFA only, marks it « à effacer »). A revoked
  device's next call (or refresh) is `401 device_revoked` with `details: {"erase": bool}`;
  a device told to erase erases its working copy, backups and keyring entries and reports it
  with `POST /api/v1/devices/erased` `{"refresh_token"}` (no bearer; 204).
- **A person's history** (GDPR requests): `GET /api/v1/people/{learners|tutors}/{id}/history`
  → `{"records": [{collection, id}], "entries": [{collection, record_id, ...History}]}`: every
  record about the learner (their contracts, those contracts' events, visits, claims and
  referrals, the mobility requests naming their NISS, the documents of each) or tutor
  (contracts, approvals and claims naming them, documents) that the caller reads, and each
  one's history, oldest first. OFFA, or the secretariat of the learner's operator (any
  secretariat for a tutor); others `403`.
"""

TAGS = [
    {"name": "auth", "description": "Log in, renew the tokens, log out."},
    {"name": "sync", "description": "The change feed (pull) and the outbox (push)."},
    {"name": "documents", "description": "Signed forms, photos and scans attached to a record."},
    {"name": "history", "description": "Who changed what of a record, and when."},
    {"name": "health", "description": "Whether the server answers, and which versions."},
    {"name": "devices", "description": "The logins of a user, revoked and erased (addition)."},
]

MEANING = {
    400: "malformed: body, query or header not of the documented shape",
    401: "not_authenticated, invalid_credentials, token_expired, token_revoked",
    403: "forbidden",
    404: "not_found",
    408: "request_timeout: the body or the headers came too slowly",
    410: "cursor_expired: pull again from the start",
    413: "too_large: the body passed this operation's limit (x-body-limit)",
    422: "invalid: details is a list of {field, code, message}",
    426: "client_too_old: this client version is no longer served",
    429: "rate_limited: too many failed logins (see Retry-After)",
    431: "too_large: request line and headers over their limit",
    500: "internal: retry later, nothing half-applied stays",
}
# Any request may get these, whatever its route (the guards run before routing).
EVERY_OPERATION = (408, 413, 431, 500)


def answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of an operation, each with the API's error body."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in sorted({*statuses, *EVERY_OPERATION}):
        entry: dict[str, Any] = {"model": ErrorBody, "description": MEANING[status]}
        if status == 429:
            entry["headers"] = {
                "Retry-After": {
                    "description": "Seconds to wait before trying again.",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 1},
                }
            }
        out[status] = entry
    return out


def body_limit(limit: int) -> dict[str, Any]:
    """``openapi_extra`` naming an operation's body limit (read by ``limits.BodyGuard`` too)."""
    return {"x-body-limit": limit}


# The small bodies of the auth and devices routes (a login, a token, a device's report).
AUTH_BODY = body_limit(Limits().auth_body)


def install(app: FastAPI, limits: Limits) -> None:
    """Serve the document built from the routes, with the models only described (pull pages
    and push results are written as bytes) and the bearer scheme described."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=describe(limits),
            routes=app.routes,
            tags=TAGS,
        )
        components = schema.setdefault("components", {})
        models = components.setdefault("schemas", {})
        extra = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in extra.pop("$defs", {}).items():
            models.setdefault(name, sub)
        # An op of another shape is settled (rejected) in its result, not refused with the push:
        # the items are an Op, or anything.
        extra["properties"]["ops"]["items"] = {"anyOf": [{"$ref": "#/components/schemas/Op"}, {}]}
        models["PushRequest"] = extra
        models["Op"] = Op.model_json_schema(ref_template="#/components/schemas/{model}")
        _drop_validation_answers(schema)
        schemes = components.setdefault("securitySchemes", {})
        schemes["bearer"] = {
            "type": "http",
            "scheme": "bearer",
            "description": "The access_token of POST /api/v1/auth/token (15 minutes; renew it "
            "with POST /api/v1/auth/refresh).",
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _drop_validation_answers(schema: dict[str, Any]) -> None:
    """FastAPI adds a 422 ``HTTPValidationError`` answer to every operation with parameters;
    this server answers a request that fails them with 400 ``malformed`` (``errors.install``),
    documented by :func:`answers`."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            answer = operation.get("responses", {}).get("422", {})
            if "HTTPValidationError" in str(answer):
                del operation["responses"]["422"]
    models = schema.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        models.pop(name, None)


def describe(limits: Limits) -> str:
    rules = LoginLimits()
    return (
        DECISIONS
        + LIMITS.format(
            auth=limits.auth_body,
            push=limits.push_body // (1024 * 1024),
            document=limits.document_body // (1024 * 1024),
            default=limits.default_body,
            idle=limits.idle_seconds,
            rate=limits.min_rate // 1024,
            headers=limits.header_bytes // 1024,
            keep_alive=limits.keep_alive_seconds,
            window=int(rules.window // 60),
            pair=rules.per_pair,
            address=rules.per_address,
            user=rules.per_user,
            known=rules.known_days,
        )
        + ADDITIONS
    )
