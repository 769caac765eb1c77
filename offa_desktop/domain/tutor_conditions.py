"""What a tutor is by its declared conditions: designated (tuteur désigné) or certified
(tuteur agréé). Apart from ``rules.py`` (which re-exports them), so that the radar's P2
forecast reads them without loading the record checks, their shapes and identifiers."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from offa_desktop.domain.access import get_int, get_number

DESIGNATED_YEARS = 5
DESIGNATED_YEARS_WITH_TITLE = 2
CERTIFIED_TRAINING_HOURS = Decimal(8)


def tutor_is_designated(tutor: Mapping[str, Any]) -> bool:
    """Tuteur désigné: 5 years' experience (2 with a "chef d'entreprise" title), or a teaching
    diploma / tutor-training certificate, or a validation title, as the declared condition says."""
    condition = tutor.get("condition")
    if condition in ("diploma", "validation"):
        return True
    years = get_int(tutor, "experience_years") or 0
    if tutor.get("entrepreneur_title") is True:
        return years >= DESIGNATED_YEARS_WITH_TITLE
    return years >= DESIGNATED_YEARS


def tutor_is_certified(tutor: Mapping[str, Any]) -> bool:
    """Tuteur agréé: 5 years' experience AND at least 8 h of tutor training, or a validation
    title."""
    if tutor.get("condition") == "validation":
        return True
    if (get_int(tutor, "experience_years") or 0) < DESIGNATED_YEARS:
        return False  # (the hours not read: a number read as a Decimal)
    training = get_number(tutor, "training_hours") or Decimal(0)
    return training >= CERTIFIED_TRAINING_HOURS
