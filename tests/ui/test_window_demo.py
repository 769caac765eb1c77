"""The window on a working copy filled by the demo generator: real store, real SQL."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from offa_desktop import paths
from offa_desktop.domain.changes import ChangeSet
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.table_model import RECORD_ID_ROLE
from tests import keyed

pytestmark = pytest.mark.gui


def _fold(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.casefold()


def _sql(folder: Path, query: str) -> list[tuple[Any, ...]]:
    db = keyed.connect(paths.working_copy_path(folder))
    try:
        return db.execute(query).fetchall()
    finally:
        db.close()


@pytest.fixture
def window(qtbot: Any, demo_folder: Path) -> Any:
    context = AppContext.open(demo_folder)
    made = context.build_window()
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    context.close()


def test_contracts_model_on_demo_data(window: Any, qtmodeltester: Any, demo_folder: Path) -> None:
    view = window.show_area("contracts")
    live = _sql(demo_folder, "select count(*) from contracts where deleted = 0")[0][0]
    assert live >= 300 and view.model.rowCount() == live
    qtmodeltester.check(view.model, force_py=True)
    keys = [c.key for c in view.model.columns]
    # default: newest start first
    starts = [view.model.index(r, keys.index("start_date")).data(Qt.ItemDataRole.UserRole + 2)
              for r in range(50)]
    assert starts == sorted(starts, reverse=True)
    # sort by company: every row, in SQL, accent- and case-insensitive order
    view.table.sortByColumn(keys.index("company"), Qt.SortOrder.AscendingOrder)
    names = [view.model.index(r, keys.index("company")).data() for r in range(live)]
    expected = [row[0] or "" for row in _sql(demo_folder, (
        "select co.name from contracts c"
        " join establishment_units u on u.id = c.establishment_unit_id"
        " join companies co on co.id = u.company_id where c.deleted = 0"))]
    assert sorted(names) == sorted(expected)
    folded = [_fold(n) for n in names]
    assert folded == sorted(folded)
    assert {view.model.index(r, keys.index("sync_state")).data() for r in range(20)} == {
        "synchronisé"}


def test_filters_and_every_area(window: Any, demo_folder: Path) -> None:
    view = window.show_area("contracts")
    box = view.filter_boxes["status"]
    box.setCurrentIndex(box.findData("active"))
    active = _sql(demo_folder,
                  "select count(*) from contracts where deleted = 0 and status = 'active'")[0][0]
    assert 0 < active < 300 and view.model.rowCount() == active
    assert "fiche" in view.count_label.text()
    operators = window.views["contracts"].filter_boxes["operator_code"]
    assert operators.count() > 2  # "tous" + reference operators from the working copy
    for area in window.areas:
        shown = window.show_area(area.key)
        table = area.collection
        expected = _sql(demo_folder, f"select count(*) from {table} where deleted = 0")[0][0]
        if area.key != "contracts":
            assert shown.model.rowCount() == expected, area.key
        if expected:
            assert shown.model.index(0, 0).data(RECORD_ID_ROLE)


def test_local_edit_shows_pending_after_change_set(qtbot: Any, demo_copy: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window()
        qtbot.addWidget(window)
        view = window.show_area("learners")
        record_id = view.model.record_id(0)
        keys = [c.key for c in view.model.columns]
        assert view.model.index(0, keys.index("sync_state")).data() == "synchronisé"
        with context.working_copy.unit_of_work() as uow:
            uow.update("learners", record_id, {"city": "Liège"})
        window.refresh(ChangeSet({"learners": {record_id}}))
        row = next(r for r in range(view.model.rowCount()) if view.model.record_id(r) == record_id)
        assert view.model.index(row, keys.index("city")).data() == "Liège"
        assert view.model.index(row, keys.index("sync_state")).data() == "en attente"
    finally:
        context.close()


def test_search_as_you_type_then_enter_opens_the_record(
    qtbot: Any, window: Any, demo_folder: Path
) -> None:
    from PySide6.QtWidgets import QApplication, QDialog

    from tests.ui.typing_helper import type_text

    last, first = _sql(demo_folder, "select last_name, first_name from learners "
                       "where last_name glob '*[^ -~]*' limit 1")[0] or _sql(
        demo_folder, "select last_name, first_name from learners limit 1")[0]
    window.focus_search()
    with qtbot.waitSignal(window.search.results_shown, timeout=5_000) as shown:
        type_text(window.search_box, f"{last} {first}")
    assert window.search_box.text() == f"{last} {first}"
    assert shown.args[0] >= 1 and window.search.list.isVisible()
    assert f"{last} {first}" in window.search.list.item(0).text()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, QDialog) and w.isVisible()]
    assert dialogs and not window.search.list.isVisible()
    for dialog in dialogs:
        dialog.close()
    # typed without its accents, an accented name is still found (the index folds them)
    accented = [n for n in (r[0] for r in _sql(demo_folder, "select last_name from learners"))
                if not n.isascii()]
    if accented:
        plain = "".join(c for c in unicodedata.normalize("NFKD", accented[0])
                        if not unicodedata.combining(c))
        window.search_box.clear()
        with qtbot.waitSignal(window.search.results_shown, timeout=5_000) as shown:
            type_text(window.search_box, plain)
        assert any(accented[0] in window.search.list.item(i).text()
                   for i in range(window.search.list.count()))
    window.search_box.clear()
    with qtbot.waitSignal(window.search.results_shown, timeout=5_000) as shown:
        type_text(window.search_box, "zzzqqq")
    assert shown.args[0] == 0 and "Aucun résultat" in window.search.list.item(0).text()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert not window.search.list.isVisible()


def test_lists_name_the_records_they_link_to(window: Any, demo_folder: Path) -> None:
    """Approvals show their unit, visits where they happen, claims their company: names read
    in one query per page and column, as the records hold them."""
    expected = {
        "approvals": dict(_sql(demo_folder, (
            "select a.id, u.name || ' (' || u.city || ')' from approvals a"
            " join establishment_units u on u.id = a.establishment_unit_id"))),
        "visits": dict(_sql(demo_folder, (
            "select v.id, u.name || ' (' || u.city || ')' from visits v"
            " left join approvals a on a.id = v.approval_id"
            " left join contracts c on c.id = v.contract_id"
            " join establishment_units u"
            " on u.id = coalesce(a.establishment_unit_id, c.establishment_unit_id)"))),
        "incentives": dict(_sql(demo_folder, (
            "select i.id, co.name from incentive_claims i"
            " join companies co on co.id = i.company_id"))),
    }
    column = {"approvals": "establishment_unit_id", "visits": "place", "incentives": "company_id"}
    for key, names in expected.items():
        view = window.show_area(key)
        model = view.model
        index = [c.key for c in model.columns].index(column[key])
        rows = min(model.rowCount(), 250)
        assert rows > 0, key
        for row in range(rows):
            record_id = model.index(row, 0).data(RECORD_ID_ROLE)
            assert model.index(row, index).data() == names[record_id], (key, record_id)
        assert not model.columns[index].sortable


def test_incentive_claims_by_school_year(window: Any, demo_folder: Path) -> None:
    view = window.show_area("incentives")
    box = view.filter_boxes["school_year"]
    years = [box.itemData(i) for i in range(1, box.count())]
    expected = [y for (y,) in _sql(demo_folder, (
        "select distinct school_year from incentive_claims where deleted = 0 order by 1 desc"))]
    assert years == expected and len(years) >= 2  # the years in the copy, the latest first
    box.setCurrentIndex(box.findData(years[1]))
    count = _sql(demo_folder, "select count(*) from incentive_claims where deleted = 0"
                              f" and school_year = '{years[1]}'")[0][0]
    assert 0 < count == view.model.rowCount()
    keys = [c.key for c in view.model.columns]
    shown = {view.model.index(r, keys.index("school_year")).data() for r in range(count)}
    assert shown == {years[1]}
