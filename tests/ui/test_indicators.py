"""The "Indicateurs" area: figures equal to the copy's records, filters in SQL, charts with
their tables, PNG and XLSX exports; QtCharts loaded only when the area opens."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtGui import QImage

from offa_desktop import paths
from offa_desktop.domain.values import brussels_today
from offa_desktop.ops.indicators import compute
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.indicator_rows import Filters
from offa_desktop.ui.context import AppContext
from tests import keyed

pytestmark = pytest.mark.gui


def records(folder: Path, collection: str) -> list[dict[str, Any]]:
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    try:
        with wc.session() as db:
            return [r.data for r in queries.page(db, collection, limit=10**6)]
    finally:
        wc.close()


def test_figures_equal_the_records(demo_folder: Path) -> None:
    today = brussels_today()
    contracts = records(demo_folder, "contracts")
    found = compute(paths.working_copy_path(demo_folder), today)
    by_status = dict(zip(found.panel("status").categories,
                         found.panel("status").series[0][1], strict=True))
    assert sum(by_status.values()) == len(contracts)
    assert by_status["en cours"] == sum(1 for c in contracts if c["status"] == "active")
    # an operator filter counts in SQL what the records say
    operator = Counter(c["operator_code"] for c in contracts).most_common(1)[0][0]
    filtered = compute(paths.working_copy_path(demo_folder), today, Filters(operator=operator))
    assert sum(filtered.panel("status").series[0][1]) == sum(
        1 for c in contracts if c["operator_code"] == operator)
    # a school year: the contracts running at some point of it
    year = "2025-2026"
    running = sum(1 for c in contracts if c["start_date"] <= "2026-08-31"
                  and (c["end_date"] is None or c["end_date"] >= "2025-09-01"))
    in_year = compute(paths.working_copy_path(demo_folder), today, Filters(school_year=year))
    assert sum(in_year.panel("status").series[0][1]) == running
    # claims: counts and amounts by status
    claims = records(demo_folder, "incentive_claims")
    table = {row[0]: (row[1], row[2]) for row in found.panel("claims").rows}
    assert sum(n for n, _a in table.values()) == len(claims)
    assert sum(a for _n, a in table.values()) == sum(Decimal(c["amount"]) for c in claims)
    # approvals waiting, by age against the 3-month limit, counted from the records
    from offa_desktop.domain.dates import add_months

    ages = [0, 0, 0]
    for a in records(demo_folder, "approvals"):
        if a["status"] in ("requested", "under_review"):
            asked = date.fromisoformat(a["requested_on"])
            ages[2 if today > add_months(asked, 3) else 1 if (today - asked).days >= 70
                 else 0] += 1
    waiting = found.panel("approvals")
    assert waiting.series[0][1] == [float(n) for n in ages]
    assert [row[3] for row in waiting.rows] == ages
    # operator, trade and region from the one pass: the same totals
    for key in ("operator", "trade", "region"):
        assert sum(found.panel(key).series[0][1]) == len(contracts) or key == "trade"
    assert sum(row[1] for row in found.panel("trade").rows) == len(contracts)
    # 24 months of new contracts, the current month last
    monthly = found.panel("monthly")
    assert len(monthly.categories) == 24
    assert monthly.categories[-1] == f"{today:%m/%y}"
    assert monthly.rows[-1][0].endswith(str(today.year))  # the table: "déc. 2026"
    started = sum(1 for c in contracts if c["status"] != "draft"
                  and c["start_date"][:7] == today.isoformat()[:7])
    assert monthly.rows[-1][1] == started


def test_counts_in_index_order_equal_the_records_and_the_one_pass(demo_folder: Path) -> None:
    """Without filters the four counts are read apart (each in index order): they equal the
    records' and the single filtered pass's (contract_counts), value by value."""
    from offa_desktop.store import indicator_rows, plain_sql

    contracts = records(demo_folder, "contracts")
    wc = WorkingCopy.open(paths.working_copy_path(demo_folder))
    try:
        with wc.session() as db:
            units = {r.id: r.data for r in queries.page(db, "establishment_units", limit=10**6)}
    finally:
        wc.close()
    expected = {
        "status": Counter(c["status"] or "" for c in contracts),
        "operator": Counter(c["operator_code"] or "" for c in contracts),
        "trade": Counter(c["trade_code"] or "" for c in contracts),
        "region": Counter((units.get(c["establishment_unit_id"]) or {}).get("region") or ""
                          for c in contracts),
    }
    conn = plain_sql.connect(paths.working_copy_path(demo_folder))
    try:
        figures = indicator_rows.contract_figures(conn, Filters())
        one_pass = indicator_rows.contract_counts(conn, Filters())
    finally:
        conn.close()
    assert set(figures) == set(expected)
    for key, counted in expected.items():
        assert dict(figures[key]) == dict(counted), key
        assert figures[key] == indicator_rows.contracts_by(None, Filters(), key, one_pass)
    assert len(figures["operator"]) > 1 and len(figures["region"]) > 1


def test_area_shows_charts_with_tables_and_exports(qtbot: Any, demo_copy: Path,
                                                   tmp_path: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        # after the lists of every day, before issue 18's (Ctrl+8 kept)
        assert window.nav_keys.index("indicators") == 7
        window.show()
        view = window.show_area("indicators")
        with qtbot.waitSignal(view.computed, timeout=30_000):
            pass
        assert set(view.panels) == {"status", "operator", "trade", "region", "monthly",
                                    "approvals", "claims", "visits"}
        status = view.panels["status"]
        assert status.chart_view.chart().series()[0].count() == 1
        assert status.table.rowCount() == len(status.panel.rows)
        assert status.table.item(0, 1).text() == f"{status.panel.rows[0][1]:,}".replace(
            ",", "\u202f")
        png = tmp_path / "statuts.png"
        assert status.save_png(png) and not QImage(str(png)).isNull()
        xlsx = tmp_path / "incitants.xlsx"
        claims = view.panels["claims"]
        assert claims.save_xlsx(xlsx) == len(claims.panel.rows)
        sheet = openpyxl.load_workbook(xlsx).active
        got = list(sheet.iter_rows(values_only=True))
        assert list(got[0]) == claims.panel.headers
        assert [(r[0], r[1], Decimal(str(r[2])).quantize(Decimal("0.01"))) for r in got[1:]] == [
            tuple(r) for r in claims.panel.rows]
        # a filter recomputes
        box = view.filter_boxes["region"]
        with qtbot.waitSignal(view.computed, timeout=30_000):
            box.setCurrentIndex(box.findData("bxl"))
        assert view.indicators.filters.region == "bxl"
        assert view.panels["region"].panel.categories == ["Bruxelles"]
        window.close()
    finally:
        context.close()


def test_qtcharts_loads_only_with_the_area(tmp_path: Path) -> None:
    probe = ("import sys\n"
             "from PySide6.QtWidgets import QApplication\n"
             "app = QApplication([])\n"
             "from offa_desktop.ui.context import AppContext\n"
             "from pathlib import Path\n"
             f"context = AppContext.open(Path({str(tmp_path)!r}), demo_size=30)\n"
             "window = context.build_window(auto_sync=False)\n"
             "before = 'PySide6.QtCharts' in sys.modules\n"
             "window.show_area('indicators')\n"
             "print(before, 'PySide6.QtCharts' in sys.modules)\n"
             "context.tasks.wait_idle(); window.close(); context.close()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=300, env={**os.environ,
                                            "QT_QPA_PLATFORM": "offscreen",
                                            "OFFA_DEMO_OFFLINE": "1"})
    assert done.stdout.split() == ["False", "True"], done.stderr[-2000:]


@pytest.mark.parametrize("role", ["coach", "secretariat", "offa"])
def test_a_coach_has_no_indicators_area(qtbot: Any, demo_copy: Path, role: str) -> None:
    """OFFA staff and secretariats see "Indicateurs"; a coach's window has no such area (nor
    its shortcut in the navigation)."""
    import json

    conn = keyed.connect(paths.working_copy_path(demo_copy))
    conn.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('user', ?)",
                 (json.dumps({"id": "u-1", "role": role, "display_name": "X",
                              "operator_code": "ifapme" if role == "secretariat" else None,
                              "sectors": ["construction"] if role == "coach" else []}),))
    conn.commit()
    conn.close()
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        assert window.nav_keys[0] == "home"  # "À faire" first for every role
        assert ("indicators" in window.nav_keys) is (role != "coach")
        window.close()
    finally:
        context.close()
