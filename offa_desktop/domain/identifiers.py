"""Belgian identifiers, checked with python-stdnum (never by hand), normalised to wire form.

Each ``normalize_*`` takes what a user typed (spaces, dots, dashes, a ``BE`` prefix allowed)
and returns the wire form, or raises ``IdentifierError`` carrying a Problem whose French message
names the field. ``identifier_problem`` is the check used on wire data (``check_fields``): the
value must already be in wire form.

Wire forms: NISS 11 digits; enterprise number 10 digits (``0428759497``); establishment unit
number 10 digits, first digit 2 to 8; IBAN upper case without spaces; postal code 4 digits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from offa_desktop.domain.errors import OffaError
from offa_desktop.domain.identifier_formats import (  # re-exported: where they were
    format_enterprise_number as format_enterprise_number,
)
from offa_desktop.domain.identifier_formats import format_iban as format_iban
from offa_desktop.domain.identifier_formats import format_niss as format_niss
from offa_desktop.domain.problems import Problem, cap
from offa_desktop.domain.schema import COLLECTIONS

if TYPE_CHECKING:
    from stdnum.exceptions import ValidationError

# python-stdnum (~20 ms of imports) is imported by each check at its first use, not with this
# module: the window's lists use the formatters below before their first paint, no check.


class IdentifierError(OffaError, ValueError):
    """A value that is not a valid identifier; ``problem`` says why, in French."""

    code = "invalid"

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message)


def _fail(field: str, label: str, what: str) -> IdentifierError:
    return IdentifierError(Problem(field, "invalid", f"{cap(label)}\u00a0: {what}"))


def _why(exc: ValidationError, digits: int) -> str:
    from stdnum.exceptions import InvalidChecksum, InvalidLength

    if isinstance(exc, InvalidLength):
        return f"il faut {digits} chiffres."
    if isinstance(exc, InvalidChecksum):
        return "le chiffre de contrôle ne correspond pas (faute de frappe ?)."
    return "numéro invalide."


@lru_cache(maxsize=16384)
def _valid_ssn(number: str) -> str | None:
    """python-stdnum's check of a national register or BIS number (its wire form), None when
    invalid. Cached: an import checks each number when reading it and again when saving."""
    from stdnum.be import ssn as std_ssn
    from stdnum.exceptions import ValidationError

    try:
        return str(std_ssn.validate(number))
    except ValidationError:
        return None


def normalize_niss(value: str, *, field: str = "niss", label: str = "NISS") -> str:
    """A national register or BIS number -> its 11 digits (births from 2000 included)."""
    from stdnum.be import ssn as std_ssn
    from stdnum.exceptions import ValidationError

    number = std_ssn.compact(str(value))
    if not number.isdigit():
        raise _fail(field, label, "seuls des chiffres sont admis (11 chiffres).")
    valid = _valid_ssn(number)
    if valid is not None:
        return valid
    try:
        std_ssn.validate(number)  # invalid: only to learn why
    except ValidationError as exc:
        raise _fail(field, label, _why(exc, 11)) from exc
    raise _fail(field, label, "numéro invalide.")


def niss_birth_date(niss: str) -> date | None:
    """The birth date a NISS or BIS number encodes, or None when it does not encode one fully."""
    from stdnum.be import nn as std_nn
    from stdnum.be import ssn as std_ssn
    from stdnum.exceptions import ValidationError

    try:
        born: date | None = std_nn.get_birth_date(std_ssn.compact(niss))
    except ValidationError:
        return None
    return born


def niss_is_bis(niss: str) -> bool:
    """True for a BIS number (people not in the national register)."""
    from stdnum.be import bis as std_bis

    return bool(std_bis.is_valid(niss))


def _mod97_ok(number: str) -> bool:
    return (int(number[:-2]) + int(number[-2:])) % 97 == 0


def normalize_enterprise_number(
    value: str, *, field: str = "enterprise_number", label: str = "numéro d'entreprise"
) -> str:
    """A BCE enterprise number (``BE 0428.759.497``, ``428759497``) -> 10 digits."""
    from stdnum.be import vat as std_vat
    from stdnum.exceptions import ValidationError

    number = std_vat.compact(str(value))
    if not number.isdigit():
        raise _fail(field, label, "seuls des chiffres sont admis (10 chiffres, ex. 0428759497).")
    try:
        return str(std_vat.validate(number))
    except ValidationError as exc:
        if len(number) == 10 and number[0] not in "01":
            raise _fail(field, label, "un numéro d'entreprise commence par 0 ou 1.") from exc
        raise _fail(field, label, _why(exc, 10)) from exc


def normalize_unit_number(
    value: str, *, field: str = "unit_number", label: str = "numéro d'unité d'établissement"
) -> str:
    """An establishment unit number (``2.123.456.789``) -> 10 digits, first digit 2 to 8,
    with the enterprise number's mod-97 check."""
    from stdnum.util import clean

    number = clean(str(value), " -./").strip()
    if not number.isdigit():
        raise _fail(field, label, "seuls des chiffres sont admis (10 chiffres).")
    if len(number) != 10:
        raise _fail(field, label, "il faut 10 chiffres.")
    if number[0] not in "2345678":
        raise _fail(field, label, "un numéro d'unité d'établissement commence par 2 à 8.")
    if not _mod97_ok(number):
        raise _fail(field, label, "le chiffre de contrôle ne correspond pas (faute de frappe ?).")
    return number


def normalize_iban(value: str, *, field: str = "iban", label: str = "IBAN") -> str:
    """An IBAN (any spacing, any case) -> upper case without spaces."""
    from stdnum import iban as std_iban
    from stdnum.exceptions import InvalidChecksum, ValidationError

    number = std_iban.compact(str(value))
    try:
        return str(std_iban.validate(number))
    except ValidationError as exc:
        if isinstance(exc, InvalidChecksum):
            raise _fail(field, label, "le chiffre de contrôle ne correspond pas.") from exc
        raise _fail(field, label, "IBAN invalide (ex. BE71 0961 2345 6769).") from exc


def normalize_postal_code(
    value: str, *, field: str = "postal_code", label: str = "code postal"
) -> str:
    """A Belgian postal code -> 4 digits, 1000 to 9999."""
    number = str(value).strip()
    if len(number) != 4 or not number.isdigit() or number[0] == "0":
        raise _fail(field, label, "un code postal belge a 4 chiffres (1000 à 9999).")
    return number


NORMALIZERS: dict[str, Callable[..., str]] = {
    "niss": normalize_niss,
    "enterprise_number": normalize_enterprise_number,
    "unit_number": normalize_unit_number,
    "iban": normalize_iban,
    "postal_code": normalize_postal_code,
}
"""Normaliser by schema Kind value (``Kind.NISS.value`` ...)."""


def identifier_problem(kind: str, value: object, field: str, label: str) -> Problem | None:
    """None when ``value`` is a valid identifier of ``kind`` already in wire form; otherwise the
    Problem (a valid number written with separators is also reported, with its wire form)."""
    if not isinstance(value, str):
        return Problem(
            field, "invalid", f"{cap(label)}\u00a0: une chaîne de caractères est attendue."
        )
    if (kind, value) in _VALID:  # a number already found valid in wire form
        return None
    try:
        normal = NORMALIZERS[kind](value, field=field, label=label)
    except IdentifierError as exc:
        return exc.problem
    if normal != value:
        return Problem(
            field, "invalid", f"{cap(label)}\u00a0: écrire {normal} (sans espaces ni points)."
        )
    if len(_VALID) >= _VALID_MAX:
        _VALID.clear()
    _VALID.add((kind, value))
    return None


# (kind, value) pairs found valid in wire form: a server's push checks the same companies'
# numbers again and again (python-stdnum's cleaning was a tenth of a push's CPU). Only the
# answer "valid" is kept, a pure function of the pair; bounded.
_VALID: set[tuple[str, str]] = set()
_VALID_MAX = 100_000


def normalize_record(collection: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with every valid identifier in wire form (what a user typed with
    spaces or dots becomes digits); invalid ones are left as they are for ``check_fields`` to
    report. Writers call it on user input before validating."""
    out = dict(data)
    spec = COLLECTIONS.get(collection)
    if spec is None:
        return out
    for name, value in data.items():
        field = spec.by_name.get(name)
        if field is None or not isinstance(value, str) or field.kind.value not in NORMALIZERS:
            continue
        try:
            out[name] = NORMALIZERS[field.kind.value](value)
        except IdentifierError:
            pass
    rep = out.get("representative")
    if collection == "learners" and isinstance(rep, Mapping) and isinstance(rep.get("niss"), str):
        try:
            out["representative"] = {**rep, "niss": normalize_niss(rep["niss"])}
        except IdentifierError:
            pass
    return out
