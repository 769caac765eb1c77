"""The lists' row sources on the working copy: every call is one store query (SQL)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from offa_desktop.ui.areas import Area
from offa_desktop.ui.table_model import Column, Row


class StoreRowSource:
    """Rows of one area from ``store.queries`` (count and page), sorted and filtered in SQL."""

    def __init__(self, wc: Any, area: Area) -> None:
        self._wc = wc
        self.collection = area.collection
        self.columns: Sequence[Column] = area.columns
        self._keys = tuple(c.key for c in area.columns)

    def count(self, filters: Mapping[str, Any]) -> int:
        from offa_desktop.store import queries

        with self._wc.session() as db:
            return int(queries.count(db, self.collection, filters=dict(filters)))

    def page(
        self,
        offset: int,
        limit: int,
        sort: str,
        descending: bool,
        filters: Mapping[str, Any],
    ) -> list[Row]:
        from offa_desktop.store import queries

        with self._wc.session() as db:
            found = queries.page(
                db,
                self.collection,
                offset=offset,
                limit=limit,
                sort=sort,
                descending=descending,
                filters=dict(filters),
            )
        return [Row(str(r["id"]), tuple(r.get(k) for k in self._keys)) for r in found]


class StoreBackend:
    """What the lists and forms read from the working copy."""

    def __init__(self, wc: Any) -> None:
        self.wc = wc
        self._choices: dict[str, list[tuple[str, str]]] = {}

    def source(self, area: Area) -> StoreRowSource:
        return StoreRowSource(self.wc, area)

    def reference_choices(self, collection: str) -> list[tuple[str, str]]:
        """``[(code, name)]`` of a reference collection, sorted by name (cached)."""
        if collection not in self._choices:
            from offa_desktop.store import queries

            with self.wc.session() as db:
                rows = queries.reference(db, collection)
            pairs = [
                (str(r.get("code")), str(r.get("name") or r.get("label") or r.get("code")))
                for r in rows
                if r.get("code")
            ]
            self._choices[collection] = sorted(pairs, key=lambda p: p[1].casefold())
        return self._choices[collection]
