"""The plain data a printed document is built from (API-shaped dicts, no store, no Qt).

``ops/printing/gathering.py`` gathers a :class:`PrintData` from the working copy; tests build one by
hand. Every mapping holds a record's ``data`` as in API.md (dates ``"YYYY-MM-DD"``, money
``"612.34"``); a missing related record is ``None`` and prints as an empty box.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from offa_desktop.domain.documents import BLANK_KINDS
from offa_desktop.domain.errors import OffaError
from offa_desktop.domain.values import brussels_today

Record = Mapping[str, Any]


# The collection each kind prints a record of.
KIND_COLLECTION = {
    "contract": "contracts",
    "amendment": "contract_events",
    "suspension": "contract_events",
    "termination": "contract_events",
    "approval": "approvals",
    "visit": "visits",
    "blank-contract": "contracts",
    "blank-visit": "visits",
}


class PrintError(OffaError):
    """A document cannot be printed; the message is French and says what to do."""

    code = "not_printable"


@dataclass(frozen=True)
class PrintProblem:
    """One thing still wrong with a record, shown on the last page of a «PROJET»."""

    field: str  # the French label of the field ("date de fin")
    message: str  # the French message naming the field


@dataclass
class PrintData:
    """Everything one document needs: the record and its related records, as plain data.

    ``record`` is the printed record itself (a contract, a contract event, an approval, a
    visit; empty for a blank form). ``version`` is the server version, ``None`` for a record
    never synced. ``training_plan`` maps a level (``"a"``) to its competences.
    ``wage_reference`` and ``pay_rate`` are those in force on the start date.
    """

    kind: str
    record_id: str | None = None
    version: int | None = None
    record: Record = field(default_factory=dict)
    contract: Record | None = None  # the contract of an event or a follow-up visit
    learner: Record | None = None
    company: Record | None = None
    unit: Record | None = None
    tutor: Record | None = None
    tutors: Sequence[Record] = ()  # the tutors of an approval
    operator: Record | None = None
    trade: Record | None = None
    approval: Record | None = None
    workplaces: Sequence[Record] = ()
    training_plan: Mapping[str, Sequence[str]] = field(default_factory=dict)
    wage_reference: Record | None = None
    pay_rate: Record | None = None
    pay_rates: Sequence[Record] = ()  # every level's rate in force (blank forms)
    events: Sequence[Record] = ()  # the contract's events, each with its ``reason_label``
    replaces: Record | None = None  # the contract this one replaces (with its ``id``)
    replaced_by: Sequence[Record] = ()  # the contracts naming this one in supersedes_id
    overrides: Sequence[str] = ()  # rules set aside with a reason, in words (who, when)
    reason: Record | None = None  # the termination or suspension reason
    visitor: Record | None = None
    checklist: Record | None = None  # the checklist template of a visit
    checklists: Sequence[Record] = ()  # every template (blank visit form)
    problems: Sequence[PrintProblem] = ()
    names: Mapping[str, str] = field(default_factory=dict)  # record id -> name, for references
    printed_on: date = field(default_factory=brussels_today)  # "today" in Europe/Brussels

    @property
    def collection(self) -> str:
        return KIND_COLLECTION[self.kind]

    @property
    def blank(self) -> bool:
        return self.kind in BLANK_KINDS
