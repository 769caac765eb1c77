"""What a visit is about, for the head of its form: the company, the establishment unit, the
trade and the approval (or, for a follow-up visit, the learner and the contract), and who the
visitor is. Read-only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from offa_desktop.domain.access import get_date, reference_by_code
from offa_desktop.domain.values import format_date_fr
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext

APPROVAL_STATUS_FR = {
    "requested": "demandé", "under_review": "en instruction", "granted": "accordé",
    "refused": "refusé", "suspended": "suspendu", "withdrawn": "retiré",
}  # fmt: skip


@dataclass(frozen=True)
class VisitSubject:
    """The facts a coach checks before filling a visit report (French texts, "" unknown)."""

    company: str = ""
    enterprise_number: str = ""
    unit: str = ""
    place: str = ""  # the unit's street, postal code and city
    trade: str = ""
    approval: str = ""  # "en instruction, demandé le 03/11/2026"
    learner: str = ""  # follow-up visits
    contract: str = ""  # "du 01/09/2026 au 31/08/2028"
    visitor: str = ""


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def visit_subject(wc: WorkingCopy, visit: Mapping[str, Any]) -> VisitSubject:
    """The company, unit, trade and approval (or learner and contract) of ``visit``."""
    with wc.session() as db:
        ctx = StoreContext(db)
        approval = contract = None
        if visit.get("approval_id"):
            approval = ctx.get("approvals", str(visit["approval_id"]))
        if visit.get("contract_id"):
            contract = ctx.get("contracts", str(visit["contract_id"]))
        parent = approval or contract or {}
        unit = ctx.get("establishment_units", _text(parent.get("establishment_unit_id"))) or {}
        company = ctx.get("companies", _text(unit.get("company_id"))) or {}
        trade = reference_by_code(ctx, "trades", parent.get("trade_code")) or {}
        learner = ctx.get("learners", _text((contract or {}).get("learner_id"))) or {}
        visitor = next(
            (u for u in ctx.reference("users") if u.get("id") == visit.get("visitor_id")), {}
        )
    approval_text = ""
    if approval:
        status = APPROVAL_STATUS_FR.get(_text(approval.get("status")), "")
        asked = get_date(approval, "requested_on")
        approval_text = status + (f", demandé le {format_date_fr(asked)}" if asked else "")
    contract_text = ""
    if contract:
        start, end = get_date(contract, "start_date"), get_date(contract, "end_date")
        if start:
            contract_text = f"du {format_date_fr(start)}" + (
                f" au {format_date_fr(end)}" if end else "")
    return VisitSubject(
        company=_text(company.get("name")),
        enterprise_number=_text(company.get("enterprise_number")),
        unit=_text(unit.get("name")),
        place=" ".join(p for p in (_text(unit.get("street")) + ",", _text(unit.get("postal_code")),
                                   _text(unit.get("city"))) if p.strip(",")),
        trade=_text(trade.get("name") or parent.get("trade_code")),
        approval=approval_text,
        learner=" ".join(_text(learner.get(n)) for n in ("last_name", "first_name")).strip(),
        contract=contract_text,
        visitor=_text(visitor.get("display_name")),
    )
