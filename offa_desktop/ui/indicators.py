"""The "Indicateurs" area: how alternance is doing, as charts a person reads at a glance, each
with its table beside it and "Exporter" (PNG for the chart, XLSX for the data).

Charts are QtCharts (PySide6-Addons): measured here against pyqtgraph, QtCharts imports in
~15 ms and paints two charts in ~65 ms, adding ~4 MB of Qt libraries to the bundle; pyqtgraph
needs numpy (~350 ms to import, ~55 MB in the bundle, which excludes numpy). This module (and so
QtCharts) is imported only when the area is first opened. Figures are computed on a worker
(``ops/indicators.py``); the filters recompute them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMenu,
    QScrollArea,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.values import brussels_today
from offa_desktop.ops import export
from offa_desktop.ops.indicators import BAR, Indicators, Panel, compute
from offa_desktop.store.indicator_rows import Filters
from offa_desktop.ui.formats import date_fr, money_fr
from offa_desktop.ui.tables import read_only_table
from offa_desktop.ui.tasks import OneAtATime, TaskManager, paused_gc

NARROW_NBSP = "\u202f"
LOCALE = QLocale(QLocale.Language.French, QLocale.Country.Belgium)
AXIS_LABEL_CHARS = 28
WIDE_TABLES = ("monthly", "visits")


def tr(text: str) -> str:
    return QCoreApplication.translate("IndicatorsView", text)


def number_fr(value: Any) -> str:
    """1234 -> "1 234" (narrow no-break space)."""
    return f"{int(value):,}".replace(",", NARROW_NBSP)


def cell_text(value: Any, money: bool) -> str:
    if isinstance(value, date):
        return date_fr(value.isoformat())
    if money:
        return money_fr(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_fr(value)
    return str(value)


def _short(text: str) -> str:
    return text if len(text) <= AXIS_LABEL_CHARS else text[: AXIS_LABEL_CHARS - 1] + "…"


def make_chart(panel: Panel) -> QChart:
    """The panel's chart, no animation, French numbers: horizontal bars for named categories
    (full names readable, the largest on top), vertical bars or lines over months."""
    chart = QChart()
    chart.setLocalizeNumbers(True)
    chart.setLocale(LOCALE)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(len(panel.series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    horizontal = panel.kind == BAR and panel.key != "visits"
    categories = QBarCategoryAxis()
    names = [_short(c) for c in panel.categories]
    categories.append(list(reversed(names)) if horizontal else names)
    if not horizontal and len(panel.categories) > 8:
        categories.setLabelsAngle(-60)
    values = QValueAxis()
    top = max((v for _n, found in panel.series for v in found), default=0.0)
    values.setRange(0, max(1.0, top * 1.15))
    values.setLabelFormat("%.0f")
    values.applyNiceNumbers()
    value_side, category_side = (
        (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft) if horizontal
        else (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom))
    chart.addAxis(categories, category_side)
    chart.addAxis(values, value_side)
    if panel.kind == BAR:
        bars = QHorizontalBarSeries() if horizontal else QBarSeries()
        for name, found in panel.series:
            bar_set = QBarSet(name)
            bar_set.append(list(reversed(found)) if horizontal else found)
            bars.append(bar_set)
        if len(panel.series) == 1 and len(panel.categories) <= 12:
            bars.setLabelsVisible(True)
            bars.setLabelsFormat("@value")
            bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(bars)
        bars.attachAxis(categories)
        bars.attachAxis(values)
    else:
        # lines over months: one label every 3 months, on its point (24 labels do not fit)
        chart.removeAxis(categories)
        months = QCategoryAxis()
        months.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        months.setRange(0, max(1, len(panel.categories) - 1))
        for x in range(0, len(panel.categories), 3):
            months.append(panel.categories[x], x)
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        for name, found in panel.series:
            line = QLineSeries()
            line.setName(name)
            for x, value in enumerate(found):
                line.append(x, value)
            line.setPointsVisible(True)
            chart.addSeries(line)
            line.attachAxis(months)
            line.attachAxis(values)
    return chart


def _compute(path: Path, today: date, filters: Filters) -> Indicators:
    with paused_gc():  # as the home screen's radar: no GC pass holding the UI thread
        return compute(path, today, filters)


class PanelView(QGroupBox):
    """One indicator: its chart, its table beside it, a note and "Exporter"."""

    def __init__(self, panel: Panel, parent: QWidget | None = None) -> None:
        super().__init__(panel.title, parent)
        self.setObjectName(f"indicator-{panel.key}")
        self.panel = panel
        self.chart_view = QChartView(make_chart(panel), self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(330, 300)
        self.setMinimumHeight(390)  # in the scroll area: never squeezed under the chart
        self.table = read_only_table(panel.headers, parent=self)
        self.table.setRowCount(len(panel.rows))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if panel.key not in WIDE_TABLES:  # (a column per month: that table scrolls sideways)
            # the names take what the figures leave (elided, whole in their tooltip): the
            # counts stay in sight beside the chart
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        for r, row in enumerate(panel.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(cell_text(value, c in panel.money))
                if c == 0:
                    item.setToolTip(item.text())
                if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.setMinimumWidth(220)
        self.export_button = QToolButton(self)
        self.export_button.setText(tr("Exporter"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(tr("Graphique (PNG)…"), self._ask_png)
        menu.addAction(tr("Données (XLSX)…"), self._ask_xlsx)
        self.export_button.setMenu(menu)
        note = QLabel(panel.note, self)
        note.setStyleSheet("color: palette(mid)")
        body = QHBoxLayout()
        body.addWidget(self.chart_view, 3)
        body.addWidget(self.table, 2)
        foot = QHBoxLayout()
        foot.addWidget(note, 1)
        foot.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addLayout(foot)

    def save_png(self, path: Path) -> bool:
        return bool(self.chart_view.grab().save(str(path), "PNG"))

    def save_xlsx(self, path: Path) -> int:
        kinds = []
        for c in range(len(self.panel.headers)):
            values = [row[c] for row in self.panel.rows]
            if c in self.panel.money:
                kinds.append(export.MONEY)
            elif values and all(isinstance(v, date) for v in values):
                kinds.append(export.DATE)
            elif values and all(isinstance(v, int | float | Decimal) for v in values):
                kinds.append(export.NUMBER)
            else:
                kinds.append(export.TEXT)
        columns = [export.ExportColumn(h, k) for h, k in zip(self.panel.headers, kinds,
                                                              strict=True)]
        return export.write(path, "xlsx", columns, self.panel.rows)

    def _ask(self, suffix: str, label: str, save: Callable[[Path], Any]) -> None:
        name = f"{self.panel.title}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, tr("Exporter"), name, label)
        if path:
            save(Path(path if path.lower().endswith(f".{suffix}") else f"{path}.{suffix}"))

    def _ask_png(self) -> None:
        self._ask("png", tr("Image PNG (*.png)"), self.save_png)

    def _ask_xlsx(self) -> None:
        self._ask("xlsx", tr("Classeur Excel (*.xlsx)"), self.save_xlsx)


class IndicatorsView(QWidget):
    """The area. Signal ``computed(indicators: Indicators)`` after each new set is shown."""

    computed = Signal(object)

    def __init__(self, path: Path, tasks: TaskManager, *,
                 today: Callable[[], date] = brussels_today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("area-indicators")
        self.path = path
        self.tasks = tasks
        self.indicators: Indicators | None = None
        self._work = OneAtATime(self, tasks, _compute, lambda: (path, today(), self.filters()),
                                self._show, self._failed)
        self.panels: dict[str, PanelView] = {}
        self.filter_boxes: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        title = QLabel(tr("Indicateurs"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        bar.addWidget(title)
        for key, label in (("school_year", tr("Année scolaire")), ("operator", tr("Opérateur")),
                           ("region", tr("Région")), ("sector", tr("Secteur"))):
            box = QComboBox(self)
            box.setObjectName(f"indicator-filter-{key}")
            box.addItem(tr("%1 : tous").replace("%1", label), None)
            box.currentIndexChanged.connect(lambda _i: self.refresh(None))
            bar.addWidget(box)
            self.filter_boxes[key] = box
        bar.addStretch(1)
        self.status = QLabel(tr("Calcul des indicateurs…"), self)
        bar.addWidget(self.status)
        self.grid = QGridLayout()
        # the panels' minimum sizes hold in the scroll area (it scrolls instead of squeezing)
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        holder = QWidget(self)
        holder.setLayout(self.grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.refresh(None)

    def filters(self) -> Filters:
        values = {k: box.currentData() for k, box in self.filter_boxes.items()}
        return Filters(**values)

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Recompute on a worker; one run at a time, the latest request waiting."""
        self._work.ask()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(tr("Indicateurs indisponibles : %1").replace("%1", str(error)))

    def _show(self, found: Indicators) -> None:
        self.indicators = found
        for key, box in self.filter_boxes.items():
            if box.count() == 1:
                box.blockSignals(True)
                for code, name in found.choices.get(key, []):
                    box.addItem(name, code)
                box.blockSignals(False)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.panels = {}
        for panel in found.panels:
            self.panels[panel.key] = PanelView(panel, self)
        self._lay_out()
        self.status.setText(tr("au %1").replace("%1", date_fr(found.today.isoformat())))
        self.computed.emit(found)

    def _lay_out(self) -> None:
        """Two panels a row; the monthly series and the visits take a whole row."""
        row = column = 0
        for key, view in self.panels.items():
            if key in ("monthly", "visits"):
                if column:
                    row, column = row + 1, 0
                self.grid.addWidget(view, row, 0, 1, 2)
                row += 1
                continue
            self.grid.addWidget(view, row, column)
            column += 1
            if column == 2:
                row, column = row + 1, 0
