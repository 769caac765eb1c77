"""Record searches as you type: :class:`DeferredSearch` (the picker's and the contract wizard's
lists) and :class:`PickerField`, a record chosen among search results.

A full-text query for one or two letters reads thousands of rows on a big working copy (30-130
ms on 100,000 contracts), so it runs on a worker, after a short pause in the typing, and only
the answer to the latest text is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from offa_desktop.ui.forms.fields import Field, narrow_combo, refill, tr
from offa_desktop.ui.forms.keyboard import BoxDrivesList
from offa_desktop.ui.tasks import debounced

log = logging.getLogger("offa.ui")
SEARCH_DELAY_MS = 120  # a pause in the typing before a record search starts
# keys that act on the results: pressed before the answer came, the search runs at once first
ACTING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down, Qt.Key.Key_Up,
               Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


class DeferredSearch(QObject):
    """Search as you type without blocking the UI thread.

    Each edit of ``box`` restarts a short timer; when it fires, ``search(text, *args())`` runs
    on the pool lane of ``tasks`` (``args`` is read on the UI thread first: what the search
    needs from the widgets) and ``apply(results)`` gets the answer on the UI thread, only when
    no newer edit came meanwhile (an answer to an older text is dropped). Without ``tasks`` the
    search runs at once, on the calling thread. :meth:`run_now` searches at once (a form's
    first fill, a text set by the code). Enter, Down or Up pressed in the box before the answer
    came runs the search at once first, so the key acts on the results of what was typed (a
    fast typist's «dufr» + Enter chose the best match of «d», or nothing).

    Signal ``applied()`` after ``apply`` ran.
    """

    applied = Signal()

    def __init__(
        self,
        box: QLineEdit,
        search: Callable[..., Any],
        apply: Callable[[Any], None],
        tasks: Any = None,
        *,
        args: Callable[[], tuple[Any, ...]] = tuple,
        delay_ms: int = SEARCH_DELAY_MS,
    ) -> None:
        super().__init__(box)
        self.box = box
        self.tasks = tasks
        self._search = search
        self._apply = apply
        self._args = args
        self.sequence = 0
        self.timer = debounced(self, delay_ms, self.start)
        box.textEdited.connect(lambda _t: self.schedule())
        box.installEventFilter(self)  # after BoxDrivesList's: called before it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.box and event.type() == QEvent.Type.KeyPress and self.pending
                and isinstance(event, QKeyEvent) and event.key() in ACTING_KEYS):
            self.run_now()
        return False

    @property
    def pending(self) -> bool:
        """True while an edit has not had its answer applied yet."""
        return self.timer.isActive() or self._waiting is not None

    _waiting: int | None = None

    def schedule(self) -> None:
        """An edit: search after the pause (at once without a task manager)."""
        self.sequence += 1
        if self.tasks is None:
            self.run_now()
            return
        self.timer.start()

    def start(self) -> None:
        """Start the search of the current text on the pool."""
        self.timer.stop()
        if self.tasks is None:
            self.run_now()
            return
        self.sequence += 1
        sequence, text = self.sequence, self.box.text().strip()
        self._waiting = sequence
        self.tasks.background(self._search, text, *self._args()).owned_by(self.box).success(
            lambda results: self._done(sequence, results)
        ).failure(lambda error: self._failed(sequence, error)).run()

    def run_now(self) -> None:
        """Search the current text on this thread and apply the answer."""
        self.timer.stop()
        self.sequence += 1
        self._done(self.sequence, self._search(self.box.text().strip(), *self._args()))

    def _done(self, sequence: int, results: Any) -> None:
        if sequence != self.sequence:
            return  # a newer edit is on its way
        self._waiting = None
        self._apply(results)
        self.applied.emit()

    def _failed(self, sequence: int, error: BaseException) -> None:
        if sequence == self.sequence:
            self._waiting = None
        log.error("record search failed", exc_info=error)


class PickerField(Field):
    """A record chosen among search results: a search box above a combo of matches; Down and
    Up in the search box move in the matches (the keyboard never leaves the box).

    ``search(text, current) -> [(id, label)]`` runs after each pause in the typing in the
    search box: on the pool lane of ``tasks`` when given (it must then only read the working
    copy), else at once. ``searcher.applied`` is emitted once the matches are in the combo.
    """

    def __init__(self, label: str, search: Any, tasks: Any = None) -> None:
        box = QWidget()
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(tr("Rechercher…"))
        self.search_box.setClearButtonEnabled(True)
        self.combo = narrow_combo()
        row.addWidget(self.search_box)
        row.addWidget(self.combo)
        super().__init__(box, label)
        self._search = search
        BoxDrivesList(self.search_box, self.combo)  # ↓ ↑ from the box choose among the matches
        self.searcher = DeferredSearch(
            self.search_box, search, self._fill, tasks,
            args=lambda: (self.combo.currentData(),),
        )
        self.combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.reload()

    def reload(self) -> None:
        """Search the current text now, on this thread."""
        self.searcher.run_now()

    def _fill(self, found: Sequence[tuple[str, str]]) -> None:
        current = self.combo.currentData()
        index = refill(self.combo, found)
        if index < 0 and self.combo.count() == 2 and self.search_box.text():
            self.combo.setCurrentIndex(1)
        elif index < 0 and current is not None:
            self.edited.emit()

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:
            for record_id, text in self._search("", value):
                if record_id == value:
                    self.combo.addItem(text, record_id)
                    index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
