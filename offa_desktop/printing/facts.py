"""Values a document derives from its data: trial period end, minimum pay, age, QR texts.

The rules themselves are the domain's (``dates.trial_period_end``, ``pay.compute_minimum``).

QR texts (one per page, so a returned scan names its record):
- contract pack copy: ``offa:contracts/<id>?v=<version|local>&copy=<apprenant|entreprise|referent>``
- any other record: ``offa:<collection>/<id>?v=<version|local>&doc=<kind>``
  (e.g. ``offa:contract_events/<id>?v=12&doc=termination``)
- blank forms: ``offa:blank/<collection>?doc=<kind>`` plus ``&copy=…`` for the contract's copies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from offa_desktop.domain import dates
from offa_desktop.domain.identifiers import format_enterprise_number
from offa_desktop.domain.pay import compute_minimum
from offa_desktop.printing.data import PrintData

COPIES = (
    ("apprenant", "Exemplaire apprenant"),
    ("entreprise", "Exemplaire entreprise"),
    ("referent", "Exemplaire référent"),
)


def parse_day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def trial_period_end(start: date) -> date:
    """The last day of the one-month trial period (the domain's rule)."""
    return dates.trial_period_end(start)


def minimum_pay(rmmmg: object, percent: object) -> Decimal | None:
    """round-half-up(rmmmg × percent / 100) to the cent, or None when a value is missing."""
    try:
        return compute_minimum(Decimal(str(rmmmg)), Decimal(str(percent)))
    except (InvalidOperation, ValueError):
        return None


def age_on(birth: object, day: date) -> int | None:
    born = parse_day(birth)
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_minor(learner: Mapping[str, Any] | None, day: date) -> bool:
    age = age_on((learner or {}).get("birth_date"), day)
    return age is not None and age < 18


def enterprise_number(value: object) -> str:
    """``"0403170701"`` -> ``"0403.170.701"``, a unit number ``"2123456789"`` ->
    ``"2.123.456.789"`` (the BCE's own ways; a unit's was printed ``2123.456.789``); other text
    as given."""
    digits = "".join(ch for ch in str(value or "") if ch.isdigit())
    if len(digits) != 10:
        return str(value or "")
    return format_enterprise_number(digits)


def niss(value: object) -> str:
    """The NISS in full, in the usual ``YY.MM.DD-XXX.CC`` form."""
    digits = "".join(ch for ch in str(value or "") if ch.isdigit())
    if len(digits) != 11:
        return str(value or "")
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"


RECORD_NOUNS = {
    "contracts": "Contrat",
    "contract_events": "Événement de contrat",
    "visits": "Visite",
    "approvals": "Agrément",
    "incentive_claims": "Demande d'incitant",
}


def reference(record_id: str) -> str:
    """A short reference people read out on the phone and type in the search box: the first
    eight hexadecimal digits of the record's id, «7F3A-2B91» (the QR code keeps the whole id)."""
    digits = record_id.replace("-", "")[:8].upper()
    return f"{digits[:4]}-{digits[4:]}"


FILE_NOUNS = {"contracts": "contrat", "contract_events": "evenement", "visits": "visite",
              "approvals": "agrement", "incentive_claims": "incitant"}


# letters without a Unicode decomposition, folded by hand for file names (Łukasz -> lukasz)
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                       "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_only = "".join(c for c in plain if c.isascii() and not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")[:40]


def file_name(data: PrintData) -> str:
    """A PDF's file name people recognise: «contrat-dupont-marie-7F3A2B91.pdf» (a visit or an
    approval by its company), «contrat-vierge.pdf» for a blank form."""
    if data.blank or not data.record_id:
        return f"{data.kind}-vierge.pdf"
    person = data.learner or {}
    who = " ".join(str(person.get(n) or "") for n in ("last_name", "first_name")).strip()
    if not who:
        who = str((data.company or {}).get("name") or (data.unit or {}).get("name") or "")
    parts = [FILE_NOUNS.get(data.collection, data.kind), _slug(who),
             reference(data.record_id).replace("-", "")]
    return "-".join(p for p in parts if p) + ".pdf"


def version_text(data: PrintData) -> str:
    if data.version is None:
        return "pas encore enregistrée sur le serveur"
    return f"version {data.version}"


def record_line(data: PrintData) -> str:
    """What every page says about the record, in words: «Contrat réf. 7F3A-2B91 · version 12»
    (never an internal collection name or a whole UUID)."""
    if data.blank:
        return "Formulaire vierge à compléter à la main"
    noun = RECORD_NOUNS.get(data.collection, "Fiche")
    return f"{noun} réf. {reference(data.record_id or '')} · {version_text(data)}"


def qr_text(data: PrintData, copy: str | None = None) -> str:
    """The QR text of a page (see the module's docstring)."""
    if data.blank:
        text = f"offa:blank/{data.collection}?doc={data.kind}"
        return f"{text}&copy={copy}" if copy else text
    version = "local" if data.version is None else str(data.version)
    base = f"offa:{data.collection}/{data.record_id}?v={version}"
    return f"{base}&copy={copy}" if copy else f"{base}&doc={data.kind}"
