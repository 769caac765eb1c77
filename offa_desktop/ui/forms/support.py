"""Small helpers the forms share: who is logged in, choices from reference data, typing in
tests-friendly ways."""

from __future__ import annotations

from typing import Any

from offa_desktop.ops.records import editing


def user_profile(context: Any) -> dict[str, Any]:
    """The logged-in user's profile (role, operator_code, id), {} when unknown (offline demo)."""
    profile = context.extras.get("user") if hasattr(context, "extras") else None
    if isinstance(profile, dict):
        return profile
    session = getattr(context, "session", None)
    if session is None:
        return {}
    try:
        account = session.account()
    except Exception:  # noqa: BLE001 - no account yet: forms still work
        return {}
    return dict(account.user) if account is not None else {}


def code_choices(wc: Any, collection: str) -> list[tuple[str, str]]:
    """[(code, name)] of a reference collection, by name."""
    rows = editing.reference(wc, collection)
    pairs = [
        (str(r["code"]), str(r.get("name") or r.get("label") or r.get("title") or r["code"]))
        for r in rows
        if r.get("code")
    ]
    return sorted(pairs, key=lambda p: p[1].casefold())


def operator_choices(wc: Any) -> list[tuple[str, str]]:
    return code_choices(wc, "operators")
