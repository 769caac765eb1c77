from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.be import ssn, vat

from offa_desktop.domain.identifiers import (
    IdentifierError,
    identifier_problem,
    niss_birth_date,
    niss_is_bis,
    normalize_enterprise_number,
    normalize_iban,
    normalize_niss,
    normalize_postal_code,
    normalize_unit_number,
)
from tests.domain.numbers import make_enterprise_number, make_niss, make_unit_number

births = st.dates(min_value=date(1960, 1, 1), max_value=date(2012, 12, 31))


@given(births, st.integers(min_value=1, max_value=997))
def test_generated_niss_accepted_with_birth_date(born: date, counter: int) -> None:
    niss = make_niss(born, counter)
    assert ssn.is_valid(niss)
    assert normalize_niss(niss) == niss
    assert niss_birth_date(niss) == born
    assert not niss_is_bis(niss)


@given(births, st.sampled_from([20, 40]))
def test_generated_bis_accepted(born: date, offset: int) -> None:
    niss = make_niss(born, 101, bis_offset=offset)
    assert normalize_niss(niss) == niss
    assert niss_is_bis(niss)
    assert niss_birth_date(niss) == born


def test_niss_born_in_2000s_and_formatting() -> None:
    niss = make_niss(date(2009, 3, 14), 2)
    assert normalize_niss(f"{niss[:2]}.{niss[2:4]}.{niss[4:6]}-{niss[6:9]}.{niss[9:]}") == niss
    assert normalize_niss("85.07.30-033 28") == "85073003328"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("85073003329", "chiffre de contrôle"),
        ("8507300332", "11 chiffres"),
        ("85O73003328", "chiffres"),
        ("85133003328", "NISS"),  # month 13
    ],
)
def test_bad_niss_message_names_field(value: str, fragment: str) -> None:
    with pytest.raises(IdentifierError) as info:
        normalize_niss(value)
    assert info.value.problem.field == "niss"
    assert info.value.problem.message.startswith("NISS")
    assert fragment in info.value.problem.message


@given(st.integers(min_value=2000000, max_value=19999999))
def test_generated_enterprise_numbers(body: int) -> None:
    number = make_enterprise_number(body)
    assert vat.is_valid(number)
    assert normalize_enterprise_number(f"BE {number[:4]}.{number[4:7]}.{number[7:]}") == number
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    with pytest.raises(IdentifierError):
        normalize_enterprise_number(wrong)


def test_enterprise_number_old_nine_digits_and_first_digit() -> None:
    assert normalize_enterprise_number("428759497") == "0428759497"
    with pytest.raises(IdentifierError) as info:
        normalize_enterprise_number("2428759497")
    assert "Numéro d'entreprise" in info.value.problem.message


@given(st.integers(min_value=20000000, max_value=89999999))
def test_generated_unit_numbers(body: int) -> None:
    number = make_unit_number(body)
    assert normalize_unit_number(f"{number[0]}.{number[1:4]}.{number[4:7]}.{number[7:]}") == number
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    with pytest.raises(IdentifierError):
        normalize_unit_number(wrong)


def test_unit_number_first_digit() -> None:
    with pytest.raises(IdentifierError, match="commence par 2 à 8"):
        normalize_unit_number(make_enterprise_number(4287594))
    with pytest.raises(IdentifierError, match="commence par 2 à 8"):
        normalize_unit_number(make_unit_number(90000000))


def test_iban() -> None:
    assert normalize_iban("be71 0961 2345 6769") == "BE71096123456769"
    with pytest.raises(IdentifierError, match="IBAN"):
        normalize_iban("BE71 0961 2345 6768")


def test_postal_code() -> None:
    assert normalize_postal_code("1000") == "1000"
    assert normalize_postal_code(" 9999 ") == "9999"
    for bad in ["0999", "999", "10000", "1OOO"]:
        with pytest.raises(IdentifierError, match="Code postal"):
            normalize_postal_code(bad)


def test_identifier_problem_wants_wire_form() -> None:
    assert identifier_problem("niss", "85073003328", "niss", "NISS") is None
    found = identifier_problem("niss", "85.07.30-033.28", "niss", "NISS")
    assert found is not None and "85073003328" in found.message
    found = identifier_problem("iban", 12, "iban", "IBAN")
    assert found is not None and found.code == "invalid"


def test_normalize_record() -> None:
    from offa_desktop.domain.identifiers import normalize_record

    typed = {
        "niss": "85.07.30-033.28",
        "postal_code": " 5000 ",
        "iban": "be71 0961 2345 6769",
        "first_name": " Léa ",
        "representative": {"name": "A", "niss": "85 07 30 033 28"},
    }
    assert normalize_record("learners", typed) == {
        "niss": "85073003328",
        "postal_code": "5000",
        "iban": "BE71096123456769",
        "first_name": " Léa ",
        "representative": {"name": "A", "niss": "85073003328"},
    }
    assert normalize_record("learners", {"niss": "123"}) == {"niss": "123"}
    assert normalize_record("companies", {"enterprise_number": "BE 0428.759.497"}) == {
        "enterprise_number": "0428759497"
    }


def test_display_formats() -> None:
    from offa_desktop.domain.identifiers import (
        format_enterprise_number,
        format_iban,
        format_niss,
    )

    assert format_niss("85073003328") == "85.07.30-033.28"
    assert normalize_niss(format_niss("85073003328")) == "85073003328"
    assert format_enterprise_number("0428759497") == "0428.759.497"
    assert format_enterprise_number("2123456789") == "2.123.456.789"
    assert format_iban("BE71096123456769") == "BE71 0961 2345 6769"
    assert format_niss("abc") == "abc"
