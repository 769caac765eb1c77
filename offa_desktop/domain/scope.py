"""Who reads what (API.md "Roles and scope"), as scope keys: one source for the server and the
client.

Every record carries a set of keys: ``pub`` (reference data: everyone), ``sec`` (companies,
units, tutors, approvals and their documents: every secretariat), ``s:<sector>`` (the coaches of
that sector: a company's sectors are its own plus the sectors of the trades of its units' live
approvals, whatever their status) and ``o:<operator>`` (the secretariat of that operator). An
actor holds keys too (``offa`` holds all); an actor reads a record when the two sets meet.

The keys are computed from a ``ScopeReader``: the server's store (keys kept in
``record_keys``), or the client's working copy (``ops`` adapts it), which holds the user's
scope, so a record's keys come out the same on both sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from offa_desktop.domain.schema import REFERENCE_COLLECTIONS

ROLES = ("coach", "secretariat", "offa")
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
    "stage_offers": ("approval_id", "establishment_unit_id"),
    "mediation_referrals": ("subject", "contract_id", "approval_id"),
    "learner_transfers": ("from_operator", "to_operator"),
}
# What a coach may read of a learner.
COACH_LEARNER_FIELDS = ("first_name", "last_name", "operator_code")
# Records whose fields some holders of their keys read only in part (a coach reads a learner's
# names and operator): the documents of such a record follow the fields, so they do not carry
# those holders' keys (a coach's are ``s:<sector>``). A new collection read in part by a role
# adds its entry here and to the server's ``Principal.project``.
PARTIAL_READERS: dict[str, tuple[str, ...]] = {"learners": ("s:",)}


def scope_moved(
    collection: str, previous: Mapping[str, Any] | None, data: Mapping[str, Any] | None
) -> bool:
    """True when the write may move the record in or out of a scope (a new one always does)."""
    return previous is None or any(
        previous.get(f) != (data or {}).get(f) for f in SCOPE_FIELDS.get(collection, ())
    )


class ScopeReader(Protocol):
    """What computing scope keys reads."""

    def live(self, collection: str, record_id: str | None) -> Mapping[str, Any] | None:
        """A live record's data, or None."""
        ...

    def find_ids(self, collection: str, field: str, value: str) -> list[str]:
        """Ids of live records of ``collection`` whose ``field`` holds ``value``."""
        ...

    def reference(self, collection: str) -> Iterable[Mapping[str, Any]]:
        """Every row of a reference collection."""
        ...

    def keys_of(self, collection: str, record_id: str) -> set[str]:
        """The keys of a stored record (documents take those of their record)."""
        ...


@dataclass(frozen=True)
class Actor:
    """Who writes or reads: role, operator (secretariats), sectors (coaches)."""

    user_id: str
    role: str
    operator_code: str | None
    sectors: tuple[str, ...]

    @classmethod
    def from_profile(cls, user: Mapping[str, Any] | None) -> Actor | None:
        """The actor of API.md's ``user`` profile (login answer); None without a known role."""
        if not user or user.get("role") not in ROLES:
            return None
        sectors = user.get("sectors") or ()
        return cls(
            str(user.get("id") or ""),
            str(user["role"]),
            user.get("operator_code") if isinstance(user.get("operator_code"), str) else None,
            tuple(str(s) for s in sectors if isinstance(s, str)),
        )

    @property
    def keys(self) -> frozenset[str] | None:
        """The actor's scope keys; None for ``offa`` (everything)."""
        if self.role == "offa":
            return None
        if self.role == "coach":
            return frozenset({"pub", self.private_key, *(f"s:{s}" for s in self.sectors)})
        return frozenset({"pub", "sec", self.private_key, f"o:{self.operator_code}"})

    @property
    def private_key(self) -> str:
        """The key of the actor's own records of the per-user collections."""
        return f"u:{self.user_id}"

    def reads(self, record_keys: set[str] | frozenset[str]) -> bool:
        mine = self.keys
        return mine is None or bool(mine & record_keys)


def document_keys(collection: str, record_keys: set[str] | frozenset[str]) -> set[str]:
    """The keys of a document attached to a record of ``collection`` holding ``record_keys``."""
    dropped = PARTIAL_READERS.get(collection, ())
    return {k for k in record_keys if not k.startswith(dropped)} if dropped else set(record_keys)


def text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def company_sectors(store: ScopeReader, company_id: str | None) -> set[str]:
    """A company's own sector and the sectors of the trades of its units' live approvals."""
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


def unit_company(store: ScopeReader, unit_id: Any) -> str | None:
    unit = store.live("establishment_units", text(unit_id))
    return text(unit.get("company_id")) if unit else None


def _s(sectors: set[str]) -> set[str]:
    return {f"s:{s}" for s in sectors}


def compute_keys(store: ScopeReader, collection: str, data: Mapping[str, Any]) -> set[str]:
    """The scope keys of a record whose state is ``data`` (``_id`` its id, see ``keys_for``)."""
    if collection in REFERENCE_COLLECTIONS:
        return {"pub"}
    if collection in PRIVATE_COLLECTIONS:
        return {f"u:{data.get('user_id')}"}
    if collection == "companies":
        own = {data["sector"]} if isinstance(data.get("sector"), str) else set()
        return {"sec"} | _s(company_sectors(store, text(data.get("_id"))) | own)
    if collection in ("establishment_units", "tutors"):
        return {"sec"} | _s(company_sectors(store, text(data.get("company_id"))))
    if collection == "approvals":
        company = unit_company(store, data.get("establishment_unit_id"))
        return {"sec"} | _s(company_sectors(store, company))
    if collection == "contracts":
        company = unit_company(store, data.get("establishment_unit_id"))
        out = _s(company_sectors(store, company))
        if isinstance(data.get("operator_code"), str):
            out.add(f"o:{data['operator_code']}")
        return out
    if collection == "contract_events":
        contract = store.live("contracts", text(data.get("contract_id")))
        return compute_keys(store, "contracts", contract) if contract else set()
    if collection == "visits":
        return _visit_keys(store, data)
    if collection == "learners":
        return _learner_keys(store, data)
    if collection == "incentive_claims":
        out = set()
        for cid in data.get("contract_ids") or []:
            contract = store.live("contracts", text(cid))
            if contract and isinstance(contract.get("operator_code"), str):
                out.add(f"o:{contract['operator_code']}")
        return out
    if collection == "stage_offers":  # as its approval
        approval = store.live("approvals", text(data.get("approval_id")))
        unit = (approval or data).get("establishment_unit_id")
        return {"sec"} | _s(company_sectors(store, unit_company(store, unit)))
    if collection == "mediation_referrals":  # as the contract or approval it is about
        if data.get("subject") == "contract":
            contract = store.live("contracts", text(data.get("contract_id")))
            return compute_keys(store, "contracts", contract) if contract else set()
        approval = store.live("approvals", text(data.get("approval_id")))
        return compute_keys(store, "approvals", approval) if approval else set()
    if collection == "learner_transfers":  # both operators' secretariats (and offa)
        return {f"o:{data[k]}" for k in ("from_operator", "to_operator")
                if isinstance(data.get(k), str)}  # fmt: skip
    if collection == "documents":
        target = text(data.get("record")) or ""
        coll, _, rid = target.partition("/")
        return document_keys(coll, store.keys_of(coll, rid)) if rid else set()
    return set()


def _visit_keys(store: ScopeReader, data: Mapping[str, Any]) -> set[str]:
    out: set[str] = set()
    contract = store.live("contracts", text(data.get("contract_id")))
    if contract:
        out |= compute_keys(store, "contracts", contract)
    approval = store.live("approvals", text(data.get("approval_id")))
    if approval:
        company = unit_company(store, approval.get("establishment_unit_id"))
        out |= _s(company_sectors(store, company))
        if isinstance(approval.get("operator_code"), str):
            out.add(f"o:{approval['operator_code']}")
    return out


def _learner_keys(store: ScopeReader, data: Mapping[str, Any]) -> set[str]:
    out = {f"o:{data['operator_code']}"} if isinstance(data.get("operator_code"), str) else set()
    learner_id = text(data.get("_id"))
    if learner_id:
        for contract_id in store.find_ids("contracts", "learner_id", learner_id):
            contract = store.live("contracts", contract_id)
            if contract:
                company = unit_company(store, contract.get("establishment_unit_id"))
                out |= _s(company_sectors(store, company))
    return out


def keys_for(
    store: ScopeReader, collection: str, record_id: str, data: Mapping[str, Any]
) -> set[str]:
    """``compute_keys`` for a record with its id (companies and learners need it)."""
    return compute_keys(store, collection, {**data, "_id": record_id})
