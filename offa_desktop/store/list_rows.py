"""The contracts list's display rows, without SQLAlchemy (shared by ``contract_list`` and
``first_look``, which paints the first page at start-up before SQLAlchemy is imported)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

# Sync states shown in lists, worst first.
SYNCED, PENDING, CONFLICT, REJECTED = "synced", "pending", "conflict", "rejected"

CONTRACT_SORTS = (
    "learner",
    "company",
    "trade",
    "operator",
    "start_date",
    "end_date",
    "level",
    "status",
    "sync_state",
)


@dataclass(frozen=True)
class ContractRow:
    """One line of the contracts list."""

    id: str
    learner_name: str
    company_name: str
    trade_name: str
    operator_code: str | None
    operator_name: str
    start_date: date | None
    end_date: date | None
    level: str | None
    status: str | None
    sync_state: str
    version: int | None


def contract_row(r: Sequence[Any]) -> ContractRow:
    """A row of the list from the columns of ``contract_list.page_statement``, in its order."""
    return ContractRow(
        id=r[0],
        learner_name=" ".join(p for p in (r[1], r[2]) if p),
        company_name=r[3] or "",
        trade_name=r[4] or r[13] or "",
        operator_code=r[5],
        operator_name=r[6] or r[5] or "",
        start_date=r[7],
        end_date=r[8],
        level=r[9],
        status=r[10],
        sync_state=r[11] or SYNCED,
        version=r[12],
    )
