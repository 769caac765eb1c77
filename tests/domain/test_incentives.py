from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from offa_desktop.domain.incentives import (
    all_passed,
    bxl_tutor_checks,
    checks_to_api,
    claim_checks,
    contract_p2_days,
    incentive_amount,
    p1_checks,
    p2_checks,
)
from offa_desktop.domain.validation import check_fields
from tests.domain.memory import MemoryContext
from tests.domain.world import World


def passed(outcomes: dict[str, tuple[bool, str]]) -> dict[str, bool]:
    return {name: ok for name, (ok, _) in outcomes.items()}


def p2_world(start: str, **over: Any) -> tuple[World, str]:
    world = World()
    world.ctx.records["approvals"][world.ids["approval"]]["decided_on"] = "2024-01-10"
    fields: dict[str, Any] = {
        "start_date": start,
        "end_date": "2027-08-31",
        "status": "active",
        "monthly_pay": "351.98",
        **over,
    }
    return world, world.ctx.add("contracts", world.contract(**fields))


def level_b(world: World, cid: str, on: str) -> None:
    world.ctx.add(
        "contract_events",
        {
            "contract_id": cid,
            "kind": "level_change",
            "effective_date": on,
            "details": {"from_level": "a", "to_level": "b", "monthly_pay": "496.92"},
        },
    )


def test_p2_boundary_of_270_days() -> None:
    world, cid = p2_world("2025-12-05")  # 270 days to 31/08/2026
    level_b(world, cid, "2026-06-01")
    outcomes = p2_checks(world.ctx, cid)
    assert all_passed(outcomes), outcomes
    assert "270 jours" in outcomes["days_270"][1] and "31/08/2026" in outcomes["days_270"][1]
    world, cid = p2_world("2025-12-06")  # 269
    level_b(world, cid, "2026-06-01")
    assert passed(p2_checks(world.ctx, cid))["days_270"] is False


def test_p2_counts_to_termination() -> None:
    world, cid = p2_world("2025-09-01", status="terminated")
    world.ctx.add(
        "contract_events",
        {"contract_id": cid, "kind": "termination", "effective_date": "2026-05-27", "details": {}},
    )
    assert passed(p2_checks(world.ctx, cid))["days_270"] is False  # 269 days
    world.ctx.records["contract_events"].clear()
    world.ctx.add(
        "contract_events",
        {"contract_id": cid, "kind": "termination", "effective_date": "2026-05-28", "details": {}},
    )
    assert passed(p2_checks(world.ctx, cid))["days_270"] is True  # 270 days
    assert contract_p2_days(world.ctx, cid) == 270


def test_p2_level_and_tutor_and_pass() -> None:
    world, cid = p2_world("2025-09-01", level="b", monthly_pay="496.92")
    outcomes = passed(p2_checks(world.ctx, cid))
    assert outcomes["starts_level_a"] is False
    assert outcomes["passed_or_level_b"] is False  # nothing recorded
    level_b(world, cid, "2026-09-01")  # after the cut-off: does not count
    assert passed(p2_checks(world.ctx, cid))["passed_or_level_b"] is False
    world.ctx.records["tutors"][world.ids["tutor"]]["training_hours"] = 7.5
    assert passed(p2_checks(world.ctx, cid))["certified_tutor"] is False


def test_p1_self_employed_first_contract() -> None:
    world, cid = p2_world("2025-09-01")
    world.ctx.records["companies"][world.ids["company"]]["employee_count"] = 0
    assert all_passed(p1_checks(world.ctx, cid))
    learner = world.ctx.add("learners", world.learner_data())
    earlier = world.ctx.add(
        "contracts",
        world.contract(
            learner_id=learner, start_date="2024-09-02", end_date="2025-06-30", status="ended"
        ),
    )
    outcomes = passed(p1_checks(world.ctx, cid))
    assert outcomes["first_contract"] is False
    assert all_passed(p1_checks(world.ctx, earlier))
    world.ctx.records["companies"][world.ids["company"]]["employee_count"] = 1
    assert passed(p1_checks(world.ctx, earlier))["no_staff"] is False


def test_p1_only_once() -> None:
    world, cid = p2_world("2025-09-01")
    world.ctx.records["companies"][world.ids["company"]]["employee_count"] = 0
    world.ctx.add(
        "incentive_claims",
        {
            "kind_code": "wal_p1",
            "company_id": world.ids["company"],
            "contract_ids": ["x"],
            "status": "paid",
        },
    )
    assert passed(p1_checks(world.ctx, cid))["once"] is False


def bxl_world() -> World:
    world = World()
    world.ctx.records["establishment_units"][world.ids["unit"]].update(
        postal_code="1070", city="Anderlecht", region="bxl"
    )
    return world


def test_bxl_tutor_six_months() -> None:
    world = bxl_world()
    world.ctx._today = date(2027, 2, 28)
    cid = world.ctx.add("contracts", world.contract(status="active"))  # since 01/09/2026
    outcomes = bxl_tutor_checks(world.ctx, world.ids["tutor"], [cid])
    assert all_passed(outcomes), outcomes
    world.ctx._today = date(2027, 2, 27)
    assert passed(bxl_tutor_checks(world.ctx, world.ids["tutor"], [cid]))["six_months"] is False


def test_bxl_tutor_one_to_four_learners() -> None:
    world = bxl_world()
    world.ctx._today = date(2027, 6, 30)
    ids = [
        world.ctx.add("contracts", world.contract(learner_id=f"l{i}", status="active"))
        for i in range(5)
    ]
    assert passed(bxl_tutor_checks(world.ctx, world.ids["tutor"], ids[:4]))["learners_1_to_4"]
    assert not passed(bxl_tutor_checks(world.ctx, world.ids["tutor"], ids))["learners_1_to_4"]
    assert not passed(bxl_tutor_checks(world.ctx, world.ids["tutor"], []))["learners_1_to_4"]
    assert passed(bxl_tutor_checks(world.ctx, world.ids["tutor"], ids[:1]))["region"] is True


def test_claim_checks_dispatch_and_api_shape() -> None:
    world, cid = p2_world("2025-09-01")
    claim = {"kind_code": "wal_p2", "contract_ids": [cid], "company_id": world.ids["company"]}
    outcomes = claim_checks(world.ctx, claim)
    assert set(outcomes) == {
        "region",
        "starts_level_a",
        "days_270",
        "certified_tutor",
        "passed_or_level_b",
    }
    api = checks_to_api(outcomes)
    assert check_fields("incentive_claims", {"checks": api}, partial=True) == []
    assert claim_checks(world.ctx, {"kind_code": "wal_learner"}) == {}
    assert passed(claim_checks(world.ctx, {"kind_code": "bxl_tutor"})) == {"tutor": False}


def test_amounts() -> None:
    ctx = MemoryContext()
    assert incentive_amount(ctx, "wal_p2", date(2026, 9, 1)) == Decimal("750.00")
    assert incentive_amount(ctx, "bxl_tutor", date(2026, 9, 1)) == Decimal("1750.00")
    assert incentive_amount(ctx, "wal_p2", date(2010, 9, 1)) is None
