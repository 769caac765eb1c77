"""Use cases of the events on a contract: which events its status accepts, the notice of a
termination (7 or 14 days), who pays the first days of a suspension, the pay of a new level."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from offa_desktop.domain.choices import EVENT_KINDS
from offa_desktop.domain.contracts import EVENT_FROM
from offa_desktop.domain.dates import in_trial_period, notice_period
from offa_desktop.domain.pay import minimum_monthly_pay
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.writes import Saved
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext


def allowed_kinds(status: str | None) -> list[str]:
    """The event kinds a contract in ``status`` accepts, in the schema's order."""
    return [kind for kind in EVENT_KINDS if status in EVENT_FROM.get(kind, frozenset())]


@dataclass(frozen=True)
class Notice:
    """The notice of a termination notified on a day."""

    first: date
    last: date
    in_trial: bool

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def notice(contract_start: date, notified_on: date) -> Notice:
    """Starts the day after the notification; 7 days in the trial period, 14 after."""
    first, last = notice_period(notified_on, contract_start)
    return Notice(first, last, in_trial_period(contract_start, notified_on))


def company_pays_days(wc: WorkingCopy, reason_code: str | None) -> int | None:
    """Days of a suspension the company pays for a reason (None: pay due throughout, the
    company's default)."""
    for row in editing.reference(wc, "suspension_reasons"):
        if row.get("code") == reason_code:
            days = row.get("company_pays_days")
            return int(days) if isinstance(days, int) else None
    return None


def level_minimum(wc: WorkingCopy, level: str, on: date) -> Decimal | None:
    """The minimum monthly pay of ``level`` on the level change's effective date."""
    with wc.session() as db:
        return minimum_monthly_pay(StoreContext(db), level, on)


def contract_title(wc: WorkingCopy, contract_id: str) -> tuple[dict[str, Any], str]:
    """The contract and a line naming it for people (learner, trade, dates)."""
    with wc.session() as db:
        ctx = StoreContext(db)
        contract = ctx.get("contracts", contract_id) or {}
        learner = ctx.get("learners", str(contract.get("learner_id"))) or {}
        trades = {t.get("code"): t.get("name") for t in ctx.reference("trades")}
    name = f"{learner.get('last_name') or ''} {learner.get('first_name') or ''}".strip()
    trade = trades.get(contract.get("trade_code")) or contract.get("trade_code") or ""
    return dict(contract), f"{name} — {trade}"


def record_event(wc: WorkingCopy, data: dict[str, Any]) -> Saved:
    """Create the event; its contract is updated in the same transaction (domain effects)."""
    return editing.save(wc, "contract_events", None, data)
