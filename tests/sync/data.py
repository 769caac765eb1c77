"""Small valid records for the sync proofs (domain rules apply to them like to any edit)."""

from __future__ import annotations

import random
from typing import Any

from stdnum.be import vat

SECTORS = ("construction", "horeca", "commerce", "automobile")


def enterprise_number(rng: random.Random) -> str:
    while True:
        base = f"{rng.randrange(2_000_000, 19_999_999):08d}"
        number = base + f"{97 - int(base) % 97:02d}"
        if vat.is_valid(number):
            return number


def company(rng: random.Random, tag: str = "") -> dict[str, Any]:
    return {
        "enterprise_number": enterprise_number(rng),
        "name": f"Entreprise {tag or rng.randrange(10**6)}",
        "legal_form": "SRL",
        "employee_count": rng.randrange(1, 200),
        "sector": rng.choice(SECTORS),
        "email": None,
        "phone": None,
    }


def value(rng: random.Random, prefix: str) -> str:
    """A unique free-text value, so every edit can be traced to the server."""
    return f"{prefix} {rng.randrange(10**9):09d}"


def unit_number(rng: random.Random) -> str:
    base = f"{rng.randrange(20_000_000, 89_999_999):08d}"
    return base + f"{97 - int(base) % 97:02d}"


def tutor(rng: random.Random, company_id: str) -> dict[str, Any]:
    return {
        "company_id": company_id,
        "first_name": f"Prénom {rng.randrange(10**6)}",
        "last_name": f"Nom {rng.randrange(10**6)}",
        "birth_date": "1980-05-17",
        "condition": "experience",
        "experience_years": 6,
        "entrepreneur_title": False,
        "certified": False,
    }
