"""Forms on a 100,000-contract working copy: what typing costs the UI thread.

- ``form_check_p95``: one validation as you type (``validate_now`` of the learner, approval,
  visit, termination and incentive-claim forms, the contract wizard's signed check and review
  page), p95 over every run, against the floor of reading the same records by id with raw
  sqlite3 (target 50 ms: the UI thread never blocked longer).
- ``picker_typing_ui_gap_max``: the UI thread's longest gap (a 5 ms heartbeat timer) while
  short prefixes are typed into a company picker whose searches run on a worker, against the
  heartbeat's idle gap (target 50 ms). The row also gives ``search_on_ui_thread_gap_max``: the
  same typing with the search on the UI thread, as before.

The working copy is the one ``bench_ui`` builds (``.bench-cache/``, ``OFFA_BENCH_CACHE``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from tests.benchmarks import copies

RUNS = 20
WORDS = ("a", "du", "sal", "bru", "po", "de", "m", "la")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _ids(folder: Path) -> dict[str, str]:
    from offa_desktop import paths

    db = copies.connect(paths.working_copy_path(folder))
    try:
        contract_id, learner_id, unit_id = db.execute(
            "select id, learner_id, establishment_unit_id from contracts "
            "where status = 'active' and deleted = 0 order by id limit 1"
        ).fetchone()
        company_id = db.execute(
            "select company_id from establishment_units where id = ?", (unit_id,)
        ).fetchone()[0]
        visit_id = db.execute(
            "select id from visits where deleted = 0 order by id limit 1"
        ).fetchone()[0]
    finally:
        db.close()
    return {"contract": contract_id, "learner": learner_id, "unit": unit_id,
            "company": company_id, "visit": visit_id}


def _floor(folder: Path, ids: dict[str, str]) -> float:
    """Reading the records the checks start from, by id, with raw sqlite3 (p95, ms)."""
    from offa_desktop import paths

    db = copies.connect(paths.working_copy_path(folder))
    times = []
    try:
        for _ in range(RUNS):
            started = time.perf_counter()
            for table, key in (("contracts", "contract"), ("learners", "learner"),
                               ("establishment_units", "unit"), ("companies", "company"),
                               ("visits", "visit")):
                db.execute(f"select * from {table} where id = ?", (ids[key],)).fetchall()
            times.append((time.perf_counter() - started) * 1000)
    finally:
        db.close()
    return _p95(times)


def bench_checks(context: Any, folder: Path) -> dict[str, Any]:
    from offa_desktop.ops.records import editing
    from offa_desktop.ui.forms.approval import ApprovalForm
    from offa_desktop.ui.forms.contract_event import ContractEventForm
    from offa_desktop.ui.forms.contract_wizard import ContractWizard
    from offa_desktop.ui.forms.incentives import IncentiveClaimForm
    from offa_desktop.ui.forms.learner import LearnerForm
    from offa_desktop.ui.forms.visit import VisitForm

    wc = context.working_copy
    ids = _ids(folder)
    contract = editing.load(wc, "contracts", ids["contract"]) or {}
    approval = ApprovalForm(context, None)
    approval.fields["establishment_unit_id"].set_value(ids["unit"])
    wizard = ContractWizard(context, None)
    wizard.data.update({k: contract.get(k) for k in (
        "learner_id", "establishment_unit_id", "approval_id", "tutor_id", "trade_code",
        "end_date", "schedule", "level", "monthly_pay", "company_signatory")})
    wizard.data["start_date"] = editing.today(wc).isoformat()
    widgets = [
        LearnerForm(context, ids["learner"]),
        approval,
        VisitForm(context, ids["visit"]),
        ContractEventForm(context, None, initial={"contract_id": ids["contract"]}),
        IncentiveClaimForm(context, None, company_id=ids["company"]),
    ]
    calls: dict[str, Any] = {type(w).__name__: w.validate_now for w in widgets}
    calls["ContractWizard.check"] = lambda: wizard.check("signed")
    calls["ReviewPage.refresh"] = wizard.pages[-1].refresh
    times: list[float] = []
    per_form: dict[str, float] = {}
    for name, call in calls.items():
        call()
        mine = []
        for _ in range(RUNS):
            started = time.perf_counter()
            call()
            mine.append((time.perf_counter() - started) * 1000)
        per_form[name] = round(_p95(mine), 2)
        times += mine
    for widget in [*widgets, wizard]:
        widget.close()
        widget.deleteLater()
    row = _result("form_check_p95", _p95(times), "ms", _floor(folder, ids), target=50.0)
    row["per_form_p95_ms"] = per_form
    return row


def _typing_gap(context: Any, tasks: Any) -> float:
    """The UI thread's longest gap while ``WORDS`` are typed into a company picker."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from offa_desktop.ui.forms.claim_form import company_choices
    from offa_desktop.ui.forms.record_search import PickerField
    from tests.ui.typing_helper import type_text

    wc = context.working_copy
    picker = PickerField("entreprise", lambda t, c: company_choices(wc, t, c), tasks)
    picker.widget.show()
    gaps, timer = _heartbeat()
    for word in WORDS:
        picker.search_box.clear()
        for char in word:
            type_text(picker.search_box, char)
            QTest.qWait(40)
        deadline = time.perf_counter() + 5
        while picker.searcher.pending and time.perf_counter() < deadline:
            QApplication.processEvents()
            time.sleep(0.001)
        QTest.qWait(50)
    timer.stop()
    picker.widget.close()
    picker.widget.deleteLater()
    return float(max(gaps[1:] or [0]))


def _heartbeat() -> tuple[list[int], Any]:
    """A 5 ms timer, started, recording the gaps between its beats (ms): the UI thread's pauses."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(beat)
    clock.start()
    timer.start()
    return gaps, timer


def _idle_gap() -> float:
    from PySide6.QtTest import QTest

    gaps, timer = _heartbeat()
    QTest.qWait(2000)
    timer.stop()
    return float(max(gaps[1:] or [0]))


def bench_typing(context: Any) -> dict[str, Any]:
    idle = _idle_gap()
    before = _typing_gap(context, None)
    after = _typing_gap(context, context.tasks)
    row = _result("picker_typing_ui_gap_max", after, "ms", idle, target=50.0)
    row["search_on_ui_thread_gap_max"] = before
    return row


def _result(name: str, figure: float, unit: str, floor: float, *, target: float) -> dict[str, Any]:
    from tests.benchmarks.run import result

    return result(name, figure, unit, floor, target)


def run() -> list[dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from offa_desktop.ui.context import AppContext
    from tests.benchmarks.bench_ui import data_folder

    _app = QApplication.instance() or QApplication([])
    folder = data_folder()
    context = AppContext.open(folder)
    context.extras["user"] = {"role": "offa", "id": None, "operator_code": "ifapme",
                              "display_name": "Sophie Lambert"}
    try:
        return [bench_checks(context, folder), bench_typing(context)]
    finally:
        context.tasks.wait_idle()
        context.close()


if __name__ == "__main__":
    import json
    import sys

    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
