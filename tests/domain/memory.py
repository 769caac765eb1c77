"""An in-memory RuleContext for domain tests, with the reference data of DOMAIN.md."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from offa_desktop import reference_data

Record = Mapping[str, Any]


class MemoryContext:
    """Records in dicts; reference rows from resources/data/reference.json (which holds the
    wage references 2022-05-01 1842.28 and 2024-05-01 2070.48 and the rates a/b/c 17/24/32)."""

    def __init__(self, today: date = date(2026, 11, 23), *, full_scope: bool = True) -> None:
        self.records: dict[str, dict[str, dict[str, Any]]] = {}
        self.refs: dict[str, list[Record]] = {
            name: [data for _, data in rows] for name, rows in reference_data.load().items()
        }
        # The values of DOMAIN.md, pinned here so the tests do not follow edits of the tables.
        self.refs["wage_references"] = [
            {"valid_from": "2022-05-01", "rmmmg": "1842.28"},
            {"valid_from": "2024-05-01", "rmmmg": "2070.48"},
        ]
        self.refs["pay_rates"] = [
            {"level": "a", "percent": "17.00", "valid_from": "2000-01-01"},
            {"level": "b", "percent": "24.00", "valid_from": "2000-01-01"},
            {"level": "c", "percent": "32.00", "valid_from": "2000-01-01"},
        ]
        self._today = today
        self._full_scope = full_scope

    @property
    def full_scope(self) -> bool:
        return self._full_scope

    def add(self, collection: str, data: Mapping[str, Any], record_id: str | None = None) -> str:
        record_id = record_id or str(uuid.uuid4())
        self.records.setdefault(collection, {})[record_id] = dict(data)
        return record_id

    def get(self, collection: str, id: str) -> Record | None:
        if collection in self.refs:
            return None
        return self.records.get(collection, {}).get(id)

    def find(self, collection: str, **equals: Any) -> list[tuple[str, Record]]:
        rows = self.records.get(collection, {})
        return [
            (rid, data)
            for rid, data in rows.items()
            if all(data.get(k) == v for k, v in equals.items())
        ]

    def reference(self, collection: str) -> list[Record]:
        return self.refs.get(collection, [])

    def today(self) -> date:
        return self._today
