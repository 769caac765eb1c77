"""Scope keys on the server: the caller (``Principal``), and the records whose keys a write
moves. Which keys a record has, and what a role may read, is the domain's
(``offa_desktop.domain.scope``), shared with the client; here they are kept in
``record_keys``: a write that changes what decides a record's keys recomputes the keys of the
records that depend on it; a key lost is a row of ``scope_exits`` (the ``out_of_scope``
tombstone of a pull) and a record that gains or loses keys gets a new version, so that whoever
now sees it receives it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from offa_desktop.domain.scope import (
    COACH_LEARNER_FIELDS,
    PARTIAL_READERS,
    PRIVATE_COLLECTIONS,
    SCOPE_FIELDS,
    Actor,
    compute_keys,
    document_keys,
    keys_for,
)
from offa_desktop.domain.scope import unit_company as _unit_company
from sync.server.store import Store
from sync.server.writer import Writer

__all__ = [
    "COACH_LEARNER_FIELDS",
    "PARTIAL_READERS",
    "PRIVATE_COLLECTIONS",
    "SCOPE_FIELDS",
    "Principal",
    "compute_keys",
    "dependents",
    "document_keys",
    "keys_for",
    "refresh",
]


@dataclass(frozen=True)
class Principal(Actor):
    """The authenticated caller: the domain's actor, with its login."""

    username: str
    display_name: str
    session_id: str

    @classmethod
    def of_user(cls, row: Any, session_id: str = "") -> Principal:
        """The caller an account row of ``users`` (its columns by name) stands for."""
        return cls(
            user_id=row.id,
            username=row.username,
            display_name=row.display_name,
            role=row.role,
            operator_code=row.operator_code,
            sectors=tuple(orjson.loads(row.sectors)),
            session_id=session_id,
        )

    def reads_documents(self, collection: str, record_keys: set[str] | frozenset[str]) -> bool:
        """Whether the caller reads the documents of a record of ``collection`` (its fields)."""
        return self.reads(document_keys(collection, record_keys))

    def collections(self) -> list[str]:
        """The collections in the caller's scope (for the checksum)."""
        from offa_desktop.domain.schema import COLLECTIONS

        return [c for c in COLLECTIONS if not (self.role == "coach" and c == "incentive_claims")]

    def project(self, collection: str, data: dict[str, Any]) -> dict[str, Any]:
        """The part of a record the caller may read."""
        if self.role == "coach" and collection == "learners":
            return {k: data.get(k) for k in COACH_LEARNER_FIELDS}
        return data


def dependents(
    store: Store,
    collection: str,
    record_id: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> list[tuple[str, str]]:
    """Records whose keys may change when this record changes (itself excluded)."""
    out: list[tuple[str, str]] = []
    companies: set[str] = set()
    for state in (before, after):
        if not state:
            continue
        if collection == "companies":
            companies.add(record_id)
        elif collection in ("establishment_units", "tutors"):
            companies.add(str(state.get("company_id")))
        elif collection == "approvals":
            company = _unit_company(store, state.get("establishment_unit_id"))
            if company:
                companies.add(company)
        elif collection == "contracts":
            out.extend(_contract_tree(store, record_id))
            if isinstance(state.get("learner_id"), str):
                out.append(("learners", state["learner_id"]))
    for company in companies:
        out.extend(_company_tree(store, company))
    seen: set[tuple[str, str]] = {(collection, record_id)}
    unique = []
    for item in out:
        if item not in seen:
            seen.add(item)
            unique.append(item)
    docs = [
        ("documents", d)
        for c, i in unique
        for d in store.find_ids("documents", "record", f"{c}/{i}")
    ]
    docs += [
        ("documents", d) for d in store.find_ids("documents", "record", f"{collection}/{record_id}")
    ]
    return unique + [d for d in docs if d not in seen]


def _contract_tree(store: Store, contract_id: str) -> list[tuple[str, str]]:
    out = [
        ("contract_events", i)
        for i in store.find_ids("contract_events", "contract_id", contract_id)
    ]
    out += [("visits", i) for i in store.find_ids("visits", "contract_id", contract_id)]
    out += [
        ("incentive_claims", i)
        for i in store.find_ids("incentive_claims", "contract_ids", contract_id)
    ]
    out += [
        ("mediation_referrals", i)
        for i in store.find_ids("mediation_referrals", "contract_id", contract_id)
    ]
    return out


def _approval_tree(store: Store, approval_id: str) -> list[tuple[str, str]]:
    """The records whose keys are the approval's: its visits, offers and referrals."""
    out = [("visits", i) for i in store.find_ids("visits", "approval_id", approval_id)]
    out += [("stage_offers", i) for i in store.find_ids("stage_offers", "approval_id", approval_id)]
    out += [
        ("mediation_referrals", i)
        for i in store.find_ids("mediation_referrals", "approval_id", approval_id)
    ]
    return out


def _company_tree(store: Store, company_id: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = [("companies", company_id)]
    out += [("tutors", i) for i in store.find_ids("tutors", "company_id", company_id)]
    for unit in store.find_ids("establishment_units", "company_id", company_id):
        out.append(("establishment_units", unit))
        for approval in store.find_ids("approvals", "establishment_unit_id", unit):
            out.append(("approvals", approval))
            out += _approval_tree(store, approval)
        for contract in store.find_ids("contracts", "establishment_unit_id", unit):
            out.append(("contracts", contract))
            out += _contract_tree(store, contract)
            learner = (store.live("contracts", contract) or {}).get("learner_id")
            if isinstance(learner, str):
                out.append(("learners", learner))
    return out


def refresh(writer: Writer, items: list[tuple[str, str]]) -> None:
    """Recompute the keys of ``items``; a record whose keys change gets a new version."""
    for collection, record_id in items:
        found = writer.get(collection, record_id)
        if found is None:
            continue
        old = writer.keys_of(collection, record_id)
        if found.deleted or found.data is None:
            continue  # a tombstone keeps the keys it had: whoever saw it learns of its deletion
        new = keys_for(writer, collection, record_id, found.data)
        if new != old:
            version = writer.bump(collection, record_id)
            writer.set_keys(collection, record_id, old, new, version)
