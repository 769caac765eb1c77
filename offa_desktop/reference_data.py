"""The reference data the server owns (API.md "Reference collections"), shipped in resources/.

``resources/data/reference.json`` holds every reference collection except ``users`` (the server
builds that one from its accounts). Ids are fixed UUIDs, so every server loads the same ones.
Conventions the domain relies on: a suspension reason whose ``company_pays_days`` is null means
the company pays throughout (a suspension for the company's default); ``bxl_learner`` carries
the first-year amount (500 €; 500 / 750 € for years 2 and 3).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from offa_desktop import resources

Record = tuple[str, dict[str, Any]]


@cache
def _raw() -> dict[str, list[dict[str, Any]]]:
    text = resources.read_text("data", "reference.json")
    data: dict[str, list[dict[str, Any]]] = json.loads(text)
    return data


def load() -> dict[str, list[Record]]:
    """Every reference collection as ``{collection: [(id, data), ...]}`` (fresh copies)."""
    out: dict[str, list[Record]] = {}
    for collection, rows in _raw().items():
        out[collection] = [
            (row["id"], {k: v for k, v in row.items() if k != "id"}) for row in rows
        ]
    return out
