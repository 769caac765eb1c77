"""What a rule reports (Problem), what a writer raises (ValidationError) and what a rule may read
(RuleContext). Re-exported by ``validation``; kept apart so every rule module can import them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from offa_desktop.domain.errors import OffaError
from offa_desktop.domain.schema import COLLECTIONS

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: the field (API name, "" for the whole record), a stable code
    (API.md), a French message naming the field, and whether it is only a warning (never blocks a
    save)."""

    field: str
    code: str
    message: str
    warning: bool = False

    def to_api(self) -> dict[str, str]:
        """The ``{field, code, message}`` of API.md's ``invalid`` details."""
        return {"field": self.field, "code": self.code, "message": self.message}


class ValidationError(OffaError):
    """Raised by writers when a record has blocking problems; nothing is written. ``message``
    joins the problems' French messages; ``problems`` has each, by field."""

    code = "invalid"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(p.message for p in self.problems) or "Données invalides.")


class RuleContext(Protocol):
    """What cross-record rules may read: the store (client) and the server each provide one."""

    @property
    def full_scope(self) -> bool:
        """False on a client: rules needing records outside the user's scope are left to the
        server (see ``pending_checks``)."""
        ...

    def get(self, collection: str, id: str) -> Record | None:
        """A live record's data, or None."""
        ...

    def find(self, collection: str, **equals: Any) -> list[tuple[str, Record]]:
        """Live records whose fields equal the given values."""
        ...

    def reference(self, collection: str) -> list[Record]:
        """Every row of a reference collection."""
        ...

    def today(self) -> date:
        """Today in Europe/Brussels."""
        ...


def label(collection: str, field: str) -> str:
    """The French label of a field (its API name when the schema has none)."""
    spec = COLLECTIONS.get(collection)
    if spec is not None:
        found = spec.by_name.get(field)
        if found is not None and found.label:
            return found.label
    return field


def cap(text: str) -> str:
    """First letter upper case (labels start lower case in the schema)."""
    return text[:1].upper() + text[1:]


def problem(collection: str, field: str, code: str, what: str, *, warning: bool = False) -> Problem:
    """A Problem whose message starts with the field's French label: "Date de fin : <what>"."""
    return Problem(field, code, f"{cap(label(collection, field))}\u00a0: {what}", warning)
