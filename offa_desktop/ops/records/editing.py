"""What every record form needs, without Qt: read a record, check it as it is typed, save it.

A form keeps the record as an API-shaped dict. While the user types it calls :func:`check`
(identifiers normalised as the domain does, field checks, record rules and cross-record rules
on the local copy, and the checks left to the server); Save runs :func:`save` on the writer
lane, which validates again inside the unit of work, so nothing half-valid is ever written.
The workflow modules ``wf_*.py`` add the choices and computations of each workflow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from offa_desktop.domain.identifiers import normalize_record
from offa_desktop.domain.permissions import Write, may_create_some
from offa_desktop.domain.problems import Problem
from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.scope import SCOPE_FIELDS, Actor
from offa_desktop.domain.validation import blocking, pending_checks, validate_record
from offa_desktop.ops.records import writes
from offa_desktop.ops.records.writes import Saved
from offa_desktop.store import queries, roles
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext

PENDING_FR = "vérifié à la synchronisation"
NEW_ID = "00000000-0000-4000-8000-000000000000"  # a record not created yet (its keys only)


@dataclass(frozen=True)
class Check:
    """The outcome of checking a record as typed: its problems (blocking and warnings), the
    checks left to the server, and the record with identifiers in wire form."""

    problems: list[Problem] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    record: dict[str, Any] = field(default_factory=dict)

    @property
    def blocking(self) -> list[Problem]:
        return blocking(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    def for_field(self, name: str) -> list[Problem]:
        return [p for p in self.problems if p.field == name]


def full_record(collection: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Every field of the collection (absent ones null), plus what ``data`` holds."""
    out: dict[str, Any] = dict.fromkeys(COLLECTIONS[collection].field_names)
    out.update(data)
    return out


def load(wc: WorkingCopy, collection: str, record_id: str) -> dict[str, Any] | None:
    """A live record's data (API-shaped), or None."""
    with wc.session() as db:
        return queries.get(db, collection, record_id)


def reference(wc: WorkingCopy, collection: str) -> list[dict[str, Any]]:
    """Every row of a reference collection, with its ``id``."""
    with wc.session() as db:
        return queries.reference(db, collection)


def find(wc: WorkingCopy, collection: str, **equals: Any) -> list[tuple[str, dict[str, Any]]]:
    """Live records whose fields equal the given values, as (id, data)."""
    with wc.session() as db:
        return [(i, dict(d)) for i, d in StoreContext(db).find(collection, **equals)]


def today(wc: WorkingCopy) -> date:
    """Today in Europe/Brussels (the copy's rule context's day)."""
    with wc.session() as db:
        return StoreContext(db).today()


def check(
    wc: WorkingCopy,
    collection: str,
    data: Mapping[str, Any],
    *,
    previous: Mapping[str, Any] | None = None,
    record_id: str | None = None,
) -> Check:
    """Every problem of ``data`` (the whole record as typed) as the unit of work would find it,
    plus the French names of the checks left to the server."""
    record = normalize_record(collection, full_record(collection, data))
    with wc.session() as db:
        ctx = StoreContext(db)
        found = validate_record(collection, record, previous=previous, ctx=ctx, record_id=record_id)
        pending = pending_checks(collection, record, ctx)
        # The role's rights first: a form the user may not save says so and keeps Save off
        # (a new record once what decides its scope is typed: a company's sector...).
        scoped = previous is not None or any(
            record.get(f) is not None for f in SCOPE_FIELDS.get(collection, ())
        ) or not SCOPE_FIELDS.get(collection)
        kind = "update" if previous is not None else "create"
        write = Write(collection, kind, record_id or NEW_ID, previous, record)
        refused = roles.refusal(db, write, ctx=ctx) if scoped else None
    if refused is not None:
        found.insert(0, Problem("", "forbidden", refused))
    return Check(found, pending, record)


def save(wc: WorkingCopy, collection: str, record_id: str | None, data: Mapping[str, Any]) -> Saved:
    """Create (``record_id`` None) or update a record from what the form holds; identifiers
    go out in wire form. An update sends only the fields that changed."""
    record = normalize_record(collection, data)
    if record_id is None:
        return writes.create(wc, collection, record)
    return writes.update(wc, collection, record_id, record)


def actor(wc: WorkingCopy) -> Actor | None:
    """Who edits this copy (role, operator, sectors), None before any login."""
    with wc.session() as db:
        return roles.actor(db)


def may_create(wc: WorkingCopy, collection: str) -> bool:
    """Whether the user's role creates records of ``collection`` (buttons follow it); True
    before any login (the server decides at the first sync)."""
    who = actor(wc)
    return who is None or may_create_some(who, collection)
