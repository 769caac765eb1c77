"""The contract wizard by keyboard, saying what is missing (issue 15, the contract task).

Regressions: «04012027» refused with two contradicting messages («date invalide» and «ce champ
est requis» on a filled field); «Suivant» greyed out with no reason; «ce champ est requis» in red
before anything was typed; the learner's running contract reported only on the last page;
arrow keys did not move from the learner search into its results.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.contract_wizard import ContractWizard
from tests.ui.forms.conftest import type_text

pytestmark = pytest.mark.gui


def _wizard(qtbot: Any, context: Any) -> ContractWizard:
    wizard = ContractWizard(context, None, None)
    qtbot.addWidget(wizard)
    with qtbot.waitActive(wizard):
        wizard.show()
        wizard.activateWindow()
    return wizard


def _search(qtbot: Any, page: Any, text: str) -> None:
    with qtbot.waitSignal(page.searcher.applied, timeout=5_000):
        type_text(page.search, text)


def test_pages_say_what_is_missing_never_red_before_typing(qtbot: Any, context: Any) -> None:
    wizard = _wizard(qtbot, context)
    learner = wizard.currentPage()
    assert learner.problems.text() == ""  # nothing typed: nothing in red
    assert learner.missing.text() == "Pour continuer\u00a0: choisir l'apprenant dans la liste."
    assert not learner.isComplete()
    wizard.button(wizard.WizardButton.CancelButton).setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter: to what is missing
    assert QApplication.focusWidget() is learner.search and wizard.currentPage() is learner


def test_arrows_move_from_the_search_into_the_results(qtbot: Any, context: Any) -> None:
    wizard = _wizard(qtbot, context)
    page = wizard.currentPage()
    _search(qtbot, page, "a")
    assert page.list.count() > 2 and page.list.currentRow() == 0  # the best match, chosen
    first = wizard.data["learner_id"]
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert page.list.currentRow() == 1 and wizard.data["learner_id"] not in (None, first)
    QTest.keyClick(page.search, Qt.Key.Key_Up)
    assert wizard.data["learner_id"] == first
    assert QApplication.focusWidget() is page.search  # the typing goes on


def test_enter_typed_before_the_answer_takes_the_best_match(qtbot: Any, context: Any) -> None:
    """Regression: a name typed fast then Enter, before the search on the worker answered,
    acted on the old results (nothing chosen: Enter stayed; or the best match of the first
    letters: the wrong learner went on)."""
    wc = context.working_copy
    names = sorted({str((o.data or {})["last_name"]) for o in drafting.learners(wc, "")})
    name = next(n for n in names if n[0] == names[0][0] and n != names[0] and n.isalpha())
    best = drafting.learners(wc, name)[0]
    wizard = _wizard(qtbot, context)
    page = wizard.currentPage()
    _search(qtbot, page, name[0])  # the first letter's answer is in: its best match chosen
    assert wizard.data["learner_id"] != best.id
    type_text(page.search, name[1:])  # the rest typed, Enter before the answer
    assert page.searcher.pending
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.pages[1]
    assert wizard.data["learner_id"] == best.id, (name, best.label)


def test_running_contract_said_on_the_learner_page_and_start_proposed(
    qtbot: Any, context: Any
) -> None:
    wc = context.working_copy
    busy = next(o for o in drafting.learners(wc, "") if (o.data or {}).get("_engaged")
                and o.data["_engaged"].end is not None)
    engaged = busy.data["_engaged"]
    wizard = _wizard(qtbot, context)
    page = wizard.currentPage()
    _search(qtbot, page, str(busy.data["last_name"]))
    while wizard.data["learner_id"] != busy.id:
        QTest.keyClick(page.search, Qt.Key.Key_Down)
    after = engaged.end + timedelta(days=1)
    assert "contrat" in page.list.currentItem().text() and engaged.company in \
        page.list.currentItem().text()
    assert f"au plus tôt le {after:%d/%m/%Y}" in page.info.text()
    wizard.next()
    place = wizard.currentPage()
    wizard.data.update(establishment_unit_id="x", approval_id="x", tutor_id="x")  # skip place
    place.isComplete = lambda: True  # type: ignore[method-assign]
    wizard.next()
    terms = wizard.currentPage()
    assert terms.fields["start_date"].value() == after.isoformat()


def test_dates_any_way_one_message_at_most(qtbot: Any, context: Any) -> None:
    wizard = _wizard(qtbot, context)
    wizard.data.update(learner_id="x")
    for page in wizard.pages[:2]:
        page.isComplete = lambda: True  # type: ignore[method-assign]
    wizard.next()
    wizard.next()
    terms = wizard.currentPage()
    start = terms.fields["start_date"]
    type_text(start.editor, "04012027")
    terms.refresh()
    assert start.value() == "2027-01-04"
    start.editor.clearFocus()  # leaving the field shows the date understood
    QTest.keyClick(start.editor, Qt.Key.Key_Tab)
    assert start.editor.text() == "04/01/2027"
    end = terms.fields["end_date"]
    type_text(end.editor, "31/02/2028")
    terms.refresh()
    messages = [p.message for p in terms.found if p.field == "end_date"]
    assert len(messages) == 1 and "date illisible" in messages[0], messages
    assert "requis" not in terms.problems.text()
    assert "indiquer la date de fin" not in terms.missing.text()  # said once, in red
    end.set_value(None)
    type_text(end.editor, "demain")
    terms.refresh()
    assert end.value() == (editing.today(context.working_copy) + timedelta(days=1)).isoformat()
    assert any(p.field == "end_date" for p in terms.found)  # before the start: the domain says
    assert date.fromisoformat(end.value()) < date(2027, 1, 4)


def test_a_pickers_matches_chosen_from_its_search_box(qtbot: Any, context: Any) -> None:
    """The pickers of the other forms (a company, a unit): Down / Up in the search box choose
    among the matches, the box keeps the keyboard (Down did nothing there: Tab to the combo
    was needed)."""
    from offa_desktop.ui.forms.claim_form import company_choices
    from offa_desktop.ui.forms.record_search import PickerField

    wc = context.working_copy
    picker = PickerField("entreprise", lambda text, current: company_choices(wc, text, current),
                         context.tasks)
    qtbot.addWidget(picker.editor)
    picker.editor.show()
    with qtbot.waitSignal(picker.searcher.applied, timeout=5_000):
        type_text(picker.search_box, "bou")
    matches = [picker.combo.itemData(i) for i in range(1, picker.combo.count())]
    assert len(matches) >= 2 and picker.value() is None
    with qtbot.waitSignal(picker.edited):
        QTest.keyClick(picker.search_box, Qt.Key.Key_Down)
    assert picker.value() == matches[0]
    QTest.keyClick(picker.search_box, Qt.Key.Key_Down)
    assert picker.value() == matches[1]
    QTest.keyClick(picker.search_box, Qt.Key.Key_Up)
    assert picker.value() == matches[0]
