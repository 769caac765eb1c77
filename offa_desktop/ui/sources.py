"""The lists' row sources on the working copy: every call is one store query (SQL).

The contracts list uses the store's display query (names joined in, sync state in SQL); the
other lists page their collection with ``queries.page`` and add the sync state of the page's
ids in one more query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from offa_desktop.store.first_look import FirstLook
from offa_desktop.ui.area_kinds import Area
from offa_desktop.ui.table_model import Column, Row

# Contract list sort key -> attribute of ContractRow.
_CONTRACT_ATTRS = {
    "learner": "learner_name",
    "company": "company_name",
    "trade": "trade_name",
    "operator": "operator_code",
}
_CONTRACT_FILTERS = {
    "status": "status",
    "operator_code": "operator",
    "trade_code": "trade",
    "region": "region",
}


# Columns holding a reference code shown by its name (the list still sorts on the code).
_NAMED_CODES = {"trade_code": "trades", "sector": "sectors", "operator_code": "operators",
                "operator": "operators", "from_operator": "operators",
                "to_operator": "operators"}


def short_name(name: str) -> str:
    """A reference name short enough for a list column: «IFAPME — Institut wallon…» ->
    «IFAPME» (what comes before the dash), «CEFA de Liège» as is."""
    return name.split(" — ")[0]


def named_columns(columns: Sequence[Column], names: Any) -> tuple[Column, ...]:
    """``columns`` with the reference codes of :data:`_NAMED_CODES` shown by their name."""
    return tuple(
        replace(c, formatter=_namer([(code, short_name(name))
                                     for code, name in names(_NAMED_CODES[c.key])]))
        if names is not None and c.key in _NAMED_CODES
        else c
        for c in columns
    )


class CollectionRowSource:
    """Rows of one collection from ``queries.page``/``count``, sorted and filtered in SQL."""

    def __init__(self, wc: Any, area: Area, names: Any = None) -> None:
        self._wc = wc
        self.collection = area.collection
        self.columns: Sequence[Column] = named_columns(area.columns, names)
        self._keys = tuple(c.key for c in area.columns)
        self.text: str | None = None

    def count(self, filters: Mapping[str, Any]) -> int:
        from offa_desktop.store import queries

        with self._wc.session() as db:
            return queries.count(db, self.collection, filters=dict(filters), text=self.text)

    def page(
        self, offset: int, limit: int, sort: str, descending: bool, filters: Mapping[str, Any]
    ) -> list[Row]:
        from offa_desktop.ops.records.lists import linked_values, sync_states
        from offa_desktop.store import queries

        with self._wc.session() as db:
            found = queries.page(
                db,
                self.collection,
                sort=sort,
                descending=descending,
                offset=offset,
                limit=limit,
                filters=dict(filters),
                text=self.text,
            )
            states = sync_states(db, self.collection, [r.id for r in found])
            linked = linked_values(db, found, self._keys)
        rows = []
        for record in found:
            values = {**record.data, **linked[record.id], "sync_state": states.get(record.id)}
            rows.append(Row(record.id, tuple(values.get(k) for k in self._keys)))
        return rows


def _namer(pairs: list[tuple[str, str]]) -> Any:
    names = dict(pairs)
    return lambda code: names.get(str(code), str(code))


class ContractRowSource:
    """The contracts list from the store's display query (learner and company names joined).

    With a ``first_look`` still open (start-up, before the store's SQLAlchemy side is loaded),
    the unfiltered list is read from it: same SQL, same rows.
    """

    collection = "contracts"

    def __init__(
        self, wc: Any, area: Area, first_look: FirstLook | None = None, names: Any = None
    ) -> None:
        self._wc = wc
        self._first_look = first_look
        self.columns: Sequence[Column] = named_columns(area.columns, names)
        self._attrs = tuple(_CONTRACT_ATTRS.get(c.key, c.key) for c in area.columns)
        self.text: str | None = None

    def _chosen(self, filters: Mapping[str, Any]) -> dict[str, Any]:
        return {_CONTRACT_FILTERS[k]: v for k, v in filters.items() if k in _CONTRACT_FILTERS}

    def _look(self, filters: Mapping[str, Any]) -> FirstLook | None:
        look = self._first_look
        plain = not self.text and not any(v is not None for v in self._chosen(filters).values())
        return look if look is not None and look.open and plain else None

    def _query(self, filters: Mapping[str, Any], sort: str = "start_date",
               descending: bool = False) -> Any:
        from offa_desktop.store.contract_list import ContractQuery

        return ContractQuery(sort=sort, descending=descending, text=self.text,
                             **self._chosen(filters))

    def count(self, filters: Mapping[str, Any]) -> int:
        if (look := self._look(filters)) is not None:
            return look.contract_count()
        from offa_desktop.store.contract_list import contract_count

        with self._wc.session() as db:
            return contract_count(db, self._query(filters))

    def page(
        self, offset: int, limit: int, sort: str, descending: bool, filters: Mapping[str, Any]
    ) -> list[Row]:
        if (look := self._look(filters)) is not None:
            found = look.contract_page(sort, descending, offset, limit)
        else:
            from offa_desktop.store.contract_list import contract_rows

            with self._wc.session() as db:
                found = contract_rows(db, self._query(filters, sort, descending), offset, limit)
        return [Row(r.id, tuple(getattr(r, a) for a in self._attrs)) for r in found]


class StoreBackend:
    """What the lists read from the working copy."""

    def __init__(self, wc: Any, first_look: FirstLook | None = None) -> None:
        self.wc = wc
        self.first_look = first_look
        self._choices: dict[str, list[tuple[str, str]]] = {}

    def source(self, area: Area) -> CollectionRowSource | ContractRowSource:
        if area.collection == "contracts":
            return ContractRowSource(self.wc, area, self.first_look, self.reference_choices)
        return CollectionRowSource(self.wc, area, self.reference_choices)

    def field_values(self, collection: str, field: str) -> list[tuple[str, str]]:
        """``[(value, value)]``: the values ``field`` takes in the working copy, largest first."""
        from offa_desktop.store import queries

        with self.wc.session() as db:
            return [(str(v), str(v)) for v in queries.field_values(db, collection, field)]

    def reference_choices(self, collection: str) -> list[tuple[str, str]]:
        """``[(code, name)]`` of a reference collection, sorted by name (cached); ``mine`` is
        the signed-in user's id (the "mine" filter)."""
        if collection == "mine":
            user = self.wc.user_id
            return [(user, QCoreApplication.translate("sources", "les miennes"))] if user else []
        look = self.first_look
        if collection not in self._choices and look is not None and look.open:
            found = look.reference_choices(collection)
            if found is not None:
                self._choices[collection] = found
        if collection not in self._choices:
            from offa_desktop.store import queries

            with self.wc.session() as db:
                rows = queries.reference(db, collection)
            pairs = [
                (str(r["code"]), str(r.get("name") or r.get("label") or r["code"]))
                for r in rows
                if r.get("code")
            ]
            self._choices[collection] = sorted(pairs, key=lambda p: p[1].casefold())
        return self._choices[collection]
