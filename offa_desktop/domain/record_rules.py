"""Which record rules run for which collection (used by ``validation.validate_record``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offa_desktop.domain.validation import RecordRules

RULES: dict[str, RecordRules] = {}


def pending(collection: str, data: Mapping[str, Any]) -> list[str]:
    """Checks left to the server for a record of ``collection`` on a client."""
    return []
