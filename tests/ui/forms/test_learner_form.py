"""The learner form on a real working copy: NISS checked as typed, birth date and age derived,
representative required while a minor, nothing saved half-valid, unsaved changes guarded."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.domain.identifiers import normalize_niss
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.base import RecordForm
from offa_desktop.ui.forms.learner import LearnerForm
from offa_desktop.ui.forms.registry import open_record
from offa_desktop.ui.forms.unsaved import UnsavedChoice
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui



def _niss(prefix: str) -> str:
    """A valid NISS for a birth from 2000 (checksum over 2 + the 9 digits)."""
    base = int("2" + prefix)
    return prefix + f"{97 - base % 97:02d}"


def test_minor_learner_needs_representative(qtbot: Any, context: Any) -> None:
    form = open_record(context, "learners", None, None)
    assert isinstance(form, LearnerForm)
    qtbot.addWidget(form)
    niss = _niss("100315123")
    type_text(form.fields["niss"].editor, niss[:6] + "-123")  # incomplete
    check = form.validate_now()
    assert any(p.field == "niss" for p in check.blocking)
    assert "NISS" in form.fields["niss"].message.text()
    assert not form.save_button.isEnabled()
    form.fields["niss"].editor.clear()
    type_text(form.fields["niss"].editor, niss[:2] + "." + niss[2:4] + "." + niss[4:6] + "-"
              + niss[6:9] + "." + niss[9:])
    form.validate_now()
    form.validate_now()  # the birth date derived from the NISS is checked too
    assert form.fields["birth_date"].editor.text() == "15/03/2010"
    assert "ans" in form.age.text() and "mineur" in form.age.text()
    type_text(form.fields["last_name"].editor, "Wałęsa-Dupré")
    type_text(form.fields["first_name"].editor, "Zoë")
    type_text(form.fields["street"].editor, "Rue de l'Église 3")
    type_text(form.fields["postal_code"].editor, "4000")
    type_text(form.fields["city"].editor, "Liège")
    form.fields["operator_code"].set_value("ifapme")
    check = form.validate_now()
    assert [p.field for p in check.blocking] == ["representative"]
    assert "représentant" in form.fields["_rep_name"].message.text().lower()
    assert not form.save_button.isEnabled()
    shoot(form, "learner-minor-missing-representative")
    form.save()  # refused: nothing written
    assert editing.find(context.working_copy, "learners", niss=niss) == []
    type_text(form.fields["_rep_name"].editor, "Françoise Dupré")
    type_text(form.fields["_rep_phone"].editor, "0470 12 34 56")
    assert not form.validate_now().blocking
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        form.save_button.click()
    assert saved.args[0].touches("learners")
    found = editing.find(context.working_copy, "learners", niss=niss)
    assert len(found) == 1
    record = found[0][1]
    assert record["last_name"] == "Wałęsa-Dupré" and record["first_name"] == "Zoë"
    assert record["birth_date"] == "2010-03-15"
    assert record["representative"] == {"name": "Françoise Dupré", "phone": "0470 12 34 56"}
    assert normalize_niss(niss) == record["niss"]


def test_edit_existing_and_close_guard(qtbot: Any, context: Any, monkeypatch: Any) -> None:
    (learner_id, learner), *_ = editing.find(context.working_copy, "learners")
    form = LearnerForm(context, learner_id, None)
    qtbot.addWidget(form)
    form.show()
    assert form.fields["last_name"].value() == learner["last_name"]
    assert not form.dirty
    answers = [UnsavedChoice.CANCEL, UnsavedChoice.DISCARD]
    monkeypatch.setattr(RecordForm, "ask", staticmethod(lambda _w: answers.pop(0)))
    type_text(form.fields["city"].editor, "ville")
    assert form.dirty
    form.reject()
    assert form.isVisible()  # cancel: still open
    form.reject()
    assert not form.isVisible()  # discarded
    assert editing.load(context.working_copy, "learners", learner_id) == learner
    wizard = form.new_contract()  # a child of the form: closed with it
    assert wizard.data["learner_id"] == learner_id and wizard.currentPage().isComplete()
    shoot(form, "learner-existing")


def test_close_guard_save_choice(qtbot: Any, context: Any, monkeypatch: Any) -> None:
    (learner_id, learner), *_ = editing.find(context.working_copy, "learners")
    form = LearnerForm(context, learner_id, None)
    qtbot.addWidget(form)
    form.show()
    monkeypatch.setattr(RecordForm, "ask", staticmethod(lambda _w: UnsavedChoice.SAVE))
    form.fields["phone"].set_value("081 22 33 44")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.reject()
    assert editing.load(context.working_copy, "learners", learner_id)["phone"] == "081 22 33 44"


def test_a_niss_already_registered_is_refused_while_typing(qtbot: Any, context: Any) -> None:
    (_learner_id, learner), *_ = editing.find(context.working_copy, "learners")
    form = LearnerForm(context, None, None)
    qtbot.addWidget(form)
    type_text(form.fields["niss"].editor, learner["niss"])
    check = form.validate_now()
    assert [p.code for p in check.problems if p.field == "niss"] == ["duplicate"]
    assert "déjà enregistré" in form.fields["niss"].message.text()
    assert not form.save_button.isEnabled()
