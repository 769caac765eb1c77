"""The approval (agrément) of an establishment unit for a trade: status machine and rules.

Status transitions (checked on updates only; a create may carry any status)::

    requested    -> under_review
    under_review -> granted | refused
    granted      -> suspended | withdrawn
    suspended    -> granted | withdrawn
    refused, withdrawn: final

Rules: a refusal or a withdrawal blocks a new request (a create in status requested or
under_review) for the same unit and trade for one year after its decision (``blocked``); a new
request while another approval of the unit and trade is live is a ``duplicate``; the
decision date is not before the request; a move to ``granted`` needs a tuteur désigné with a
criminal record extract among ``tutor_ids``; a decision (granted or refused) on a Walloon
unit without a coach's opinion (a done approval visit with an opinion) gets a warning
(``no_coach_opinion``).
"""

from __future__ import annotations

from offa_desktop.domain.access import changed, get_date
from offa_desktop.domain.dates import add_years
from offa_desktop.domain.problems import Problem, Record, RuleContext, problem
from offa_desktop.domain.rules import tutor_is_designated
from offa_desktop.domain.transitions import StatusMachine
from offa_desktop.domain.values import format_date_fr

TRANSITIONS: dict[str, frozenset[str]] = {
    "requested": frozenset({"under_review"}),
    "under_review": frozenset({"granted", "refused"}),
    "granted": frozenset({"suspended", "withdrawn"}),
    "suspended": frozenset({"granted", "withdrawn"}),
    "refused": frozenset(),
    "withdrawn": frozenset(),
}
STATUS_FR = {
    "requested": "demandé",
    "under_review": "en instruction",
    "granted": "accordé",
    "refused": "refusé",
    "suspended": "suspendu",
    "withdrawn": "retiré",
}
BLOCKING = ("refused", "withdrawn")
A = "approvals"


MACHINE = StatusMachine(A, TRANSITIONS, STATUS_FR, "un agrément")
can_move = MACHINE.can_move


def blocking_decision(ctx: RuleContext, unit_id: str, trade_code: str) -> tuple[str, Record] | None:
    """The latest refusal or withdrawal of the unit and trade, if any."""
    latest: tuple[str, Record] | None = None
    for other_id, other in ctx.find(A, establishment_unit_id=unit_id, trade_code=trade_code):
        decided = get_date(other, "decided_on")
        if other.get("status") not in BLOCKING or decided is None:
            continue
        if latest is None or decided > (get_date(latest[1], "decided_on") or decided):
            latest = (other_id, other)
    return latest


def _blocked(record_id: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    requested = get_date(data, "requested_on")
    unit, trade = data.get("establishment_unit_id"), data.get("trade_code")
    if requested is None or not isinstance(unit, str) or not isinstance(trade, str):
        return []
    found = blocking_decision(ctx, unit, trade)
    if found is None or found[0] == record_id:
        return []
    decided = get_date(found[1], "decided_on")
    if decided is None:  # pragma: no cover - blocking_decision keeps dated decisions only
        return []
    free_on = add_years(decided, 1)
    if requested >= free_on:
        return []
    what = "refusé" if found[1].get("status") == "refused" else "retiré"
    return [
        problem(
            A,
            "trade_code",
            "blocked",
            f"agrément {what} le {format_date_fr(decided)} pour cette unité et ce métier : "
            f"nouvelle demande possible à partir du {format_date_fr(free_on)}.",
        )
    ]


LIVE = ("requested", "under_review", "granted", "suspended")


def _duplicate(record_id: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    unit, trade = data.get("establishment_unit_id"), data.get("trade_code")
    if not isinstance(unit, str) or not isinstance(trade, str):
        return []
    for other_id, other in ctx.find(A, establishment_unit_id=unit, trade_code=trade):
        if other_id != record_id and other.get("status") in LIVE:
            status = STATUS_FR.get(str(other.get("status")), "")
            return [
                problem(
                    A,
                    "trade_code",
                    "duplicate",
                    f"un agrément {status} existe déjà pour cette unité et ce métier.",
                )
            ]
    return []


def _coach_opinion(record_id: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    unit_id = data.get("establishment_unit_id")
    unit = ctx.get("establishment_units", unit_id) if isinstance(unit_id, str) else None
    if unit is None or unit.get("region") != "wal":
        return []
    if record_id is not None:
        for _, visit in ctx.find("visits", approval_id=record_id):
            if visit.get("status") == "done" and visit.get("opinion"):
                return []
    return [
        problem(
            A,
            "status",
            "no_coach_opinion",
            "décision sans avis du coach sectoriel (obligatoire en Wallonie).",
            warning=True,
        )
    ]


def _tutor_needed(data: Record, ctx: RuleContext) -> list[Problem]:
    ids = data.get("tutor_ids") or []
    for tutor_id in ids:
        tutor = ctx.get("tutors", tutor_id)
        if tutor is not None and tutor_is_designated(tutor) and tutor.get("criminal_record_date"):
            return []
    return [
        problem(
            A,
            "tutor_ids",
            "tutor_required",
            "pour accorder, un tuteur désigné avec son extrait de casier judiciaire est requis.",
        )
    ]


def approval_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """The record rules of an approval after a change (see the module docstring)."""
    status = data.get("status")
    old = previous.get("status") if previous else None
    out = MACHINE.change_problems(data, previous)
    requested, decided = get_date(data, "requested_on"), get_date(data, "decided_on")
    if requested is not None and decided is not None and decided < requested:
        out.append(problem(A, "decided_on", "before_start", "ne peut précéder la demande."))
    if status in ("requested", "under_review") and changed(
        data, previous, ("establishment_unit_id", "trade_code", "requested_on")
    ):
        out += _blocked(record_id, data, ctx)
        out += _duplicate(record_id, data, ctx)
    moved = previous is not None and old != status
    if moved and status == "granted" and old != "suspended":
        out += _tutor_needed(data, ctx)
    if moved and status in ("granted", "refused") and old == "under_review":
        out += _coach_opinion(record_id, data, ctx)
    return out
