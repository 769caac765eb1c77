"""Devices: each login (``login_sessions``) with its name, first and last use (issue 16).

A user lists and revokes their own devices; OFFA staff list and revoke anyone's and mark a
device « à effacer » (``domain.permissions.device_refusal``). A revoked device's next call is
``401 device_revoked`` (``auth._ended``), with ``details.erase`` true when it is to erase its
data; it then erases its working copy, backups and keyring entries and says so with
:func:`report_erased` (its refresh token proves which device it is). docs/api-additions.md.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, and_, select, update

from offa_desktop.domain.permissions import device_refusal
from sync.server import clock
from sync.server.auth import REFRESH_DAYS
from sync.server.errors import ApiError
from sync.server.models import login_sessions, refresh_tokens, users
from sync.server.scope import Principal

LIST_LIMIT = 200  # the newest devices by last use
STATUSES = ("active", "expired", "logged_out", "closed", "revoked", "erase_pending", "erased")
_ENDED = {"logout": "logged_out", "reuse": "closed", "device": "revoked"}


def status(row: Any, now: str) -> str:
    if row.revoked:
        if row.ended_reason == "erase":
            return "erased" if row.erased_at else "erase_pending"
        return _ENDED.get(row.ended_reason or "", "logged_out")
    expired = clock.iso(clock.parse_iso(now) - timedelta(days=REFRESH_DAYS))
    return "expired" if (row.last_used_at or row.created_at) < expired else "active"


def _shape(row: Any, who: Principal, now: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "user_id": row.user_id,
        "device_name": row.device_name,
        "first_used": row.created_at,
        "last_used": row.last_used_at or row.created_at,
        "status": status(row, now),
        "ended_at": row.ended_at,
        "ended_by": row.ended_by,
        "erased_at": row.erased_at,
        "current": row.id == who.session_id,
    }


def _not_found() -> ApiError:
    return ApiError(404, "not_found", "Appareil inconnu.")


def list_devices(engine: Engine, who: Principal, user_id: str | None) -> dict[str, Any]:
    """The devices of ``user_id`` (the caller's own when None), newest use first."""
    target = user_id or who.user_id
    refusal = device_refusal(who.role, own=target == who.user_id, erase=False)
    if refusal is not None:
        raise ApiError(403, "forbidden", refusal)
    now = clock.now_iso()
    with engine.connect() as conn:
        if target != who.user_id and conn.execute(
            select(users.c.id).where(users.c.id == target)
        ).first() is None:
            raise ApiError(404, "not_found", "Utilisateur inconnu.")
        rows = conn.execute(
            select(login_sessions)
            .where(login_sessions.c.user_id == target)
            .order_by(login_sessions.c.last_used_at.desc(), login_sessions.c.id)
            .limit(LIST_LIMIT)
        ).all()
    return {"devices": [_shape(r, who, now) for r in rows]}


def revoke(engine: Engine, who: Principal, device_id: str, erase: bool) -> dict[str, Any]:
    """End the device's login (``device``, or ``erase`` to have its data erased); the device
    answered as it now is. Revoking again is harmless; a device already erased stays so."""
    now = clock.now_iso()
    with engine.begin() as conn:
        row = conn.execute(select(login_sessions).where(login_sessions.c.id == device_id)).first()
        if row is None:
            raise _not_found()
        own = row.user_id == who.user_id
        refusal = device_refusal(who.role, own=own, erase=erase)
        if refusal is not None:
            if not own:
                raise _not_found()  # another user's devices are not shown to them
            raise ApiError(403, "forbidden", refusal)
        reason = "erase" if erase else "device"
        if not (row.revoked and row.ended_reason in ("erase", reason)):
            conn.execute(
                update(login_sessions)
                .where(login_sessions.c.id == device_id)
                .values(revoked=True, ended_reason=reason, ended_at=now, ended_by=who.user_id)
            )
        row = conn.execute(select(login_sessions).where(login_sessions.c.id == device_id)).one()
    return _shape(row, who, now)


def report_erased(engine: Engine, refresh_token: str) -> None:
    """The device of this refresh token (any of its chain) erased its data: noted once."""
    digest = hashlib.sha256(refresh_token.encode()).hexdigest()
    with engine.begin() as conn:
        row = conn.execute(
            select(login_sessions)
            .join(refresh_tokens, refresh_tokens.c.session_id == login_sessions.c.id)
            .where(refresh_tokens.c.token_hash == digest)
        ).first()
        if row is None:
            raise ApiError(401, "not_authenticated", "Jeton de renouvellement inconnu.")
        if row.ended_reason != "erase":
            raise ApiError(404, "not_found", "Aucun effacement n'a été demandé pour cet appareil.")
        conn.execute(
            update(login_sessions)
            .where(and_(login_sessions.c.id == row.id, login_sessions.c.erased_at.is_(None)))
            .values(erased_at=clock.now_iso())
        )
