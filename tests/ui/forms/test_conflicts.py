"""Conflicts (base / mine / theirs per field, a side or a typed value, saved as a new edit with
its resolution) and rejected edits (server's message, retry or discard) on a real working copy,
through the same store ports the sync engine writes them with."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.ops.records import editing, writes
from offa_desktop.ops.sync import conflicts
from offa_desktop.ops.sync.adapter import StoreSyncAdapter
from offa_desktop.ui.forms.conflicts import ConflictsDialog, RejectedDialog
from sync.ports import Conflict
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui


def _learner_in_conflict(context: Any) -> tuple[str, dict[str, Any]]:
    wc = context.working_copy
    learner_id, learner = sorted(editing.find(wc, "learners"))[0]
    writes.update(wc, "learners", learner_id, {"city": "Mons", "phone": "065 11 22 33"})
    with StoreSyncAdapter(wc).transaction() as tx:
        tx.conflicts.put(Conflict(
            "learners", learner_id, server_version=7, server_deleted=False,
            fields={
                "city": {"base": learner["city"], "mine": "Mons", "theirs": "Namur"},
                "birth_date": {"base": learner["birth_date"], "mine": learner["birth_date"],
                               "theirs": "2004-02-29"},
            },
        ))
    return learner_id, learner


def test_conflict_resolved_field_by_field(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    learner_id, learner = _learner_in_conflict(context)
    dialog = ConflictsDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 1
    assert set(dialog.choices) == {"city", "birth_date"}
    shoot(dialog, "conflicts")
    city_combo, city_editor = dialog.choices["city"]
    city_combo.setCurrentIndex(city_combo.findData("edited"))
    assert city_editor.widget.isEnabled()
    city_editor.set_value(None)
    type_text(city_editor.editor, "Mons-en-Hainaut")
    birth_combo, birth_editor = dialog.choices["birth_date"]
    birth_combo.setCurrentIndex(birth_combo.findData("edited"))
    birth_editor.set_value(None)
    type_text(birth_editor.editor, "31/02/2004")
    dialog.resolve()  # not a date: refused, nothing written
    assert "date illisible" in dialog.message.text()
    assert len(conflicts.conflicts(wc)) == 1
    birth_combo.setCurrentIndex(birth_combo.findData("mine"))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.resolve()
    assert conflicts.conflicts(wc) == [] and dialog.list.count() == 0
    after = editing.load(wc, "learners", learner_id)
    assert after["city"] == "Mons-en-Hainaut" and after["birth_date"] == learner["birth_date"]
    with StoreSyncAdapter(wc).transaction() as tx:
        ops = tx.outbox.for_records([("learners", learner_id)])[("learners", learner_id)]
    resolution = [op for op in ops if op.resolution]
    assert len(resolution) == 1
    assert resolution[0].fields["city"] == "Mons-en-Hainaut"
    assert resolution[0].resolution["city"] == {
        "mine": "Mons", "theirs": "Namur", "choice": "edited"}
    assert resolution[0].base_version is not None


def test_rejected_edit_listed_and_discarded(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    company_id, company = sorted(editing.find(wc, "companies"))[0]
    writes.update(wc, "companies", company_id, {"employee_count": 40})
    with StoreSyncAdapter(wc).transaction() as tx:
        op = next(o for o in tx.outbox.unsettled() if o.record_id == company_id)
        op.state = "rejected"
        op.error = "Nombre de travailleurs : ne correspond pas à la BCE."
        op.errors = [{"field": "employee_count", "code": "invalid",
                      "message": "Nombre de travailleurs : ne correspond pas à la BCE."}]
        tx.outbox.update(op)
    dialog = RejectedDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 1
    assert "ne correspond pas à la BCE" in dialog.list.item(0).text()
    assert company["name"] in dialog.list.item(0).text()
    shoot(dialog, "rejected-edits")
    form = dialog.act("open")
    assert form is not None
    qtbot.addWidget(form)
    assert form.fields["employee_count"].value() == 40
    form.close()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.act("discard")
    assert dialog.list.count() == 0
    assert editing.load(wc, "companies", company_id)["employee_count"] == company[
        "employee_count"]


def test_rejected_edit_sent_again(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    company_id, _company = sorted(editing.find(wc, "companies"))[1]
    writes.update(wc, "companies", company_id, {"phone": "02 555 55 55"})
    with StoreSyncAdapter(wc).transaction() as tx:
        op = next(o for o in tx.outbox.unsettled() if o.record_id == company_id)
        op.state, op.error = "forbidden", "Hors de votre périmètre."
        tx.outbox.update(op)
    dialog = RejectedDialog(context, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.act("retry")
    assert conflicts.rejected(wc) == []
    with StoreSyncAdapter(wc).transaction() as tx:
        states = {o.state for o in tx.outbox.unsettled() if o.record_id == company_id}
    assert states == {"pending"}


def test_edits_forbidden_for_the_role_are_given_up_in_one_place(
    qtbot: Any, context: Any
) -> None:
    """Issue 12, situation 5: « Modifications refusées » gives up every edit the server
    refused for the user's role at once; a merely rejected edit stays for a person."""
    wc = context.working_copy
    (first, one), (second, two), (third, _three) = sorted(editing.find(wc, "companies"))[:3]
    for company_id in (first, second, third):
        writes.update(wc, "companies", company_id, {"phone": "02 555 55 55"})
    with StoreSyncAdapter(wc).transaction() as tx:
        for op in tx.outbox.unsettled():
            if op.record_id in (first, second):
                op.state, op.error = "forbidden", "Vous n'avez pas le droit de modifier ces …"
            elif op.record_id == third:
                op.state, op.error = "rejected", "Téléphone : invalide."
            tx.outbox.update(op)
    dialog = RejectedDialog(context, None)
    qtbot.addWidget(dialog)
    button = dialog.discard_forbidden_button
    assert button.isVisibleTo(dialog) and "(2)" in button.text()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        button.click()
    assert [r.record_id for r in conflicts.rejected(wc)] == [third]
    assert not button.isVisibleTo(dialog)
    assert editing.load(wc, "companies", first)["phone"] == one["phone"]  # the server's again
    assert editing.load(wc, "companies", second)["phone"] == two["phone"]
