"""What a writer fills in itself before the rules run, the same on the client (unit of work)
and on the server (push), so a record is stored alike on both sides:

- an incentive claim's checks, computed at each status change (``incentives.claim_stamps``);
- a new override's author, time and what its rule found failing (``overrides.stamp``: a
  claim's failing checks, or the problem codes the rule covers on other records); the
  server's stamp, made with the authenticated user and its clock, is the one kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offa_desktop.domain import incentives, overrides
from offa_desktop.domain.problems import RuleContext
from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.validation import validate_record


def stamped(
    collection: str,
    data: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    ctx: RuleContext,
    *,
    by: str | None,
    at: str,
    record_id: str | None = None,
) -> dict[str, Any]:
    """``data`` (the whole record after the change) with what the writer stores itself."""
    out = dict(data)
    if collection == "incentive_claims":
        out.update(incentives.claim_stamps(ctx, out, previous))
    if overrides.FIELD in COLLECTIONS[collection].by_name and overrides.added(out, previous):
        found: dict[str, list[str]] = {}
        if collection == "incentive_claims":
            found[incentives.CHECKS_RULE] = incentives.failed(incentives.claim_checks(ctx, out))
        else:  # what the record's rules find, overrides not applied: the codes each covers
            problems = validate_record(
                collection, out, previous=previous, ctx=ctx, record_id=record_id,
                apply_overrides=False,
            )  # fmt: skip
            for entry in overrides.added(out, previous):
                rule = overrides.RULES.get(entry.rule)
                if rule is not None:
                    found[entry.rule] = sorted({p.code for p in problems if p.code in rule.codes})
        value = overrides.stamp(out, previous, by=by, at=at, failed=found)
        if value is not None:
            out[overrides.FIELD] = value
    return out
