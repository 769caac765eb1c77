"""What the contract wizard's pages read of the wizard that holds them."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from offa_desktop.ops.records.editing import Check


class ContractWizard(Protocol):
    """``contract_wizard.ContractWizard`` as its pages see it (``contract_pages`` imports this
    Protocol, not the wizard, which imports the pages: no circle)."""

    context: Any
    wc: Any
    data: dict[str, Any]
    today: date
    operator_choices: list[tuple[str, str]]
    learner: dict[str, Any]
    saving: bool
    record_id: str | None

    def summary_html(self) -> str: ...
    def check(self, status: str) -> Check: ...
    def is_minor(self, learner: dict[str, Any]) -> bool: ...
    def fmt_date(self, value: Any) -> str: ...
    def trade_name(self, code: Any) -> str: ...
    def trial_text(self, start: date | None) -> str: ...
