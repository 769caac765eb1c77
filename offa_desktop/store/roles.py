"""API.md's roles matrix on the working copy: the same domain function as the server
(``domain.permissions.refusal``), with the actor read from the copy's account (``sync_state``
``user``, the login's profile, brought up to date by the pulled ``users`` row) and the scope
keys computed from the local records.

A copy without an account (never logged in) has no role: nothing is refused here, the server
decides at the first sync.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from offa_desktop.domain import permissions
from offa_desktop.domain.scope import Actor, keys_for
from offa_desktop.store.queries import StoreContext, get
from offa_desktop.store.records import table
from offa_desktop.store.tables import SYNC_STATE

PROFILE_KEY = "user"


def actor(session: Session) -> Actor | None:
    """The signed-in user of this copy (role, operator, sectors), or None."""
    raw = session.execute(
        select(SYNC_STATE.c.value).where(SYNC_STATE.c.key == PROFILE_KEY)
    ).scalar()
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return None
    profile = dict(raw) if isinstance(raw, Mapping) else None
    if profile and isinstance(profile.get("id"), str):
        # The server's ``users`` row, pulled like any reference data, is newer than the
        # profile of the last login (a role or operator changed since).
        current = get(session, "users", profile["id"])
        if current is not None:
            profile.update({k: current.get(k) for k in ("role", "operator_code", "sectors")})
    return Actor.from_profile(profile)


class LocalScope:
    """``domain.scope.ScopeReader`` over the working copy (which holds the user's scope)."""

    def __init__(self, session: Session, ctx: StoreContext | None = None) -> None:
        self._session = session
        self._ctx = ctx or StoreContext(session)

    def live(self, collection: str, record_id: str | None) -> Mapping[str, Any] | None:
        return self._ctx.get(collection, record_id) if isinstance(record_id, str) else None

    def find_ids(self, collection: str, field: str, value: str) -> list[str]:
        t = table(collection)
        rows = self._session.execute(
            select(t.c.id).where(t.c[field] == value, t.c.deleted.is_(False)).order_by(t.c.id)
        )
        return [str(r[0]) for r in rows]

    def reference(self, collection: str) -> Iterable[Mapping[str, Any]]:
        return self._ctx.reference(collection)

    def keys_of(self, collection: str, record_id: str) -> set[str]:
        data = self.live(collection, record_id)
        return keys_for(self, collection, record_id, data) if data is not None else set()


def refusal(
    session: Session,
    write: permissions.Write,
    *,
    who: Actor | None = None,
    ctx: StoreContext | None = None,
) -> str | None:
    """The server's French message when the copy's user (else ``who``) may not make this
    write, else None."""
    who = who or actor(session)
    if who is None:
        return None
    return permissions.refusal(LocalScope(session, ctx), who, write)
