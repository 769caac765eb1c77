"""The paged table model over a real SQLite table: lazy pages, SQL sorts and filters."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.ui.formats import date_fr, money_fr
from offa_desktop.ui.table_model import RECORD_ID_ROLE, Column, PagedTableModel, Row

pytestmark = pytest.mark.gui


class SqliteSource:
    """A row source over one SQLite table, counting the SQL queries it runs."""

    collection = "contracts"

    def __init__(self, rows: int) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("create table t (id text primary key, name text, start text, pay text)")
        self.db.executemany(
            "insert into t values (?, ?, ?, ?)",
            [(f"id{i:05d}", f"nom {i % 97:02d}", f"2026-{1 + i % 12:02d}-01", f"{i}.50")
             for i in range(rows)],
        )
        self.columns: Sequence[Column] = (
            Column("name", "Nom"),
            Column("start", "Début", formatter=date_fr),
            Column("pay", "Rétribution", right_aligned=True, formatter=money_fr),
        )
        self.queries = 0

    def _where(self, filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
        if not filters:
            return "", []
        return " where " + " and ".join(f"{k} = ?" for k in filters), list(filters.values())

    def count(self, filters: Mapping[str, Any]) -> int:
        self.queries += 1
        where, params = self._where(filters)
        return int(self.db.execute(f"select count(*) from t{where}", params).fetchone()[0])

    def page(self, offset: int, limit: int, sort: str, descending: bool,
             filters: Mapping[str, Any]) -> list[Row]:
        self.queries += 1
        where, params = self._where(filters)
        order = f"{sort} {'desc' if descending else 'asc'}, id"
        sql = f"select id, name, start, pay from t{where} order by {order} limit ? offset ?"
        return [Row(r[0], tuple(r[1:])) for r in self.db.execute(sql, [*params, limit, offset])]


def test_model_passes_qtmodeltester(qtmodeltester: Any) -> None:
    model = PagedTableModel(SqliteSource(1_000), page_size=50)
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_by_page_not_whole_table() -> None:
    source = SqliteSource(10_000)
    model = PagedTableModel(source, page_size=100)
    assert model.rowCount() == 10_000 and source.queries == 1
    assert model.index(9_999, 0).data(RECORD_ID_ROLE) is not None
    assert model.index(9_950, 1).data() is not None
    assert source.queries == 2  # one count, one page
    assert model.index(0, 2).data() == "0,50\u00a0€"
    assert model.index(0, 1).data() == "01/01/2026"
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is not None


def test_sort_is_sql_order_by_and_descending_reverses() -> None:
    source = SqliteSource(500)
    model = PagedTableModel(source, page_size=50)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    # the order is SQL's (text here), never re-sorted in Python
    expected = source.db.execute("select pay from t order by pay desc, id limit 1").fetchone()[0]
    assert model.index(0, 2).data() == money_fr(expected)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, 0).data() for r in range(10)]
    assert names == sorted(names) and names[0] == "nom 00"


def test_filters_recount_and_refresh_only_when_touched(qtbot: Any) -> None:
    source = SqliteSource(970)
    model = PagedTableModel(source, page_size=50)
    with qtbot.waitSignal(model.modelReset):
        model.set_filters({"name": "nom 03", "start": None})
    assert model.rowCount() == 10 and model.filters == {"name": "nom 03"}
    before = source.queries
    model.refresh(ChangeSet({"learners": {"x"}}))
    assert source.queries == before  # another collection: nothing re-read
    source.db.execute("insert into t values ('zzz', 'nom 03', '2027-01-01', '1.00')")
    with qtbot.waitSignal(model.modelReset):
        model.refresh(ChangeSet({"contracts": {"zzz"}}))
    assert model.rowCount() == 11
