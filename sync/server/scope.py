"""Who may read and write what (API.md "Roles and scope"), as scope keys.

Every record carries a set of keys, computed on write and kept in ``record_keys``:
``pub`` (reference data: everyone), ``sec`` (companies, units, tutors, approvals and their
documents: every secretariat), ``s:<sector>`` (the coaches of that sector: a company's sectors
are its own plus the sectors of the trades of its units' live approvals, whatever their
status) and ``o:<operator>`` (the secretariat of that operator). A user holds keys too
(``offa`` holds all); a user reads a record when the two sets meet. A write that changes what
decides a record's keys recomputes the keys of the records that depend on it; a key lost is a
row of ``scope_exits`` (the ``out_of_scope`` tombstone of a pull) and a record that gains or
loses keys gets a new version, so that whoever now sees it receives it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from offa_desktop.domain.schema import REFERENCE_COLLECTIONS
from sync.server.store import Store
from sync.server.writer import Writer

COMPANY_TREE = ("companies", "establishment_units", "tutors", "approvals")
# Per-user collections (an addition to API v1): each record belongs to its ``user_id`` and only
# that user reads or writes it, whatever the role (offa included); key ``u:<user id>``.
PRIVATE_COLLECTIONS = ("snoozes",)
# Fields whose change can move a record (or the records below it) in or out of a scope.
SCOPE_FIELDS: dict[str, tuple[str, ...]] = {
    "companies": ("sector",),
    "establishment_units": ("company_id",),
    "tutors": ("company_id",),
    "approvals": ("establishment_unit_id", "trade_code"),
    "visits": ("approval_id", "contract_id"),
    "learners": ("operator_code",),
    "contracts": ("learner_id", "establishment_unit_id", "operator_code"),
    "contract_events": ("contract_id",),
    "incentive_claims": ("contract_ids",),
    "documents": ("record",),
    "snoozes": ("user_id",),
}
# What a coach may read of a learner.
COACH_LEARNER_FIELDS = ("first_name", "last_name", "operator_code")
# Records whose fields some holders of their keys read only in part (a coach reads a learner's
# names and operator): the documents of such a record follow the fields, so they do not carry
# those holders' keys (a coach's are ``s:<sector>``). A new collection read in part by a role
# adds its entry here and to ``Principal.project``.
PARTIAL_READERS: dict[str, tuple[str, ...]] = {"learners": ("s:",)}


@dataclass(frozen=True)
class Principal:
    """The authenticated caller."""

    user_id: str
    username: str
    display_name: str
    role: str
    operator_code: str | None
    sectors: tuple[str, ...]
    session_id: str

    @property
    def keys(self) -> frozenset[str] | None:
        """The caller's scope keys; None for ``offa`` (everything)."""
        if self.role == "offa":
            return None
        if self.role == "coach":
            return frozenset({"pub", self.private_key, *(f"s:{s}" for s in self.sectors)})
        return frozenset({"pub", "sec", self.private_key, f"o:{self.operator_code}"})

    @property
    def private_key(self) -> str:
        """The key of the caller's own records of the per-user collections."""
        return f"u:{self.user_id}"

    def reads(self, record_keys: set[str] | frozenset[str]) -> bool:
        mine = self.keys
        return mine is None or bool(mine & record_keys)

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


def document_keys(collection: str, record_keys: set[str] | frozenset[str]) -> set[str]:
    """The keys of a document attached to a record of ``collection`` holding ``record_keys``."""
    dropped = PARTIAL_READERS.get(collection, ())
    return {k for k in record_keys if not k.startswith(dropped)} if dropped else set(record_keys)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def company_sectors(store: Store, company_id: str | None) -> set[str]:
    company = store.live("companies", company_id)
    if company is None or company_id is None:
        return set()
    out = {company["sector"]} if isinstance(company.get("sector"), str) else set()
    trades = {t.get("code"): t.get("sector") for t in store.reference("trades")}
    for unit_id in store.find_ids("establishment_units", "company_id", company_id):
        for approval_id in store.find_ids("approvals", "establishment_unit_id", unit_id):
            approval = store.live("approvals", approval_id)
            sector = trades.get(approval.get("trade_code")) if approval else None
            if isinstance(sector, str):
                out.add(sector)
    return out


def _unit_company(store: Store, unit_id: Any) -> str | None:
    unit = store.live("establishment_units", _str(unit_id))
    return _str(unit.get("company_id")) if unit else None


def _s(sectors: set[str]) -> set[str]:
    return {f"s:{s}" for s in sectors}


def compute_keys(store: Store, collection: str, data: Mapping[str, Any]) -> set[str]:
    """The scope keys of a record whose state is ``data``."""
    if collection in REFERENCE_COLLECTIONS:
        return {"pub"}
    if collection in PRIVATE_COLLECTIONS:
        return {f"u:{data.get('user_id')}"}
    if collection == "companies":
        return {"sec"} | _s(company_sectors(store, _str(data.get("_id"))) | _own_sector(data))
    if collection in ("establishment_units", "tutors"):
        return {"sec"} | _s(company_sectors(store, _str(data.get("company_id"))))
    if collection == "approvals":
        company = _unit_company(store, data.get("establishment_unit_id"))
        return {"sec"} | _s(company_sectors(store, company))
    if collection == "contracts":
        company = _unit_company(store, data.get("establishment_unit_id"))
        out = _s(company_sectors(store, company))
        if isinstance(data.get("operator_code"), str):
            out.add(f"o:{data['operator_code']}")
        return out
    if collection == "contract_events":
        contract = store.live("contracts", _str(data.get("contract_id")))
        return compute_keys(store, "contracts", contract) if contract else set()
    if collection == "visits":
        return _visit_keys(store, data)
    if collection == "learners":
        return _learner_keys(store, data)
    if collection == "incentive_claims":
        out = set()
        for cid in data.get("contract_ids") or []:
            contract = store.live("contracts", _str(cid))
            if contract and isinstance(contract.get("operator_code"), str):
                out.add(f"o:{contract['operator_code']}")
        return out
    if collection == "documents":
        target = _str(data.get("record")) or ""
        coll, _, rid = target.partition("/")
        return document_keys(coll, store.keys_of(coll, rid)) if rid else set()
    return set()


def _own_sector(data: Mapping[str, Any]) -> set[str]:
    return {data["sector"]} if isinstance(data.get("sector"), str) else set()


def _visit_keys(store: Store, data: Mapping[str, Any]) -> set[str]:
    out: set[str] = set()
    contract = store.live("contracts", _str(data.get("contract_id")))
    if contract:
        out |= compute_keys(store, "contracts", contract)
    approval = store.live("approvals", _str(data.get("approval_id")))
    if approval:
        company = _unit_company(store, approval.get("establishment_unit_id"))
        out |= _s(company_sectors(store, company))
        if isinstance(approval.get("operator_code"), str):
            out.add(f"o:{approval['operator_code']}")
    return out


def _learner_keys(store: Store, data: Mapping[str, Any]) -> set[str]:
    out = {f"o:{data['operator_code']}"} if isinstance(data.get("operator_code"), str) else set()
    learner_id = _str(data.get("_id"))
    if learner_id:
        for contract_id in store.find_ids("contracts", "learner_id", learner_id):
            contract = store.live("contracts", contract_id)
            if contract:
                company = _unit_company(store, contract.get("establishment_unit_id"))
                out |= _s(company_sectors(store, company))
    return out


def keys_for(store: Store, collection: str, record_id: str, data: Mapping[str, Any]) -> set[str]:
    """``compute_keys`` for a record with its id (companies and learners need it)."""
    return compute_keys(store, collection, {**data, "_id": record_id})


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
    return out


def _company_tree(store: Store, company_id: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = [("companies", company_id)]
    out += [("tutors", i) for i in store.find_ids("tutors", "company_id", company_id)]
    for unit in store.find_ids("establishment_units", "company_id", company_id):
        out.append(("establishment_units", unit))
        for approval in store.find_ids("approvals", "establishment_unit_id", unit):
            out.append(("approvals", approval))
            out += [("visits", i) for i in store.find_ids("visits", "approval_id", approval)]
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
