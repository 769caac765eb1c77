"""The building blocks of validation, below every rule module: field checks, references,
and :func:`validate_with`, which runs a collection's rules over what passed them.

Rule families import only lower ones: fields (``fields.py``, this module) -> record and
cross-record rules (``rules.py``, ``contract_rules.py``, ``event_rules.py``, ``approvals.py``,
``record_rules.py`` the registry by collection) -> ``validation.py``, the entry point. No import
inside a function hides a loop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from offa_desktop.domain import overrides
from offa_desktop.domain.access import changed, reference_by_code
from offa_desktop.domain.fields import value_problems
from offa_desktop.domain.problems import Problem, Record, RuleContext, ValidationError, problem
from offa_desktop.domain.schema import COLLECTIONS, REFERENCE_COLLECTIONS, Kind
from offa_desktop.domain.uniqueness import duplicate_problems

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


def validate_with(
    collection: str,
    data: Mapping[str, Any],
    *,
    previous: Mapping[str, Any] | None,
    ctx: RuleContext,
    record_id: str | None,
    rules: RecordRules | None,
    apply_overrides: bool = True,
) -> list[Problem]:
    """Every problem of ``data`` (the whole record after the change): field checks, references,
    then ``rules`` (the collection's record, cross-record and transition rules) on the fields
    that passed, then uniqueness. ``validation.validate_record`` picks ``rules`` by collection;
    a rule module validating a record of another collection passes that collection's rules.
    The blocking problems an override of the record covers are left out (``overrides.apply``)
    unless ``apply_overrides`` is False (what the rules find, for the override's stamp)."""
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
    if rules is not None:
        found.extend(rules(record_id, clean, previous, ctx))
    found.extend(duplicate_problems(collection, record_id, clean, previous, ctx, found))
    if overrides.FIELD in COLLECTIONS[collection].by_name:
        found.extend(overrides.shape_problems(collection, data, previous))
        if apply_overrides and overrides.FIELD not in bad:
            found = overrides.apply(collection, clean, previous, found)
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
