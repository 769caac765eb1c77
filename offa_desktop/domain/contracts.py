"""The contract's life: its status machine, which events it accepts, and its effective end.

Status transitions (checked on updates only; a create may carry any status, for records taken
over from OPLA or from paper)::

    draft      -> signed
    signed     -> active | terminated
    active     -> suspended | terminated | ended
    suspended  -> active | terminated | ended   (a contract may reach its term while suspended)
    terminated, ended: final

Events (``contract_events``) a contract accepts, by its status when the event is created:
termination from signed/active/suspended; suspension from active; resumption from suspended;
level_change and amendment from signed/active/suspended (a draft is simply edited). An event
whose outcome the contract already shows is accepted too (history taken over from OPLA: a
contract created terminated, then its termination event; a contract created at level B, then
the level change that brought it there).

The effective end of a contract is its termination event's ``effective_date`` (the last day under
contract) when it is terminated, else its ``end_date``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from offa_desktop.domain.access import get_date
from offa_desktop.domain.choices import CONTRACT_RUNNING
from offa_desktop.domain.problems import Problem, RuleContext, problem
from offa_desktop.domain.transitions import StatusMachine

TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"signed"}),
    "signed": frozenset({"active", "terminated"}),
    "active": frozenset({"suspended", "terminated", "ended"}),
    "suspended": frozenset({"active", "terminated", "ended"}),
    "terminated": frozenset(),
    "ended": frozenset(),
}
RUNNING = CONTRACT_RUNNING
EVENT_FROM: dict[str, frozenset[str]] = {
    "termination": frozenset(RUNNING),
    "suspension": frozenset({"active"}),
    "resumption": frozenset({"suspended"}),
    "level_change": frozenset(RUNNING),
    "amendment": frozenset(RUNNING),
}
STATUS_FR = {
    "draft": "projet",
    "signed": "signé",
    "active": "en cours",
    "suspended": "suspendu",
    "terminated": "rompu",
    "ended": "terminé",
}
EVENT_FR = {
    "termination": "une rupture",
    "suspension": "une suspension",
    "resumption": "une reprise",
    "level_change": "un changement de niveau",
    "amendment": "un avenant",
}


MACHINE = StatusMachine("contracts", TRANSITIONS, STATUS_FR, "un contrat")
can_move = MACHINE.can_move


def event_allowed_problems(
    kind: str, contract_status: str | None, *, already_applied: bool = False
) -> list[Problem]:
    """``invalid_transition`` on the event's ``kind`` when the contract's status refuses it.
    ``already_applied``: the contract already shows the event's outcome (a record taken over
    with its history: e.g. a terminated contract and then its termination event)."""
    allowed = EVENT_FROM.get(kind)
    if allowed is None or contract_status in allowed or already_applied:
        return []
    status = STATUS_FR.get(contract_status or "", contract_status or "?")
    return [
        problem(
            "contract_events",
            "kind",
            "invalid_transition",
            f"{EVENT_FR[kind]} n'est pas possible sur un contrat {status}.",
        )
    ]


def termination_date(ctx: RuleContext, contract_id: str) -> date | None:
    """The effective date of the contract's (latest) termination event, if any."""
    dates = [
        d
        for _, event in ctx.find("contract_events", contract_id=contract_id, kind="termination")
        if (d := get_date(event, "effective_date")) is not None
    ]
    return max(dates) if dates else None


def effective_end(
    ctx: RuleContext, contract_id: str | None, contract: Mapping[str, Any]
) -> date | None:
    """The last day under contract: the termination date when terminated, else ``end_date``."""
    if contract.get("status") == "terminated" and contract_id is not None:
        ended = termination_date(ctx, contract_id)
        if ended is not None:
            return ended
    return get_date(contract, "end_date")


def running_on(ctx: RuleContext, contract_id: str, contract: Mapping[str, Any], day: date) -> bool:
    """True when the contract is signed/active/suspended and ``day`` is within its dates."""
    if contract.get("status") not in RUNNING:
        return False
    start = get_date(contract, "start_date")
    end = effective_end(ctx, contract_id, contract)
    return start is not None and start <= day and (end is None or day <= end)
