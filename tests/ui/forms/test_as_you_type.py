"""As-you-type work never blocks the UI thread for long.

- Record searches as you type (a picker's search box, the contract wizard's lists) run on a
  worker after a pause in the typing, and only the answer to the latest text is shown: on a
  100,000-contract copy one FTS prefix query takes 30-130 ms.
- The domain checks run on every pause in the typing on the UI thread: they must stay cheap on a
  copy with many records (indexed lookups, no table scans: a scan of 3,000 contracts alone costs
  about 100 ms).
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from sqlalchemy import select

from offa_desktop.ops.records import editing
from offa_desktop.store.records import table
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.forms.incentives import company_choices
from offa_desktop.ui.forms.record_search import PickerField
from tests.ui.forms.conftest import type_text

pytestmark = pytest.mark.gui
BIG = 3000  # contracts in the big copy (about 30,000 records)
CHECK_BUDGET_MS = 25.0  # median of one validation on the UI thread


class Heartbeat:
    """A 5 ms timer on the UI thread: its longest gap is the longest the thread was blocked."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.gaps: list[int] = []
        self._last = 0

    def _beat(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self._last)
        self._last = now

    def __enter__(self) -> Heartbeat:
        self.clock.start()
        self._last = 0
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()

    @property
    def worst(self) -> int:
        return max(self.gaps[1:] or [0])


def test_picker_searches_on_a_worker_and_shows_only_the_latest_answer(
    qtbot: Any, context: Any
) -> None:
    wc = context.working_copy
    threads: list[str] = []
    answered: list[str] = []
    slow = threading.Event()

    def search(text: str, current: Any) -> list[tuple[str, str]]:
        threads.append(threading.current_thread().name)
        if text == "s":  # a one-letter prefix on a big copy: slow
            slow.set()
            time.sleep(0.4)
        found = company_choices(wc, text, current)
        answered.append(text)
        return found

    picker = PickerField("entreprise", search, context.tasks)
    qtbot.addWidget(picker.widget)
    shown: list[str] = []
    picker.searcher.applied.connect(lambda: shown.append(picker.search_box.text()))
    threads.clear()
    with Heartbeat() as beat:
        type_text(picker.search_box, "s")
        qtbot.waitUntil(slow.is_set, timeout=5_000)  # the slow search runs...
        with qtbot.waitSignal(picker.searcher.applied, timeout=5_000):
            type_text(picker.search_box, "alon")  # ...and the user types on
        qtbot.waitUntil(lambda: "s" in answered, timeout=5_000)
        qtbot.wait(50)
    assert threads and threading.main_thread().name not in threads
    assert shown == ["salon"]  # the answer to "s" came back late: dropped
    names = [picker.combo.itemText(i) for i in range(1, picker.combo.count())]
    assert names and all("salon" in n.casefold() for n in names)
    assert not picker.searcher.pending
    # the UI thread kept beating while the 400 ms search ran (on it, one gap would be >= 400)
    assert beat.worst < 200, beat.worst


@pytest.fixture(scope="session")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from offa_desktop import paths
    from offa_desktop.store.db import WorkingCopy
    from offa_desktop.store.demo_fill import fill_working_copy

    folder = tmp_path_factory.mktemp("big-data")
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    try:
        fill_working_copy(wc, BIG, seed=1)
    finally:
        wc.close()
    return folder


@pytest.fixture
def big(big_folder: Path, qapp: Any) -> Iterator[AppContext]:
    made = AppContext.open(big_folder)
    made.extras["user"] = {"role": "offa", "id": None, "operator_code": "ifapme",
                           "display_name": "Sophie Lambert"}
    yield made
    made.close()


def _first(wc: Any, collection: str, **equals: Any) -> str:
    t = table(collection)
    with wc.session() as db:
        found = db.execute(
            select(t.c.id).where(t.c.deleted.is_(False), *[t.c[k] == v for k, v in equals.items()])
            .order_by(t.c.id).limit(1)
        ).scalar()
    assert found is not None
    return str(found)


def _median_ms(call: Any, runs: int = 9) -> float:
    call()  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def test_form_checks_stay_cheap_on_a_copy_with_many_records(qtbot: Any, big: Any) -> None:
    """Every form's validation (what runs on each pause in the typing), timed on a copy of
    3,000 contracts: each median under 25 ms, or a third of one scan of the contracts measured
    in the same run when the machine is loaded (indexed lookups take 1-10 ms; one scan of the
    contracts costs about 100 ms here)."""
    from offa_desktop.ui.forms.approval import ApprovalForm
    from offa_desktop.ui.forms.contract_event import ContractEventForm
    from offa_desktop.ui.forms.contract_wizard import ContractWizard
    from offa_desktop.ui.forms.incentives import IncentiveClaimForm
    from offa_desktop.ui.forms.learner import LearnerForm
    from offa_desktop.ui.forms.visit import VisitForm

    wc = big.working_copy
    contract_id = _first(wc, "contracts", status="active")
    contract = editing.load(wc, "contracts", contract_id)
    assert contract is not None
    unit = editing.load(wc, "establishment_units", contract["establishment_unit_id"])
    assert unit is not None
    forms: dict[str, Any] = {
        "learner": LearnerForm(big, contract["learner_id"]),
        "approval (new)": ApprovalForm(big, None),
        "visit": VisitForm(big, _first(wc, "visits")),
        "termination": ContractEventForm(big, None, initial={"contract_id": contract_id}),
        "incentive claim": IncentiveClaimForm(big, None, company_id=unit["company_id"]),
    }
    forms["approval (new)"].fields["establishment_unit_id"].set_value(
        contract["establishment_unit_id"])
    timings = {}
    for name, form in forms.items():
        qtbot.addWidget(form)
        timings[name] = _median_ms(form.validate_now)
    wizard = ContractWizard(big, None)
    qtbot.addWidget(wizard)
    wizard.data.update({k: contract[k] for k in (
        "learner_id", "establishment_unit_id", "approval_id", "tutor_id", "trade_code",
        "end_date", "schedule", "level", "monthly_pay", "company_signatory")})
    wizard.data["start_date"] = editing.today(wc).isoformat()
    timings["contract (signed)"] = _median_ms(lambda: wizard.check("signed"))
    timings["contract review page"] = _median_ms(wizard.pages[-1].refresh)
    # The floor, measured in the same run so a loaded machine slows both: one read of every
    # contract row (what a validation must never do). A check stays under a third of it, or
    # under the fixed budget when the machine is quiet.
    contracts = table("contracts")

    def scan() -> None:
        with wc.session() as db:
            db.execute(select(contracts)).all()

    limit = max(CHECK_BUDGET_MS, _median_ms(scan, runs=5) / 3)
    slow = {name: round(ms, 1) for name, ms in timings.items() if ms > limit}
    assert not slow, f"validation over {limit:.1f} ms on the UI thread: {slow}"
