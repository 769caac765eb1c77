"""Rules a person may set aside, with a reason: the override record.

An override is one entry of a record's ``overrides`` field (a list; API v1 additive):
``{"rule": "incentive_checks", "reason": "…", "by": "<user id>", "at": "<RFC 3339>",
"failed": ["certified_tutor", …]}`` — which rule, why, who, when, and what the rule found
failing at that moment. Entries are only ever appended: past ones are the record's history.

The writer stamps a new entry (``stamp``): ``by`` and ``at`` are the writing user and time
(the server's stamp is the one kept, so nobody signs for someone else), ``failed`` what the
rule found. Which roles may override which rule is ``RULES``; the roles check lives with the
rest of the permissions (``domain.permissions``). Issue 17 adds rules here and the field to
other collections.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from offa_desktop.domain.problems import Problem, Record, problem

FIELD = "overrides"
REASON_MIN = 10
REASON_MAX = 2000


@dataclass(frozen=True)
class OverridableRule:
    """A rule a person may set aside: its French name and the roles allowed to."""

    name_fr: str
    roles: frozenset[str]


RULES: dict[str, OverridableRule] = {
    "incentive_checks": OverridableRule(
        "contrôles d'éligibilité de l'incitant", frozenset({"offa"})
    ),
}


@dataclass(frozen=True)
class Override:
    """One override: rule, reason, who (user id), when (RFC 3339) and what failed."""

    rule: str
    reason: str
    by: str | None = None
    at: str | None = None
    failed: tuple[str, ...] = ()

    def to_api(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "reason": self.reason,
            "by": self.by,
            "at": self.at,
            "failed": list(self.failed),
        }

    @classmethod
    def from_api(cls, value: Mapping[str, Any]) -> Override:
        failed = value.get("failed")
        return cls(
            str(value.get("rule") or ""),
            str(value.get("reason") or ""),
            value.get("by") if isinstance(value.get("by"), str) else None,
            value.get("at") if isinstance(value.get("at"), str) else None,
            tuple(str(f) for f in failed) if isinstance(failed, list) else (),
        )


def entries(data: Record | None) -> list[Override]:
    """The overrides of a record (malformed entries left out: ``shape_problems`` says so)."""
    value = (data or {}).get(FIELD)
    if not isinstance(value, list):
        return []
    return [Override.from_api(v) for v in value if isinstance(v, Mapping)]


def added(data: Record, previous: Record | None) -> list[Override]:
    """The entries this change appends (those past the previous list's length)."""
    return entries(data)[len(entries(previous)) :]


def granted(data: Record, previous: Record | None, rule: str) -> Override | None:
    """The override of ``rule`` this very change carries, if any."""
    for entry in added(data, previous):
        if entry.rule == rule:
            return entry
    return None


def stamp(
    data: Record,
    previous: Record | None,
    *,
    by: str | None,
    at: str,
    failed: Mapping[str, Sequence[str]] | None = None,
) -> list[dict[str, Any]] | None:
    """The ``overrides`` value to store: past entries as they were, new ones signed by ``by``
    at ``at`` with what their rule found failing (``failed``: rule -> names). None when the
    record has no overrides."""
    value = data.get(FIELD)
    if not isinstance(value, list):
        return None
    past = entries(previous)
    out: list[dict[str, Any]] = [p.to_api() for p in past]
    for raw in value[len(past) :]:
        if not isinstance(raw, Mapping):
            out.append(dict(raw) if isinstance(raw, dict) else raw)
            continue
        entry = Override.from_api(raw)
        out.append(
            Override(
                entry.rule,
                entry.reason,
                by,
                at,
                tuple((failed or {}).get(entry.rule, ())),
            ).to_api()
        )
    return out


def shape_problems(collection: str, data: Record, previous: Record | None) -> list[Problem]:
    """The ``overrides`` field: a list of ``{rule, reason}`` objects whose rule is known and
    whose reason says why (10 to 2,000 characters); past entries never change."""
    value = data.get(FIELD)
    if value is None:
        if entries(previous):
            return [problem(collection, FIELD, "invalid", "les dérogations passées se gardent.")]
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        return [problem(collection, FIELD, "malformed", "une liste d'objets {rule, reason}.")]
    out: list[Problem] = []
    past = entries(previous)
    now = entries(data)
    if len(now) < len(past) or any(
        (a.rule, a.reason) != (b.rule, b.reason) for a, b in zip(past, now, strict=False)
    ):
        out.append(problem(collection, FIELD, "invalid",
                           "les dérogations passées ne se modifient pas."))  # fmt: skip
    for entry in now[len(past) :]:
        if entry.rule not in RULES:
            out.append(problem(collection, FIELD, "invalid",
                               f"règle « {entry.rule} » inconnue."))  # fmt: skip
        reason = entry.reason.strip()
        if len(reason) < REASON_MIN or len(reason) > REASON_MAX:
            out.append(problem(
                collection, FIELD, "reason_required",
                f"la raison de la dérogation est requise ({REASON_MIN} à {REASON_MAX} "
                "caractères) : dites pourquoi la règle est écartée.",
            ))  # fmt: skip
        elif any(ord(c) < 32 and c not in "\n\t" for c in reason):
            out.append(problem(collection, FIELD, "invalid",
                               "caractères de contrôle interdits dans la raison."))  # fmt: skip
    return out
