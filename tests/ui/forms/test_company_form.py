"""The company form: enterprise number checked as typed, then its units and tutors, with the
tutor's condition (désigné / agréé) shown."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.company import CompanyForm, TutorForm, UnitForm
from offa_desktop.ui.forms.registry import open_record
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui


def _unit_number(first8: str) -> str:
    return first8 + f"{97 - int(first8) % 97:02d}"


def test_new_company_with_unit_and_tutor(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    form = open_record(context, "companies", None, None)
    assert isinstance(form, CompanyForm)
    qtbot.addWidget(form)
    assert not form.units.property("add_button").isEnabled()
    type_text(form.fields["enterprise_number"].editor, "0428.759.498")  # bad check digits
    form.validate_now()
    assert "contrôle" in form.fields["enterprise_number"].message.text()
    form.fields["enterprise_number"].set_value("BE 0428.759.497")
    type_text(form.fields["name"].editor, "Boulangerie Dœuf & Fils")
    type_text(form.fields["legal_form"].editor, "SRL")
    type_text(form.fields["employee_count"].editor, "0")
    form.fields["sector"].set_value("alimentation")
    check = form.validate_now()
    if check.blocking:  # the sector code of the reference data
        sector = form.fields["sector"].combo.itemData(1)
        form.fields["sector"].set_value(sector)
        check = form.validate_now()
    assert not check.blocking, check.blocking
    assert "1 apprenant" in form.capacity.text()
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    assert form.isVisible() and form.record_id is not None  # stays open for units and tutors
    company = editing.load(wc, "companies", form.record_id)
    assert company is not None and company["enterprise_number"] == "0428759497"
    assert form.units.property("add_button").isEnabled()

    unit = form.add_unit()
    assert isinstance(unit, UnitForm)
    qtbot.addWidget(unit)
    type_text(unit.fields["unit_number"].editor, "1.234.567.890")
    unit.validate_now()
    assert "2 à 8" in unit.fields["unit_number"].message.text()
    unit.fields["unit_number"].set_value(_unit_number("21234567"))
    type_text(unit.fields["name"].editor, "Atelier de Liège")
    type_text(unit.fields["street"].editor, "Rue Féronstrée 12")
    type_text(unit.fields["postal_code"].editor, "1000")
    type_text(unit.fields["city"].editor, "Liège")
    unit.fields["region"].set_value("wal")
    check = unit.validate_now()
    assert not check.blocking and [p.code for p in check.warnings] == ["region_mismatch"]
    unit.fields["postal_code"].set_value("4000")
    assert not unit.validate_now().problems
    with qtbot.waitSignal(unit.saved, timeout=10_000):
        unit.save_button.click()
    assert form.units.rowCount() == 1 and form.units.item(0, 1).text() == "Atelier de Liège"

    tutor = form.add_tutor()
    assert isinstance(tutor, TutorForm)
    qtbot.addWidget(tutor)
    type_text(tutor.fields["last_name"].editor, "Lefèvre")
    type_text(tutor.fields["first_name"].editor, "Hélène")
    tutor.fields["condition"].set_value("experience")
    type_text(tutor.fields["experience_years"].editor, "3")
    check = tutor.validate_now()
    assert [p.field for p in check.blocking] == ["experience_years"]
    assert "Tuteur désigné\u00a0: non" in tutor.status.text()
    tutor.fields["experience_years"].set_value(6)
    tutor.fields["certified"].set_value(True)
    check = tutor.validate_now()
    assert [p.field for p in check.blocking] == ["certified"]  # 8 h of training missing
    type_text(tutor.fields["training_hours"].editor, "8,5")
    type_text(tutor.fields["criminal_record_date"].editor, "02/09/2026")
    check = tutor.validate_now()
    assert not check.blocking
    assert "Tuteur agréé\u00a0: oui" in tutor.status.text()
    shoot(tutor, "tutor-form")
    with qtbot.waitSignal(tutor.saved, timeout=10_000):
        tutor.save_button.click()
    assert form.tutors.rowCount() == 1
    assert form.tutors.item(0, 2).text() == "désigné et agréé"
    saved = editing.find(wc, "tutors", company_id=form.record_id)[0][1]
    assert saved["training_hours"] == 8.5 and saved["criminal_record_date"] == "2026-09-02"
    shoot(form, "company-with-units-and-tutors")


def test_existing_company_lists_its_children(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    units = editing.find(wc, "establishment_units")
    company_id = units[0][1]["company_id"]
    form = CompanyForm(context, company_id, None)
    qtbot.addWidget(form)
    expected = len(editing.find(wc, "establishment_units", company_id=company_id))
    assert form.units.rowCount() == expected >= 1
    assert form.units.property("add_button").isEnabled()
    form.fields["enterprise_number"].set_value("12345")
    assert not form.validate_now().problems == []
    assert not form.save_button.isEnabled()
