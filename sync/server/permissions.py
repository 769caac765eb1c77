"""Who may create, update or delete what (API.md's table), given the scope keys of a record
before and after the write. Reads are ``Principal.reads``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offa_desktop.domain.schema import REFERENCE_COLLECTIONS
from sync.server.scope import PRIVATE_COLLECTIONS, Principal

COACH_WRITES = ("companies", "establishment_units", "tutors", "visits")
SECRETARIAT_ANY = ("companies", "establishment_units", "tutors")
SECRETARIAT_OPERATOR = ("visits", "learners", "contracts", "contract_events")


def may_write(
    who: Principal,
    collection: str,
    kind: str,
    *,
    old_keys: set[str] | None,
    new_keys: set[str] | None,
    new_data: Mapping[str, Any] | None,
    old_data: Mapping[str, Any] | None,
) -> bool:
    """True when ``who`` may apply this create/update/delete (keys None: no such state)."""
    if collection in REFERENCE_COLLECTIONS or collection == "documents":
        return False
    if collection in PRIVATE_COLLECTIONS:  # the owner only, delete included, any role
        owners = [d.get("user_id") for d in (old_data, new_data) if d is not None]
        return bool(owners) and all(owner == who.user_id for owner in owners)
    if kind == "delete":
        return who.role == "offa"
    if who.role == "offa":
        return True
    states = [k for k in (old_keys, new_keys) if k is not None]
    if who.role == "coach":
        mine = who.keys or frozenset()
        sectors = {k for k in mine if k.startswith("s:")}
        in_scope = all(sectors & k for k in states)
        if collection in COACH_WRITES:
            return in_scope
        if collection == "approvals":
            status = (new_data or {}).get("status")
            return kind == "create" and status == "requested" and in_scope
        return False
    if who.role == "secretariat":
        own = f"o:{who.operator_code}"
        if collection in SECRETARIAT_ANY:
            return True
        if collection == "approvals":
            if kind == "create":
                return True
            return all(
                (d or {}).get("operator_code") == who.operator_code for d in (old_data, new_data)
            )
        if collection in SECRETARIAT_OPERATOR:
            return all(own in k for k in states)
    return False
