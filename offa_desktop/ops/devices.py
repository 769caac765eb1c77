"""« Mes appareils »: the logins of the user (OFFA staff: of any user) as the server keeps them,
in French, and their revocation (issue 16; routes in docs/api-additions.md). Who may do what is
the domain's (``permissions.device_refusal``), the server's own rule; the window only shows
what the server will accept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from offa_desktop.domain.permissions import device_refusal
from offa_desktop.domain.values import BRUSSELS
from offa_desktop.ops.sync.session import SyncSession
from offa_desktop.store.queries import reference

STATUS_FR = {
    "active": "actif",
    "expired": "session expirée",
    "logged_out": "déconnecté",
    "closed": "session fermée",
    "revoked": "révoqué",
    "erase_pending": "à effacer (pas encore effacé)",
    "erased": "effacé",
}
ENDED = ("logged_out", "closed", "revoked", "erase_pending", "erased")


@dataclass(frozen=True)
class DeviceLine:
    """One device (a login) as the window lists it."""

    id: str
    user_id: str
    name: str
    first_used: str  # "06/12/2026 18:05", Brussels time
    last_used: str
    status: str  # the API's
    status_fr: str
    current: bool
    may_revoke: bool
    may_erase: bool


def when_fr(instant: str | None) -> str:
    """An RFC 3339 instant as read in Belgium: ``06/12/2026 18:05``; empty when None."""
    if not instant:
        return ""
    moment = datetime.fromisoformat(instant.replace("Z", "+00:00")).astimezone(BRUSSELS)
    return moment.strftime("%d/%m/%Y %H:%M")


def role(session: SyncSession) -> str:
    account = session.account()
    return str(account.user.get("role", "")) if account is not None else ""


def _line(raw: dict[str, Any], own: bool, who: str) -> DeviceLine:
    status = str(raw["status"])
    live = status not in ENDED and not raw["current"]
    erasable = status not in ("erase_pending", "erased") and not raw["current"]
    return DeviceLine(
        id=str(raw["id"]),
        user_id=str(raw["user_id"]),
        name=str(raw["device_name"]),
        first_used=when_fr(raw["first_used"]),
        last_used=when_fr(raw["last_used"]),
        status=status,
        status_fr=STATUS_FR.get(status, status),
        current=bool(raw["current"]),
        may_revoke=live and device_refusal(who, own=own, erase=False) is None,
        may_erase=erasable and device_refusal(who, own=own, erase=True) is None,
    )


def devices(session: SyncSession, user_id: str | None = None) -> list[DeviceLine]:
    """The devices of ``user_id`` (the user's own when None), newest use first."""
    account = session.account()
    own_id = str(account.user.get("id", "")) if account is not None else ""
    found = session.client().devices(user_id if user_id and user_id != own_id else None)
    who = role(session)
    return [_line(d, str(d["user_id"]) == own_id, who) for d in found]


def revoke(session: SyncSession, device: DeviceLine, *, erase: bool = False) -> DeviceLine:
    """Revoke ``device`` (``erase``: OFFA marks it « à effacer »); the device as it now is."""
    account = session.account()
    own_id = str(account.user.get("id", "")) if account is not None else ""
    answer = session.client().revoke_device(device.id, erase=erase)
    return _line(answer, device.user_id == own_id, role(session))


def users(session: SyncSession) -> list[tuple[str, str]]:
    """Every user (id, display name) by name: the accounts OFFA staff may look at."""
    with session.wc.session() as db:
        rows = reference(db, "users")
    return sorted(
        ((str(r["id"]), str(r.get("display_name") or r["id"])) for r in rows),
        key=lambda pair: pair[1].casefold(),
    )
