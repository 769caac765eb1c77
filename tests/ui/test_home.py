"""The "À faire" home screen: first area, exactly the radar's lines, opens records, snoozes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from offa_desktop import paths
from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.domain.values import brussels_today
from offa_desktop.ops.radar import compute
from offa_desktop.store import queries
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.home import OPEN_GROUP_LINES, SNOOZED, HomeView

pytestmark = pytest.mark.gui


def shown(home: HomeView) -> list[tuple[str, list[tuple[str, str]]]]:
    model = home.model
    out = []
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        lines = []
        for line in range(model.rowCount(group)):
            item = model.item(model.index(line, 0, group))
            assert item is not None
            lines.append((item.collection, item.id))
        out.append((model.groups[row][0], lines))
    return out


def test_home_is_first_and_lists_exactly_the_radar(qtbot: Any, demo_copy: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        assert window.nav.item(0).text() == "À faire"
        assert window.current_area() == "home"
        home = window.pages["home"]
        with qtbot.waitSignal(home.computed, timeout=30_000):
            window.show()  # computed on a worker right after the first paint
        expected = compute(paths.working_copy_path(demo_copy), brussels_today())
        assert expected.items, "the demo copy should have deadlines"
        assert shown(home) == [(rule, [(i.collection, i.id) for i in items])
                               for rule, items in expected.groups()]
        # counts in the group titles; overdue groups first
        first_title = home.model.group_title(0)
        rule, items = expected.groups()[0]
        assert f"({len(items)})" in first_title
        late_groups = [any(i.due < expected.today for i in items)
                       for _r, items in expected.groups()]
        assert late_groups == sorted(late_groups, reverse=True)
        assert str(len(expected.items)) in home.summary.text()
        window.close()
    finally:
        context.close()


def test_lines_are_named_as_shown_and_a_long_group_when_unfolded(
    qtbot: Any, demo_copy: Path
) -> None:
    """The home screen names the lines it shows; unfolding a long group names the rest, with
    the words ``offa-desktop radar`` gives every line."""
    context = AppContext.open(demo_copy)
    try:
        home = HomeView(context.working_copy.path, context.tasks)
        qtbot.addWidget(home)
        home.resize(1000, 600)
        home.show()
        with qtbot.waitSignal(home.computed, timeout=30_000):
            home.refresh()
        full = compute(paths.working_copy_path(demo_copy), home.radar.today if home.radar
                       else brussels_today())
        words = {i.key: i.record for i in full.items}
        assert all(words.values()), "every line of the demo names its record"
        model = home.model
        long_rows = [r for r in range(model.rowCount())
                     if len(model.groups[r][1]) > OPEN_GROUP_LINES]
        assert long_rows, "the demo copy should have a long group"
        for row in range(model.rowCount()):
            key, items = model.groups[row]
            shown_now = items if row not in long_rows else items[:OPEN_GROUP_LINES]
            assert [i.record for i in shown_now] == [words[i.key] for i in shown_now]
        row = long_rows[0]
        key, items = model.groups[row]
        assert not all(i.record for i in items)  # the rest waits until it is unfolded
        home.tree.expand(model.index(row, 0))
        qtbot.waitUntil(lambda: key in model.named and all(
            i.record for i in model.groups[row][1]), timeout=30_000)
        assert [i.record for i in model.groups[row][1]] == [words[i.key] for i in items]
        line = model.index(len(items) - 1, 1, model.index(row, 0))
        assert model.data(line) == words[items[-1].key]
    finally:
        context.close()


def test_enter_and_double_click_open_the_record(qtbot: Any, demo_copy: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        home = HomeView(context.working_copy.path, context.tasks)
        qtbot.addWidget(home)
        opened: list[tuple[str, str]] = []
        home.open_requested.connect(lambda c, i: opened.append((c, i)))
        home.resize(1000, 600)
        home.show()
        qtbot.waitExposed(home)
        with qtbot.waitSignal(home.computed, timeout=30_000):
            home.refresh()
        group = home.model.index(0, 0)
        line = home.model.index(1, 1, group)
        item = home.model.item(line)
        assert item is not None
        home.tree.setFocus()
        home.tree.setCurrentIndex(line)
        qtbot.keyClick(home.tree, Qt.Key.Key_Return)
        rect = home.tree.visualRect(line)
        # a view's doubleClicked needs the press-release before the double click, as by hand
        qtbot.mouseClick(home.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(home.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert opened == [(item.collection, item.id)] * 2
        # a group line opens nothing
        home.tree.setCurrentIndex(group)
        qtbot.keyClick(home.tree, Qt.Key.Key_Return)
        assert len(opened) == 2
    finally:
        context.close()


def test_snooze_hides_the_line_until_its_date_and_is_a_record(
    qtbot: Any, demo_copy: Path
) -> None:
    from offa_desktop.ops import snoozes

    context = AppContext.open(demo_copy)
    user = DEMO_ACCOUNTS[0]
    context.working_copy.user_id = user.id
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        home = window.pages["home"]
        with qtbot.waitSignal(home.computed, timeout=30_000):
            window.show()
        item = home.model.item(home.model.index(0, 0, home.model.index(0, 0)))
        assert item is not None
        before = len(home.radar.items)
        with qtbot.waitSignal(home.computed, timeout=30_000):  # the change set refreshes it
            context.tasks.op(snoozes.snooze, context.working_copy, user.id, item.rule,
                             item.collection, item.id, home.radar.today.replace(year=2099),
                             "L'entreprise rappelle lundi.", today=home.radar.today).run()
        assert len(home.radar.items) == before - 1
        assert item.key not in {i.key for i in home.radar.items}
        assert [i.key for i in home.radar.snoozed] == [item.key]
        with context.working_copy.session() as db:
            stored = queries.page(db, "snoozes", limit=10)
        assert [(s.data["rule"], s.data["record"], s.data["reason"]) for s in stored] == [
            (item.rule, f"{item.collection}/{item.id}", "L'entreprise rappelle lundi.")]
        home.show_snoozed.setChecked(True)
        assert home.model.groups[-1][0] == SNOOZED
        # "Réactiver" on a snoozed line: shown again
        last = home.model.index(home.model.rowCount() - 1, 0)
        home.tree.setCurrentIndex(home.model.index(0, 0, last))
        with qtbot.waitSignal(home.computed, timeout=30_000):
            home.snooze_current()
        assert item.key in {i.key for i in home.radar.items}
        window.close()
    finally:
        context.close()
