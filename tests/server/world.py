"""A small world of working records, made through real pushes by the offa user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.server import factory as f
from tests.server.api import ApiClient


@dataclass
class World:
    """Ids of one company tree with a signed contract."""

    company: str = ""
    unit: str = ""
    tutor: str = ""
    approval: str = ""
    learner: str = ""
    contract: str = ""
    versions: dict[str, int] = field(default_factory=dict)


def applied(result: dict[str, Any]) -> int:
    assert result["status"] == "applied", result
    version: int = result["version"]
    return version


def build(
    offa: ApiClient,
    *,
    sector: str = "construction",
    trade: str = "macon",
    operator: str = "ifapme",
    contract_status: str = "draft",
) -> World:
    w = World()
    w.company, w.unit, w.tutor = f.new_id(), f.new_id(), f.new_id()
    w.approval, w.learner, w.contract = f.new_id(), f.new_id(), f.new_id()
    w.versions["company"] = applied(offa.create("companies", f.company(sector), w.company))
    w.versions["unit"] = applied(offa.create("establishment_units", f.unit(w.company), w.unit))
    w.versions["tutor"] = applied(offa.create("tutors", f.tutor(w.company), w.tutor))
    w.versions["approval"] = applied(
        offa.create(
            "approvals",
            f.approval(w.unit, trade, operator, tutor_ids=[w.tutor]),
            w.approval,
        )
    )
    w.versions["learner"] = applied(offa.create("learners", f.learner(operator), w.learner))
    w.versions["contract"] = applied(
        offa.create(
            "contracts",
            f.contract(
                w.learner,
                w.unit,
                w.approval,
                w.tutor,
                operator,
                trade_code=trade,
                status=contract_status,
                signed_on=None if contract_status == "draft" else "2025-08-20",
            ),
            w.contract,
        )
    )
    return w
