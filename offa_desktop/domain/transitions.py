"""A status machine: which moves a table allows, and the French problem for one it does not
(approvals and contracts share it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from offa_desktop.domain.problems import Problem, problem


@dataclass(frozen=True)
class StatusMachine:
    """``transitions[old]``: the statuses ``old`` may move to; ``noun`` names a record of
    ``collection`` in French messages ("un contrat")."""

    collection: str
    transitions: Mapping[str, frozenset[str]]
    status_fr: Mapping[str, str]
    noun: str

    def can_move(self, old: str, new: str) -> bool:
        """True when a record may go from ``old`` to ``new`` (staying put is allowed)."""
        return old == new or new in self.transitions.get(old, frozenset())

    def problems(self, old: str | None, new: str | None) -> list[Problem]:
        """``invalid_transition`` on ``status`` for a move the table does not allow."""
        if old is None or new is None or self.can_move(old, new):
            return []
        was, becomes = self.status_fr.get(old, old), self.status_fr.get(new, new)
        return [
            problem(
                self.collection,
                "status",
                "invalid_transition",
                f"{self.noun} {was} ne peut pas devenir {becomes}.",
            )
        ]

    def change_problems(
        self, data: Mapping[str, Any], previous: Mapping[str, Any] | None
    ) -> list[Problem]:
        """``problems`` for a change of a record: its status before (none on a create: no
        problem) and after, each only when it is text."""
        old, new = (previous or {}).get("status"), data.get("status")
        return self.problems(
            old if isinstance(old, str) else None, new if isinstance(new, str) else None
        )
