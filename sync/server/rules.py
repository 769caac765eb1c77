"""The domain's rules on the server: a full-scope ``RuleContext`` over the server's records,
for ``domain.validation`` and ``domain.effects`` (shared with the client; ``push.py`` calls them).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
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
        return datetime.now(ZoneInfo("Europe/Brussels")).date()
