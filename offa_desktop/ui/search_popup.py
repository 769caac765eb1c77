"""The global search box's results: full-text search as you type, shown under the box.

Each keystroke starts one FTS query on the pool lane; an answer that arrives after a newer
keystroke is dropped. Up/Down move in the results, Enter opens one, Escape closes the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QWidget

from offa_desktop.ui.tasks import TaskManager

MIN_CHARS = 2
LIMIT = 20
KINDS = {
    "learners": "Apprenant",
    "companies": "Entreprise",
    "establishment_units": "Unité d'établissement",
    "contracts": "Contrat",
}


def run_search(wc: Any, text: str, limit: int = LIMIT) -> list[Any]:
    """The store's FTS search in a read session of its own (runs on a worker)."""
    from offa_desktop.store.search import search

    with wc.session() as db:
        return search(db, text, limit)


class SearchPopup(QObject):
    """Drives the results list of one search box.

    Signals: ``results_shown(count: int)`` once the results of the latest text are in the list;
    ``open_requested(collection: str, record_id: str)`` when one is chosen.
    """

    results_shown = Signal(int)
    open_requested = Signal(str, str)

    def __init__(self, box: QLineEdit, window: QWidget, wc: Any, tasks: TaskManager) -> None:
        super().__init__(window)
        self.box = box
        self.window = window
        self.wc = wc
        self.tasks = tasks
        self.sequence = 0
        self.list = QListWidget(window)
        self.list.setObjectName("search-results")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        # No style sheet: they make every paint of the list several times slower.
        self.list.setFrameShape(QFrame.Shape.Box)
        self.list.setSpacing(2)
        self.list.setAutoFillBackground(True)
        self.list.hide()
        self.list.itemActivated.connect(self._open_item)
        self.list.itemClicked.connect(self._open_item)
        box.textChanged.connect(self.search)
        box.installEventFilter(self)

    def search(self, text: str) -> None:
        self.sequence += 1
        if len(text.strip()) < MIN_CHARS:
            self.list.clear()
            self.list.hide()
            return
        sequence = self.sequence
        self.tasks.background(run_search, self.wc, text).owned_by(self).success(
            lambda hits: self._show(sequence, hits)
        ).failure(lambda error: self._show(sequence, [])).run()

    def _show(self, sequence: int, hits: list[Any]) -> None:
        if sequence != self.sequence:
            return  # a newer keystroke is on its way
        self.list.clear()
        if not hits:
            item = QListWidgetItem(self.tr("Aucun résultat"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        for hit in hits:
            kind = self.tr(KINDS.get(hit.collection, hit.collection))
            item = QListWidgetItem(f"{hit.title}\n{kind} · {hit.subtitle}" if hit.subtitle
                                   else f"{hit.title}\n{kind}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.collection, hit.id))
            self.list.addItem(item)
        self._place()
        self.list.show()
        self.list.raise_()
        if hits:
            self.list.setCurrentRow(0)
        self.results_shown.emit(len(hits))

    def _place(self) -> None:
        corner = self.box.mapTo(self.window, QPoint(0, self.box.height()))
        width = max(self.box.width(), 420)
        x = min(corner.x(), self.window.width() - width - 4)
        rows = max(1, min(self.list.count(), 10))
        height = min(rows * 2 * self.list.fontMetrics().height() + rows * 8 + 6, 480)
        self.list.setGeometry(x, corner.y() + 2, width, height)

    def _open_item(self, item: QListWidgetItem) -> None:
        found = item.data(Qt.ItemDataRole.UserRole)
        if not found:
            return
        collection, record_id = found
        self.list.hide()
        self.open_requested.emit(collection, record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape and self.list.isVisible():
                self.list.hide()
                return True
            if self.list.isVisible() and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.isVisible():
                current = self.list.currentItem()
                if current is not None:
                    self._open_item(current)
                return True
        if watched is self.box and event.type() == QEvent.Type.FocusOut:
            pass  # keep the list while the mouse goes to it; Escape or a choice closes it
        return False
