"""Who may create, update or delete what (API.md's roles matrix), one function for both sides:
the server settles a push with it (``forbidden``), the client's unit of work refuses the same
edit before it reaches the outbox, with the same French message.

A :class:`Write` is the change judged. ``may_write`` takes the scope keys of the record before
and after it (``domain.scope``); ``refusal`` computes them from a ``ScopeReader`` and adds the
overrides a role may not make.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from offa_desktop.domain import overrides
from offa_desktop.domain.problems import Problem, ValidationError
from offa_desktop.domain.schema import COLLECTIONS, REFERENCE_COLLECTIONS
from offa_desktop.domain.scope import (
    PRIVATE_COLLECTIONS,
    Actor,
    ScopeReader,
    keys_for,
    scope_moved,
)

COACH_WRITES = ("companies", "establishment_units", "tutors", "visits")
SECRETARIAT_ANY = ("companies", "establishment_units", "tutors")
SECRETARIAT_OPERATOR = ("visits", "learners", "contracts", "contract_events")
# Additive (issue 18): written by the secretariat of the record's ``operator_code`` (a referral
# only while ``referred``: the Commission, at OFFA, moves it on).
SECRETARIAT_OWN = ("stage_offers", "mediation_referrals")


class Forbidden(ValidationError):
    """An edit the user's role may not make: nothing written, the server's French message."""

    def __init__(self, message: str) -> None:
        super().__init__([Problem("", "forbidden", message)])
        self.message = message


@dataclass(frozen=True)
class Write:
    """A create, update or delete of a record, as judged: ``previous`` the record before,
    ``data`` after (None on a delete); ``before`` is None on a create whatever was given."""

    collection: str
    kind: str  # "create", "update" or "delete"
    record_id: str
    previous: Mapping[str, Any] | None = None
    data: Mapping[str, Any] | None = None

    @property
    def before(self) -> Mapping[str, Any] | None:
        return None if self.kind == "create" else self.previous


def may_write(
    who: Actor, write: Write, *, old_keys: set[str] | None, new_keys: set[str] | None
) -> bool:
    """True when ``who`` may make this write (keys None: no such state; a create has no
    keys before)."""
    collection, kind = write.collection, write.kind
    old_data, new_data = write.before, write.data
    if kind == "create":
        old_keys = None
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
        if collection == "learner_transfers":
            return _transfer_write(who, old_data, new_data)
        if collection in SECRETARIAT_OWN:
            states_data = [d for d in (old_data, new_data) if d is not None]
            own_records = all(d.get("operator_code") == who.operator_code for d in states_data)
            if collection == "mediation_referrals":
                return own_records and all(d.get("status") == "referred" for d in states_data)
            return own_records
        if collection == "approvals":
            if kind == "create":
                return True
            return all(
                (d or {}).get("operator_code") == who.operator_code for d in (old_data, new_data)
            )
        if collection in SECRETARIAT_OPERATOR:
            return all(own in k for k in states)
    return False


def _transfer_write(
    who: Actor, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None
) -> bool:
    """A mobility: the receiving operator asks (and may cancel while asked); the sending one
    accepts or refuses; OFFA decides anything."""
    if new is None:
        return False
    mine = who.operator_code
    if old is None:
        return new.get("to_operator") == mine and new.get("status") == "requested"
    same = all(old.get(k) == new.get(k) for k in ("niss", "from_operator", "to_operator"))
    if not same or old.get("status") != "requested":
        return False
    if new.get("to_operator") == mine:
        return new.get("status") in ("requested", "cancelled")
    if new.get("from_operator") == mine:
        return new.get("status") in ("requested", "accepted", "refused")
    return False


def may_create_some(who: Actor, collection: str) -> bool:
    """Whether ``who``'s role creates records of ``collection`` at all (what "Nouvelle fiche"
    offers); which ones, ``may_write`` says once the record is typed."""
    if collection in REFERENCE_COLLECTIONS or collection == "documents":
        return False
    if collection in PRIVATE_COLLECTIONS or who.role == "offa":
        return True
    if who.role == "coach":
        return collection in (*COACH_WRITES, "approvals")
    if who.role == "secretariat":
        return collection in (*SECRETARIAT_ANY, "approvals", *SECRETARIAT_OPERATOR,
                              *SECRETARIAT_OWN, "learner_transfers")  # fmt: skip
    return False


def needs_keys(who: Actor, collection: str, kind: str) -> bool:
    """False when ``may_write`` decides without the scope keys (spares their lookups)."""
    if kind == "delete" or who.role == "offa" or collection in REFERENCE_COLLECTIONS:
        return False
    if collection in PRIVATE_COLLECTIONS:
        return False
    return not (
        who.role == "secretariat"
        and collection in (*SECRETARIAT_ANY, "approvals", *SECRETARIAT_OWN, "learner_transfers")
    )


def forbidden_message(collection: str, kind: str) -> str:
    """The French message of a ``forbidden`` write (API.md)."""
    spec = COLLECTIONS[collection]
    if spec.reference or collection == "documents":
        return f"Les {spec.label} ne se modifient pas par synchronisation."
    if kind == "delete":
        return "Seul l'OFFA peut supprimer une fiche."
    return f"Vous n'avez pas le droit de modifier ces {spec.label}."


def refusal(store: ScopeReader, who: Actor, write: Write) -> str | None:
    """The server's French message when ``who`` may not make this write, else None; the keys
    are computed from ``store`` (the server passes its stored ones to ``keys_refusal``)."""
    collection, previous, data = write.collection, write.previous, write.data
    overridden = overrides.role_refusal(who.role, collection, data, previous)
    if overridden is not None:  # the server settles this one first too
        return overridden
    old_keys = new_keys = None
    if needs_keys(who, collection, write.kind):
        if previous is not None:
            old_keys = keys_for(store, collection, write.record_id, previous)
        if data is not None:
            moved = scope_moved(collection, previous, data)
            new_keys = keys_for(store, collection, write.record_id, data) if moved else old_keys
    return keys_refusal(who, write, old_keys=old_keys, new_keys=new_keys)


def keys_refusal(
    who: Actor, write: Write, *, old_keys: set[str] | None, new_keys: set[str] | None
) -> str | None:
    """``may_write`` given the keys before and after, as the French message of a refusal,
    else None. The client (``refusal``) and the server's push share it."""
    allowed = may_write(who, write, old_keys=old_keys, new_keys=new_keys)
    return None if allowed else forbidden_message(write.collection, write.kind)


# --- devices (logins) and personal data (issue 16) ----------------------------------------
DEVICE_ADMIN_ROLES = ("offa",)
MSG_DEVICE_NOT_YOURS = "Seul l'OFFA peut gérer les appareils d'un autre utilisateur."
MSG_ERASE_OFFA_ONLY = "Seul l'OFFA peut marquer un appareil « à effacer »."


def device_refusal(role: str, *, own: bool, erase: bool) -> str | None:
    """Why ``role`` may not revoke a device (one of its own when ``own``), or None: every user
    revokes their own devices; OFFA staff revoke anyone's and mark a device « à effacer »."""
    if role in DEVICE_ADMIN_ROLES:
        return None
    if not own:
        return MSG_DEVICE_NOT_YOURS
    if erase:
        return MSG_ERASE_OFFA_ONLY
    return None


MSG_PERSON_DATA = (
    "Seuls l'OFFA et le secrétariat de l'opérateur de l'apprenant peuvent exporter les données "
    "d'une personne."
)


def person_data_refusal(
    role: str, operator_code: str | None, collection: str, person: Any
) -> str | None:
    """Why ``role`` may not export the data of a person (a learner or tutor record), or None:
    OFFA staff always; a secretariat for a learner of its operator, and for a tutor."""
    if role == "offa":
        return None
    if role == "secretariat":
        if collection == "tutors":
            return None
        if collection == "learners" and isinstance(person, Mapping):
            if operator_code and person.get("operator_code") == operator_code:
                return None
    return MSG_PERSON_DATA
