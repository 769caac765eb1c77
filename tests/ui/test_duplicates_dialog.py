"""Fichier > Doublons possibles (issue 18) on a demo copy: a learner typed twice (names in
other case and accents, another NISS) and a company entered twice with and without its legal
form are listed with why; without OFFA's role the merge buttons stay off and the dialog says
who merges (the merge itself is proven against the real server in tests/sync/test_merge.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from offa_desktop.ops.records import editing
from offa_desktop.ui import duplicates_dialog
from offa_desktop.ui.context import AppContext
from tests.store.conftest import enterprise_number, niss

pytestmark = pytest.mark.gui


def test_possible_duplicates_are_listed_with_why(qtbot: Any, demo_copy: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        wc = context.working_copy
        learner = {"first_name": "Zoé", "last_name": "Étienne-Lambotte", "birth_date":
                   "2008-04-02", "street": "Rue Neuve 1", "postal_code": "5000", "city": "Namur",
                   "operator_code": "ifapme"}  # fmt: skip
        first = editing.save(wc, "learners", None, {**learner, "niss": niss("2008-04-02", 31)})
        second = editing.save(wc, "learners", None, {
            **learner, "first_name": "ZOE", "last_name": "etienne lambotte",
            "niss": niss("2008-04-02", 32)}).record_id  # fmt: skip
        sector = editing.reference(wc, "sectors")[0]["code"]
        company = {"legal_form": "SRL", "employee_count": 3, "sector": sector}
        editing.save(wc, "companies", None, {**company, "name": "Boulangerie Qwertz SRL",
                                             "enterprise_number": enterprise_number(9301)})
        editing.save(wc, "companies", None, {**company, "name": "BOULANGERIE QWERTZ",
                                             "enterprise_number": enterprise_number(9302)})
        dialog = duplicates_dialog.DuplicatesDialog(context)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.listed, timeout=30_000) as listed:
            dialog.show()
        pairs = listed.args[0]
        mine = [p for p in pairs if second in (p.first, p.second)]
        assert [(p.collection, p.reason) for p in mine] == [
            ("learners", "mêmes nom, prénom et date de naissance")]
        assert first.record_id in (mine[0].first, mine[0].second)
        rows = {tuple(dialog.table.item(r, c).text() for c in range(4))
                for r in range(dialog.table.rowCount())}
        assert ("Entreprises", "noms proches", "BOULANGERIE QWERTZ (" + enterprise_number(9302)
                + ")", "Boulangerie Qwertz SRL (" + enterprise_number(9301) + ")") in rows or (
            "Entreprises", "noms proches", "Boulangerie Qwertz SRL (" + enterprise_number(9301)
            + ")", "BOULANGERIE QWERTZ (" + enterprise_number(9302) + ")") in rows
        dialog.table.selectRow(0)
        assert not dialog.keep_first.isEnabled()  # this copy is no OFFA staff's
        assert "Seul le personnel de l'OFFA" in dialog.summary.text()
    finally:
        context.tasks.wait_idle()
        context.close()
