"""The import dialog's two tables: the file's columns and the field each fills
(:class:`ColumnsTable`), and the preview of the first rows with their problems
(:class:`PreviewTable`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

PROBLEM = QColor("#f6d5d1")
PROBLEM_TEXT = QColor("#a93226")
SKIP = ""  # the mapping combo's data for a column left out


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files tr("…") calls there


def cell_text(value: Any) -> str:
    """A cell as the file holds it: dates as 31/08/2026, whole numbers without ``.0``."""
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return str(value.strftime("%d/%m/%Y"))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_only(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ColumnsTable(QTableWidget):
    """One line per column of the file: its header, an example value, the field it fills (a
    combo; «— ne pas importer —» leaves it out). Signal ``changed()`` when a person picks."""

    changed = Signal()

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def fill(
        self,
        headers: Sequence[str],
        rows: Sequence[Any],
        options: Sequence[tuple[str, str]],
        proposed: Mapping[str, str | None],
    ) -> None:
        """A line per header, its example from the first row that has one, the field
        ``proposed`` for it chosen among ``options`` ``[(field, label)]``."""
        self.setRowCount(len(headers))
        for row, header in enumerate(headers):
            self.setItem(row, 0, _read_only(header))
            example = next((cell_text(r.cells.get(header)) for r in rows
                            if cell_text(r.cells.get(header)).strip()), "")  # fmt: skip
            self.setItem(row, 1, _read_only(example))
            combo = QComboBox(self)
            combo.setObjectName(f"import-field-{row}")
            combo.addItem(tr("— ne pas importer —"), SKIP)
            for name, label in options:
                combo.addItem(label, name)
            combo.setCurrentIndex(max(0, combo.findData(proposed.get(header) or SKIP)))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.setCellWidget(row, 2, combo)

    def mapping(self) -> dict[str, str | None]:
        """``{header: field or None}`` as chosen."""
        out: dict[str, str | None] = {}
        for row in range(self.rowCount()):
            header_item = self.item(row, 0)
            combo = self.cellWidget(row, 2)
            if header_item is None or not isinstance(combo, QComboBox):
                continue
            value = combo.currentData()
            out[header_item.text()] = str(value) if value else None
        return out

    def set_field(self, header: str, name: str | None) -> None:
        """Choose the field ``header`` fills (None: left out), as a person would."""
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            combo = self.cellWidget(row, 2)
            if item is not None and item.text() == header and isinstance(combo, QComboBox):
                combo.setCurrentIndex(max(0, combo.findData(name or SKIP)))
                return
        raise KeyError(header)


class PreviewTable(QTableWidget):
    """The first rows as the file holds them, a cell with a problem red (its message in its
    tooltip), and first the column «Problèmes» with all of the row's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.headers: list[str] = []

    def show_preview(
        self, shown: Any, mapping: Mapping[str, str | None], labels: Mapping[str, str]
    ) -> None:
        headers = self.headers = list(shown.headers)
        self.clear()
        self.setColumnCount(len(headers) + 1)
        self.setRowCount(len(shown.rows))
        titles = [tr("Problèmes")]
        for header in headers:
            name = mapping.get(header)
            titles.append(f"{header}\n→ {labels.get(name, name)}" if name
                          else f"{header}\n({tr('non importée')})")  # fmt: skip
        self.setHorizontalHeaderLabels(titles)
        self.setVerticalHeaderLabels([str(o.line) for o in shown.outcomes])
        for row, values in enumerate(shown.rows):
            problems = shown.problems(row)
            notes: list[str] = []
            for column, (header, value) in enumerate(zip(headers, values, strict=True)):
                item = QTableWidgetItem(cell_text(value))
                messages = problems.get(header)
                if messages:
                    item.setBackground(QBrush(PROBLEM))
                    item.setForeground(QBrush(PROBLEM_TEXT))
                    item.setToolTip("\n".join(messages))
                    notes.extend(m if m.casefold().startswith(header.casefold())
                                 else f"{header} : {m}" for m in messages)  # fmt: skip
                elif not mapping.get(header):
                    item.setForeground(QBrush(QColor("#888888")))
                self.setItem(row, column + 1, item)
            notes.extend(problems.get("", []))
            last = QTableWidgetItem(" ; ".join(notes) if notes else "✓")
            if notes:
                last.setForeground(QBrush(PROBLEM_TEXT))
                last.setToolTip("\n".join(notes))
            self.setItem(row, 0, last)
        self.resizeColumnsToContents()
        self.setColumnWidth(0, min(self.columnWidth(0), 320))  # the tooltip says all of it

    def problem_at(self, line: int, header: str) -> str:
        """The problem shown for the file's ``line`` and column."""
        for row in range(self.rowCount()):
            head = self.verticalHeaderItem(row)
            if head is not None and head.text() == str(line):
                item = self.item(row, self.headers.index(header) + 1)
                return item.toolTip() if item is not None else ""
        raise KeyError(line)
