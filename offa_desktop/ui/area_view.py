"""One area's list: filter combos above a table over paged SQL; Enter or double-click opens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.ui import formats
from offa_desktop.ui.area_kinds import Area, Filter
from offa_desktop.ui.table_model import RECORD_ID_ROLE, PagedTableModel, RowSource, fit_widths


class ListBackend(Protocol):
    """What the lists need from the working copy (implemented in ``ui/sources.py``)."""

    def source(self, area: Area) -> RowSource: ...

    def reference_choices(self, collection: str) -> list[tuple[str, str]]: ...

    def field_values(self, collection: str, field: str) -> list[tuple[str, str]]: ...


class _EnterOpens(QObject):
    """Enter on the current row of a view opens it (the key goes no further)."""

    def __init__(self, view: QAbstractItemView, open_index: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._open = open_index

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(watched, QAbstractItemView) and watched.currentIndex().isValid()):
            self._open(watched.currentIndex())
            return True
        return False


def open_on_enter(view: QAbstractItemView, open_index: Callable[[QModelIndex], None]) -> None:
    """A double-click on a row of ``view``, or Enter on its current row, calls
    ``open_index(index)``."""
    view.doubleClicked.connect(open_index)
    view.installEventFilter(_EnterOpens(view, open_index))


class RecordTable(QTableView):
    """A table that opens the current record on Enter (as well as on double-click).

    Signal ``open_requested(record_id: str)``.
    """

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        open_on_enter(self, self._open_index)

    def _open_index(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            self.open_requested.emit(str(record_id))


class AreaView(QWidget):
    """The list of one area with its filters and row count.

    Signal ``open_requested(collection: str, record_id: str)``.
    """

    open_requested = Signal(str, str)

    def __init__(self, area: Area, backend: ListBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setObjectName(f"area-{area.key}")
        self.model = PagedTableModel(
            backend.source(area),
            default_sort=(
                area.default_sort,
                Qt.SortOrder.DescendingOrder
                if area.default_descending
                else Qt.SortOrder.AscendingOrder,
            ),
            parent=self,
        )
        self.filter_boxes: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        for spec in area.filters:
            box = QComboBox(self)
            box.setObjectName(f"filter-{spec.field}")
            box.addItem(self.tr("%1 : tous").replace("%1", spec.title), None)
            for code, name in self._choices(spec, backend):
                box.addItem(f"{spec.title}\u00a0: {name}", code)  # says what it filters
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
            box.currentIndexChanged.connect(self._apply_filters)
            bar.addWidget(box)
            self.filter_boxes[spec.field] = box
        bar.addStretch(1)
        self.count_label = QLabel(self)
        bar.addWidget(self.count_label)

        self.table = RecordTable(self)
        self.table.setObjectName(f"table-{area.key}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(130)
        # the names (learner, company, trade) share the room left and give some back on a
        # narrow window, never the narrow sync state at the end (see fit_columns)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        self.user_sized = False  # a person dragged a column's edge: their widths stay
        self._fitting = False
        for number, shown in enumerate(area.columns):
            header.resizeSection(number, shown.width)
        header.sectionResized.connect(self._section_resized)
        sorted_by, order = self.model.sort_key
        header.setSortIndicator(sorted_by, order)
        self.table.setSortingEnabled(True)
        self.table.open_requested.connect(
            lambda record_id: self.open_requested.emit(area.collection, record_id)
        )

        # what an empty list means, over the table (never a silent blank list)
        self.empty = QLabel(self.table.viewport())
        self.empty.setObjectName("list-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #555; padding: 24px;")
        self.empty.hide()
        self.table.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.model.modelReset.connect(self._show_count)
        self._show_count()

    def _choices(self, spec: Filter, backend: ListBackend) -> Sequence[tuple[str, str]]:
        kind = spec.kind
        if kind == "values":
            return backend.field_values(self.area.collection, spec.field)
        if kind.startswith("reference:"):
            return backend.reference_choices(kind.split(":", 1)[1])
        return formats.choices(kind)

    def _apply_filters(self) -> None:
        filters: dict[str, Any] = {}
        for name, box in self.filter_boxes.items():
            filters[name] = box.currentData()
        self.model.set_filters(filters)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        text = f"{count:,}".replace(",", "\u202f")
        self.count_label.setText(self.tr("%1 fiche(s)").replace("%1", text))
        chosen = [
            self.filter_boxes[spec.field].currentText()
            for spec in self.area.filters
            if self.filter_boxes[spec.field].currentData() is not None
        ]
        if chosen:
            message = self.tr("Aucune fiche pour ces filtres (%1).\nChoisissez « tous » dans un "
                              "filtre pour voir plus de fiches.").replace("%1", ", ".join(chosen))
        else:
            message = self.tr("Aucune fiche dans la copie de travail.\nSynchronisez (F5) pour "
                              "recevoir celles de votre périmètre, ou créez-en une (Ctrl+N).")
        self.empty.setText(message)
        self.empty.setVisible(count == 0)
        self._place_empty()

    def _place_empty(self) -> None:
        self.empty.setGeometry(self.table.viewport().rect().adjusted(10, 30, -10, 0))

    def fit_columns(self) -> None:
        """The columns fill the table's width (until a person sizes one by hand): every column
        at its width, the names sharing what is left or giving back what is missing."""
        if self.user_sized:
            return
        header = self.table.horizontalHeader()
        shown = [n for n in range(len(self.area.columns)) if not header.isSectionHidden(n)]
        widths = fit_widths([self.area.columns[n].width for n in shown],
                            [self.area.columns[n].grow for n in shown],
                            self.table.viewport().width())
        self._fitting = True
        try:
            for number, width in zip(shown, widths, strict=True):
                header.resizeSection(number, width)
        finally:
            self._fitting = False

    def _section_resized(self, number: int, _old: int, new: int) -> None:
        header = self.table.horizontalHeader()
        if not self._fitting and new > 0 and not header.isSectionHidden(number):
            self.user_sized = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty()  # the table's viewport has its final size only now
            self.fit_columns()
        return False

    def set_filter(self, field: str, code: Any) -> bool:
        """Choose ``code`` in the filter of ``field`` (False when it is not offered)."""
        box = self.filter_boxes.get(field)
        index = box.findData(code) if box is not None else -1
        if box is None or index < 0:
            return False
        box.setCurrentIndex(index)
        return True

    def sort_on(self, key: str, descending: bool = False) -> None:
        """Sort the list on the column ``key``."""
        column = next(i for i, c in enumerate(self.area.columns) if c.key == key)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, order)

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reload what a change set touched (everything when None)."""
        self.model.refresh(changes)
        self._show_count()

    def focus_list(self) -> None:
        """The keyboard in the list, on the current row (the first one when none is)."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        value = index.data(RECORD_ID_ROLE) if index.isValid() else None
        return str(value) if value else None
