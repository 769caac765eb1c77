"""A table model over paged SQL: it holds the row count and pages rows in lazily.

As in Anki's browser model, the model never holds a whole table: it asks its
:class:`RowSource` for the count, then for pages of rows by offset and limit as the view scrolls.
Sorting calls the source again with another ``ORDER BY`` (never a QSortFilterProxyModel, which
takes seconds on 100,000 rows); filters are passed to the source and applied in SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from offa_desktop.domain.changes import ChangeSet

RECORD_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the record's id (str)
RAW_VALUE_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the unformatted value of the cell

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column of a list: ``key`` is what the source sorts on, ``title`` the French header."""

    key: str
    title: str
    sortable: bool = True
    right_aligned: bool = False
    formatter: Callable[[Any], str] | None = None
    width: int = 130  # preferred width in pixels
    grow: bool = False  # takes a share of the room left (and gives some back when short)
    missing: str = ""  # what an empty cell says (a linked record no longer in the copy)


def fit_widths(widths: Sequence[int], grow: Sequence[bool], room: int,
               floor: float = 0.6) -> list[int]:
    """Column widths filling ``room`` pixels: each column at its preferred width, the growing
    columns (the first one when none is marked) sharing what is left in proportion to their
    width, or giving back what is missing down to ``floor`` of their width (beyond that, the
    table scrolls). Never one column squeezed to nothing while the others keep theirs."""
    out = list(widths)
    elastic = [i for i, g in enumerate(grow) if g] or ([0] if out else [])
    flex = sum(out[i] for i in elastic)
    if not elastic or flex <= 0:
        return out
    gap = room - sum(out)
    if gap < 0:
        gap = -min(-gap, sum(out[i] - int(out[i] * floor) for i in elastic))
    given = 0
    for i in elastic:
        share = int(gap * out[i] / flex)
        out[i] += share
        given += share
    out[elastic[0]] += gap - given
    return out


@dataclass(frozen=True)
class Row:
    """One row of a list: the record id and the values of the columns, in column order."""

    id: str
    values: tuple[Any, ...]


class RowSource(Protocol):
    """Where a list's rows come from (a store query); every call runs SQL, never Python sorts."""

    collection: str
    columns: Sequence[Column]

    def count(self, filters: Mapping[str, Any]) -> int: ...

    def page(
        self,
        offset: int,
        limit: int,
        sort: str,
        descending: bool,
        filters: Mapping[str, Any],
    ) -> list[Row]: ...


class PagedTableModel(QAbstractTableModel):
    """The rows of one :class:`RowSource`, fetched a page at a time and cached (a few pages)."""

    def __init__(
        self,
        source: RowSource,
        *,
        page_size: int = 200,
        max_pages: int = 40,
        default_sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.columns = tuple(source.columns)
        self._page_size = page_size
        self._max_pages = max_pages
        self._filters: dict[str, Any] = {}
        self._sort_column, self._sort_order = default_sort
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._count = source.count(self._filters)

    # --- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._count:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            column = self.columns[index.column()]
            if column.right_aligned:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, RECORD_ID_ROLE, RAW_VALUE_ROLE):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == RECORD_ID_ROLE:
            return row.id
        value = row.values[index.column()]
        if role == RAW_VALUE_ROLE:
            return value
        column = self.columns[index.column()]
        if value is None or value == "":
            return column.missing
        return column.formatter(value) if column.formatter else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].title
            return None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        if (column, order) == (self._sort_column, self._sort_order) and self._pages:
            return
        self.beginResetModel()
        self._sort_column, self._sort_order = column, order
        self._pages.clear()
        self.endResetModel()

    # --- lists ---------------------------------------------------------------------------------
    @property
    def sort_key(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    @property
    def filters(self) -> dict[str, Any]:
        return dict(self._filters)

    def set_filters(self, filters: Mapping[str, Any]) -> None:
        """Replace the filters (empty values are dropped) and re-count in SQL."""
        cleaned = {k: v for k, v in filters.items() if v not in (None, "", [], ())}
        if cleaned == self._filters:
            return
        self.beginResetModel()
        self._filters = cleaned
        self._pages.clear()
        self._count = self.source.count(self._filters)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        """The row at a position, fetching its page when needed."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def record_id(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.id if found else None

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reload after a change set that touches this list's collection (or always if None)."""
        if changes is not None and not changes.touches(self.source.collection):
            return
        count = self.source.count(self._filters)
        if count != self._count:
            self.beginResetModel()
            self._pages.clear()
            self._count = count
            self.endResetModel()
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.columns) - 1))

    def _fetch(self, number: int) -> list[Row]:
        column = self.columns[self._sort_column]
        page = self.source.page(
            number * self._page_size,
            self._page_size,
            column.key,
            self._sort_order == Qt.SortOrder.DescendingOrder,
            self._filters,
        )
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page
