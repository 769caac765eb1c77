"""Pydantic models of API v1, for request checks and the OpenAPI document.

Pull pages and push results are written as bytes (orjson) for speed; their models here only
describe them in ``/api/v1/openapi.json``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    code: str
    message: str = Field(description="Message en français, à montrer à l'utilisateur.")
    details: Any = Field(
        default=None,
        description="Pour `invalid` : liste de `{field, code, message}`; sinon null ou un objet.",
    )


class ErrorBody(BaseModel):
    """Body of every non-2xx answer."""

    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    api_version: Literal["1"]
    server_version: str
    min_client_version: str | None = None


class TokenRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1000)
    device_name: str = Field(min_length=1, max_length=200)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    refresh_token: str = Field(min_length=1, max_length=200)


class UserInfo(BaseModel):
    id: str
    display_name: str
    role: Literal["coach", "secretariat", "offa"]
    operator_code: str | None
    sectors: list[str]


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"]
    expires_in: int
    user: UserInfo


class Change(BaseModel):
    collection: str
    id: str
    version: int
    deleted: bool
    updated_at: str
    updated_by: str | None
    reason: Literal["out_of_scope"] | None = Field(
        default=None, description="Présent quand la fiche sort du périmètre de l'appelant."
    )
    data: dict[str, Any] | None


class CollectionChecksum(BaseModel):
    count: int
    hash: str = Field(pattern="^[0-9a-f]{64}$")


class PullPage(BaseModel):
    changes: list[Change]
    cursor: str
    has_more: bool
    remaining: int
    checksum: dict[str, CollectionChecksum] | None = None


class Op(BaseModel):
    op_id: str = Field(json_schema_extra={"format": "uuid"})
    collection: str
    id: str = Field(json_schema_extra={"format": "uuid"})
    kind: Literal["create", "update", "delete"]
    base_version: int | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    resolution: dict[str, Any] | None = None


class PushRequest(BaseModel):
    """The body of a push. Its shape is checked (400); each op is settled in its own result, so
    an op of another shape than ``Op`` is ``rejected`` there, not refused with the push."""

    device_id: str = Field(min_length=1, max_length=100)
    ops: list[Any] = Field(max_length=500)  # items: Op or anything (openapi.install)


class ProblemItem(BaseModel):
    field: str
    code: str
    message: str


class ServerState(BaseModel):
    version: int
    deleted: bool
    data: dict[str, Any] | None


class OpResult(BaseModel):
    """One of applied (version, data), conflict (server), rejected (errors), forbidden
    (message). ``op_id`` is null only for an op too malformed to carry one."""

    op_id: str | None
    status: Literal["applied", "conflict", "rejected", "forbidden"]
    version: int | None = None
    data: dict[str, Any] | None = None
    server: ServerState | None = None
    errors: list[ProblemItem] | None = None
    message: str | None = None


class PushResults(BaseModel):
    results: list[OpResult]


class HistoryEntry(BaseModel):
    version: int
    at: str
    user_id: str | None
    user_name: str | None
    device_id: str | None
    op_id: str | None
    kind: Literal["create", "update", "delete"]
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    resolution: dict[str, Any] | None


class History(BaseModel):
    entries: list[HistoryEntry]


class DocumentStored(BaseModel):
    id: str
    version: int
    sha256: str
    size: int
    file_name: str
    media_type: str
    record: str


# --- devices (additions, docs/api-additions.md) --------------------------------------------
class Device(BaseModel):
    """One login of a user on a computer: what API.md's `device_name` named at login."""

    id: str = Field(description="The login's id (UUID).")
    user_id: str
    device_name: str
    first_used: str = Field(description="RFC 3339: the login.")
    last_used: str = Field(description="RFC 3339, to 5 minutes: the last call or refresh.")
    status: Literal[
        "active", "expired", "logged_out", "closed", "revoked", "erase_pending", "erased"
    ]
    ended_at: str | None
    ended_by: str | None = Field(description="The user who revoked it (null: the device).")
    erased_at: str | None = Field(description="When the device reported its data erased.")
    current: bool = Field(description="The login of this call.")


class DeviceList(BaseModel):
    devices: list[Device]


class RevokeRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    erase: bool = Field(
        default=False,
        description="OFFA only: the device erases its data (working copy, backups, keyring) at "
        "its next contact.",
    )


# The device's word that it erased its data: its refresh token, as a refresh sends it.
class ErasedReport(RefreshRequest):
    pass


# --- a person's data (addition, docs/api-additions.md) --------------------------------------
class RecordRef(BaseModel):
    collection: str
    id: str


class PersonHistoryEntry(HistoryEntry):
    collection: str
    record_id: str


class PersonHistory(BaseModel):
    """Every record about a learner or tutor that the caller reads, and their history."""

    records: list[RecordRef]
    entries: list[PersonHistoryEntry]
