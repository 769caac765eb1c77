"""The two everyday tasks, driven by the keyboard only, within their budgets of inputs (issue 15).

Each test starts the app as ``offa-desktop --demo`` does (embedded reference server, a fresh
demo copy, logged in as the demo account of the role) and sends key events only, each to the
widget that has the keyboard focus, as a person's keyboard does. An input is one key pressed
and released: a typed letter, Tab, Enter, or a shortcut such as Ctrl+N (one chord). No mouse, no
call into a widget: the test only chooses what to type by reading the screen, as a person would
(it types a name until the wanted line is the one selected).

- A secretariat drafts a contract and prints its pack: at most 40 inputs.
- A coach files a visit report: at most 25 inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.records import editing
from offa_desktop.ui.context import AppContext

pytestmark = pytest.mark.gui
DEMO_SIZE = 150
CONTRACT_BUDGET = 40
VISIT_BUDGET = 25
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


class Keyboard:
    """Sends key events to the focused widget and counts them."""

    def __init__(self, qtbot: Any, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window
        self.count = 0
        self.log: list[str] = []

    def target(self) -> QWidget:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        focused = app.focusWidget() or app.activeWindow() or self.window
        return focused

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE, name: str = "") -> None:
        QTest.keyClick(self.target(), key, modifier)
        self._counted(name or key.name.removeprefix("Key_"), modifier)

    def shortcut(self, letter: str) -> None:
        """Ctrl + a letter or digit (one input)."""
        self.press(Qt.Key(ord(letter.upper())), CTRL, f"Ctrl+{letter.upper()}")

    def type(self, text: str, then: Callable[[], None] | None = None) -> None:
        """One input per character (any character, accents included)."""
        for char in text:
            key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else \
                Qt.Key.Key_unknown
            QTest.sendKeyEvent(QTest.KeyAction.Click, self.target(), key, char, NONE)
            self._counted(char, NONE)
            if then is not None:
                then()

    def _counted(self, name: str, modifier: Qt.KeyboardModifier) -> None:
        self.count += 1
        self.log.append(name)
        self.qtbot.wait(15)

    def report(self, task: str) -> str:
        line = f"budget {task}: {self.count} inputs"
        print(f"\n{line} ({' '.join(self.log)})")
        return line


def _demo(tmp_path: Path, user: str) -> Iterator[tuple[AppContext, Any]]:
    context = AppContext.open(tmp_path / "data", demo_size=DEMO_SIZE, demo_user=user)
    try:
        window = context.build_window(auto_sync=False)
        window.resize(1400, 900)
        window.show()
        window.activateWindow()
        yield context, window
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                widget.close()
        window.close()
    finally:
        context.close()


@pytest.fixture
def secretariat(tmp_path: Path, qtbot: Any) -> Iterator[tuple[AppContext, Any]]:
    yield from _demo(tmp_path, "secretariat")


@pytest.fixture
def coach(tmp_path: Path, qtbot: Any) -> Iterator[tuple[AppContext, Any]]:
    yield from _demo(tmp_path, "coach")


def _area_key(window: Any, key: str) -> str:
    number = window.nav_keys.index(key) + 1
    assert number <= 9
    return str(number)


def _selected(widget: QListWidget) -> str | None:
    item = widget.currentItem()
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None and \
        item.isSelected() and item.data(Qt.ItemDataRole.UserRole) else None


def _type_until_chosen(keys: Keyboard, qtbot: Any, name: str, results: QListWidget,
                       searcher: Any, wanted: str) -> None:
    """Type ``name`` letter by letter, looking at the results after each one, until the wanted
    record is the one selected (a person stops typing there)."""
    for char in name:
        keys.type(char, then=lambda: qtbot.waitUntil(lambda: not searcher.pending, timeout=5000))
        if _selected(results) == wanted:
            return
    raise AssertionError(f"{name!r} typed whole, {wanted} still not selected")


def _learner_free(wc: Any) -> tuple[str, str]:
    """A learner of the copy with no running or coming contract, and their last name."""
    for option in sorted(drafting.learners(wc, ""), key=lambda o: o.label):
        data = option.data or {}
        if data.get("_engaged") is None and data.get("last_name"):
            return option.id, str(data["last_name"])
    raise AssertionError("every demo learner has a running contract")


def _clean_place(wc: Any, start: date) -> tuple[str, str]:
    """A unit where the contract can go without choosing by hand: one granted approval, room
    at the company and with a tutor the wizard proposes, a usual signatory; and what a person
    types to find it: its name (the company's), from the start."""
    for unit in drafting.units_with_granted_approval(wc):
        approvals = drafting.granted_approvals(wc, unit.id, None)
        if len(approvals) != 1 or drafting.company_capacity(wc, unit.id, start).full:
            continue
        approval = approvals[0]
        tutors = drafting.tutors(wc, unit.id, str((approval.data or {})["trade_code"]), start)
        free = [t.id for t in tutors if not (t.data or {}).get("_full")]
        named = [str(t) for t in (approval.data or {}).get("tutor_ids") or []]
        if not (set(free) & set(named) or len(free) == 1):
            continue
        if not drafting.company_signatories(wc, unit.id):
            continue
        return unit.id, unit.label.split(" — ")[0]
    raise AssertionError("no unit of the demo takes a contract without choices by hand")


def test_contract_drafted_and_pack_printed_within_40_inputs(
    qtbot: Any, secretariat: tuple[AppContext, Any], opened_files: list[Path]
) -> None:
    from offa_desktop.ui.forms.contract_wizard import ContractWizard

    context, window = secretariat
    wc = context.working_copy
    today = editing.today(wc)
    start = date(today.year + 1, 9, 1)
    end = date(start.year + 1, 8, 31)
    learner_id, learner_name = _learner_free(wc)
    unit_id, unit_name = _clean_place(wc, start)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    keys = Keyboard(qtbot, window)

    keys.shortcut(_area_key(window, "contracts"))  # Contrats
    keys.shortcut("n")  # Nouveau contrat
    wizard = QApplication.activeWindow()
    assert isinstance(wizard, ContractWizard)
    learner_page = wizard.currentPage()
    _type_until_chosen(keys, qtbot, learner_name.lower(), learner_page.list,
                       learner_page.searcher, learner_id)
    keys.press(Qt.Key.Key_Return)  # Suivant
    place = wizard.currentPage()
    assert place is wizard.pages[1], learner_page.missing.text()
    _type_until_chosen(keys, qtbot, unit_name.lower(), place.units, place.searcher, unit_id)
    assert wizard.data["tutor_id"], place.missing.text()  # the approval's tutor, proposed
    keys.press(Qt.Key.Key_Return)
    terms = wizard.currentPage()
    assert terms is wizard.pages[2], place.missing.text()
    assert terms.fields["company_signatory"].value()  # the company's usual signatory
    keys.type(f"{start.day}/{start.month}/{start.year % 100}")  # 1/9/27
    keys.press(Qt.Key.Key_Tab)
    keys.type(f"{end.day}/{end.month}/{end.year % 100}")
    keys.press(Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.pages[3], terms.missing.text() + terms.problems.text()
    keys.press(Qt.Key.Key_Return)  # the pay proposed: the minimum of level A
    assert wizard.currentPage() is wizard.pages[4]
    keys.shortcut("p")  # Enregistrer et imprimer
    qtbot.waitUntil(lambda: len(opened_files) == 1, timeout=30_000)

    line = keys.report("contract")
    pdf = opened_files[0]
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    notice = window.findChild(QWidget, "file-notice-text")
    assert notice is not None and pdf.name in notice.text()  # where it went, said
    saved = [c for _i, c in editing.find(wc, "contracts", learner_id=learner_id)
             if c["status"] == "draft"]
    assert len(saved) == 1
    contract = saved[0]
    assert (contract["establishment_unit_id"], contract["start_date"], contract["end_date"]) == (
        unit_id, start.isoformat(), end.isoformat())
    assert contract["company_signatory"] and contract["tutor_id"]
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert learner_name in text
    assert keys.count <= CONTRACT_BUDGET, line


def test_visit_report_filed_within_25_inputs(
    qtbot: Any, coach: tuple[AppContext, Any]
) -> None:
    from offa_desktop.ui.forms.visit import VisitForm

    context, window = coach
    wc = context.working_copy
    qtbot.waitUntil(lambda: "visits" in window.list_defaults, timeout=10_000)
    keys = Keyboard(qtbot, window)

    keys.shortcut(_area_key(window, "visits"))  # Visites: mine, planned, the next one first
    view = window.views["visits"]
    assert view.model.rowCount() >= 1, view.empty.text()
    visit_id = view.selected_id()
    keys.press(Qt.Key.Key_Return)  # open it
    form = QApplication.activeWindow()
    assert isinstance(form, VisitForm) and form.record_id == visit_id
    points = len(form.answer_fields)
    assert points >= 5
    keys.type("e")  # Statut: effectuée (the date becomes today, the cursor goes to point 1)
    keys.type("o" * (points - 2) + "ns")  # one key per point
    keys.type("f")  # Avis: favorable
    keys.shortcut("s")  # Enregistrer
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)

    line = keys.report("visit")
    visit = editing.load(wc, "visits", visit_id or "")
    assert visit is not None
    assert visit["status"] == "done" and visit["opinion"] == "favourable"
    assert visit["visit_date"] == editing.today(wc).isoformat()
    values = [a["value"] for a in visit["answers"].values()]
    assert len(values) == points and values[-2:] == ["no", "na"]
    assert keys.count <= VISIT_BUDGET, line
