"""Use cases of Stage+ offers and referrals to the Commission (issue 18): what their forms
offer to choose (granted approvals, the operator's contracts), the statuses a record may move
to, the dates a move fills in, and the printable offer sheet."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from offa_desktop.domain.cases import OFFERS, REFERRALS, TRANSFERS
from offa_desktop.domain.identifiers import IdentifierError, normalize_niss
from offa_desktop.ops.contracts.drafting import Option
from offa_desktop.printing import offer as offer_sheet
from offa_desktop.printing.data import PrintData, PrintError
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext

LIMIT = 100
# The date a move to a status fills in when it is empty.
OFFER_DATES = {"published": "published_on", "closed": "closed_on"}
REFERRAL_DATES = {"in_mediation": "mediation_on", "settled": "closed_on", "decided": "closed_on"}
TRANSFER_DATES = {"accepted": "decided_on", "refused": "decided_on"}


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.casefold().split())


def _matches(text: str, label: str) -> bool:
    wanted = _fold(text).split()
    folded = _fold(label)
    return all(word in folded for word in wanted)


def offer_statuses(status: str | None) -> list[str]:
    """The current status then the ones it may move to (a new offer: draft)."""
    if status is None:
        return ["draft"]
    return [status, *sorted(OFFERS.transitions.get(status, frozenset()))]


def referral_statuses(status: str | None) -> list[str]:
    """The current status then the ones it may move to (a new referral: referred)."""
    if status is None:
        return ["referred"]
    return [status, *sorted(REFERRALS.transitions.get(status, frozenset()))]


def transfer_statuses(status: str | None) -> list[str]:
    """The current status then the ones it may move to (a new request: requested)."""
    if status is None:
        return ["requested"]
    return [status, *sorted(TRANSFERS.transitions.get(status, frozenset()))]


def learner_by_niss(wc: WorkingCopy, niss: str | None) -> tuple[str, dict[str, Any]] | None:
    """The learner of this copy with ``niss`` (the sending operator's copy holds it)."""
    if not niss:
        return None
    try:
        niss = normalize_niss(niss)  # as typed: «09.03.14-011.02»
    except IdentifierError:
        return None
    with wc.session() as db:
        found = StoreContext(db).find("learners", niss=niss)
    return (found[0][0], dict(found[0][1])) if found else None


def level_reached(wc: WorkingCopy, learner_id: str) -> str | None:
    """The level of the learner's latest contract in this copy (what a mobility carries)."""
    with wc.session() as db:
        contracts = StoreContext(db).find("contracts", learner_id=learner_id)
    dated_levels = sorted((str(c.get("start_date") or ""), c.get("level"))
                          for _i, c in contracts if c.get("level"))  # fmt: skip
    return str(dated_levels[-1][1]) if dated_levels else None


def dated(data: dict[str, Any], dates: Mapping[str, str], today: date) -> dict[str, Any]:
    """``data`` with the date its status calls for filled with ``today`` when empty."""
    name = dates.get(str(data.get("status")))
    if name and not data.get(name):
        return {**data, name: today.isoformat()}
    return data


def _names(db: Any, collection: str) -> dict[str, str]:
    rows = queries.reference(db, collection)
    return {str(r["code"]): str(r.get("name") or r["code"]) for r in rows}


def _units(db: Any, ids: Iterable[Any]) -> dict[str, dict[str, Any]]:
    wanted = sorted({str(i) for i in ids if i})
    if not wanted:
        return {}
    found = queries.page(db, "establishment_units", filters={"id": wanted}, limit=len(wanted))
    return {r.id: r.data for r in found}


def _unit_label(unit: Mapping[str, Any] | None) -> str:
    if not unit:
        return "?"
    return f"{unit.get('name')} ({unit.get('city')})"


def approval_options(
    wc: WorkingCopy, text: str = "", keep: str | None = None, *, granted_only: bool = True
) -> list[Option]:
    """Approvals (granted ones for an offer) as «unit (city) — trade», matching ``text``;
    ``keep`` (the current choice) always included."""
    with wc.session() as db:
        ctx = StoreContext(db)
        rows = ctx.find("approvals", status="granted") if granted_only else ctx.find("approvals")
        if keep and all(i != keep for i, _ in rows):
            kept = ctx.get("approvals", keep)
            rows = ([(keep, kept)] if kept else []) + list(rows)
        units = _units(db, (a.get("establishment_unit_id") for _, a in rows))
        trades = _names(db, "trades")
    out = []
    for approval_id, a in rows:
        label = (f"{_unit_label(units.get(str(a.get('establishment_unit_id'))))} — "
                 f"{trades.get(str(a.get('trade_code')), a.get('trade_code'))}")  # fmt: skip
        if approval_id == keep or _matches(text, label):
            out.append(Option(approval_id, label, str(a.get("operator_code") or ""), dict(a)))
    out.sort(key=lambda o: (o.id != keep, _fold(o.label)))
    return out[:LIMIT]


def contract_options(
    wc: WorkingCopy, text: str = "", keep: str | None = None, operator: str | None = None
) -> list[Option]:
    """Contracts (of ``operator`` when given) as «learner — unit (city)», matching ``text``."""
    with wc.session() as db:
        ctx = StoreContext(db)
        rows = ctx.find("contracts", operator_code=operator) if operator else ctx.find("contracts")
        if keep and all(i != keep for i, _ in rows):
            kept = ctx.get("contracts", keep)
            rows = ([(keep, kept)] if kept else []) + list(rows)
        learner_ids = sorted({str(c.get("learner_id")) for _, c in rows if c.get("learner_id")})
        learners = {r.id: r.data for r in queries.page(
            db, "learners", filters={"id": learner_ids}, limit=max(1, len(learner_ids)))}
        units = _units(db, (c.get("establishment_unit_id") for _, c in rows))
    out = []
    for contract_id, c in rows:
        person = learners.get(str(c.get("learner_id"))) or {}
        who = f"{person.get('last_name') or '?'} {person.get('first_name') or ''}".strip()
        label = f"{who} — {_unit_label(units.get(str(c.get('establishment_unit_id'))))}"
        if contract_id == keep or _matches(text, label):
            detail = f"{c.get('start_date') or ''} · {c.get('status') or ''}"
            out.append(Option(contract_id, label, detail, dict(c)))
    out.sort(key=lambda o: (o.id != keep, _fold(o.label)))
    return out[:LIMIT]


def offer_print_data(wc: WorkingCopy, offer_id: str) -> PrintData:
    """What the offer sheet prints: the offer, its approval, unit, company, trade, operator."""
    with wc.session() as db:
        ctx = StoreContext(db)
        found = queries.page(db, "stage_offers", filters={"id": [offer_id]}, limit=1)
        if not found:
            raise PrintError("Cette offre n'est pas dans la copie de travail.")
        offer, version = found[0].data, found[0].version
        unit = ctx.get("establishment_units", str(offer.get("establishment_unit_id")))
        company = ctx.get("companies", str((unit or {}).get("company_id")))
        approval = ctx.get("approvals", str(offer.get("approval_id")))
        trade = next((r for r in queries.reference(db, "trades")
                      if r.get("code") == offer.get("trade_code")), None)  # fmt: skip
        operator = next((r for r in queries.reference(db, "operators")
                         if r.get("code") == offer.get("operator_code")), None)  # fmt: skip
    return PrintData("stage-offer", offer_id, version, dict(offer), company=company, unit=unit,
                     trade=trade, operator=operator, approval=approval)  # fmt: skip


def print_offer(wc: WorkingCopy, offer_id: str, folder: Path, today: date) -> Path:
    """Write the offer sheet (PDF) into ``folder``; its path."""
    data = offer_print_data(wc, offer_id)
    data.printed_on = today
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / offer_sheet.file_name(data)
    path.write_bytes(offer_sheet.render(data))
    return path
