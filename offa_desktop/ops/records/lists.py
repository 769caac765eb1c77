"""What a list shows beside its rows: the sync state of listed records (synced, pending,
conflict, rejected; ``store/pending.py``, one query per page) and the names of the records they
link to (a company, a unit...) in one query per column.

Read-only: the lists call it for the ids of the page they show, so the state never needs a
column of its own and is always the outbox's truth.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from offa_desktop.store import queries
from offa_desktop.store.pending import CONFLICT, PENDING, REJECTED, SYNCED, sync_states
from offa_desktop.store.queries import ReadSession as Session
from offa_desktop.store.records import StoredRecord

__all__ = ["CONFLICT", "PENDING", "REJECTED", "SYNCED", "label", "linked_values", "sync_states"]

# List columns naming a linked record: column key -> the collection its id points into.
LINKED = {
    "company_id": "companies",
    "establishment_unit_id": "establishment_units",
    "learner_id": "learners",
    "tutor_id": "tutors",
}
# The visits list's "place": the unit of the visit's approval, else of its contract.
PLACE = "place"
# The referrals list's "about": the contract (its learner and unit) or the approval (its unit).
ABOUT = "about"


def label(collection: str, data: Mapping[str, Any]) -> str:
    """How a list names a linked record: a person by last and first name, a unit by its name
    and city, anything else by its name."""
    if collection in ("learners", "tutors"):
        return " ".join(str(p) for p in (data.get("last_name"), data.get("first_name")) if p)
    name = str(data.get("name") or "")
    if collection == "establishment_units" and data.get("city"):
        return f"{name} ({data['city']})"
    return name


def _records(session: Session, collection: str, ids: Iterable[Any]) -> dict[str, dict[str, Any]]:
    wanted = sorted({str(i) for i in ids if i})
    if not wanted:
        return {}
    found = queries.page(
        session, collection, filters={"id": wanted}, limit=len(wanted), include_deleted=True
    )
    return {r.id: r.data for r in found}


def linked_values(
    session: Session, records: Sequence[StoredRecord], keys: Iterable[str]
) -> dict[str, dict[str, str]]:
    """``{record id: {column key: label}}`` for the columns of ``keys`` that name a linked
    record (:data:`LINKED`, :data:`PLACE`): one query per column and page, never per row."""
    out: dict[str, dict[str, str]] = {r.id: {} for r in records}
    for key in keys:
        if key in LINKED:
            linked = _records(session, LINKED[key], (r.data.get(key) for r in records))
            for r in records:
                target = linked.get(str(r.data.get(key) or ""))
                out[r.id][key] = label(LINKED[key], target) if target else ""
        elif key == PLACE:
            approvals = _records(session, "approvals", (r.data.get("approval_id") for r in records))
            contracts = _records(session, "contracts", (r.data.get("contract_id") for r in records))
            unit_of: dict[str, str] = {}
            for r in records:
                parent = approvals.get(str(r.data.get("approval_id") or "")) or contracts.get(
                    str(r.data.get("contract_id") or "")
                )
                unit_of[r.id] = str((parent or {}).get("establishment_unit_id") or "")
            units = _records(session, "establishment_units", unit_of.values())
            for r in records:
                unit = units.get(unit_of[r.id])
                out[r.id][key] = label("establishment_units", unit) if unit else ""
        elif key == ABOUT:
            _about(session, records, out)
    return out


def _about(
    session: Session, records: Sequence[StoredRecord], out: dict[str, dict[str, str]]
) -> None:
    contracts = _records(session, "contracts", (r.data.get("contract_id") for r in records))
    approvals = _records(session, "approvals", (r.data.get("approval_id") for r in records))
    learners = _records(session, "learners", (c.get("learner_id") for c in contracts.values()))
    units = _records(session, "establishment_units", [
        p.get("establishment_unit_id") for p in (*contracts.values(), *approvals.values())])
    for r in records:
        contract = contracts.get(str(r.data.get("contract_id") or ""))
        approval = approvals.get(str(r.data.get("approval_id") or ""))
        parent = contract or approval or {}
        unit = units.get(str(parent.get("establishment_unit_id") or ""))
        where = label("establishment_units", unit) if unit else ""
        if contract is not None:
            learner = learners.get(str(contract.get("learner_id") or ""))
            who = label("learners", learner) if learner else ""
            out[r.id][ABOUT] = " — ".join(p for p in (who, where) if p)
        else:
            trade = str(parent.get("trade_code") or "")
            out[r.id][ABOUT] = " — ".join(p for p in (where, trade) if p)
