"""Values a document derives from its data: trial period end, minimum pay, age, QR texts.

The rules themselves are the domain's (``dates.trial_period_end``, ``pay.compute_minimum``).

QR texts (one per page, so a returned scan names its record):
- contract pack copy: ``offa:contracts/<id>?v=<version|local>&copy=<apprenant|entreprise|referent>``
- any other record: ``offa:<collection>/<id>?v=<version|local>&doc=<kind>``
  (e.g. ``offa:contract_events/<id>?v=12&doc=termination``)
- blank forms: ``offa:blank/<collection>?doc=<kind>`` plus ``&copy=…`` for the contract's copies.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from offa_desktop.domain import dates
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
    """``"0403170701"`` -> ``"0403.170.701"`` (the BCE's own way); other text as given."""
    digits = "".join(ch for ch in str(value or "") if ch.isdigit())
    if len(digits) != 10:
        return str(value or "")
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def niss(value: object) -> str:
    """The NISS in full, in the usual ``YY.MM.DD-XXX.CC`` form."""
    digits = "".join(ch for ch in str(value or "") if ch.isdigit())
    if len(digits) != 11:
        return str(value or "")
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"


def version_text(data: PrintData) -> str:
    return "version locale" if data.version is None else f"version {data.version}"


def record_line(data: PrintData) -> str:
    """What the header says about the record: its id and version."""
    if data.blank:
        return "Formulaire vierge à compléter à la main"
    return f"Fiche {data.collection}/{data.record_id} · {version_text(data)}"


def qr_text(data: PrintData, copy: str | None = None) -> str:
    """The QR text of a page (see the module's docstring)."""
    if data.blank:
        text = f"offa:blank/{data.collection}?doc={data.kind}"
        return f"{text}&copy={copy}" if copy else text
    version = "local" if data.version is None else str(data.version)
    base = f"offa:{data.collection}/{data.record_id}?v={version}"
    return f"{base}&copy={copy}" if copy else f"{base}&doc={data.kind}"
