"""What start-up does around the window: the demo's server or filled copy, the store's modules
loaded off the UI thread, work kept until after the first paint, the collector tuned."""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger("offa.ui")


def tune_gc() -> None:
    """What start-up made lives as long as the app: freeze it out of every later full pass of
    the garbage collector, so those passes (which hold the GIL, so the UI thread) stay short."""
    if not gc.get_freeze_count():
        gc.collect()
        gc.freeze()


class AfterFirstPaint(QObject):
    """Calls ``action`` once, just after the first paint of one of ``widgets`` (the current
    area, or the window when another area was shown before it): keeps start-up work out of the
    way of the window's first frame."""

    def __init__(self, widgets: tuple[QWidget, ...], action: Any,
                 at_paint: Any = None) -> None:
        """``at_paint``: called as the first paint of ``widgets[0]`` (the current area) begins,
        when it comes before ``action`` runs: work handed to a worker there runs while the
        frame is drawn."""
        super().__init__(widgets[0])
        self._action = action
        self._action_due: Any = None
        self._at_paint = at_paint
        self._widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if self._at_paint is not None and watched is self._widgets[0]:
            at_paint, self._at_paint = self._at_paint, None
            at_paint()
        if self._action is not None:
            self._action_due, self._action = self._action, None
            QTimer.singleShot(0, self._act)
        return False

    def _act(self) -> None:
        self._at_paint = None  # (the area's own paint did not come with the first frame)
        for widget in self._widgets:
            widget.removeEventFilter(self)
        self._action_due()


def load_store_modules(wc: Any) -> None:
    """Import what the lists and forms read the store with, and open one read session."""
    from offa_desktop.ops.records import lists  # noqa: F401
    from offa_desktop.store import queries  # noqa: F401

    with wc.session():
        pass


def start_demo_session(folder: Path, size: int, user: str | None = None) -> Any:
    """The embedded server and a synced demo session; None with ``OFFA_DEMO_OFFLINE=1``
    (then the demo generator fills a local working copy, no server)."""
    if os.environ.get("OFFA_DEMO_OFFLINE"):
        return None
    from offa_desktop.ops.sync.session import start_demo

    return start_demo(folder, size=size, username=user)


def fill_demo_if_empty(wc: Any, size: int) -> None:
    from offa_desktop.store import queries
    from offa_desktop.store.demo_fill import fill_working_copy

    with wc.session() as db:
        if queries.count(db, "operators"):
            return
    log.info("filling the demo working copy with %s contracts", size)
    fill_working_copy(wc, size, seed=0)
