"""The contract view says what a secretariat checks before a phone call (issue 15 #7: no
company, tutor, signatory or sync state, and an empty «Événements» table)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from offa_desktop.ops.records import editing
from offa_desktop.printing.facts import reference
from offa_desktop.ui.forms.contract_view import ContractDialog
from tests.ui.forms.conftest import shoot

pytestmark = pytest.mark.gui
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}")


def test_everything_at_a_glance(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    with_events = {e["contract_id"] for _i, e in editing.find(wc, "contract_events")}
    contract_id, contract = next(
        (i, c) for i, c in sorted(editing.find(wc, "contracts", status="active"))
        if i not in with_events)
    unit = editing.load(wc, "establishment_units", contract["establishment_unit_id"])
    company = editing.load(wc, "companies", unit["company_id"])
    tutor = editing.load(wc, "tutors", contract["tutor_id"])
    dialog = ContractDialog(context, contract_id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.head.text()
    for expected in (company["name"], tutor["last_name"], contract["company_signatory"],
                     contract["referent_name"], unit["city"], "période d'essai jusqu'au",
                     f"Référence</td><td>{reference(contract_id)}", "Synchronisation",
                     "sur le serveur"):
        assert expected in text.replace("&#x27;", "'"), expected
    number = company["enterprise_number"]
    assert f"BCE {number[:4]}.{number[4:7]}.{number[7:]}" in text
    assert not UUID.search(text)
    assert dialog.events.isHidden() and not dialog.no_events.isHidden()
    assert "Aucun événement" in dialog.no_events.text()
    assert not any(b.autoDefault() for b in dialog.buttons.values())  # Enter starts nothing
    shoot(dialog, "contract-view")
