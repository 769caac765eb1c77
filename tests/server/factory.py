"""Valid Belgian test records (identifiers with their real check digits)."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

_counter = itertools.count(1)


def new_id() -> str:
    return str(uuid.uuid4())


def enterprise_number(n: int | None = None) -> str:
    base = 2000000 + (n if n is not None else next(_counter)) % 7999999  # 8 digits, leading 0
    first8 = f"0{base:07d}"
    return first8 + f"{97 - int(first8) % 97:02d}"


def unit_number(n: int | None = None) -> str:
    base = 20000000 + (n if n is not None else next(_counter)) % 60000000
    first8 = f"{base:08d}"
    return first8 + f"{97 - int(first8) % 97:02d}"


def niss(n: int | None = None, birth: str = "2008-03-14") -> str:
    serial = 1 + (n if n is not None else next(_counter)) % 997
    yy, mm, dd = birth[2:4], birth[5:7], birth[8:10]
    first9 = f"{yy}{mm}{dd}{serial:03d}"
    prefix = "2" if birth >= "2000" else ""
    return first9 + f"{97 - int(prefix + first9) % 97:02d}"


def company(sector: str = "construction", **extra: Any) -> dict[str, Any]:
    return {
        "enterprise_number": enterprise_number(),
        "name": "Construction Dupont SRL",
        "legal_form": "SRL",
        "employee_count": 5,
        "sector": sector,
        **extra,
    }


def unit(company_id: str, region: str = "wal", **extra: Any) -> dict[str, Any]:
    return {
        "company_id": company_id,
        "unit_number": unit_number(),
        "name": "Siège de Namur",
        "street": "Rue de Fer 12",
        "postal_code": "5000",
        "city": "Namur",
        "region": region,
        **extra,
    }


def tutor(company_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "company_id": company_id,
        "first_name": "Marc",
        "last_name": "Lambert",
        "condition": "experience",
        "experience_years": 10,
        "certified": True,
        "training_hours": 8,
        "criminal_record_date": "2025-01-05",
        **extra,
    }


def approval(
    unit_id: str, trade: str = "macon", operator: str = "ifapme", **extra: Any
) -> dict[str, Any]:
    return {
        "establishment_unit_id": unit_id,
        "trade_code": trade,
        "operator_code": operator,
        "status": "granted",
        "requested_on": "2025-01-10",
        "decided_on": "2025-02-10",
        **extra,
    }


def learner(operator: str = "ifapme", **extra: Any) -> dict[str, Any]:
    return {
        "niss": niss(birth="2005-03-14"),
        "first_name": "Léa",
        "last_name": "Dubois",
        "birth_date": "2005-03-14",
        "street": "Rue Haute 3",
        "postal_code": "5000",
        "city": "Namur",
        "operator_code": operator,
        **extra,
    }


def contract(
    learner_id: str,
    unit_id: str,
    approval_id: str,
    tutor_id: str,
    operator: str = "ifapme",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "learner_id": learner_id,
        "establishment_unit_id": unit_id,
        "approval_id": approval_id,
        "tutor_id": tutor_id,
        "operator_code": operator,
        "referent_name": "Claire Martin",
        "company_signatory": "Jean Dupont",
        "trade_code": "macon",
        "start_date": "2025-09-01",
        "end_date": "2026-08-31",
        "level": "a",
        "monthly_pay": "400.00",
        "schedule": {
            "mon": {"company_hours": 8, "operator_hours": 0},
            "tue": {"company_hours": 8, "operator_hours": 0},
            "wed": {"company_hours": 8, "operator_hours": 0},
            "thu": {"company_hours": 0, "operator_hours": 8},
            "fri": {"company_hours": 6, "operator_hours": 0},
        },
        "status": "draft",
        **extra,
    }


def stage_offer(
    approval_id: str, unit_id: str, trade: str = "macon", operator: str = "ifapme", **extra: Any
) -> dict[str, Any]:
    """A draft Stage+ offer of a granted approval (its unit and trade)."""
    return {
        "approval_id": approval_id,
        "establishment_unit_id": unit_id,
        "trade_code": trade,
        "operator_code": operator,
        "title": "Apprenti maçon",
        "description": "Gros œuvre, chantiers de rénovation en Hesbaye.",
        "start_date": "2026-09-01",
        "places": 2,
        "status": "draft",
        **extra,
    }


def referral(contract_id: str, operator: str = "ifapme", **extra: Any) -> dict[str, Any]:
    """A contract problem referred to the Commission by its operator."""
    return {
        "subject": "contract",
        "contract_id": contract_id,
        "operator_code": operator,
        "reason": "Rétribution non versée depuis deux mois.",
        "status": "referred",
        "referred_on": "2026-11-02",
        **extra,
    }
