"""What an import tells: each row's outcome (created, updated, unchanged, refused with its
reasons by column) and the French lines a person reads (``refusal_lines``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from offa_desktop.domain.changes import ChangeSet

CREATE, UPDATE, UNCHANGED, REFUSED = "create", "update", "unchanged", "refused"


@dataclass(frozen=True)
class Refusal:
    """Why a row was refused: the column as the file names it ("" for the whole row)."""

    column: str
    message: str


@dataclass
class RowOutcome:
    """What became (or would become) of one row."""

    line: int
    collection: str | None
    record_id: str | None
    action: str  # create, update, unchanged, refused
    fields: dict[str, Any] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)


@dataclass
class ImportReport:
    """Every row's outcome; ``written`` when the transaction was committed."""

    outcomes: list[RowOutcome]
    written: bool
    dry_run: bool
    changes: ChangeSet = field(default_factory=ChangeSet)

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def refused(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if o.action == REFUSED]


def refusal_lines(report: ImportReport) -> list[str]:
    """One French line per refusal: ``ligne 12, colonne « NISS » : …``."""
    lines = []
    for outcome in report.refused:
        for refusal in outcome.refusals:
            where = f"ligne {outcome.line}"
            if refusal.column:
                where += f", colonne « {refusal.column} »"
            lines.append(f"{where} : {refusal.message}")
    return lines
