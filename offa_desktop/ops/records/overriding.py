"""Rules set aside with a reason (``domain.overrides``) on any record that has the field: what a
user may override among the problems found, and the save that carries the override.

The offer sorts the blocking problems: those an overridable rule covers and the user's role may
set aside; those it covers but the role may not (who may, in words); and those of rules that are
never set aside (with why). The save appends one entry per rule (the same reason) to the past
ones; the writer stamps who and when, and the server stamps them again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from offa_desktop.domain import overrides
from offa_desktop.domain.problems import Problem
from offa_desktop.domain.validation import ValidationError
from offa_desktop.ops.records import writes
from offa_desktop.ops.records.writes import Saved
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy


@dataclass
class Offer:
    """What the blocking problems allow: rules to set aside (code, name, messages), rules the
    role may not set aside (messages, who may), and messages of rules never set aside."""

    overridable: list[tuple[str, str, list[str]]] = field(default_factory=list)
    not_allowed: list[str] = field(default_factory=list)
    impossible: list[str] = field(default_factory=list)

    @property
    def possible(self) -> bool:
        """True when every blocking problem may be set aside by this user."""
        return bool(self.overridable) and not self.not_allowed and not self.impossible


def offer(collection: str, problems: Iterable[Problem], role: str | None) -> Offer:
    """Sort the blocking ``problems`` of a record of ``collection`` for a user of ``role``."""
    found = Offer()
    by_rule: dict[str, list[str]] = {}
    for p in problems:
        if p.warning:
            continue
        rule_name = overrides.rule_for(collection, p.code)
        if rule_name is None:
            note = overrides.never_note(p.code)
            found.impossible.append(f"{p.message} ({note})" if note else p.message)
            continue
        rule = overrides.RULES[rule_name]
        if role not in rule.roles:
            found.not_allowed.append(f"{p.message} (dérogation possible, réservée à {rule.who_fr})")
            continue
        by_rule.setdefault(rule_name, []).append(p.message)
    found.overridable = [(r, overrides.RULES[r].name_fr, m) for r, m in by_rule.items()]
    return found


def save_with_overrides(
    wc: WorkingCopy,
    collection: str,
    record_id: str,
    fields: Mapping[str, Any],
    rules: Iterable[str],
    reason: str,
    role: str | None,
) -> Saved:
    """Save ``fields`` with an override of each of ``rules`` for ``reason``; ValidationError
    (French) when the role may not, or when something else still blocks."""
    with wc.session() as db:
        current = queries.get(db, collection, record_id)
    if current is None:
        raise ValidationError([Problem("", "not_found", "Cette fiche n'existe plus.")])
    past = [o.to_api() for o in overrides.entries(current)]
    added = [{"rule": rule, "reason": reason.strip()} for rule in rules]
    change = {**fields, overrides.FIELD: [*past, *added]}
    refused = overrides.role_refusal(role, collection, change, current)
    if refused is not None:
        raise ValidationError([Problem(overrides.FIELD, "forbidden", refused)])
    return writes.update(wc, collection, record_id, change)


def shown(wc: WorkingCopy, record: Mapping[str, Any]) -> list[str]:
    """The record's overrides in words, oldest first: «Dérogation à « … » : « raison » — Nom,
    le 06/12/2026»."""
    with wc.session() as db:
        users = {
            str(u.get("id")): str(u.get("display_name")) for u in queries.reference(db, "users")
        }
    out = []
    for entry in overrides.entries(record):
        name, tail = overrides.in_words(entry, users)
        out.append(f"Dérogation à « {name} » : « {entry.reason} »" + (f" — {tail}" if tail else ""))
    return out
