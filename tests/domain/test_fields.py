from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.validation import Problem, ValidationError, check_fields, raise_if_blocking

UNIT = "0b6f7c1e-3d2a-4f5b-9c8d-1e2f3a4b5c6d"


def codes(problems: list[Problem]) -> dict[str, str]:
    return {p.field: p.code for p in problems}


def company(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "enterprise_number": "0428759497",
        "name": "Boulangerie Dupont",
        "legal_form": "SRL",
        "employee_count": 3,
        "sector": "alimentation",
    }
    data.update(over)
    return data


def test_valid_company_has_no_problem() -> None:
    assert check_fields("companies", company()) == []


def test_every_problem_at_once_with_labels() -> None:
    problems = check_fields(
        "companies",
        company(enterprise_number="0428759498", name="", employee_count=True, colour="red"),
    )
    assert codes(problems) == {
        "enterprise_number": "invalid",
        "name": "invalid",
        "employee_count": "invalid",
        "colour": "unknown_field",
    }
    by_field = {p.field: p.message for p in problems}
    assert by_field["enterprise_number"].startswith("Numéro d'entreprise")
    assert by_field["name"].startswith("Nom")
    assert by_field["employee_count"].startswith("Nombre de travailleurs")


def test_required_and_partial() -> None:
    problems = check_fields("companies", {"name": "X"})
    assert {p.field for p in problems if p.code == "required"} == {
        "enterprise_number",
        "legal_form",
        "employee_count",
        "sector",
    }
    assert check_fields("companies", {"name": "X"}, partial=True) == []
    assert codes(check_fields("companies", company(legal_form=None))) == {"legal_form": "required"}


def test_draft_contract_needs_only_draft_fields() -> None:
    draft = {
        "learner_id": UNIT,
        "establishment_unit_id": UNIT,
        "operator_code": "ifapme",
        "trade_code": "macon",
        "start_date": "2026-09-01",
        "status": "draft",
    }
    assert check_fields("contracts", draft) == []
    signed = {**draft, "status": "signed"}
    missing = {p.field for p in check_fields("contracts", signed)}
    assert missing == {f.name for f in COLLECTIONS["contracts"].fields if f.required} - set(draft)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "a" * 201),
        ("name", "tab\there"),
        ("name", 12),
        ("enterprise_number", "BE0428759497"),
        ("sector", "Construction"),
        ("employee_count", -1),
        ("employee_count", 2.0),
        ("email", "x" * 201),
    ],
)
def test_bad_values(field: str, value: Any) -> None:
    problems = check_fields("companies", company(**{field: value}))
    assert codes(problems) == {field: "invalid"}


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("start_date", "2026-09-01", True),
        ("start_date", "2026-02-29", False),
        ("start_date", "01/09/2026", False),
        ("monthly_pay", "612.34", True),
        ("monthly_pay", "612.3", False),
        ("monthly_pay", 612.34, False),
        ("monthly_pay", "-1.00", False),
        ("level", "a", True),
        ("level", "A", False),
        ("learner_id", UNIT, True),
        ("learner_id", UNIT.upper(), False),
        ("workplace_ids", [UNIT], True),
        ("workplace_ids", [UNIT, UNIT], False),
        ("workplace_ids", UNIT, False),
        ("schedule", {"mon": {"company_hours": 7.5, "operator_hours": 0}}, True),
        ("schedule", {"mon": {"company_hours": 7.3}}, False),
        ("schedule", {"monday": {"company_hours": 7}}, False),
        ("schedule", {"mon": {"company_hours": -1}}, False),
        ("schedule", {"mon": {"company_hours": True}}, False),
        ("schedule", {"mon": {"company_hours": 7, "lunch": 1}}, False),
        ("schedule", [], False),
    ],
)
def test_contract_field_kinds(field: str, value: Any, ok: bool) -> None:
    problems = check_fields("contracts", {field: value}, partial=True)
    assert (problems == []) is ok, problems
    if not ok:
        assert problems[0].field == field
        assert problems[0].message.split("\u00a0:")[0]  # starts with the label


def test_other_kinds() -> None:
    assert check_fields("pay_rates", {"percent": "17.00"}, partial=True) == []
    assert codes(check_fields("pay_rates", {"percent": "17%"}, partial=True)) == {
        "percent": "invalid"
    }
    assert check_fields("tutors", {"training_hours": 8.5}, partial=True) == []
    assert check_fields("trades", {"max_daily_hours": "9.00"}, partial=True) == []
    assert codes(check_fields("tutors", {"training_hours": "8 h"}, partial=True)) == {
        "training_hours": "invalid"
    }
    assert codes(check_fields("tutors", {"certified": 1}, partial=True)) == {"certified": "invalid"}
    assert check_fields("incentive_claims", {"school_year": "2025-2026"}, partial=True) == []
    assert codes(check_fields("incentive_claims", {"school_year": "2025-2027"}, partial=True)) == {
        "school_year": "invalid"
    }
    assert check_fields("documents", {"created_at": "2026-11-23T09:15:00Z"}, partial=True) == []
    assert codes(check_fields("documents", {"created_at": "2026-11-23"}, partial=True)) == {
        "created_at": "invalid"
    }
    assert check_fields("decisions", {})[0].code == "malformed"


def test_longtext_allows_line_breaks() -> None:
    assert check_fields("approvals", {"decision_note": "a\nb"}, partial=True) == []
    assert codes(check_fields("approvals", {"decision_note": "a\x00b"}, partial=True)) == {
        "decision_note": "invalid"
    }
    assert codes(check_fields("approvals", {"decision_note": "x" * 5001}, partial=True)) == {
        "decision_note": "invalid"
    }


@pytest.mark.parametrize(
    ("collection", "field", "value", "ok"),
    [
        ("learners", "representative", {"name": "Marie Dupont", "niss": "85073003328"}, True),
        ("learners", "representative", {"niss": "85073003328"}, False),
        ("learners", "representative", {"name": "M", "niss": "85073003329"}, False),
        ("learners", "representative", {"name": "M", "age": 40}, False),
        ("visits", "answers", {"trade_practised": {"value": "yes", "note": None}}, True),
        ("visits", "answers", {"trade_practised": {"value": "oui"}}, False),
        ("incentive_claims", "checks", {"p2_days": {"passed": True, "note": "280 jours"}}, True),
        ("incentive_claims", "checks", {"p2_days": {"passed": "yes"}}, False),
        ("checklist_templates", "items", [{"key": "a", "label": "A"}], True),
        ("checklist_templates", "items", [{"key": "a"}], False),
        ("contract_events", "details", {"any": 1}, True),  # deep check needs the event kind
        ("contract_events", "details", "x", False),
    ],
)
def test_json_shapes(collection: str, field: str, value: Any, ok: bool) -> None:
    problems = check_fields(collection, {field: value}, partial=True)
    assert (problems == []) is ok, problems


def test_validation_error_carries_problems() -> None:
    problems = check_fields("companies", company(name=""))
    with pytest.raises(ValidationError) as info:
        raise_if_blocking(problems)
    assert info.value.problems == problems
    assert "Nom" in str(info.value)
    raise_if_blocking([Problem("x", "under_16", "Avertissement", warning=True)])


def test_shipped_reference_data_passes_field_checks() -> None:
    from offa_desktop import reference_data

    for collection, rows in reference_data.load().items():
        assert rows, collection
        for _, data in rows:
            assert check_fields(collection, data) == [], (collection, data)


@pytest.mark.parametrize(
    ("value", "ok"),
    [("sophie.lambert@demo.offa.be", True), ("a@b.be", True), ("abc", False),
     ("abc@", False), ("abc@def", False), ("a b@c.be", False), ("@c.be", False),
     ("a@@c.be", False), ("a@c..be", False)],
)
def test_email_fields_hold_an_address(value: str, ok: bool) -> None:
    """Issue 15 #10: an e-mail «abc» was accepted."""
    for collection, field in (("companies", "email"), ("learners", "email"),
                              ("contracts", "referent_email"), ("tutors", "email")):
        found = check_fields(collection, {field: value}, partial=True)
        assert (found == []) is ok, (collection, value, found)
        if not ok:
            assert found[0].field == field and "courriel" in found[0].message.lower()
