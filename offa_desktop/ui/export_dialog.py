"""Fichier > Exporter… (Ctrl+E): the current list as it is on screen, out to XLSX or CSV.

The rows as filtered and sorted, the visible columns in their on-screen order with their French
headers; dates and money as typed cells (``ops/export.py``). The rows are read page by page in
SQL and written on a worker with a progress dialog that can cancel (nothing is written then).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from offa_desktop.ops import export
from offa_desktop.ui.formats import date_fr, money_fr
from offa_desktop.ui.tasks import Cancelled, Op, TaskContext

PAGE = 5000


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def plan(view: Any) -> tuple[list[export.ExportColumn], list[int], Any]:
    """What an export of ``view`` writes: the visible columns in on-screen order (their kinds
    from their formats), their model positions, and how to read its rows."""
    model = view.model
    header = view.table.horizontalHeader()
    positions = sorted(
        (i for i in range(len(model.columns)) if not header.isSectionHidden(i)),
        key=header.visualIndex,
    )
    columns = []
    for i in positions:
        column = model.columns[i]
        if column.formatter is date_fr:
            kind = export.DATE
        elif column.formatter is money_fr:
            kind = export.MONEY
        elif column.right_aligned and column.formatter is None:
            kind = export.NUMBER
        else:
            kind = export.TEXT
        columns.append(export.ExportColumn(column.title, kind))
    sort_column, order = model.sort_key
    reading = (model.source, model.columns[sort_column].key,
               order == Qt.SortOrder.DescendingOrder, model.filters)
    return columns, positions, reading


def rows(view_columns: Any, columns: list[export.ExportColumn], positions: list[int],
         reading: Any) -> Iterator[list[Any]]:
    """The rows as the list shows them, page by page (SQL), in display form for text."""
    source, sort, descending, filters = reading
    offset = 0
    while True:
        page = source.page(offset, PAGE, sort, descending, filters)
        for row in page:
            out = []
            for column, i in zip(columns, positions, strict=True):
                value = row.values[i]
                formatter = view_columns[i].formatter
                if column.kind == export.TEXT and value is not None and formatter is not None:
                    value = formatter(value)
                out.append(value)
            yield out
        if len(page) < PAGE:
            return
        offset += PAGE


def export_view(view: Any, path: Path, fmt: str, ctx: TaskContext | None = None) -> int:
    """Write ``view``'s list to ``path``; run on a worker. Cancelled: nothing written."""
    columns, positions, reading = plan(view)
    total = view.model.rowCount()
    view_columns = view.model.columns

    def progress(done: int) -> None:
        if ctx is not None:
            ctx.report(tr("Export"), done, total)
            ctx.check()

    try:
        return export.write(path, fmt, columns, rows(view_columns, columns, positions, reading),
                            progress)
    except Cancelled as exc:
        raise export.ExportCancelled() from exc


def start(context: Any, window: Any, view: Any, path: Path, fmt: str) -> Op:
    """Export on a worker with a progress dialog that can cancel; returns the running Op."""
    dialog = QProgressDialog(tr("Export de la liste…"), tr("Annuler"), 0,
                             max(1, view.model.rowCount()), window)
    dialog.setObjectName("export-progress")
    dialog.setWindowTitle(tr("Exporter"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    op = context.tasks.background(export_view, view, path, fmt)

    def done(count: int) -> None:
        dialog.close()
        bar = getattr(window, "statusBar", None)
        if bar is not None:
            bar().showMessage(tr("%1 ligne(s) exportée(s) dans %2").replace(
                "%1", str(count)).replace("%2", str(path)), 10_000)

    def failed(error: BaseException) -> None:
        dialog.close()
        if isinstance(error, export.ExportCancelled):
            return
        QMessageBox.warning(window, tr("Exporter"),
                            tr("L'export n'a pas pu être écrit : %1").replace("%1", str(error)))

    op.progress(lambda _phase, done_rows, _total: dialog.setValue(done_rows))
    op.success(done).failure(failed)
    dialog.canceled.connect(op.cancel)
    window.export_op = op
    started: Op = op.run()
    return started


def ask_and_export(context: Any, window: Any) -> Op | None:
    """Ask where, then export the current list."""
    view = window.views.get(window.current_area())
    if view is None:
        QMessageBox.information(window, tr("Exporter"),
                                tr("Choisissez d'abord une liste : l'export reprend la liste "
                                   "affichée, avec ses filtres et son tri."))
        return None
    name = f"{view.area.title}.xlsx"
    folder = Path(getattr(context, "folder", Path.home()))
    path, chosen = QFileDialog.getSaveFileName(
        window, tr("Exporter la liste"), str(folder / name),
        tr("Classeur Excel (*.xlsx);;CSV pour Excel (*.csv)"))
    if not path:
        return None
    fmt = "csv" if path.lower().endswith(".csv") or "csv" in chosen.lower() else "xlsx"
    if not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"
    return start(context, window, view, Path(path), fmt)
