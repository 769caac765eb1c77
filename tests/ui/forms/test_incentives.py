"""Incentive claims per company and school year: every eligibility check shown, status changes
for OFFA staff only, a paid claim needs its payment date."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.domain.dates import school_year_of
from offa_desktop.domain.values import parse_date
from offa_desktop.ops import incentives
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.incentives import IncentivesDialog
from offa_desktop.ui.forms.registry import open_record
from tests.ui.forms.conftest import shoot, type_text

pytestmark = pytest.mark.gui


def _claim(context: Any, kind: str = "wal_p2") -> tuple[str, dict[str, Any]]:
    """A new claim of ``kind`` on a Walloon (or Brussels) contract of the demo data."""
    wc = context.working_copy
    region = "bxl" if kind.startswith("bxl") else "wal"
    for contract_id, contract in sorted(editing.find(wc, "contracts", status="active")):
        unit = editing.load(wc, "establishment_units", contract["establishment_unit_id"])
        if unit is None or unit["region"] != region or contract["level"] != "a":
            continue
        amount = next(k["amount"] for k in editing.reference(wc, "incentive_kinds")
                      if k["code"] == kind)
        data = {
            "kind_code": kind, "company_id": unit["company_id"], "contract_ids": [contract_id],
            "tutor_id": contract["tutor_id"], "amount": amount, "status": "to_check",
            "school_year": school_year_of(parse_date(contract["start_date"])),
        }
        return editing.save(wc, "incentive_claims", None, data).record_id, data
    raise AssertionError("no contract for a claim")


def test_checks_shown_and_offa_moves_the_status(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    context.extras["user"] = {"role": "offa", "id": None}
    claim_id, claim = _claim(context, "wal_p2")
    dialog = open_record(context, "incentive_claims", claim_id, None)
    assert isinstance(dialog, IncentivesDialog)
    qtbot.addWidget(dialog)
    assert dialog.current() is not None and dialog.current().id == claim_id
    names = [dialog.checks.item(r, 0).text() for r in range(dialog.checks.rowCount())]
    assert "270 jours la première année" in names and "tuteur agréé" in names
    row = dialog.current()
    expected = row.eligible
    shoot(dialog, "incentives")
    visible = {s for s, b in dialog.action_buttons.items() if not b.isHidden()}
    assert visible == {"eligible", "not_eligible"}
    assert dialog.action_buttons["eligible"].isEnabled() == expected
    target = "eligible" if expected else "not_eligible"
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.action_buttons[target].click()
    saved = editing.load(wc, "incentive_claims", claim_id)
    assert saved["status"] == target
    assert set(saved["checks"]) == {name for name in row.checks}
    if target == "eligible":
        with qtbot.waitSignal(dialog.saved, timeout=10_000):
            dialog.action_buttons["approved"].click()
        dialog.action_buttons["paid"].click()  # no payment date: refused
        assert "requise" in dialog.paid_on.message.text()
        assert editing.load(wc, "incentive_claims", claim_id)["status"] == "approved"
        type_text(dialog.paid_on.editor, "30/11/2026")
        with qtbot.waitSignal(dialog.saved, timeout=10_000):
            dialog.action_buttons["paid"].click()
        assert editing.load(wc, "incentive_claims", claim_id)["paid_on"] == "2026-11-30"


def test_secretariat_sees_checks_without_status_actions(qtbot: Any, context: Any) -> None:
    context.extras["user"] = {"role": "secretariat", "operator_code": "ifapme"}
    claim_id, claim = _claim(context, "wal_p1")
    dialog = IncentivesDialog(context, claim["company_id"], None,
                              school_year=claim["school_year"], claim_id=claim_id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 1
    assert all(b.isHidden() for b in dialog.action_buttons.values())
    assert "réservés à l'OFFA" in dialog.message.text()


def test_bxl_claims_stop_at_eligible() -> None:
    assert incentives.next_statuses({"kind_code": "bxl_tutor", "status": "eligible"}) == [
        "to_check"]
    assert incentives.next_statuses({"kind_code": "wal_p1", "status": "eligible"}) == [
        "approved", "to_check"]


# --- a new claim ---------------------------------------------------------------------------


def _company_with_first_year_contract(context: Any, region: str) -> tuple[str, str, str]:
    """(company id, name, contract id): a company of ``region`` with a running contract."""
    wc = context.working_copy
    for contract_id, contract in sorted(editing.find(wc, "contracts", status="active")):
        unit = editing.load(wc, "establishment_units", contract["establishment_unit_id"])
        if unit is None or unit["region"] != region:
            continue
        company = editing.load(wc, "companies", unit["company_id"])
        return unit["company_id"], company["name"], contract_id
    raise AssertionError("no company")


def _tick(form: Any, contract_id: str) -> None:
    from PySide6.QtCore import Qt

    field = form.fields["contract_ids"]
    for i in range(field.list.count()):
        item = field.list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == contract_id:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"contract {contract_id} not offered")


def _choose(field: Any, code: str) -> None:
    index = field.combo.findData(code)
    assert index >= 0, (code, [field.combo.itemData(i) for i in range(field.combo.count())])
    field.combo.setCurrentIndex(index)


def test_offa_creates_a_p2_claim_from_the_incentives_area(qtbot: Any, context: Any) -> None:
    """Ctrl+N in the Incitants area: company found by typing its name (accents included),
    kinds of its region only, the contract's first school year, every check shown before
    saving; saved « à vérifier » with those checks, as a local edit waiting for the sync."""
    from offa_desktop.ops.sync.adapter import StoreSyncAdapter
    from offa_desktop.ui.forms.incentives import IncentiveClaimForm

    wc = context.working_copy
    context.extras["user"] = {"role": "offa", "id": None}
    company_id, name, contract_id = _company_with_first_year_contract(context, "wal")
    contract = editing.load(wc, "contracts", contract_id)
    form = open_record(context, "incentive_claims", None, None)
    assert isinstance(form, IncentiveClaimForm)
    qtbot.addWidget(form)
    assert not form.save_button.isEnabled()
    picker = form.fields["company_id"]
    type_text(picker.search_box, name)
    qtbot.waitUntil(lambda: picker.value() == company_id, timeout=5_000)
    form.validate_now()
    kinds = [form.fields["kind_code"].combo.itemData(i)
             for i in range(form.fields["kind_code"].combo.count())]
    assert "wal_p2" in kinds and not any(str(k).startswith("bxl") for k in kinds)
    assert "Wallonie" in form.regions.text()
    _choose(form.fields["kind_code"], "wal_p2")
    year = school_year_of(parse_date(contract["start_date"]))
    _choose(form.fields["school_year"], year)
    form.validate_now()
    assert form.fields["amount"].value() == "750.00"  # the kind's reference amount
    assert form.fields["tutor_id"].widget.isHidden()  # the contract's tutor is the claim's
    _tick(form, contract_id)
    result = form.validate_now()
    assert not result.blocking, result.blocking
    names = [form.checks.item(r, 0).text() for r in range(form.checks.rowCount())]
    assert names == ["région de l'unité d'établissement", "début au niveau A",
                     "270 jours la première année", "tuteur agréé",
                     "année réussie ou passage au niveau B"]
    assert "contrôle(s) satisfait(s) sur 5" in form.verdict.text()
    preview = dict(form.outcomes)
    shoot(form, "incentive-claim-new")
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        form.save_button.click()
    claim_id = saved.args[0].record_id
    claim = editing.load(wc, "incentive_claims", claim_id)
    assert claim["status"] == "to_check" and claim["kind_code"] == "wal_p2"
    assert claim["company_id"] == company_id and claim["contract_ids"] == [contract_id]
    assert claim["school_year"] == year and claim["amount"] == "750.00"
    assert claim["tutor_id"] == contract["tutor_id"]
    assert claim["checks"] == {n: {"passed": ok, "note": note}
                               for n, (ok, note) in preview.items()}
    with StoreSyncAdapter(wc).transaction() as tx:
        ops = tx.outbox.for_records([("incentive_claims", claim_id)])
    assert [op.kind for op in ops[("incentive_claims", claim_id)]] == ["create"]
    # the list per company and school year shows it with its checks
    dialog = open_record(context, "incentive_claims", claim_id, None)
    qtbot.addWidget(dialog)
    assert dialog.current() is not None and dialog.current().id == claim_id
    assert dialog.checks.rowCount() == 5


def test_a_second_claim_for_the_same_contract_and_two_contracts_are_refused(
    qtbot: Any, context: Any
) -> None:
    from offa_desktop.ui.forms.incentives import IncentiveClaimForm

    context.extras["user"] = {"role": "offa"}
    claim_id, claim = _claim(context, "wal_p2")
    form = IncentiveClaimForm(context, None, None, company_id=claim["company_id"],
                              school_year=claim["school_year"])
    qtbot.addWidget(form)
    _choose(form.fields["kind_code"], "wal_p2")
    form.validate_now()
    _tick(form, claim["contract_ids"][0])
    result = form.validate_now()
    assert [p.code for p in result.blocking] == ["duplicate"]
    assert "existe déjà" in form.fields["contract_ids"].message.text()
    assert not form.save_button.isEnabled()
    others = [i for i in form.contract_options if i != claim["contract_ids"][0]]
    if others:
        _tick(form, others[0])
        result = form.validate_now()
        assert "un seul contrat" in form.fields["contract_ids"].message.text()
    before = len(editing.find(context.working_copy, "incentive_claims"))
    form.save()  # refused: nothing written
    assert len(editing.find(context.working_copy, "incentive_claims")) == before


def test_brussels_tutor_premium_needs_the_tutor_and_offers_their_learners(
    qtbot: Any, context: Any
) -> None:
    from offa_desktop.ui.forms.incentives import IncentiveClaimForm

    wc = context.working_copy
    context.extras["user"] = {"role": "offa"}
    company_id, _name, contract_id = _company_with_first_year_contract(context, "bxl")
    contract = editing.load(wc, "contracts", contract_id)
    form = IncentiveClaimForm(context, None, None, company_id=company_id)
    qtbot.addWidget(form)
    kinds = [form.fields["kind_code"].combo.itemData(i)
             for i in range(form.fields["kind_code"].combo.count())]
    assert "bxl_tutor" in kinds and "wal_p1" not in kinds
    _choose(form.fields["kind_code"], "bxl_tutor")
    _choose(form.fields["school_year"], school_year_of(editing.today(wc)))
    result = form.validate_now()
    assert not form.fields["tutor_id"].widget.isHidden()
    assert "tutor_id" in {p.field for p in result.blocking}
    assert form.fields["amount"].value() == "1750.00"
    _choose(form.fields["tutor_id"], contract["tutor_id"])
    result = form.validate_now()
    ticked = form.fields["contract_ids"].value() or []
    assert contract_id in ticked  # the tutor's learners of the year, ticked
    assert all(form.contract_options[i].data["tutor_id"] == contract["tutor_id"]
               for i in form.contract_options)
    names = [form.checks.item(r, 0).text() for r in range(form.checks.rowCount())]
    assert names == ["région de l'unité d'établissement", "1 à 4 apprenants",
                     "6 mois de tutorat"]
    shoot(form, "incentive-claim-bxl-tutor")
    if len(ticked) <= 4:
        assert not result.blocking, result.blocking
        with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
            form.save_button.click()
        claim = editing.load(wc, "incentive_claims", saved.args[0].record_id)
        assert claim["tutor_id"] == contract["tutor_id"] and claim["kind_code"] == "bxl_tutor"
        assert set(claim["checks"]) == {"region", "learners_1_to_4", "six_months"}


def test_only_offa_creates_claims(qtbot: Any, context: Any) -> None:
    """A secretariat sees the checks but cannot save (the server would refuse it)."""
    from offa_desktop.ui.forms.incentives import IncentiveClaimForm

    context.extras["user"] = {"role": "secretariat", "operator_code": "ifapme"}
    company_id, _name, contract_id = _company_with_first_year_contract(context, "wal")
    contract = editing.load(context.working_copy, "contracts", contract_id)
    form = IncentiveClaimForm(context, None, None, company_id=company_id,
                              school_year=school_year_of(parse_date(contract["start_date"])))
    qtbot.addWidget(form)
    _choose(form.fields["kind_code"], "wal_p2")
    form.validate_now()
    _tick(form, contract_id)
    result = form.validate_now()
    assert not result.blocking
    assert form.checks.rowCount() == 5
    assert not form.save_button.isEnabled()
    assert "créées par l'OFFA" in form.verdict.text()
    before = len(editing.find(context.working_copy, "incentive_claims"))
    form.save()
    assert len(editing.find(context.working_copy, "incentive_claims")) == before
    dialog = IncentivesDialog(context, company_id, None)
    qtbot.addWidget(dialog)
    assert not dialog.new_button.isEnabled()


def test_new_claim_from_the_company_and_from_its_claims_list(qtbot: Any, context: Any) -> None:
    from offa_desktop.ui.forms.company import CompanyForm
    from offa_desktop.ui.forms.incentives import IncentiveClaimForm

    wc = context.working_copy
    context.extras["user"] = {"role": "offa"}
    company_id, _name, contract_id = _company_with_first_year_contract(context, "wal")
    company = CompanyForm(context, company_id, None)
    qtbot.addWidget(company)
    assert company.claim_button.isEnabled()
    form = company.new_claim()
    assert isinstance(form, IncentiveClaimForm)
    assert form.fields["company_id"].value() == company_id
    listing = company.show_incentives()
    assert isinstance(listing, IncentivesDialog) and listing.company.value() == company_id
    # from the list: the new claim shows up there, selected, with its checks
    contract = editing.load(wc, "contracts", contract_id)
    year = school_year_of(parse_date(contract["start_date"]))
    new = listing.new_claim()
    assert new.fields["company_id"].value() == company_id
    _choose(new.fields["kind_code"], "wal_p2")
    _choose(new.fields["school_year"], year)
    new.validate_now()
    _tick(new, contract_id)
    new.validate_now()
    with qtbot.waitSignal(listing.saved, timeout=10_000):
        new.save_button.click()
    row = listing.current()
    assert row is not None and row.id == new.record_id
    assert listing.year.currentData() == year and listing.checks.rowCount() == 5
    shoot(listing, "incentives-after-new-claim")
