"""Fichier > Exporter (Ctrl+E): the list as on screen (filters, sort, visible columns, French
headers), typed cells, read back with openpyxl and csv; cancel writes nothing."""

from __future__ import annotations

import csv
import threading
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt

from offa_desktop.ops.export import ExportCancelled
from offa_desktop.ui import export_dialog
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.table_model import RAW_VALUE_ROLE
from offa_desktop.ui.tasks import TaskContext

pytestmark = pytest.mark.gui


def on_screen(view: Any) -> tuple[list[str], list[list[Any]]]:
    model = view.model
    header = view.table.horizontalHeader()
    shown = sorted((i for i in range(model.columnCount()) if not header.isSectionHidden(i)),
                   key=header.visualIndex)
    titles = [model.columns[i].title for i in shown]
    rows = [[(model.index(r, i).data(), model.index(r, i).data(RAW_VALUE_ROLE)) for i in shown]
            for r in range(model.rowCount())]
    return titles, rows


def export(qtbot: Any, context: Any, window: Any, view: Any, path: Path, fmt: str) -> None:
    op = export_dialog.start(context, window, view, path, fmt)
    qtbot.waitUntil(lambda: not context.tasks.busy and path.exists(), timeout=30_000)
    assert op is not None


def test_contracts_list_out_to_xlsx_and_csv(qtbot: Any, demo_copy: Path, tmp_path: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        window.show()
        view = window.show_area("contracts")
        box = view.filter_boxes["status"]
        box.setCurrentIndex(box.findData("active"))
        view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # learner, Z to A
        view.table.horizontalHeader().hideSection(3)  # the operator: not exported
        view.table.horizontalHeader().moveSection(5, 0)  # end date first
        titles, rows = on_screen(view)
        assert "Opérateur" not in titles and titles[0] == "Fin"
        assert len(rows) == view.model.rowCount() > 50

        xlsx = tmp_path / "contrats.xlsx"
        export(qtbot, context, window, view, xlsx, "xlsx")
        sheet = openpyxl.load_workbook(xlsx).active
        got = list(sheet.iter_rows(values_only=True))
        assert list(got[0]) == titles
        assert len(got) - 1 == len(rows)
        kinds = [c.kind for c in export_dialog.plan(view)[0]]
        for cells, expected in zip(got[1:], rows, strict=True):
            for kind, cell, (shown, raw) in zip(kinds, cells, expected, strict=True):
                if kind == "date":
                    assert cell == (datetime.fromisoformat(str(raw)) if raw else None)
                else:
                    assert (cell or "") == shown  # display form: "en cours", names, "A"
        date_cell = sheet.cell(row=2, column=1)
        assert date_cell.is_date and date_cell.number_format == "dd/mm/yyyy"

        path = tmp_path / "contrats.csv"
        export(qtbot, context, window, view, path, "csv")
        raw_bytes = path.read_bytes()
        assert raw_bytes.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.reader(handle, delimiter=";"))
        assert lines[0] == titles
        assert [line[1:] for line in lines[1:]] == [[s for s, _r in row[1:]] for row in rows]
        assert [line[0] for line in lines[1:]] == [s for (s, _r), *_ in rows]
        window.close()
    finally:
        context.close()


def test_money_is_a_number_with_the_euro_format(qtbot: Any, demo_copy: Path,
                                                tmp_path: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        window.show()
        view = window.show_area("incentives")
        titles, rows = on_screen(view)
        money = titles.index("Montant")
        path = tmp_path / "incitants.xlsx"
        export(qtbot, context, window, view, path, "xlsx")
        sheet = openpyxl.load_workbook(path).active
        cells = [row[money] for row in sheet.iter_rows(min_row=2)]
        assert [Decimal(str(c.value)).quantize(Decimal("0.01")) for c in cells] == [
            Decimal(str(raw)) for *_x, (_s, raw) in ([r[money]] for r in rows)]
        assert all(isinstance(c.value, int | float) and "€" in c.number_format for c in cells)
        # accents intact in the names
        names = {row[0].value for row in sheet.iter_rows(min_row=2)}
        assert names == {r[0][0] for r in rows}
        window.close()
    finally:
        context.close()


def test_cancel_writes_nothing(qtbot: Any, demo_copy: Path, tmp_path: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        view = window.show_area("contracts")
        cancel = threading.Event()
        cancel.set()
        ctx = TaskContext(lambda _p, _d, _t: None, cancel)
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(ExportCancelled):
            export_dialog.export_view(view, out / "annulé.xlsx", "xlsx", ctx)
        assert list(out.iterdir()) == []  # neither the file nor its partial
        window.close()
    finally:
        context.close()
