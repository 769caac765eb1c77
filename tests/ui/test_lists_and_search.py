"""Lists and search say things as people say them (issue 15, defects 5, 6 and 7).

Regressions: operators shown as codes ("ifapme", "cefa-charleroi"); enterprise numbers and
NISS unformatted; the search ranked units and companies above learners and missed a learner's
own contract; "Unité · Unité d'établissement"; after Ctrl+1 the keyboard sat in a filter combo
(Down refiltered the list); the Synchro column took a third of the width; the first window was
two thirds of the screen.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from offa_desktop import paths
from offa_desktop.printing import facts
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.search_popup import run_search
from tests import keyed

pytestmark = pytest.mark.gui
CODES = {"ifapme", "sfpme", "cefa-liege", "cefa-namur", "cefa-charleroi", "cefa-mons",
         "cefa-bruxelles", "cefa-anderlecht"}


@pytest.fixture
def window(qtbot: Any, demo_copy: Path) -> Any:
    context = AppContext.open(demo_copy)
    made = context.build_window(auto_sync=False)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.context_ = context
    yield made
    context.close()


def _column(view: Any, key: str) -> list[str]:
    index = [c.key for c in view.model.columns].index(key)
    return [view.model.index(r, index).data() for r in range(min(60, view.model.rowCount()))]


def test_operators_by_name_and_numbers_as_written(window: Any) -> None:
    for area, key in (("contracts", "operator"), ("learners", "operator_code"),
                      ("approvals", "operator_code")):
        shown = set(_column(window.show_area(area), key))
        assert shown and not shown & CODES, (area, shown)
        assert shown <= {"IFAPME", "SFPME"} | {n for n in shown if n.startswith("CEFA ")}
    numbers = _column(window.show_area("companies"), "enterprise_number")
    assert numbers and all(re.fullmatch(r"0\d{3}\.\d{3}\.\d{3}", n) for n in numbers), numbers


def test_search_puts_people_first_and_finds_their_contracts(demo_copy: Path) -> None:
    db = keyed.connect(paths.working_copy_path(demo_copy))
    learner_id, last, first, niss = db.execute(
        "select l.id, l.last_name, l.first_name, l.niss from learners l where exists (select 1 "
        "from contracts c where c.learner_id = l.id) order by l.last_name limit 1").fetchone()
    contracts = {r[0] for r in db.execute(
        "select id from contracts where learner_id = ? and deleted = 0", (learner_id,))}
    db.close()
    from offa_desktop.store.db import WorkingCopy

    wc = WorkingCopy.open(paths.working_copy_path(demo_copy))
    try:
        hits = run_search(wc, last)
        assert hits[0].collection == "learners" and hits[0].id == learner_id, hits[:3]
        assert f"NISS {niss[:2]}.{niss[2:4]}.{niss[4:6]}-{niss[6:9]}.{niss[9:]}" in \
            hits[0].subtitle
        found = {h.id for h in hits if h.collection == "contracts"}
        assert contracts <= found, "the learner's own contracts"  # not indexed by learner
        kinds = [h.collection for h in hits]
        if "establishment_units" in kinds or "companies" in kinds:
            first_other = min(kinds.index(k) for k in ("establishment_units", "companies")
                              if k in kinds)
            assert all(k in ("learners", "contracts") for k in kinds[:first_other])
        for hit in hits:
            assert "Unité" not in hit.subtitle and "Entreprise" not in hit.subtitle
        # a printed reference, read out on the phone, finds its contract
        some = sorted(contracts)[0]
        ref_hits = run_search(wc, facts.reference(some).lower())
        assert ref_hits[0].id == some
        unit_hits = run_search(wc, "a")
        for hit in unit_hits:
            if hit.collection == "companies":
                assert re.fullmatch(r"BCE 0\d{3}\.\d{3}\.\d{3}", hit.subtitle), hit.subtitle
    finally:
        wc.close()


def test_ctrl_digit_puts_the_keyboard_in_the_list(qtbot: Any, window: Any) -> None:
    """Every Ctrl+1…9, Ctrl+1 first: the keyboard lands in the list (never a filter combo,
    where Down silently refiltered it) and Down moves to the next row."""
    from offa_desktop.ui.area_view import AreaView

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for number, key in enumerate(window.nav_keys[:9], start=1):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key(ord(str(number))),
                       Qt.KeyboardModifier.ControlModifier)
        focused = QApplication.focusWidget()
        assert window.current_area() == key
        assert not isinstance(focused, QComboBox), (number, key, focused)
        assert focused is not window.search_box, (number, key)
        shown = window.pages[key]
        assert focused is shown or shown.isAncestorOf(focused), (number, key, focused)
        view = window.views.get(key)
        if not isinstance(view, AreaView) or view.model.rowCount() < 2:
            continue
        assert focused is view.table, (number, key)
        before = view.model.rowCount()
        row = view.table.currentIndex().row()
        assert row >= 0
        QTest.keyClick(view.table, Qt.Key.Key_Down)
        assert view.table.currentIndex().row() == row + 1 and view.model.rowCount() == before


def test_fit_widths_shares_the_room_and_gives_back() -> None:
    from offa_desktop.ui.table_model import fit_widths

    assert fit_widths([200, 100, 100], [True, False, True], 500) == [267, 100, 133]
    assert fit_widths([200, 100, 100], [True, False, True], 340) == [160, 100, 80]
    assert fit_widths([200, 100, 100], [True, False, True], 100) == [120, 100, 60]  # floor
    assert fit_widths([200, 100], [False, False], 250) == [150, 100]  # the first by default


def _fitted(qtbot: Any, window: Any, size: QSize) -> tuple[Any, list[int]]:
    window.showNormal()
    window.resize(size)
    view = window.show_area("contracts")
    header = view.table.horizontalHeader()
    qtbot.waitUntil(lambda: sum(header.sectionSize(n) for n in range(header.count()))
                    <= view.table.viewport().width())
    return view, [header.sectionSize(n) for n in range(header.count())]


def test_columns_and_first_window_size(qtbot: Any, window: Any) -> None:
    """Regressions: the first window was Qt's two thirds of the screen (1066 × 666) and hid
    half the contract columns; the Synchro column took a third of the width while trade names
    were cut; on a laptop the learner's name, the one column that stretched, was squeezed to
    a few letters."""
    from offa_desktop.ui.main_window import first_window

    room = QGuiApplication.primaryScreen().availableGeometry()  # 800 × 800 offscreen
    assert window.start_maximized == (room.width() < 1400)  # a small screen is filled
    assert first_window(QSize(1920, 1040)) == (QSize(1600, 956), False)
    assert first_window(QSize(1366, 738))[1] and first_window(QSize(1280, 690))[1]
    trades = keyed.connect(paths.working_copy_path(window.context_.folder)).execute(
        "select name from trades order by length(name) desc limit 1").fetchone()[0]
    for screen in (QSize(1280, 690), QSize(1366, 738), QSize(1920, 1040)):
        size, maximised = first_window(screen)
        view, widths = _fitted(qtbot, window, screen if maximised else size)
        keys = [c.key for c in view.model.columns]
        # every column in view, no horizontal scrolling
        assert sum(widths) <= view.table.viewport().width(), (screen, widths)
        assert widths[keys.index("sync_state")] <= 110
        assert widths[keys.index("learner")] >= 150, (screen, widths)  # «Vanderlinden Łucja»
        assert widths[keys.index("trade")] >= 180, (screen, widths)
        if screen.width() >= 1920:  # the longest trade name whole
            metrics = view.table.fontMetrics()
            assert widths[keys.index("trade")] >= metrics.horizontalAdvance(trades) + 12
    header = view.table.horizontalHeader()
    assert not header.stretchLastSection()
    # a column sized by hand keeps its width
    header.resizeSection(keys.index("trade"), 400)
    window.resize(QSize(1300, 700))
    qtbot.wait(50)
    assert header.sectionSize(keys.index("trade")) == 400


def test_mine_with_nothing_says_so(qtbot: Any, tmp_path: Path) -> None:
    """Regression: «Visiteur : les miennes» showed 0 rows and no word of why."""
    context = AppContext.open(tmp_path / "coach", demo_size=30, demo_user="coach")
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        window.show()
        me = context.working_copy.user_id
        db = keyed.connect(context.working_copy.path)
        mine = dict(db.execute("select status, count(*) from visits where visitor_id = ? and "
                               "deleted = 0 group by status", (me,)).fetchall())
        db.close()
        none = [s for s in ("planned", "done", "cancelled") if not mine.get(s)]
        assert none, mine
        qtbot.waitUntil(lambda: "visits" in window.list_defaults, timeout=10_000)
        window.go_to("visits")
        view = window.views["visits"]
        assert view.filter_boxes["visitor_id"].currentData() == me  # a coach's list: theirs
        assert view.model.rowCount() == mine.get("planned", 0)
        view.set_filter("status", none[0])
        qtbot.waitUntil(lambda: view.model.rowCount() == 0)
        assert view.empty.isVisible()
        text = view.empty.text()
        assert "Visiteur\u00a0: les miennes" in text and "« tous »" in text, text
        assert view.empty.width() > 200 and view.empty.height() > 40  # readable, not a sliver
        assert view.count_label.text() == "0 fiche(s)"
    finally:
        context.close()
