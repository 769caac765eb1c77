"""The rules of a contract record (DOMAIN.md "The contract", "When rules run, and drafts")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offa_desktop.domain.problems import Problem, RuleContext


def signing_problems(
    contract: Mapping[str, Any], ctx: RuleContext, record_id: str | None = None
) -> list[Problem]:
    """Everything that would block the move of ``contract`` to ``signed``."""
    from offa_desktop.domain.validation import validate_record

    draft = {**contract, "status": "draft"}
    signed = {**contract, "status": "signed"}
    return validate_record("contracts", signed, previous=draft, ctx=ctx, record_id=record_id)
