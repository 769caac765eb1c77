"""The first list paints from the first look, which retires once the store is loaded; the pages
read after it (through SQLAlchemy) continue it without a seam."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from offa_desktop.store.contract_list import ContractQuery, contract_rows
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.table_model import RECORD_ID_ROLE


def test_first_page_from_the_first_look_then_the_store(qtbot: Any, demo_copy: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        assert window.current_area() == "home"  # the window opens on "À faire"
        view = window.show_area("contracts")  # before the paint: read from the first look
        look = context.first_look
        assert look is not None and look.open  # the first page and count came from it
        assert view.model.rowCount() == 300
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: not look.open, timeout=20_000)  # retired after the warm-up
        assert context.working_copy.engine_ready

        model = view.model
        column, order = model.sort_key
        shown = [model.index(row, 0).data(RECORD_ID_ROLE) for row in range(model.rowCount())]
        query = ContractQuery(
            sort=model.columns[column].key, descending=order.name == "DescendingOrder"
        )
        with context.working_copy.session() as db:
            expected = [r.id for r in contract_rows(db, query, 0, 1000)]
        assert shown == expected  # page 0 (first look) then page 1 (store) in one order
        # The sync session opened after the paint too: let it settle before closing.
        qtbot.waitUntil(lambda: context.session is not None and not context.tasks.busy,
                        timeout=20_000)
        window.close()
    finally:
        context.close()


def test_after_first_paint_starts_at_the_areas_paint_then_acts_once(qtbot: Any) -> None:
    """``at_paint`` runs as the area's first paint begins (the radar's worker starts with the
    frame), the action once just after that paint; neither again at later paints."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from offa_desktop.ui.startup import AfterFirstPaint

    window = QWidget()
    area = QLabel("À faire", window)
    QVBoxLayout(window).addWidget(area)
    qtbot.addWidget(window)
    calls: list[str] = []
    AfterFirstPaint((area, window), lambda: calls.append("after"),
                    lambda: calls.append("at paint"))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "after" in calls, timeout=5_000)
    assert calls == ["at paint", "after"]
    area.setText("encore")
    area.repaint()
    window.repaint()
    qtbot.wait(50)
    assert calls == ["at paint", "after"]


def test_session_opens_after_the_home_lines_or_unpainted_after_a_while(
    qtbot: Any, demo_copy: Path, monkeypatch: Any
) -> None:
    """A painted window opens its sync session with the rest of start-up, once "À faire" shows
    its lines, however long its radar takes; a window never painted (minimised) opens it after
    ``UNPAINTED_SYNC_MS``."""
    import threading

    from offa_desktop.ui import context as context_module
    from offa_desktop.ui import home as home_module

    monkeypatch.setattr(context_module, "UNPAINTED_SYNC_MS", 1000)
    release = threading.Event()
    compute = home_module._compute

    def slow_radar(*args: Any) -> Any:
        release.wait(20)
        return compute(*args)

    monkeypatch.setattr(home_module, "_compute", slow_radar)
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        home = window.pages["home"]
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(1500)  # painted, past UNPAINTED_SYNC_MS, the radar still computing
        assert home.radar is None and not window.sync._started
        with qtbot.waitSignal(home.computed, timeout=30_000):
            release.set()
        qtbot.waitUntil(lambda: window.sync._started, timeout=10_000)
        qtbot.waitUntil(lambda: not context.tasks.busy, timeout=20_000)
        window.close()
    finally:
        release.set()
        context.close()

    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)  # never shown
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.sync._started, timeout=5_000)
        qtbot.waitUntil(lambda: not context.tasks.busy, timeout=30_000)
    finally:
        context.close()
