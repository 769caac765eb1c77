"""Tables people read, and pick a row of, but never type into (a form's visits, a contract's
events, a company's units and tutors, claims and their checks, the About box, the shortcuts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget


def read_only_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]] = (),
    parent: QWidget | None = None,
    *,
    select_rows: bool = False,
    single: bool = False,
) -> QTableWidget:
    """A table with these column headers and rows of text, no row numbers, no editing, the
    last column stretched; ``select_rows``: a click selects the whole row; ``single``: one row
    (or cell) selected at the most."""
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if select_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    return table


def fill_rows(table: QTableWidget, rows: Sequence[tuple[str | None, Sequence[str]]]) -> None:
    """Replace the table's rows: each ``(record id, texts)``, the id kept on every cell
    (``Qt.ItemDataRole.UserRole``) for the row's opening; columns sized to their texts."""
    table.setRowCount(len(rows))
    for r, (record_id, texts) in enumerate(rows):
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
