"""Rules a person may set aside, with a reason: the override record.

An override is one entry of a record's ``overrides`` field (a list; API v1 additive):
``{"rule": "incentive_checks", "reason": "…", "by": "<user id>", "at": "<RFC 3339>",
"failed": ["certified_tutor", …]}`` — which rule, why, who, when, and what the rule found
failing at that moment. Entries are only ever appended: past ones are the record's history.

The writer stamps a new entry (``stamp``): ``by`` and ``at`` are the writing user and time
(the server's stamp is the one kept, so nobody signs for someone else), ``failed`` what the
rule found. Which roles may override which rule is ``RULES`` (``role_refusal`` says no in
French, the same on the client and the server).

The general mechanism (issue 17): each overridable rule names the problem codes it covers and
the collections it applies to. ``validation.validate_record`` drops the blocking problems an
override covers (``apply``), so the client and the server judge alike. A ``record`` override
holds for the record's life (a contract signed with a learner aged 26 stays editable); a
``change`` override holds only for the change that carries it (a claim approved once). Rules
that must never be set aside are ``NEVER``: they say so (``never_note``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from offa_desktop.domain.problems import Problem, Record, problem

FIELD = "overrides"
REASON_MIN = 10
REASON_MAX = 2000


@dataclass(frozen=True)
class OverridableRule:
    """A rule a person may set aside: its French name, the roles allowed to, the problem codes
    it covers, the collections it applies to, whether it holds for the record's life
    (``record``) or one change (``change``); ``who_fr``: who may, in words."""

    name_fr: str
    roles: frozenset[str]
    codes: frozenset[str] = frozenset()
    collections: frozenset[str] = frozenset()
    scope: str = "record"

    @property
    def who_fr(self) -> str:
        return WHO_FR[self.roles]


OFFA_ONLY = frozenset({"offa"})
SECRETARIAT_OR_OFFA = frozenset({"secretariat", "offa"})
# The roles allowed to set a rule aside, in words.
WHO_FR = {OFFA_ONLY: "l'OFFA", SECRETARIAT_OR_OFFA: "un secrétariat ou l'OFFA"}
RULES: dict[str, OverridableRule] = {
    "incentive_checks": OverridableRule(
        "contrôles d'éligibilité de l'incitant",
        OFFA_ONLY,
        frozenset({"checks_failed"}),
        frozenset({"incentive_claims"}),
        scope="change",
    ),
    "learner_age": OverridableRule(
        "âge de l'apprenant au début du contrat (15 à 25 ans, ou le maximum du métier)",
        SECRETARIAT_OR_OFFA,
        frozenset({"too_young", "too_old"}),
        frozenset({"contracts"}),
    ),
    "overlap": OverridableRule(
        "un seul contrat à la fois par apprenant (deux contrats en parallèle)",
        OFFA_ONLY,
        frozenset({"overlap"}),
        frozenset({"contracts"}),
    ),
    "capacity": OverridableRule(
        "capacité d'accueil de l'entreprise ou du tuteur (dépassement temporaire)",
        SECRETARIAT_OR_OFFA,
        frozenset({"capacity", "tutor_capacity"}),
        frozenset({"contracts"}),
    ),
}
# Blocking rules that are never set aside, and why (said where a person would look for one).
NEVER: dict[str, str] = {
    "below_minimum": "la rétribution minimale est fixée par la réglementation",
    "before_start": "les dates du contrat doivent se suivre",
    "too_long": "un contrat dure moins de 6 ans",
    "approval_not_granted": "une entreprise ne forme que dans un métier pour lequel elle est "
    "agréée",
    "approval_mismatch": "l'agrément doit viser l'unité et le métier du contrat",
    "representative_required": "un apprenant mineur est représenté par son représentant légal",
    "tutor_conditions": "le tuteur doit remplir les conditions de tuteur désigné",
    "criminal_record": "l'extrait de casier judiciaire du tuteur est obligatoire",
    "tutor_other_company": "le tuteur travaille dans l'entreprise",
    "too_many_hours": "la durée de travail maximale protège l'apprenant",
    "day_too_long": "la durée de travail maximale protège l'apprenant",
    "too_few_hours": "la formation en entreprise demande 20 h par semaine",
    "already_replaced": "un contrat n'est remplacé qu'une fois",
    "duplicate": "un identifiant ne désigne qu'une fiche",
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
        """The entry as the API holds it: these fields, ``failed`` a list."""
        return asdict(self) | {"failed": list(self.failed)}

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


def in_words(entry: Override, users: Mapping[str, str]) -> tuple[str, str]:
    """(the rule's French name, «who, le 06/12/2026») of an override; ``users`` names the user
    ids. The history and the printed pages word the line around them."""
    rule = RULES.get(entry.rule)
    name = rule.name_fr if rule is not None else entry.rule
    who = users.get(str(entry.by), "") if entry.by else ""
    when = f"le {entry.at[8:10]}/{entry.at[5:7]}/{entry.at[:4]}" if entry.at else ""
    return name, ", ".join(x for x in (who, when) if x)


def added(data: Record, previous: Record | None) -> list[Override]:
    """The entries this change appends (those past the previous list's length)."""
    return entries(data)[len(entries(previous)) :]


def granted(data: Record, previous: Record | None, rule: str) -> Override | None:
    """The override of ``rule`` this very change carries, if any."""
    for entry in added(data, previous):
        if entry.rule == rule:
            return entry
    return None


def rule_for(collection: str, code: str) -> str | None:
    """The overridable rule covering problems of ``code`` in ``collection``, if any."""
    for name, rule in RULES.items():
        if code in rule.codes and collection in rule.collections:
            return name
    return None


def never_note(code: str) -> str | None:
    """Why a blocking rule is never set aside (None when it is not one of those)."""
    reason = NEVER.get(code)
    return f"règle impérative, sans dérogation possible : {reason}." if reason else None


def in_force(collection: str, data: Record, previous: Record | None) -> set[str]:
    """The rules this record's overrides set aside now: ``record`` rules named by any entry,
    ``change`` rules by an entry this change adds."""
    out = set()
    new = {entry.rule for entry in added(data, previous)}
    for entry in entries(data):
        rule = RULES.get(entry.rule)
        if rule is None or collection not in rule.collections:
            continue
        if rule.scope == "record" or entry.rule in new:
            out.add(entry.rule)
    return out


def apply(
    collection: str, data: Record, previous: Record | None, problems: Sequence[Problem]
) -> list[Problem]:
    """``problems`` without the blocking ones an override in force covers."""
    rules = in_force(collection, data, previous)
    if not rules:
        return list(problems)
    covered = {code for name in rules for code in RULES[name].codes}
    return [p for p in problems if p.warning or p.code not in covered]


def role_refusal(
    role: str | None, collection: str, data: Record | None, previous: Record | None
) -> str | None:
    """The French refusal when this change adds an override that ``role`` may not make."""
    if data is None:
        return None
    for entry in added(data, previous):
        rule = RULES.get(entry.rule)
        if rule is not None and role not in rule.roles:
            return (
                f"Dérogation refusée : seul {rule.who_fr} peut déroger à la règle « "
                f"{rule.name_fr} »."
            )
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
        known = RULES.get(entry.rule)
        if known is None or (known.collections and collection not in known.collections):
            out.append(problem(collection, FIELD, "invalid",
                               f"règle « {entry.rule} » inconnue pour cette fiche."))  # fmt: skip
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
