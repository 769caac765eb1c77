"""The domain rules on the server: a full-scope ``RuleContext`` over the server's records, and
thin wrappers around ``offa_desktop.domain.validation`` and ``effects`` (shared with the client).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from offa_desktop.domain.schema import COLLECTIONS
from sync.server.store import INDEXED, Store


class ServerRuleContext:
    """``RuleContext`` with ``full_scope=True``: every live record of the server."""

    full_scope = True

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, collection: str, id: str) -> Mapping[str, Any] | None:  # noqa: A002
        if collection not in COLLECTIONS:
            return None
        return self.store.live(collection, id)

    def find(self, collection: str, **equals: Any) -> list[tuple[str, Mapping[str, Any]]]:
        indexed = [
            k for k in equals if k in INDEXED.get(collection, ()) and isinstance(equals[k], str)
        ]
        if indexed:
            field = indexed[0]
            candidates = []
            for rid in self.store.find_ids(collection, field, equals[field]):
                data = self.store.live(collection, rid)
                if data is not None:
                    candidates.append((rid, data))
        else:
            candidates = self.store.scan(collection)
        return [
            (rid, data)
            for rid, data in candidates
            if all(data.get(k) == v for k, v in equals.items())
        ]

    def reference(self, collection: str) -> list[Mapping[str, Any]]:
        return list(self.store.reference(collection))

    def today(self) -> date:
        from datetime import datetime

        return datetime.now(ZoneInfo("Europe/Brussels")).date()


@dataclass(frozen=True)
class ApiProblem:
    """A problem as the API shows it."""

    field: str
    code: str
    message: str

    def to_api(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}


UNIQUE_FIELDS = {"companies": "enterprise_number", "learners": "niss"}


def validate(
    collection: str,
    record_id: str,
    data: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    ctx: ServerRuleContext,
) -> list[ApiProblem]:
    """Blocking problems of a write (warnings never block)."""
    from offa_desktop.domain import validation

    found = [
        ApiProblem(p.field, p.code, p.message)
        for p in validation.validate_record(
            collection, data, previous=previous, ctx=ctx, record_id=record_id
        )
        if not p.warning
    ]
    field = UNIQUE_FIELDS.get(collection)
    if field and not any(p.code == "duplicate" for p in found):
        value = data.get(field)
        changed = previous is None or previous.get(field) != value
        if isinstance(value, str) and changed:
            others = [rid for rid, _ in ctx.find(collection, **{field: value}) if rid != record_id]
            if others:
                label = COLLECTIONS[collection].by_name[field].label
                found.append(
                    ApiProblem(
                        field,
                        "duplicate",
                        f"Ce {label} est déjà utilisé par une autre fiche active.",
                    )
                )
    return found


@dataclass(frozen=True)
class ServerEffect:
    """A write the server makes itself after an op (``op_id`` null in the history)."""

    collection: str
    record_id: str
    kind: str
    fields: dict[str, Any]


def effects(
    collection: str,
    record_id: str,
    data: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    ctx: ServerRuleContext,
) -> list[ServerEffect]:
    """The domain's side effects of a write (contract events, approval withdrawals)."""
    try:
        from offa_desktop.domain import effects as domain_effects
    except ImportError:  # pragma: no cover - the domain module is written in parallel
        return []
    return [
        ServerEffect(e.collection, e.record_id, e.kind, dict(e.fields))
        for e in domain_effects.side_effects(collection, record_id, data, previous, ctx)
    ]
