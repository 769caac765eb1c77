"""A small valid world for rule tests: a Walloon bakery with one unit, a tutor, a granted
approval for "boulanger", a 17-year-old learner with a representative, and a draft contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from offa_desktop.domain.validation import Problem, validate_record
from tests.domain.memory import MemoryContext
from tests.domain.numbers import make_enterprise_number, make_niss, make_unit_number

FULL_WEEK = {
    "mon": {"company_hours": 8, "operator_hours": 0},
    "tue": {"company_hours": 8, "operator_hours": 0},
    "wed": {"company_hours": 0, "operator_hours": 7.5},
    "thu": {"company_hours": 7.5, "operator_hours": 0},
    "fri": {"company_hours": 7, "operator_hours": 0},
}  # 30.5 h in the company, 38 h in all


@dataclass
class World:
    ctx: MemoryContext = field(default_factory=MemoryContext)
    ids: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        c, ids = self.ctx, self.ids
        ids["company"] = c.add(
            "companies",
            {
                "enterprise_number": make_enterprise_number(4287594),
                "name": "Boulangerie Dupont",
                "legal_form": "SRL",
                "employee_count": 2,
                "sector": "alimentation",
            },
        )
        ids["unit"] = c.add(
            "establishment_units",
            {
                "company_id": ids["company"],
                "unit_number": make_unit_number(21234567),
                "name": "Atelier de Namur",
                "street": "Rue de Fer 12",
                "postal_code": "5000",
                "city": "Namur",
                "region": "wal",
            },
        )
        ids["tutor"] = c.add("tutors", self.tutor())
        ids["approval"] = c.add(
            "approvals",
            {
                "establishment_unit_id": ids["unit"],
                "trade_code": "boulanger",
                "operator_code": "ifapme",
                "status": "granted",
                "requested_on": "2024-03-01",
                "decided_on": "2024-05-15",
                "tutor_ids": [ids["tutor"]],
            },
        )
        ids["learner"] = c.add("learners", self.learner(date(2009, 3, 14)))

    def tutor(self, **over: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "company_id": self.ids["company"],
            "first_name": "Jean",
            "last_name": "Dupont",
            "condition": "experience",
            "experience_years": 12,
            "training_hours": 16,
            "certified": True,
            "criminal_record_date": "2024-02-01",
        }
        data.update(over)
        return data

    def learner(self, born: date, counter: int = 33, **over: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "niss": make_niss(born, counter),
            "first_name": "Léa",
            "last_name": "Lemaître",
            "birth_date": born.isoformat(),
            "street": "Rue Haute 3",
            "postal_code": "5000",
            "city": "Namur",
            "operator_code": "ifapme",
            "representative": {"name": "Anne Lemaître", "phone": "081 22 33 44"},
        }
        data.update(over)
        return data

    def learner_data(self, counter: int = 35) -> dict[str, Any]:
        """Another valid learner (17 on 01/09/2026)."""
        return self.learner(date(2009, 5, 20), counter)

    def contract(self, **over: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "learner_id": self.ids["learner"],
            "establishment_unit_id": self.ids["unit"],
            "approval_id": self.ids["approval"],
            "tutor_id": self.ids["tutor"],
            "operator_code": "ifapme",
            "referent_name": "Marc Delvaux",
            "company_signatory": "Paul Dupont",
            "trade_code": "boulanger",
            "start_date": "2026-09-01",
            "end_date": "2028-08-31",
            "level": "a",
            "monthly_pay": "351.98",
            "schedule": FULL_WEEK,
            "status": "signed",
        }
        data.update(over)
        return data

    def check(
        self,
        collection: str,
        data: dict[str, Any],
        previous: dict[str, Any] | None = None,
        record_id: str | None = None,
    ) -> list[Problem]:
        return validate_record(
            collection, data, previous=previous, ctx=self.ctx, record_id=record_id
        )


def codes(problems: list[Problem]) -> set[str]:
    return {p.code for p in problems}


def blocking_codes(problems: list[Problem]) -> set[str]:
    return {p.code for p in problems if not p.warning}
