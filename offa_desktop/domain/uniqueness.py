"""One record per identifier: a second company with the enterprise number of a live one, a
second learner with the NISS of a live one, is refused. One rule, one French message, wherever
it runs: as the user types, in the client's unit of work, and on the server (full scope)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from offa_desktop.domain.problems import Problem, RuleContext, problem

UNIQUE_FIELDS = {"companies": "enterprise_number", "learners": "niss"}
_MESSAGES = {
    "companies": "ce numéro est déjà enregistré pour une autre entreprise.",
    "learners": "ce NISS est déjà enregistré pour un autre apprenant.",
}


def duplicate_message(collection: str) -> str:
    """The one message of a duplicate in ``collection``, its field's label first."""
    field = UNIQUE_FIELDS[collection]
    return problem(collection, field, "duplicate", _MESSAGES[collection]).message


def duplicate_problems(
    collection: str,
    record_id: str | None,
    data: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    ctx: RuleContext,
    already: Sequence[Problem] = (),
) -> list[Problem]:
    """``duplicate`` on the unique field when another live record holds its value; nothing
    when the value did not change or the field already has a problem (malformed)."""
    field = UNIQUE_FIELDS.get(collection)
    value = data.get(field) if field else None
    if field is None or value is None or any(p.field == field for p in already):
        return []
    if previous is not None and previous.get(field) == value:
        return []
    if any(other != record_id for other, _ in ctx.find(collection, **{field: value})):
        return [Problem(field, "duplicate", duplicate_message(collection))]
    return []
