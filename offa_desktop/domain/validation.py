"""Validation of API-shaped records: field checks, record rules, cross-record rules, transitions.

``check_fields`` looks at each field on its own; ``validate_record`` adds the rules of
DOMAIN.md for a whole record after a change (``previous`` is the record before it, None on a
create); ``pending_checks`` names the checks a client leaves to the server. Every Problem's
message is French and names the field by its label; warnings never block a save.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from offa_desktop.domain.access import changed, reference_by_code
from offa_desktop.domain.fields import value_problems
from offa_desktop.domain.problems import Problem, Record, RuleContext, ValidationError, problem
from offa_desktop.domain.schema import COLLECTIONS, REFERENCE_COLLECTIONS, Kind

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

RecordRules = Callable[[str | None, Record, Record | None, RuleContext], list[Problem]]

# Code fields that name a row of a reference collection by its ``code``.
_CODE_REFERENCES: dict[tuple[str, str], str] = {
    ("trades", "sector"): "sectors",
    ("training_plans", "trade_code"): "trades",
    ("users", "operator_code"): "operators",
    ("companies", "sector"): "sectors",
    ("approvals", "trade_code"): "trades",
    ("approvals", "operator_code"): "operators",
    ("visits", "checklist_code"): "checklist_templates",
    ("learners", "operator_code"): "operators",
    ("contracts", "operator_code"): "operators",
    ("contracts", "trade_code"): "trades",
}


def blocking(problems: list[Problem]) -> list[Problem]:
    """The problems that block a save (not warnings)."""
    return [p for p in problems if not p.warning]


def raise_if_blocking(problems: list[Problem]) -> None:
    """Raise ValidationError when one of ``problems`` is not a warning."""
    if blocking(problems):
        raise ValidationError(blocking(problems))


def check_fields(
    collection: str, data: Mapping[str, Any], *, partial: bool = False
) -> list[Problem]:
    """Formats and types of the fields present, unknown fields, and (unless ``partial``) the
    required ones; a contract in status ``draft`` needs only its ``*d`` fields. A null value
    counts as absent."""
    spec = COLLECTIONS.get(collection)
    if spec is None:
        return [Problem("", "malformed", f"Collection inconnue : « {collection} ».")]
    if not isinstance(data, Mapping):
        return [Problem("", "malformed", "Un objet JSON est attendu pour la fiche.")]
    out: list[Problem] = []
    for name, value in data.items():
        field = spec.by_name.get(name)
        if field is None:
            out.append(Problem(str(name), "unknown_field", f"Champ inconnu : « {name} »."))
        elif value is not None:
            out.extend(value_problems(collection, field, value))
    if not partial:
        draft = collection == "contracts" and data.get("status") == "draft"
        for field in spec.fields:
            needed = field.draft_required if draft else field.required
            if needed and data.get(field.name) is None:
                out.append(problem(collection, field.name, "required", "ce champ est requis."))
    return out


def _references(
    collection: str, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """Records and reference codes named by changed fields must exist (``not_found``)."""
    spec = COLLECTIONS[collection]
    out: list[Problem] = []
    for field in spec.fields:
        value = data.get(field.name)
        if value is None or not changed(data, previous, [field.name]):
            continue
        if field.ref in REFERENCE_COLLECTIONS:
            continue  # server-owned rows (users) a copy may not hold in full: the server checks
        if field.kind is Kind.REF and field.ref:
            if ctx.get(field.ref, value) is None:
                out.append(problem(collection, field.name, "not_found", "fiche introuvable."))
        elif field.kind is Kind.REFS and field.ref:
            missing = [v for v in value if ctx.get(field.ref, v) is None]
            if missing:
                out.append(
                    problem(
                        collection,
                        field.name,
                        "not_found",
                        f"{len(missing)} fiche(s) introuvable(s).",
                    )
                )
        elif (collection, field.name) in _CODE_REFERENCES:
            target = _CODE_REFERENCES[(collection, field.name)]
            if reference_by_code(ctx, target, value) is None:
                out.append(
                    problem(collection, field.name, "not_found", f"code « {value} » inconnu.")
                )
    return out


def _record_rules() -> dict[str, RecordRules]:
    # Imported here: the rule modules import this package's building blocks.
    from offa_desktop.domain import record_rules

    return record_rules.RULES


def validate_record(
    collection: str,
    data: Mapping[str, Any],
    *,
    previous: Mapping[str, Any] | None,
    ctx: RuleContext,
    record_id: str | None = None,
) -> list[Problem]:
    """Every problem of ``data`` (the whole record after the change): field checks, record
    rules, cross-record rules that the change concerns, and the status transition on updates."""
    found = check_fields(collection, data)
    if any(p.code == "malformed" and p.field == "" for p in found):
        return found
    bad = {p.field for p in found if not p.warning}
    clean = {k: v for k, v in data.items() if k not in bad}
    signing = (
        collection == "contracts"
        and previous is not None
        and previous.get("status") == "draft"
        and data.get("status") != "draft"
    )
    found.extend(_references(collection, clean, None if signing else previous, ctx))
    rules = _record_rules().get(collection)
    if rules is not None:
        found.extend(rules(record_id, clean, previous, ctx))
    return _unique(found)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str]] = set()
    out: list[Problem] = []
    for p in problems:
        key = (p.field, p.code, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def signing_problems(
    contract: Mapping[str, Any], ctx: RuleContext, record_id: str | None = None
) -> list[Problem]:
    """Everything that would block moving ``contract`` to ``signed`` (a draft prints «PROJET»
    with this list); warnings included."""
    from offa_desktop.domain import contract_rules

    return contract_rules.signing_problems(contract, ctx, record_id)


def pending_checks(collection: str, data: Mapping[str, Any], ctx: RuleContext) -> list[str]:
    """French names of the checks a client without full scope leaves to the server (shown as
    «vérifié à la synchronisation»)."""
    if ctx.full_scope:
        return []
    from offa_desktop.domain import record_rules

    return record_rules.pending(collection, data)
