"""Entreprises area as a master/detail: the selected company's establishment units and tutors
under the list, refreshed on selection and on change sets; a double-click or Enter opens a unit
or a tutor; the splitter's sizes are remembered."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSplitter

from offa_desktop.ops.records import editing
from offa_desktop.ui.company_detail import CompanyDetail
from offa_desktop.ui.forms.company import TutorForm, UnitForm
from offa_desktop.ui.table_model import RECORD_ID_ROLE
from tests.ui.forms.conftest import shoot

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: Any, context: Any) -> Iterator[Any]:
    made = context.build_window(auto_sync=False)
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.close()


def _row_of(view: Any, company_id: str) -> int:
    for row in range(view.model.rowCount()):
        if view.model.index(row, 0).data(RECORD_ID_ROLE) == company_id:
            return row
    raise AssertionError("company not in the list")


def _company_with_children(context: Any) -> tuple[str, dict[str, Any]]:
    wc = context.working_copy
    best = None
    for company_id, company in sorted(editing.find(wc, "companies")):
        units = editing.find(wc, "establishment_units", company_id=company_id)
        tutors = editing.find(wc, "tutors", company_id=company_id)
        if units and len(tutors) >= 2:
            return company_id, company
        best = best or (company_id, company)
    assert best is not None
    return best


def test_selecting_a_company_shows_its_units_and_tutors(
    qtbot: Any, context: Any, window: Any
) -> None:
    wc = context.working_copy
    view = window.show_area("companies")
    assert window.current_area() == "companies"
    detail = window.company_detail
    assert isinstance(detail, CompanyDetail)
    splitter = window.stack.currentWidget()
    assert isinstance(splitter, QSplitter) and splitter.widget(0) is view
    assert splitter.widget(1) is detail and detail.isVisible()
    assert detail.company_id is None and detail.units.rowCount() == 0
    assert "Choisissez une entreprise" in detail.title.text()

    company_id, company = _company_with_children(context)
    units = editing.find(wc, "establishment_units", company_id=company_id)
    tutors = editing.find(wc, "tutors", company_id=company_id)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(_row_of(view, company_id), 0))
    assert detail.company_id == company_id
    assert company["name"] in detail.title.text()
    assert detail.units.rowCount() == len(units) and detail.tutors.rowCount() == len(tutors)
    shown_units = {detail.units.record_id(r) for r in range(detail.units.rowCount())}
    assert shown_units == {uid for uid, _ in units}
    conditions = {detail.tutors.item(r, 2).text() for r in range(detail.tutors.rowCount())}
    assert conditions <= {"désigné et agréé", "désigné", "conditions non remplies"}
    shoot(window, "companies-master-detail")

    # another company: the pane follows the selection (keyboard)
    other = _row_of(view, company_id) + 1 if _row_of(view, company_id) + 1 < view.model.rowCount() \
        else 0
    qtbot.keyClick(view.table, Qt.Key.Key_Down if other else Qt.Key.Key_Home)
    other_id = view.model.index(other, 0).data(RECORD_ID_ROLE)
    assert detail.company_id == other_id
    assert detail.units.rowCount() == len(
        editing.find(wc, "establishment_units", company_id=other_id))


def test_detail_refreshes_on_change_sets_and_opens_units_and_tutors(
    qtbot: Any, context: Any, window: Any
) -> None:
    wc = context.working_copy
    view = window.show_area("companies")
    detail = window.company_detail
    company_id, _company = _company_with_children(context)
    view.table.setCurrentIndex(view.model.index(_row_of(view, company_id), 0))
    before = detail.tutors.rowCount()
    # a tutor added through an ops call on the writer lane: its change set refreshes the pane
    from offa_desktop.ops.records import editing as wf

    data = {"company_id": company_id, "first_name": "Zoé", "last_name": "Ærtsen-Lefèvre",
            "condition": "validation", "certified": True, "criminal_record_date": "2026-01-15"}
    with qtbot.waitSignal(context.tasks.data_changed, timeout=10_000):
        context.tasks.op(wf.save, wc, "tutors", None, data).run()
    assert detail.tutors.rowCount() == before + 1
    names = [detail.tutors.item(r, 0).text() for r in range(detail.tutors.rowCount())]
    assert "Ærtsen-Lefèvre Zoé" in names
    row = names.index("Ærtsen-Lefèvre Zoé")
    assert detail.tutors.item(row, 2).text() == "désigné et agréé"

    # the company renamed: the pane follows the list's current row and shows the new name
    with qtbot.waitSignal(context.tasks.data_changed, timeout=10_000):
        context.tasks.op(wf.save, wc, "companies", company_id, {"name": "Zénith Ødegård"}).run()
    assert detail.company_id == view.selected_id()
    if detail.company_id == company_id:
        assert "Zénith Ødegård" in detail.title.text()
    view.table.setCurrentIndex(view.model.index(_row_of(view, company_id), 0))
    assert "Zénith Ødegård" in detail.title.text()

    # double-click a unit, Enter on a tutor: their forms open
    opened: list[Any] = []
    original = context.open_record

    def spy(parent: Any, collection: str, record_id: str | None) -> Any:
        dialog = original(parent, collection, record_id)
        opened.append(dialog)
        return dialog

    context.open_record = spy
    window._open_record = spy
    unit_rect = detail.units.visualRect(detail.units.model().index(0, 0))
    qtbot.mouseClick(detail.units.viewport(), Qt.MouseButton.LeftButton, pos=unit_rect.center())
    qtbot.mouseDClick(detail.units.viewport(), Qt.MouseButton.LeftButton,
                      pos=unit_rect.center())
    assert isinstance(opened[-1], UnitForm)
    assert opened[-1].record_id == detail.units.record_id(0)
    detail.tutors.setFocus()
    detail.tutors.setCurrentCell(row, 0)
    qtbot.keyClick(detail.tutors, Qt.Key.Key_Return)
    assert isinstance(opened[-1], TutorForm)
    assert opened[-1].fields["last_name"].value() == "Ærtsen-Lefèvre"
    for dialog in opened:
        qtbot.addWidget(dialog)


def test_splitter_sizes_are_remembered(qtbot: Any, context: Any, tmp_path: Any) -> None:
    context.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = context.build_window(auto_sync=False)
    qtbot.addWidget(first)
    first.resize(1280, 800)
    first.show()
    first.show_area("companies")
    first.company_splitter.setSizes([300, 400])
    sizes = first.company_splitter.sizes()
    first.close()
    second = context.build_window(auto_sync=False)
    qtbot.addWidget(second)
    second.resize(1280, 800)
    second.show()
    assert second.current_area() == "home"  # every start opens on "À faire"
    second.show_area("companies")
    assert second.company_splitter.sizes() == sizes
    second.close()
