"""Side effects of a write, applied in the same transaction by the store and by the server.

- A contract event created updates its contract: ``termination`` -> status ``terminated``;
  ``suspension`` / ``resumption`` -> ``suspended`` / ``active``; ``level_change`` -> ``level``
  and ``monthly_pay`` from its details; ``amendment`` -> the fields of ``details.changes``.
- An approval moved to ``withdrawn`` ends its unit's running contracts (signed, active,
  suspended) in its trade: for each one, a ``termination`` event (reason
  ``approval_withdrawn``, effective on the withdrawal's ``decided_on``, else today, but never
  before the contract's start nor after its end) and that contract's status update. The
  event's id is a uuid5 of (approval id, contract id), so the client and the server make the
  same records.
- A learner's mobility accepted (``learner_transfers``) moves the learner to the receiving
  operator (``operator_code``), written by the server alone.
- A contract that replaces another (``supersedes_id``, "Annuler et remplacer") ends it when it
  is signed (moved out of ``draft``, or created running): the replaced contract, if still
  running, gets a ``termination`` event (reason ``replaced``, «remplacé»), effective the day
  before the replacement starts but never before its own start nor after its end, and its
  status update. The event's id is a uuid5 of (replacement id, replaced id).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from offa_desktop.domain.access import get_date
from offa_desktop.domain.contracts import RUNNING
from offa_desktop.domain.problems import RuleContext

# Fixed namespace of the ids of records made by side effects (never change it).
EFFECTS_NAMESPACE = uuid.UUID("6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f")
WITHDRAWAL_REASON = "approval_withdrawn"
REPLACED_REASON = "replaced"


@dataclass(frozen=True)
class Effect:
    """One write a change implies: create or update ``record_id`` of ``collection`` with
    ``fields`` (a create holds the whole record; an update only the fields changed)."""

    collection: str
    record_id: str
    kind: Literal["create", "update"]
    fields: dict[str, Any] = field(default_factory=dict)


def withdrawal_event_id(approval_id: str, contract_id: str) -> str:
    """The id of the termination event a withdrawal makes for a contract."""
    return str(uuid.uuid5(EFFECTS_NAMESPACE, f"approval-withdrawal:{approval_id}:{contract_id}"))


def replacement_event_id(replacement_id: str, replaced_id: str) -> str:
    """The id of the termination event a signed replacement makes for the contract it
    replaces."""
    return str(uuid.uuid5(EFFECTS_NAMESPACE, f"replacement:{replacement_id}:{replaced_id}"))


def contract_changes(event: Mapping[str, Any]) -> dict[str, Any]:
    """The contract fields a contract event changes."""
    kind = event.get("kind")
    details = event.get("details")
    details = details if isinstance(details, Mapping) else {}
    if kind == "termination":
        return {"status": "terminated"}
    if kind == "suspension":
        return {"status": "suspended"}
    if kind == "resumption":
        return {"status": "active"}
    if kind == "level_change":
        return {"level": details.get("to_level"), "monthly_pay": details.get("monthly_pay")}
    if kind == "amendment":
        changes = details.get("changes")
        return dict(changes) if isinstance(changes, Mapping) else {}
    return {}


def _event_effects(data: Mapping[str, Any], previous: Mapping[str, Any] | None) -> list[Effect]:
    contract_id = data.get("contract_id")
    if previous is not None or not isinstance(contract_id, str):
        return []
    changes = contract_changes(data)
    return [Effect("contracts", contract_id, "update", changes)] if changes else []


def _withdrawal_effects(
    approval_id: str, data: Mapping[str, Any], previous: Mapping[str, Any] | None, ctx: RuleContext
) -> list[Effect]:
    if data.get("status") != "withdrawn" or (previous or {}).get("status") == "withdrawn":
        return []
    unit_id, trade = data.get("establishment_unit_id"), data.get("trade_code")
    on = get_date(data, "decided_on") or ctx.today()
    out: list[Effect] = []
    running = ctx.find("contracts", establishment_unit_id=unit_id, trade_code=trade)
    for contract_id, contract in sorted(running, key=lambda item: item[0]):
        if contract.get("status") not in RUNNING:
            continue
        event = _termination(contract_id, _within(on, contract), WITHDRAWAL_REASON, on)
        out.append(
            Effect(
                "contract_events", withdrawal_event_id(approval_id, contract_id), "create", event
            )
        )
        out.append(Effect("contracts", contract_id, "update", {"status": "terminated"}))
    return out


def _within(day: date, contract: Mapping[str, Any]) -> date:
    """``day`` moved into the contract's period (not before its start, not after its end)."""
    start, end = get_date(contract, "start_date"), get_date(contract, "end_date")
    day = max(day, start) if start is not None else day
    return min(day, end) if end is not None else day


def _termination(
    contract_id: str, effective: date, reason: str, notified_on: date
) -> dict[str, Any]:
    """The termination event a server-made effect creates."""
    return {
        "contract_id": contract_id,
        "kind": "termination",
        "effective_date": effective.isoformat(),
        "reason_code": reason,
        "details": {"notified_on": notified_on.isoformat()},
    }


def _replacement_effects(
    contract_id: str, data: Mapping[str, Any], previous: Mapping[str, Any] | None, ctx: RuleContext
) -> list[Effect]:
    old_id = data.get("supersedes_id")
    signed_now = data.get("status") in RUNNING and (
        previous is None or previous.get("status") not in RUNNING
    )
    if not isinstance(old_id, str) or not signed_now:
        return []
    old = ctx.get("contracts", old_id)
    if old is None or old.get("status") not in RUNNING:
        return []
    start = get_date(data, "start_date")
    on = get_date(data, "signed_on") or ctx.today()
    effective = (start - timedelta(days=1)) if start is not None else on
    event = _termination(old_id, _within(effective, old), REPLACED_REASON, on)
    return [
        Effect("contract_events", replacement_event_id(contract_id, old_id), "create", event),
        Effect("contracts", old_id, "update", {"status": "terminated"}),
    ]


def side_effects(
    collection: str,
    record_id: str,
    data: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    ctx: RuleContext,
) -> list[Effect]:
    """The writes implied by writing ``data`` (``previous`` None on a create), in order. The list
    is complete: the effects of these effects are included (do not derive them again)."""
    if collection == "contract_events":
        return _event_effects(data, previous)
    if collection == "approvals":
        return _withdrawal_effects(record_id, data, previous, ctx)
    if collection == "contracts":
        return _replacement_effects(record_id, data, previous, ctx)
    if collection == "learner_transfers":
        return _transfer_effects(data, previous, ctx)
    return []


def _transfer_effects(
    data: Mapping[str, Any], previous: Mapping[str, Any] | None, ctx: RuleContext
) -> list[Effect]:
    """A mobility accepted moves the learner to the receiving operator (server-made: the
    learner leaves the sending operator's scope, its past contracts stay there)."""
    if data.get("status") != "accepted" or (previous or {}).get("status") == "accepted":
        return []
    return [
        Effect("learners", learner_id, "update", {"operator_code": data.get("to_operator")})
        for learner_id, learner in ctx.find("learners", niss=data.get("niss"))
        if learner.get("operator_code") == data.get("from_operator")
    ]
