"""How values read on paper: French dates and money, labels of codes, names as entered.

Dates and money use the domain's ``format_date_fr`` and ``format_money_fr`` (no-break spaces).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.sax.saxutils import escape

from offa_desktop.domain.shapes import DAY_NAMES_FR
from offa_desktop.domain.values import format_date_fr, format_money_fr

NBSP = "\u00a0"

LEVEL_LABELS = {"a": "A", "b": "B", "c": "C"}
WEEKDAY_LABELS = {day: name.capitalize() for day, name in DAY_NAMES_FR.items()}  # Lundi…
TUTOR_CONDITIONS = {
    "experience": (
        "A. cinq ans d'expérience professionnelle dans le métier (deux ans avec un titre de chef "
        "d'entreprise de l'IFAPME ou du SFPME)"
    ),
    "diploma": "B. un titre pédagogique ou un certificat de formation de tuteur",
    "validation": "C. un titre de validation des compétences de tuteur",
}
CONTRACT_STATUSES = {
    "draft": "projet",  # the word the window uses (and «PROJET» on the pages)
    "signed": "signé",
    "active": "en cours",
    "suspended": "suspendu",
    "terminated": "rompu",
    "ended": "terminé",
}
APPROVAL_DECISIONS = {
    "requested": "demande introduite",
    "under_review": "demande en cours d'instruction",
    "granted": "agrément accordé",
    "refused": "agrément refusé",
    "suspended": "agrément suspendu",
    "withdrawn": "agrément retiré",
}
OPINIONS = {
    "favourable": "favorable",
    "unfavourable": "défavorable",
    "conditional": "favorable sous conditions",
}
ANSWERS = {"yes": "oui", "no": "non", "na": "sans objet"}
INITIATORS = {
    "learner": "l'apprenant",
    "company": "l'entreprise",
    "both": "d'un commun accord",
}
EVENT_KINDS = {
    "amendment": "avenant",
    "level_change": "changement de niveau",
    "suspension": "suspension",
    "resumption": "reprise",
    "termination": "fin du contrat",
}
VISIT_KINDS = {"approval": "visite d'agrément", "follow_up": "visite de suivi"}
REGIONS = {"wal": "Wallonie", "bxl": "Bruxelles-Capitale"}


def field_of(record: Mapping[str, Any] | None, key: str) -> Any:
    """A field of a record that may be missing (None)."""
    return (record or {}).get(key)


def company_name(company: Mapping[str, Any] | None) -> str:
    """A company as it signs: its name and legal form («Boulangerie Dupont SRL»)."""
    parts = (field_of(company, "name"), field_of(company, "legal_form"))
    return " ".join(str(x) for x in parts if x)


def esc(value: object) -> str:
    """Text made safe for a reportlab Paragraph (its mini-markup)."""
    return escape("" if value is None else str(value))


def date_fr(value: object) -> str:
    """``"2026-08-31"`` or a date -> ``"31/08/2026"``; empty for None, as given when not a date."""
    if value is None or value == "":
        return ""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return format_date_fr(day)


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def money_fr(value: object) -> str:
    """``"1234.56"`` or a Decimal -> ``"1 234,56 €"`` (no-break spaces); empty for None."""
    amount = _decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    return format_money_fr(amount)


def percent_fr(value: object) -> str:
    """``"17.00"`` -> ``"17,00 %"``."""
    amount = _decimal(value)
    if amount is None:
        return ""
    return f"{amount:.2f}".replace(".", ",") + f"{NBSP}%"


def hours_fr(value: object) -> str:
    """7.5 -> ``"7,5"``; 8 -> ``"8"``; 0 or None -> ``""``."""
    amount = _decimal(value)
    if not amount:
        return ""
    text = f"{amount.normalize():f}"
    return text.replace(".", ",")


def iban(value: object) -> str:
    """An IBAN in groups of four, as on a bank statement (``BE71 0961 2345 6769``)."""
    compact = "".join(str(value or "").split()).upper()
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def person(record: Mapping[str, Any] | None) -> str:
    """First and last name as entered (never re-cased)."""
    if not record:
        return ""
    parts = [str(record.get("first_name") or ""), str(record.get("last_name") or "")]
    return " ".join(p for p in parts if p)


def address(record: Mapping[str, Any] | None) -> str:
    """``street, postal_code city`` as entered."""
    if not record:
        return ""
    town = " ".join(str(record.get(k) or "") for k in ("postal_code", "city")).strip()
    return ", ".join(p for p in (str(record.get("street") or ""), town) if p)


def contact(record: Mapping[str, Any] | None, email: str = "email", phone: str = "phone") -> str:
    """``phone · email`` from whatever is present."""
    if not record:
        return ""
    return " · ".join(str(record[k]) for k in (phone, email) if record.get(k))


def label(table: Mapping[str, str], code: object) -> str:
    """The French label of a code, or the code itself when the table does not know it."""
    if code is None:
        return ""
    return table.get(str(code), str(code))


def short_id(record_id: str | None) -> str:
    return record_id or ""
