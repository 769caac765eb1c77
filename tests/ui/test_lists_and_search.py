"""Lists and search say things as people say them (issue 15, defects 5, 6 and 7).

Regressions: operators shown as codes ("ifapme", "cefa-charleroi"); enterprise numbers and
NISS unformatted; the search ranked units and companies above learners and missed a learner's
own contract; "Unité · Unité d'établissement"; after Ctrl+1 the keyboard sat in a filter combo
(Down refiltered the list); the Synchro column took a third of the width; the first window was
two thirds of the screen.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from offa_desktop import paths
from offa_desktop.printing import facts
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.search_popup import run_search

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
    db = sqlite3.connect(paths.working_copy_path(demo_copy))
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
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    number = window.nav_keys.index("contracts") + 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key(ord(str(number))),
                   Qt.KeyboardModifier.ControlModifier)
    view = window.views["contracts"]
    assert QApplication.focusWidget() is view.table
    assert not isinstance(QApplication.focusWidget(), QComboBox)
    before = view.model.rowCount()
    assert view.table.currentIndex().row() == 0
    QTest.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex().row() == 1 and view.model.rowCount() == before


def test_columns_and_first_window_size(window: Any) -> None:
    room = QGuiApplication.primaryScreen().availableGeometry()  # 800 × 800 offscreen
    assert window.width() >= min(1600, int(room.width() * 0.92))  # not Qt's two thirds
    assert window.height() >= min(1000, int(room.height() * 0.92))
    assert window.start_maximized == (room.width() < 1280)  # a small screen is filled
    view = window.show_area("contracts")
    header = view.table.horizontalHeader()
    keys = [c.key for c in view.model.columns]
    assert header.sectionSize(keys.index("sync_state")) <= 110
    assert header.sectionSize(keys.index("trade")) >= 230
    assert not header.stretchLastSection()
