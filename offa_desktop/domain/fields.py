"""Checks of one field's value on its own, by its schema Kind (API.md wire formats).

``value_problems(collection, field_spec, value)`` returns the problems of one present, non-null
value; JSON fields get their shape checked by ``shapes``. Codes: ``invalid`` for a bad value,
``malformed`` for a value of the wrong JSON type.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from offa_desktop.domain import identifiers, shapes
from offa_desktop.domain.problems import Problem, problem
from offa_desktop.domain.schema import FieldSpec, Kind
from offa_desktop.domain.texts import LONGTEXT_MAX, TEXT_MAX, text_problem
from offa_desktop.domain.values import parse_date, parse_instant, parse_money

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CODE_RE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
PERCENT_RE = re.compile(r"\d{1,3}(\.\d{1,4})?")
SCHOOL_YEAR_RE = re.compile(r"(\d{4})-(\d{4})")
# An address someone can write to: a local part, @, a domain with a dot (issue 15: "abc" was
# accepted). Not RFC 5322 in full: what a person types in a form.
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


def is_email_field(name: str) -> bool:
    """``email``, ``referent_email``...: the text fields holding an e-mail address."""
    return name == "email" or name.endswith("_email")


def is_uuid(value: object) -> bool:
    """A lowercase canonical UUID string (ids of API v1)."""
    return isinstance(value, str) and UUID_RE.fullmatch(value) is not None


def is_number(value: object) -> bool:
    """An int or finite float that is not a bool (JSON numbers)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float | Decimal) and math.isfinite(value)


def _text(value: Any) -> str | None:
    return text_problem(value, TEXT_MAX)


def _longtext(value: Any) -> str | None:
    return text_problem(value, LONGTEXT_MAX, newlines=True)


def _code(value: Any) -> str | None:
    if not isinstance(value, str) or not CODE_RE.fullmatch(value):
        return "code invalide (lettres minuscules, chiffres, « - », « _ »)."
    return None


def _parses(parse: Callable[[Any], object], message: str) -> Callable[[Any], str | None]:
    """The check of a value ``parse`` reads: ``message`` when it refuses it (ValueError)."""

    def check(value: Any) -> str | None:
        try:
            parse(value)
        except ValueError:
            return message
        return None

    return check


_date = _parses(parse_date, "date invalide (format AAAA-MM-JJ attendu).")
_instant = _parses(parse_instant, "moment invalide (format AAAA-MM-JJTHH:MM:SSZ attendu).")


def _money(value: Any) -> str | None:
    try:
        amount = parse_money(value)
    except ValueError:
        return "montant invalide (en euros avec deux décimales, ex. 612.34)."
    if amount < 0:
        return "le montant ne peut pas être négatif."
    return None


def _percent(value: Any) -> str | None:
    if not isinstance(value, str) or not PERCENT_RE.fullmatch(value):
        return "pourcentage invalide (ex. 17.00)."
    try:
        Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern already rules it out
        return "pourcentage invalide (ex. 17.00)."
    return None


def _int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "un nombre entier est attendu."
    if value < 0:
        return "ne peut pas être négatif."
    return None


def _hours(value: Any) -> str | None:
    # A decimal string ("9.00") is accepted too: the reference tables write trade limits so.
    if isinstance(value, str) and PERCENT_RE.fullmatch(value):
        return None
    if not is_number(value):
        return "un nombre d'heures est attendu."
    if value < 0:
        return "ne peut pas être négatif."
    return None


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "oui ou non (true/false) est attendu."


def _ref(value: Any) -> str | None:
    return None if is_uuid(value) else "identifiant invalide (UUID en minuscules attendu)."


def _refs(value: Any) -> str | None:
    if not isinstance(value, list):
        return "une liste d'identifiants est attendue."
    if not all(is_uuid(v) for v in value):
        return "identifiant invalide dans la liste (UUID en minuscules attendu)."
    if len(set(value)) != len(value):
        return "la liste contient deux fois le même identifiant."
    return None


def _strings(value: Any) -> str | None:
    if not isinstance(value, list):
        return "une liste de textes est attendue."
    for item in value:
        why = text_problem(item, TEXT_MAX)
        if why:
            return f"élément de liste invalide : {why}"
    return None


def _school_year(value: Any) -> str | None:
    match = SCHOOL_YEAR_RE.fullmatch(value) if isinstance(value, str) else None
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        return "année scolaire invalide (ex. 2025-2026)."
    return None


_SIMPLE: dict[Kind, Callable[[Any], str | None]] = {
    Kind.TEXT: _text,
    Kind.LONGTEXT: _longtext,
    Kind.CODE: _code,
    Kind.DATE: _date,
    Kind.INSTANT: _instant,
    Kind.MONEY: _money,
    Kind.PERCENT: _percent,
    Kind.INT: _int,
    Kind.HOURS: _hours,
    Kind.BOOL: _bool,
    Kind.REF: _ref,
    Kind.REFS: _refs,
    Kind.STRINGS: _strings,
    Kind.SCHOOL_YEAR: _school_year,
}

_IDENTIFIERS = {
    Kind.NISS,
    Kind.ENTERPRISE_NUMBER,
    Kind.UNIT_NUMBER,
    Kind.IBAN,
    Kind.POSTAL_CODE,
}


def value_problems(collection: str, spec: FieldSpec, value: Any) -> list[Problem]:
    """Problems of one present, non-null value of a field."""
    if spec.kind in _IDENTIFIERS:
        found = identifiers.identifier_problem(spec.kind.value, value, spec.name, spec.label)
        return [found] if found else []
    if spec.kind is Kind.ENUM:
        if value not in spec.choices:
            allowed = ", ".join(spec.choices)
            return [problem(collection, spec.name, "invalid", f"valeur admise : {allowed}.")]
        return []
    if spec.kind is Kind.JSON:
        return shapes.json_problems(collection, spec.name, value)
    why = _SIMPLE[spec.kind](value)
    if why is None and spec.kind is Kind.TEXT and is_email_field(spec.name):
        if not EMAIL_RE.fullmatch(str(value)):
            why = "adresse de courriel invalide (ex. prenom.nom@exemple.be)."
    return [problem(collection, spec.name, "invalid", why)] if why else []
