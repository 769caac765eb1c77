"""The main window: navigation, shortcuts, lists, search box, window state."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from offa_desktop.ui.areas import areas
from offa_desktop.ui.main_window import MainWindow
from offa_desktop.ui.table_model import RECORD_ID_ROLE
from offa_desktop.ui.tasks import TaskManager
from tests.ui.sqlite_backend import SqliteBackend

pytestmark = pytest.mark.gui


@pytest.fixture
def backend() -> SqliteBackend:
    made = SqliteBackend()
    for area in areas():
        made.fill(area, 300)
    return made


def test_navigation_and_shortcuts(qtbot: Any, backend: SqliteBackend, tmp_path: Any) -> None:
    opened: list[tuple[str, str]] = []
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(backend, TaskManager(), settings=settings,
                        open_record=lambda _w, c, i: opened.append((c, i)))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.current_area() == "contracts"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Entreprises", "Agréments", "Visites", "Apprenants", "Contrats", "Incitants",
        "Offres Stage+", "Commission", "Mobilités"]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "learners"
    window.nav.setCurrentRow(0)
    assert window.current_area() == "companies"
    view = window.show_area("contracts")
    assert view.model.rowCount() == 300
    assert "300" in view.count_label.text()
    # Enter on the current row opens that record
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(3, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [("contracts", view.model.index(3, 0).data(RECORD_ID_ROLE))]
    # filter in SQL
    box = view.filter_boxes["status"]
    box.setCurrentIndex(box.findData("draft"))
    assert view.model.rowCount() == 100
    status = [c.key for c in view.model.columns].index("status")
    assert {view.model.index(r, status).data() for r in range(100)} == {"projet"}
    # Ctrl+K focuses the search box
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box
    window.close()
    assert settings.value("window/area") == "contracts"
    assert settings.value("window/geometry") is not None


def test_header_click_sorts_in_sql(qtbot: Any, backend: SqliteBackend) -> None:
    window = MainWindow(backend, TaskManager())
    qtbot.addWidget(window)
    view = window.show_area("contracts")
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert view.model.index(0, 0).data() == "Élément 00299"
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert view.model.index(0, 0).data() == "Élément 00000"
