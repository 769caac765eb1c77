"""The rules of a contract event (termination, suspension, resumption, level change, amendment).

Checked when the event is created: the contract's status accepts the event
(``contracts.EVENT_FROM``, ``invalid_transition``); the effective date is within the contract;
the details have the shape of their kind; a reason code exists; a notice follows
``dates.notice_period``; a level change pays at least the new level's minimum on its effective
date; an amendment changes only fields an amendment may change (never the trade: a new trade is a
new contract) and leaves a contract that passes the contract rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from offa_desktop.domain.access import get_date, get_money, reference_by_code
from offa_desktop.domain.checks import blocking, check_fields, validate_with
from offa_desktop.domain.contract_rules import contract_problems
from offa_desktop.domain.contracts import event_allowed_problems
from offa_desktop.domain.dates import notice_period
from offa_desktop.domain.pay import minimum_monthly_pay
from offa_desktop.domain.problems import Problem, Record, RuleContext, problem
from offa_desktop.domain.rules import pay_problems
from offa_desktop.domain.shapes import event_details_problems
from offa_desktop.domain.values import format_date_fr

E = "contract_events"
# Fields an amendment may change; learner, trade, operator and status need a new contract or
# their own event.
AMENDABLE = frozenset(
    {
        "end_date",
        "schedule",
        "tutor_id",
        "workplace_ids",
        "establishment_unit_id",
        "approval_id",
        "level",
        "monthly_pay",
        "referent_name",
        "referent_email",
        "referent_phone",
        "company_signatory",
    }
)
REASONS = {"termination": "termination_reasons", "suspension": "suspension_reasons"}


def _details(what: str, code: str = "invalid") -> Problem:
    return problem(E, "details", code, what)


def _notice(details: Mapping[str, Any], contract_start: date) -> list[Problem]:
    notified = get_date(details, "notified_on")
    if notified is None:
        return []
    first, last = notice_period(notified, contract_start)
    start, end = get_date(details, "notice_start"), get_date(details, "notice_end")
    if start is not None and start != first:
        return [
            _details(
                f"le préavis commence le lendemain de la notification ({format_date_fr(first)})."
            )
        ]
    if end is not None and end != last:
        days = (last - first).days + 1
        return [
            _details(
                f"un préavis de {days} jours notifié ce jour-là finit le {format_date_fr(last)}."
            )
        ]
    return []


_OUTCOME_STATUS = {"termination": "terminated", "suspension": "suspended", "resumption": "active"}


def _already_applied(
    kind: str, details: Any, contract_id: str, contract: Record, ctx: RuleContext
) -> bool:
    """The contract already shows what the event records (history taken over from OPLA)."""
    if kind in _OUTCOME_STATUS and contract.get("status") == _OUTCOME_STATUS[kind]:
        # only the first such event: a second one on top is a mistake
        return not ctx.find(E, contract_id=contract_id, kind=kind)
    if kind == "level_change" and isinstance(details, Mapping):
        return details.get("to_level") == contract.get("level") and bool(details.get("from_level"))
    return False


def _level_change(
    details: Mapping[str, Any], contract: Record, on: date, ctx: RuleContext
) -> list[Problem]:
    out: list[Problem] = []
    to_level, pay = details.get("to_level"), get_money(details, "monthly_pay")
    from_level, level = details.get("from_level"), contract.get("level")
    if to_level == level and from_level in (None, level):
        out.append(_details("le nouveau niveau est le niveau actuel."))
    elif from_level not in (None, level) and to_level != level:
        out.append(_details("le niveau de départ n'est pas le niveau actuel du contrat."))
    if isinstance(to_level, str) and pay is not None:
        minimum = minimum_monthly_pay(ctx, to_level, on)
        if minimum is not None:
            out += pay_problems(pay, minimum, collection=E, field="details")
    return out


def _amendment(
    details: Mapping[str, Any], contract_id: str, contract: Record, ctx: RuleContext
) -> list[Problem]:
    changes = details.get("changes")
    if not isinstance(changes, Mapping):
        return []
    refused = sorted(set(changes) - AMENDABLE)
    if "trade_code" in refused:
        return [
            _details("un changement de métier demande un nouveau contrat.", "new_contract_needed")
        ]
    if refused:
        return [_details(f"un avenant ne change pas : {', '.join(refused)}.")]
    found = check_fields("contracts", changes, partial=True)
    if not found:
        merged = {**contract, **changes}
        found = validate_with(
            "contracts",
            merged,
            previous=contract,
            ctx=ctx,
            record_id=contract_id,
            rules=contract_problems,
        )
    return [Problem("details", p.code, p.message, p.warning) for p in blocking(found)]


def event_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """The record rules of a contract event (on its creation; an update re-checks the shape)."""
    kind = data.get("kind")
    details = data.get("details")
    if not isinstance(kind, str):
        return []
    out = event_details_problems(kind, details) if details is not None else []
    reasons = REASONS.get(kind)
    code = data.get("reason_code")
    if reasons and code is not None and reference_by_code(ctx, reasons, code) is None:
        out.append(problem(E, "reason_code", "not_found", f"motif « {code} » inconnu."))
    contract_id = data.get("contract_id")
    contract = ctx.get("contracts", contract_id) if isinstance(contract_id, str) else None
    if previous is not None or contract is None or not isinstance(contract_id, str):
        return out
    status = contract.get("status")
    out += event_allowed_problems(
        kind,
        status if isinstance(status, str) else None,
        already_applied=_already_applied(kind, details, contract_id, contract, ctx),
    )
    on, start = get_date(data, "effective_date"), get_date(contract, "start_date")
    end = get_date(contract, "end_date")
    if on is not None and start is not None and on < start:
        out.append(
            problem(
                E,
                "effective_date",
                "before_start",
                f"avant le début du contrat ({format_date_fr(start)}).",
            )
        )
    elif on is not None and end is not None and on > end and kind != "amendment":
        out.append(
            problem(
                E,
                "effective_date",
                "after_end",
                f"après la fin du contrat ({format_date_fr(end)}).",
            )
        )
    if out or not isinstance(details, Mapping):
        return out
    if kind == "termination" and start is not None:
        out += _notice(details, start)
    elif kind == "suspension":
        until = get_date(details, "end_date")
        if on is not None and until is not None and until < on:
            out.append(_details("la fin de la suspension précède son début."))
    elif kind == "level_change" and on is not None:
        out += _level_change(details, contract, on, ctx)
    elif kind == "amendment":
        out += _amendment(details, contract_id, contract, ctx)
    return out
