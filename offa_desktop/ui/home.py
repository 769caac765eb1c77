"""The "À faire" home screen: the deadline radar grouped by rule, overdue first.

Each group shows its rule's label, its count and how many lines are late; each line names its
record in words and opens it with Enter or a double-click. A line can be put off until a date
with a reason ("Reporter…", Ctrl+R): a synced per-user record (``ops/snoozes.py``). The radar is
computed on a worker (``ops.radar.compute``: sqlite3 only, so it runs before the store's
SQLAlchemy side is loaded at start-up) and recomputed after every change set; the UI thread only
swaps the model's data. Only the lines shown are named in words at first (the groups open
unfolded, the first lines of the others); a long group is named on a worker when it is unfolded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.radar import RULE_BY_CODE, SEVERITY_FR
from offa_desktop.domain.values import brussels_today, format_date_fr
from offa_desktop.ops.radar import Radar, RadarItem, compute, name_items
from offa_desktop.ui.area_view import open_on_enter
from offa_desktop.ui.tasks import OneAtATime, TaskManager, paused_gc

AnyIndex = QModelIndex | QPersistentModelIndex
GROUP = 0xFFFFFFFF  # internalId of a group row; a line's is its group's number
SNOOZED = "snoozed"  # the key of the group of snoozed lines
OPEN_GROUP_LINES = 12  # groups up to this many lines open unfolded
LATE = QColor("#b3261e")
SEVERITY_COLOURS = {"high": QColor("#b3261e"), "medium": QColor("#8a5a00"),
                    "low": QColor("#3c5a78")}


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("HomeView", text)


Groups = list[tuple[str, list[RadarItem]]]


def late_by_rule(radar: Radar) -> dict[str, int]:
    """How many lines of each rule are late (due before the radar's day)."""
    late: dict[str, int] = {}
    today = radar.today
    for item in radar.items:
        if item.due < today:
            late[item.rule] = late.get(item.rule, 0) + 1
    return late


def _compute(
    path: Path, today: date, user_id: str | None
) -> tuple[Radar, Groups, dict[str, int]]:
    """The radar, its groups and its late lines by rule: all that walks its 10,000 lines is
    done here, on the worker; the UI thread only swaps the model's data."""
    # no automatic GC meanwhile: a full pass over the radar's many small objects would hold
    # the GIL, and so the UI thread, for a few hundred ms (ui/tasks.paused_gc)
    with paused_gc():
        radar = compute(path, today, user_id=user_id, named=OPEN_GROUP_LINES)
        return radar, radar.groups(), late_by_rule(radar)


class RadarModel(QAbstractItemModel):
    """Two levels: the groups (one per rule, and the snoozed lines when shown), their lines.
    Columns: due date, record in words, detail."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.radar: Radar | None = None
        self.groups: list[tuple[str, list[RadarItem]]] = []
        self.named: set[str] = set()  # the groups whose every line is named in words
        self.titles: list[str] = []  # each group's title, written once per radar
        self.headers = (tr("Échéance"), tr("Fiche"), tr("Détail"))
        self._late_fr, self._snoozed_fr = tr("%1 en retard"), tr("Reportées (%1)")

    def set_radar(self, radar: Radar, *, show_snoozed: bool = False,
                  groups: Groups | None = None, late: dict[str, int] | None = None) -> None:
        """``late``: the late lines by rule (``late_by_rule``), when the worker counted them."""
        self.beginResetModel()
        self.radar = radar
        self.groups = list(groups) if groups is not None else radar.groups()
        self.named = {key for key, items in self.groups if len(items) <= OPEN_GROUP_LINES}
        if show_snoozed and radar.snoozed:
            self.groups.append((SNOOZED, list(radar.snoozed)))
            self.named.add(SNOOZED)  # every snoozed line comes named
        # the titles once, not at each paint of a group's row (a count of its late lines)
        late = late if late is not None else late_by_rule(radar)
        self.titles = [self._title(key, items, late.get(key, 0)) for key, items in self.groups]
        self.endResetModel()

    def set_named(self, key: str, items: list[RadarItem]) -> None:
        """The lines of group ``key`` named in words (same lines, same order)."""
        for row, (group, old) in enumerate(self.groups):
            if group == key and [i.key for i in old] == [i.key for i in items]:
                old[:] = items
                self.named.add(key)
                parent = self.index(row, 0)
                if items:
                    self.dataChanged.emit(self.index(0, 1, parent),
                                          self.index(len(items) - 1, 1, parent))
                return

    # --- structure -----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP)
        return self.createIndex(row, column, parent.row())

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    # --- content -------------------------------------------------------------------------
    def item(self, index: AnyIndex) -> RadarItem | None:
        if not index.isValid() or index.internalId() == GROUP:
            return None
        return self.groups[int(index.internalId())][1][index.row()]

    def group_title(self, row: int) -> str:
        return self.titles[row]

    def _title(self, key: str, items: list[RadarItem], late: int) -> str:
        if key == SNOOZED:
            return self._snoozed_fr.replace("%1", str(len(items)))
        rule = RULE_BY_CODE[key]
        text = f"{rule.label} ({len(items)})"
        if late:
            text += " · " + self._late_fr.replace("%1", str(late))
        return text + " · " + SEVERITY_FR[rule.severity]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == GROUP:
            key = self.groups[index.row()][0]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.group_title(index.row())
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and key != SNOOZED:
                return SEVERITY_COLOURS[RULE_BY_CODE[key].severity]
            if role == Qt.ItemDataRole.ToolTipRole and key != SNOOZED:
                return RULE_BY_CODE[key].legal
            return None
        item = self.item(index)
        assert item is not None
        today = self.radar.today if self.radar else brussels_today()
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return format_date_fr(item.due)
            if index.column() == 1:
                return item.record or tr("(fiche sans nom)")
            if item.snoozed_until is not None:
                return tr("reporté au %1 : %2").replace(
                    "%1", format_date_fr(item.snoozed_until)).replace("%2", item.snooze_reason)
            return item.detail
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and item.due < today:
            return LATE
        if role == Qt.ItemDataRole.ToolTipRole:
            late = tr("en retard depuis le %1").replace("%1", format_date_fr(item.due))
            return late if item.due < today else item.detail
        return None


class RadarTree(QTreeView):
    """Enter on a line opens it, like a double-click. Signal ``open_requested(item)``."""

    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        open_on_enter(self, self._open)

    def _open(self, index: QModelIndex) -> None:
        model = self.model()
        item = model.item(index) if isinstance(model, RadarModel) else None
        if item is not None:
            self.open_requested.emit(item)


class HomeView(QWidget):
    """The "À faire" area.

    Signals: ``open_requested(collection: str, record_id: str)``; ``computed(radar: Radar)``
    after each new radar is shown; ``failed(error)`` when it could not be computed.
    """

    open_requested = Signal(str, str)
    computed = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        path: Path,
        tasks: TaskManager,
        *,
        snooze: Callable[[QWidget, RadarItem], None] | None = None,
        wake: Callable[[QWidget, RadarItem], None] | None = None,
        today: Callable[[], date] = brussels_today,
        user_id: Callable[[], str | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("area-home")
        self.path = path
        self.tasks = tasks
        self._snooze = snooze
        self._wake = wake
        self.radar: Radar | None = None
        self._work = OneAtATime(self, tasks, _compute, lambda: (path, today(), user_id()),
                                self._computed, self._failed)

        self.title = QLabel(tr("À faire"), self)
        self.title.setObjectName("home-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(tr("Calcul des échéances…"), self)
        self.summary.setObjectName("home-summary")
        self.show_snoozed = QCheckBox(tr("Afficher les lignes reportées"), self)
        self.show_snoozed.toggled.connect(lambda _on: self._show(self.radar))
        self.snooze_button = QPushButton(tr("Reporter…"), self)
        self.snooze_button.setObjectName("home-snooze")
        self.snooze_button.setToolTip(tr("Reporter la ligne choisie à une date (Ctrl+R)"))
        self.snooze_button.clicked.connect(self.snooze_current)
        self.refresh_button = QPushButton(tr("Actualiser"), self)
        self.refresh_button.clicked.connect(lambda: self.refresh(None))

        self.model = RadarModel(self)
        self.tree = RadarTree(self)
        self.tree.setObjectName("home-tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 150)
        header.resizeSection(1, 460)
        header.setStretchLastSection(True)
        self.tree.open_requested.connect(
            lambda item: self.open_requested.emit(item.collection, item.id))
        self.tree.expanded.connect(self._name_group)
        snooze_action = QAction(tr("Reporter…"), self)
        snooze_action.setShortcut(QKeySequence("Ctrl+R"))
        snooze_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        snooze_action.triggered.connect(self.snooze_current)
        self.addAction(snooze_action)

        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.show_snoozed)
        bar.addWidget(self.snooze_button)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)

    # --- computing -----------------------------------------------------------------------
    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Recompute on a worker (any change can move a deadline); one run at a time, the
        latest change set waiting for the running one to finish."""
        self._work.ask()

    def _computed(self, found: tuple[Radar, Groups, dict[str, int]]) -> None:
        radar, groups, late = found
        self._show(radar, groups, late)
        self.computed.emit(radar)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(tr("Échéances indisponibles : %1").replace("%1", str(error)))
        self.failed.emit(error)

    def _show(self, radar: Radar | None, groups: Groups | None = None,
              late_by: dict[str, int] | None = None) -> None:
        if radar is None:
            return
        current = self.tree.currentIndex()
        item = self.model.item(current)
        self.radar = radar
        if late_by is None:
            late_by = late_by_rule(radar)
        self.model.set_radar(radar, show_snoozed=self.show_snoozed.isChecked(), groups=groups,
                             late=late_by)
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            # long groups start folded (their title gives the count): the page stays a summary
            if len(self.model.groups[row][1]) <= OPEN_GROUP_LINES:
                self.tree.expand(self.model.index(row, 0))
        late = sum(late_by.values())
        text = tr("%1 ligne(s) au %2").replace("%1", str(len(radar.items))).replace(
            "%2", format_date_fr(radar.today))
        if late:
            text += " · " + tr("%1 en retard").replace("%1", str(late))
        if radar.snoozed:
            text += " · " + tr("%1 reportée(s)").replace("%1", str(len(radar.snoozed)))
        if not radar.items:
            text = tr("Rien à faire aujourd'hui : aucune échéance dans la copie de travail.")
        self.summary.setText(text)
        if item is not None:
            self.select(item.key)

    def _name_group(self, index: QModelIndex) -> None:
        """A long group unfolded: its lines named in words on a worker (the first ones are)."""
        if index.parent().isValid() or not 0 <= index.row() < len(self.model.groups):
            return
        key, items = self.model.groups[index.row()]
        if key in self.model.named:
            return
        self.model.named.add(key)  # asked once
        self.tasks.background(name_items, self.path, list(items)).owned_by(self).success(
            lambda named: self.model.set_named(key, named)).run()

    def select(self, key: str) -> bool:
        """Make the line of ``key`` (``rule|collection/id``) current; False when absent."""
        for row in range(self.model.rowCount()):
            group = self.model.index(row, 0)
            for line in range(self.model.rowCount(group)):
                index = self.model.index(line, 0, group)
                found = self.model.item(index)
                if found is not None and found.key == key:
                    self.tree.setCurrentIndex(index)
                    return True
        return False

    # --- snoozing ------------------------------------------------------------------------
    def current_item(self) -> RadarItem | None:
        return self.model.item(self.tree.currentIndex())

    def snooze_current(self) -> None:
        item = self.current_item()
        if item is None:
            self.summary.setText(tr("Choisissez d'abord une ligne à reporter."))
            return
        if item.snoozed_until is not None and self._wake is not None:
            self._wake(self, item)
        elif self._snooze is not None:
            self._snooze(self, item)

    def _menu(self, point: Any) -> None:
        item = self.model.item(self.tree.indexAt(point))
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(tr("Ouvrir la fiche"),
                       lambda: self.open_requested.emit(item.collection, item.id))
        if item.snoozed_until is None:
            menu.addAction(tr("Reporter…"), self.snooze_current)
        else:
            menu.addAction(tr("Réactiver"), self.snooze_current)
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def first_paint_target(self) -> QWidget:
        return self.tree.viewport()
