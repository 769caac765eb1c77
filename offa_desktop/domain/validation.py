"""Validation of API-shaped records: field checks, record rules, cross-record rules, transitions.

``check_fields`` looks at each field on its own; ``validate_record`` adds the rules of
DOMAIN.md for a whole record after a change (``previous`` is the record before it, None on a
create); ``pending_checks`` names the checks a client leaves to the server. Every Problem's
message is French and names the field by its label; warnings never block a save. The entry
point above the rule families (``checks.py`` says the order).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offa_desktop.domain import record_rules
from offa_desktop.domain.checks import (
    RecordRules,
    blocking,
    check_fields,
    raise_if_blocking,
    validate_with,
)
from offa_desktop.domain.contract_rules import signing_problems
from offa_desktop.domain.problems import Problem, RuleContext, ValidationError

__all__ = [
    "Problem",
    "RecordRules",
    "RuleContext",
    "ValidationError",
    "blocking",
    "check_fields",
    "pending_checks",
    "raise_if_blocking",
    "signing_problems",
    "validate_record",
]


def validate_record(
    collection: str,
    data: Mapping[str, Any],
    *,
    previous: Mapping[str, Any] | None,
    ctx: RuleContext,
    record_id: str | None = None,
    apply_overrides: bool = True,
) -> list[Problem]:
    """Every problem of ``data`` (the whole record after the change): field checks, record
    rules, cross-record rules that the change concerns, the status transition on updates, and
    uniqueness (``uniqueness.py``); those an override of the record sets aside are left out
    unless ``apply_overrides`` is False."""
    return validate_with(
        collection,
        data,
        previous=previous,
        ctx=ctx,
        record_id=record_id,
        rules=record_rules.RULES.get(collection),
        apply_overrides=apply_overrides,
    )


def pending_checks(collection: str, data: Mapping[str, Any], ctx: RuleContext) -> list[str]:
    """French names of the checks a client without full scope leaves to the server (shown as
    «vérifié à la synchronisation»)."""
    if ctx.full_scope:
        return []
    return record_rules.pending(collection, data)
