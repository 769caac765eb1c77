"""The domain rules on the server: a full-scope ``RuleContext`` over the server's records, and
thin wrappers around ``offa_desktop.domain.validation`` and ``effects`` (shared with the client).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from offa_desktop.domain.effects import side_effects
from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.validation import validate_record
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
        return datetime.now(ZoneInfo("Europe/Brussels")).date()


@dataclass(frozen=True)
class ApiProblem:
    """A problem as the API shows it."""

    field: str
    code: str
    message: str

    def to_api(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}


def validate(
    collection: str,
    record_id: str,
    data: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    ctx: ServerRuleContext,
) -> list[ApiProblem]:
    """Blocking problems of a write (warnings never block); uniqueness included, with the
    client's message (``domain/uniqueness.py``)."""
    return [
        ApiProblem(p.field, p.code, p.message)
        for p in validate_record(collection, data, previous=previous, ctx=ctx, record_id=record_id)
        if not p.warning
    ]


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
    return [
        ServerEffect(e.collection, e.record_id, e.kind, dict(e.fields))
        for e in side_effects(collection, record_id, data, previous, ctx)
    ]
