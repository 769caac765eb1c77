"""The pre-flight report: "12 fiches seront refusées, voici pourquoi", before a sync and before
a batch print.

Every record with edits waiting (or every record of a print selection) is checked by the same
domain rules the server runs (``validate_record``: fields, record rules and the cross-record
rules the working copy can judge, with the last server state as ``previous``, as the server
will see it). Warnings never block: only blocking problems are reported. Rules that need
records outside the user's scope are left to the server ("vérifié à la synchronisation").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.validation import signing_problems, validate_record
from offa_desktop.store import preflight_rows
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext


@dataclass(frozen=True)
class Finding:
    """One blocking problem of one record."""

    collection: str
    id: str
    field: str
    code: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"collection": self.collection, "id": self.id, "field": self.field,
                "code": self.code, "message": self.message}


@dataclass
class Report:
    """The records checked and their problems, grouped by reason for people."""

    records: int = 0
    problems: list[Finding] = field(default_factory=list)

    @property
    def refused(self) -> int:
        """How many records will be refused."""
        return len({(p.collection, p.id) for p in self.problems})

    def groups(self) -> list[tuple[str, list[Finding]]]:
        """``[(reason, problems)]``: same code on the same field of the same collection, the
        most frequent first; the reason is the first message of the group."""
        grouped: dict[tuple[str, str, str], list[Finding]] = {}
        for p in self.problems:
            grouped.setdefault((p.collection, p.field, p.code), []).append(p)
        ordered = sorted(grouped.values(), key=lambda g: (-len(g), g[0].message))
        return [(g[0].message, g) for g in ordered]

    def headline(self) -> str:
        if not self.problems:
            return f"{self.records} fiche(s) vérifiée(s) : aucune ne sera refusée."
        return (f"{self.refused} fiche(s) sur {self.records} seront refusées, voici pourquoi "
                f"({len(self.problems)} problème(s)).")


def check(wc: WorkingCopy, keys: Iterable[tuple[str, str]] | None = None, *,
          today: date | None = None) -> Report:
    """Check the records with edits waiting (``keys`` None) or the named records (a print
    selection: draft contracts are checked as for their signature)."""
    report = Report()
    with wc.session() as db:
        targets = (preflight_rows.pending_records(db) if keys is None
                   else preflight_rows.records(db, keys))
        ctx = StoreContext(db, today=today)
        for record in targets:
            if record.collection not in COLLECTIONS or record.data is None:
                continue  # a delete: the server judges what still refers to it
            report.records += 1
            previous = record.base if record.kind != "create" else None
            if keys is not None and record.collection == "contracts" and (
                    record.data.get("status") == "draft"):
                # a print selection: what would keep a draft from being signed (it prints
                # «PROJET» with that list)
                found = signing_problems(record.data, ctx, record.id)
            else:
                found = validate_record(record.collection, record.data, previous=previous,
                                        ctx=ctx, record_id=record.id)
            for problem in found:
                if not problem.warning:
                    report.problems.append(Finding(record.collection, record.id, problem.field,
                                                   problem.code, problem.message))
    return report
