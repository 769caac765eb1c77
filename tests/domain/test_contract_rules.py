from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offa_desktop.domain.validation import pending_checks, signing_problems
from tests.domain.memory import MemoryContext
from tests.domain.world import FULL_WEEK, World, blocking_codes, codes


@pytest.fixture
def world() -> World:
    return World()


def test_valid_signed_contract(world: World) -> None:
    assert world.check("contracts", world.contract()) == []


# --- age -------------------------------------------------------------------------------------


def _with_learner(world: World, born: date, **over: Any) -> dict[str, Any]:
    world.ids["learner"] = world.ctx.add("learners", world.learner(born, 71, **over))
    return world.contract(learner_id=world.ids["learner"])


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (date(2011, 9, 2), {"too_young"}),  # 14 on 01/09/2026, 15 the next day
        (date(2011, 9, 1), {"under_16"}),  # 15 that very day: a warning only
        (date(2010, 9, 2), {"under_16"}),
        (date(2010, 9, 1), set()),  # 16
        (date(2001, 9, 1), set()),  # 25 that day
        (date(2000, 9, 2), set()),  # 25, 26 the next day
        (date(2000, 9, 1), {"too_old"}),  # 26 that day
    ],
)
def test_age_at_start(world: World, born: date, expected: set[str]) -> None:
    problems = world.check("contracts", _with_learner(world, born))
    assert codes(problems) == expected
    assert all(p.warning == (p.code == "under_16") for p in problems)


def test_trade_max_age(world: World) -> None:
    trades = world.ctx.refs["trades"]
    world.ctx.refs["trades"] = [
        {**t, "max_age": 30} if t["code"] == "boulanger" else t for t in trades
    ]
    assert world.check("contracts", _with_learner(world, date(1995, 9, 2))) == []
    assert codes(world.check("contracts", _with_learner(world, date(1995, 9, 1)))) == {"too_old"}


def test_representative_for_a_minor_at_start(world: World) -> None:
    contract = _with_learner(world, date(2008, 9, 2), representative=None)  # 17 at start
    problems = world.check("contracts", contract)
    assert codes(problems) == {"representative_required"}
    assert problems[0].field == "learner_id"
    adult = _with_learner(world, date(2008, 9, 1), representative=None)  # 18 at start
    assert world.check("contracts", adult) == []


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        ("2026-09-01", {"before_start"}),
        ("2026-08-31", {"before_start"}),
        ("2026-09-02", set()),
        ("2032-08-31", set()),
        ("2032-09-01", {"too_long"}),
    ],
)
def test_end_date(world: World, end: str, expected: set[str]) -> None:
    problems = world.check("contracts", world.contract(end_date=end))
    assert codes(problems) == expected
    if expected:
        assert problems[0].field == "end_date"
        assert problems[0].message.startswith("Date de fin")


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2024, 5, 1), max_value=date(2030, 12, 31)), st.integers(-5, 2200))
def test_end_date_property(start: date, days: int) -> None:
    world = World()
    end = start + timedelta(days=days)
    six_years = date(start.year + 6, start.month, min(start.day, 28 if start.month == 2 else 31))
    try:
        six_years = start.replace(year=start.year + 6)
    except ValueError:
        six_years = date(start.year + 6, 2, 28)
    contract = world.contract(
        start_date=start.isoformat(), end_date=end.isoformat(), status="draft"
    )
    problems = {p.code for p in world.check("contracts", contract) if p.field == "end_date"}
    if end <= start:
        assert problems == {"before_start"}
    elif end >= six_years:
        assert problems == {"too_long"}
    else:
        assert problems == set()


# --- schedule --------------------------------------------------------------------------------


def week(company: list[float], operator: list[float]) -> dict[str, Any]:
    days = ("mon", "tue", "wed", "thu", "fri")
    return {
        d: {"company_hours": c, "operator_hours": o}
        for d, c, o in zip(days, company, operator, strict=True)
    }


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (week([8, 8, 0, 7.5, 7], [0, 0, 7.5, 0, 0]), set()),  # 38 h
        (week([8, 8, 0, 7.75, 7], [0, 0, 7.5, 0, 0]), {"too_many_hours"}),  # 38.25 h
        (week([5, 5, 0, 5, 5], [0, 0, 8, 0, 0]), set()),  # 20 h in the company
        (week([5, 5, 0, 5, 4.75], [0, 0, 8, 0, 0]), {"too_few_hours"}),
        (week([8.25, 8, 0, 7, 6], [0, 0, 8, 0, 0]), {"day_too_long"}),
        (week([4, 8, 0, 7, 6], [4.25, 0, 8, 0, 0]), {"day_too_long"}),  # 4 + 4.25 on Monday
    ],
)
def test_schedule_limits(world: World, schedule: dict[str, Any], expected: set[str]) -> None:
    problems = world.check("contracts", world.contract(schedule=schedule, trade_code="macon"))
    assert codes(problems) - {"approval_mismatch"} == expected


def test_trade_daily_hours(world: World) -> None:
    nine = week([9, 9, 0, 5, 0], [0, 0, 8, 0, 0])  # 23 h company, 31 h
    assert world.check("contracts", world.contract(schedule=nine)) == []  # boulanger: 9 h
    ten = week([9.25, 9, 0, 5, 0], [0, 0, 8, 0, 0])
    assert codes(world.check("contracts", world.contract(schedule=ten))) == {"day_too_long"}


# --- pay -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "level", "pay", "ok"),
    [
        ("2026-09-01", "a", "351.98", True),
        ("2026-09-01", "a", "351.97", False),
        ("2026-09-01", "b", "496.92", True),
        ("2026-09-01", "b", "496.91", False),
        ("2026-09-01", "c", "662.54", False),
        ("2024-04-30", "a", "313.19", True),
        ("2024-04-30", "c", "589.52", False),
    ],
)
def test_pay_minimum(start: str, level: str, pay: str, ok: bool) -> None:
    world = World()
    world.ctx.records["approvals"][world.ids["approval"]]["decided_on"] = "2024-01-15"
    contract = world.contract(start_date=start, end_date="2027-08-31", level=level, monthly_pay=pay)
    problems = [p for p in world.check("contracts", contract) if not p.warning]
    assert (problems == []) is ok, problems
    if not ok:
        assert codes(problems) == {"below_minimum"} and problems[0].field == "monthly_pay"


# --- drafts and when rules run ------------------------------------------------------------


def test_draft_checks_fields_alone_only(world: World) -> None:
    draft = world.contract(status="draft", tutor_id=None, approval_id=None, end_date=None)
    del draft["level"], draft["monthly_pay"]
    assert world.check("contracts", draft) == []
    # cross-record problems do not block a draft ...
    world.ctx.records["approvals"][world.ids["approval"]]["status"] = "suspended"
    young = _with_learner(world, date(2012, 1, 1))
    assert world.check("contracts", {**young, "status": "draft"}) == []
    # ... but formats, date order, schedule limits and pay do
    bad = world.contract(
        status="draft",
        end_date="2026-08-01",
        monthly_pay="300.00",
        schedule=week([2, 2, 2, 2, 2], [0, 0, 0, 0, 0]),
    )
    assert blocking_codes(world.check("contracts", bad)) == {
        "before_start",
        "below_minimum",
        "too_few_hours",
    }


def test_signing_problems_lists_everything(world: World) -> None:
    world.ctx.records["approvals"][world.ids["approval"]]["status"] = "suspended"
    draft = _with_learner(world, date(2012, 1, 1))
    draft.update(status="draft", referent_name=None)
    problems = signing_problems(draft, world.ctx)
    assert codes(problems) == {"required", "too_young", "approval_not_granted"}
    assert [p.field for p in problems if p.code == "required"] == ["referent_name"]
    assert world.check("contracts", {**draft, "status": "signed"}, previous=draft) == problems
    assert signing_problems(world.contract(status="draft"), MemoryContext()) != []


def test_old_contract_stays_editable(world: World) -> None:
    old = world.contract(start_date="2024-09-02", end_date="2026-08-31", monthly_pay="351.98")
    world.ctx.records["approvals"][world.ids["approval"]]["decided_on"] = "2024-05-15"
    contract_id = world.ctx.add("contracts", old)
    # later the head count drops, the approval is suspended, the tutor's extract lapses
    world.ctx.records["companies"][world.ids["company"]]["employee_count"] = 0
    world.ctx.records["approvals"][world.ids["approval"]]["status"] = "suspended"
    world.ctx.records["tutors"][world.ids["tutor"]]["criminal_record_date"] = None
    moved = {**old, "end_date": "2026-06-30", "referent_phone": "081 00 00 00"}
    assert world.check("contracts", moved, previous=old, record_id=contract_id) == []
    terminated = {**old, "status": "terminated"}
    assert world.check("contracts", terminated, previous=old, record_id=contract_id) == []
    # a change of the tutor re-runs the tutor rule
    moved_tutor = {
        **old,
        "tutor_id": world.ctx.add("tutors", world.tutor(criminal_record_date=None)),
    }
    assert codes(world.check("contracts", moved_tutor, previous=old, record_id=contract_id)) == {
        "criminal_record"
    }


# --- approval, tutor -----------------------------------------------------------------------


def test_approval_must_be_granted_on_start(world: World) -> None:
    approval = world.ctx.records["approvals"][world.ids["approval"]]
    approval["decided_on"] = "2026-09-01"
    assert world.check("contracts", world.contract()) == []
    approval["decided_on"] = "2026-09-02"
    assert codes(world.check("contracts", world.contract())) == {"approval_not_granted"}
    approval["decided_on"] = "2024-05-15"
    approval["status"] = "withdrawn"
    assert codes(world.check("contracts", world.contract())) == {"approval_not_granted"}


def test_approval_for_same_unit_and_trade(world: World) -> None:
    problems = world.check("contracts", world.contract(trade_code="patissier"))
    assert "approval_mismatch" in codes(problems)
    assert codes(world.check("contracts", world.contract(trade_code="boucher"))) == {
        "approval_mismatch"
    }


@pytest.mark.parametrize(
    ("tutor", "expected"),
    [
        ({"condition": "experience", "experience_years": 5, "certified": False}, set()),
        ({"condition": "diploma", "experience_years": 0, "certified": False}, set()),
        ({"condition": "validation", "certified": True}, set()),
        ({"criminal_record_date": None}, {"criminal_record"}),
    ],
)
def test_contract_tutor(world: World, tutor: dict[str, Any], expected: set[str]) -> None:
    tutor_id = world.ctx.add("tutors", world.tutor(**tutor))
    assert codes(world.check("contracts", world.contract(tutor_id=tutor_id))) == expected


def test_tutor_of_another_company(world: World) -> None:
    other = world.ctx.add("companies", dict(world.ctx.records["companies"][world.ids["company"]]))
    tutor_id = world.ctx.add("tutors", world.tutor(company_id=other))
    assert codes(world.check("contracts", world.contract(tutor_id=tutor_id))) == {
        "tutor_other_company"
    }


def test_tutor_not_designated_in_store(world: World) -> None:
    # as OPLA may send it: declared "experience" with too few years (the tutor record rule
    # refuses it on a write, a contract still refuses such a tutor)
    tutor_id = world.ctx.add("tutors", world.tutor(experience_years=4, certified=False))
    assert codes(world.check("contracts", world.contract(tutor_id=tutor_id))) == {
        "tutor_conditions"
    }


# --- one contract per learner ----------------------------------------------------------------


def _existing(world: World, **over: Any) -> str:
    fields: dict[str, Any] = {"start_date": "2025-09-01", "end_date": "2026-08-31", **over}
    data = world.contract(**fields)
    return world.ctx.add("contracts", data)


def test_overlap(world: World) -> None:
    _existing(world, end_date="2026-09-01")
    problems = world.check("contracts", world.contract())
    assert codes(problems) == {"overlap"}
    assert "01/09/2025" in problems[0].message


def test_no_overlap_the_day_after(world: World) -> None:
    _existing(world)  # ends 31/08/2026, the new one starts 01/09/2026
    assert world.check("contracts", world.contract()) == []


def test_overlap_uses_termination_date(world: World) -> None:
    old = _existing(world, end_date="2027-08-31", status="terminated")
    world.ctx.add(
        "contract_events",
        {"contract_id": old, "kind": "termination", "effective_date": "2026-06-30", "details": {}},
    )
    assert world.check("contracts", world.contract()) == []
    world.ctx.records["contract_events"].clear()  # without its event, the end date counts
    assert codes(world.check("contracts", world.contract())) == {"overlap"}


def test_overlap_ignores_drafts_and_superseded(world: World) -> None:
    _existing(world, end_date="2027-08-31", status="draft")
    assert world.check("contracts", world.contract()) == []
    old = _existing(world, end_date="2027-08-31", status="active")
    assert codes(world.check("contracts", world.contract())) == {"overlap"}
    follow_up = world.contract(supersedes_id=old)
    assert world.check("contracts", follow_up) == []


# --- capacity --------------------------------------------------------------------------------


def _other_learner_contract(world: World, counter: int, **over: Any) -> str:
    learner = world.ctx.add("learners", world.learner(date(2008, 1, 1), counter))
    return world.ctx.add("contracts", world.contract(learner_id=learner, **over))


def test_capacity_counts_running_contracts_of_every_operator(world: World) -> None:
    # 2 employees: room for 2 learners
    _other_learner_contract(world, 101, operator_code="cefa-namur", status="active")
    tutor2 = world.ctx.add("tutors", world.tutor(first_name="Zoé"))
    assert world.check("contracts", world.contract(tutor_id=tutor2)) == []
    _other_learner_contract(world, 103, status="suspended", tutor_id=tutor2)
    problems = world.check("contracts", world.contract(tutor_id=tutor2))
    assert codes(problems) == {"capacity"}
    assert problems[0].field == "establishment_unit_id"


def test_capacity_ignores_ended_and_not_yet_running(world: World) -> None:
    _other_learner_contract(
        world, 101, status="ended", start_date="2024-09-02", end_date="2026-06-30"
    )
    _other_learner_contract(world, 103, status="draft")
    _other_learner_contract(
        world, 105, status="signed", start_date="2027-09-01", end_date="2029-06-30"
    )
    _other_learner_contract(
        world, 107, status="active", start_date="2024-09-02", end_date="2026-08-31"
    )
    assert world.check("contracts", world.contract()) == []


def test_capacity_one_without_employee(world: World) -> None:
    world.ctx.records["companies"][world.ids["company"]]["employee_count"] = 0
    assert world.check("contracts", world.contract()) == []
    tutor2 = world.ctx.add("tutors", world.tutor(first_name="Zoé"))
    _other_learner_contract(world, 101, status="active", tutor_id=tutor2)
    assert codes(world.check("contracts", world.contract())) == {"capacity"}


def test_capacity_per_tutor(world: World) -> None:
    world.ctx.records["companies"][world.ids["company"]]["employee_count"] = 10
    _other_learner_contract(world, 101, status="active")
    assert world.check("contracts", world.contract()) == []  # boulanger: 2 per tutor
    _other_learner_contract(world, 103, status="signed")
    problems = world.check("contracts", world.contract())
    assert codes(problems) == {"tutor_capacity"} and problems[0].field == "tutor_id"


def test_capacity_counts_every_unit_of_the_company(world: World) -> None:
    unit2 = world.ctx.add(
        "establishment_units",
        {**world.ctx.records["establishment_units"][world.ids["unit"]], "name": "Dépôt"},
    )
    tutor2 = world.ctx.add("tutors", world.tutor(first_name="Zoé"))
    _other_learner_contract(
        world, 101, status="active", establishment_unit_id=unit2, tutor_id=tutor2
    )
    _other_learner_contract(
        world, 103, status="active", establishment_unit_id=unit2, tutor_id=tutor2
    )
    assert codes(world.check("contracts", world.contract())) == {"capacity"}


# --- transitions and pending checks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "ok"),
    [
        ("draft", "signed", True),
        ("signed", "active", True),
        ("active", "suspended", True),
        ("suspended", "active", True),
        ("active", "terminated", True),
        ("suspended", "terminated", True),
        ("signed", "terminated", True),
        ("active", "ended", True),
        ("draft", "active", False),
        ("signed", "draft", False),
        ("terminated", "active", False),
        ("ended", "active", False),
        ("signed", "suspended", False),
    ],
)
def test_contract_transitions(world: World, old: str, new: str, ok: bool) -> None:
    before = world.contract(status=old)
    cid = world.ctx.add("contracts", before)
    problems = world.check("contracts", {**before, "status": new}, previous=before, record_id=cid)
    assert ("invalid_transition" not in codes(problems)) is ok


def test_create_may_carry_any_status(world: World) -> None:
    assert world.check("contracts", world.contract(status="ended", end_date="2026-12-31")) == []


def test_pending_checks_on_a_client(world: World) -> None:
    client = MemoryContext(full_scope=False)
    names = pending_checks("contracts", world.contract(), client)
    assert len(names) == 2 and all(isinstance(n, str) and n for n in names)
    assert pending_checks("contracts", world.contract(status="draft"), client) == []
    assert pending_checks("contracts", world.contract(), world.ctx) == []
    assert pending_checks("learners", {}, client) == []


def test_unknown_references(world: World) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    problems = world.check(
        "contracts", world.contract(tutor_id=missing, trade_code="astronaute", status="draft")
    )
    assert {(p.field, p.code) for p in problems} == {
        ("tutor_id", "not_found"),
        ("trade_code", "not_found"),
    }


def test_schedule_week_default(world: World) -> None:
    assert FULL_WEEK["mon"]["company_hours"] == 8


def test_workplaces_of_the_same_company(world: World) -> None:
    unit = world.ctx.records["establishment_units"][world.ids["unit"]]
    depot = world.ctx.add("establishment_units", {**unit, "name": "Dépôt"})
    assert world.check("contracts", world.contract(workplace_ids=[depot])) == []
    same = world.contract(workplace_ids=[world.ids["unit"]])
    assert [(p.field, p.code) for p in world.check("contracts", same)] == [
        ("workplace_ids", "invalid")
    ]
    other_company = world.ctx.add(
        "companies", dict(world.ctx.records["companies"][world.ids["company"]])
    )
    elsewhere = world.ctx.add("establishment_units", {**unit, "company_id": other_company})
    far = world.contract(workplace_ids=[depot, elsewhere])
    assert [(p.field, p.code) for p in world.check("contracts", far)] == [
        ("workplace_ids", "invalid")
    ]
