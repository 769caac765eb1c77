from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from offa_desktop.domain.identifiers import niss_birth_date
from offa_desktop.domain.validation import blocking
from tests.domain.numbers import make_niss
from tests.domain.world import World, codes

USER = "5b0f8f3e-2f7c-4c55-9d2a-0c7f3d1e9a10"


@pytest.fixture
def world() -> World:
    return World()


# --- learners --------------------------------------------------------------------------------


def test_learner_representative_while_minor_today(world: World) -> None:
    # today is 23/11/2026 in the test context
    minor = world.learner(date(2008, 11, 24), representative=None)  # 18 tomorrow
    problems = world.check("learners", minor)
    assert [(p.field, p.code) for p in problems] == [("representative", "required")]
    assert problems[0].message.startswith("Représentant légal")
    adult = world.learner(date(2008, 11, 23), representative=None)  # 18 today
    assert world.check("learners", adult) == []


def test_learner_birth_date_matches_niss(world: World) -> None:
    data = world.learner(date(2009, 3, 14), counter=41)  # not the world's learner's NISS
    data["birth_date"] = "2009-03-15"
    problems = world.check("learners", data)
    assert [(p.field, p.code) for p in problems] == [("birth_date", "invalid")]
    assert "14/03/2009" in problems[0].message
    # a BIS number without a full birth date does not constrain it
    base = "094000005"  # BIS, born in 2009, month and day unknown
    bis = f"{base}{97 - int('2' + base) % 97:02d}"
    assert niss_birth_date(bis) is None
    assert world.check("learners", {**world.learner(date(2009, 3, 14)), "niss": bis}) == []
    full_bis = make_niss(date(2009, 3, 14), 5, bis_offset=40)
    assert world.check("learners", {**world.learner(date(2009, 3, 14)), "niss": full_bis}) == []


def test_learner_old_record_stays_editable(world: World) -> None:
    old = world.learner(date(2010, 1, 1), representative=None)  # taken over as it was
    moved = {**old, "city": "Jambes", "postal_code": "5100"}
    assert world.check("learners", moved, previous=old) == []


def test_bad_niss_names_the_field(world: World) -> None:
    data = world.learner(date(2009, 3, 14))
    data["niss"] = data["niss"][:-1] + str((int(data["niss"][-1]) + 1) % 10)
    problems = world.check("learners", data)
    assert [(p.field, p.code) for p in problems] == [("niss", "invalid")]
    assert problems[0].message.startswith("NISS")


# --- tutors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("over", "expected"),
    [
        ({"condition": "experience", "experience_years": 5, "certified": False}, set()),
        (
            {"condition": "experience", "experience_years": 4, "certified": False},
            {"experience_years"},
        ),
        (
            {
                "condition": "experience",
                "experience_years": 2,
                "entrepreneur_title": True,
                "certified": False,
            },
            set(),
        ),
        (
            {
                "condition": "experience",
                "experience_years": 1,
                "entrepreneur_title": True,
                "certified": False,
            },
            {"experience_years"},
        ),
        ({"condition": "diploma", "experience_years": 0, "certified": False}, set()),
        ({"experience_years": 5, "training_hours": 8, "certified": True}, set()),
        ({"experience_years": 5, "training_hours": 7.75, "certified": True}, {"certified"}),
        (
            {
                "condition": "diploma",
                "experience_years": 3,
                "training_hours": 20,
                "certified": True,
            },
            {"certified"},
        ),
        ({"condition": "validation", "experience_years": 0, "certified": True}, set()),
    ],
)
def test_tutor_conditions(world: World, over: dict[str, Any], expected: set[str]) -> None:
    problems = world.check("tutors", world.tutor(**over))
    assert {p.field for p in problems} == expected
    assert all(p.code == "tutor_conditions" for p in problems)


# --- establishment units -------------------------------------------------------------------


def test_unit_region_warning(world: World) -> None:
    unit = dict(world.ctx.records["establishment_units"][world.ids["unit"]])
    assert world.check("establishment_units", unit) == []
    problems = world.check("establishment_units", {**unit, "postal_code": "1070"})
    assert codes(problems) == {"region_mismatch"} and blocking(problems) == []
    assert (
        world.check("establishment_units", {**unit, "postal_code": "1070", "region": "bxl"}) == []
    )
    assert codes(world.check("establishment_units", {**unit, "unit_number": "1234567890"})) == {
        "invalid"
    }


# --- visits ----------------------------------------------------------------------------------


def visit(world: World, **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "approval",
        "approval_id": world.ids["approval"],
        "visitor_id": USER,
        "status": "planned",
        "planned_on": "2026-12-01",
        "checklist_code": "approval",
    }
    data.update(over)
    return data


def test_visit_targets(world: World) -> None:
    assert world.check("visits", visit(world)) == []
    cid = world.ctx.add("contracts", world.contract())
    both = visit(world, contract_id=cid)
    assert codes(world.check("visits", both)) == {"invalid"}
    neither = visit(world, approval_id=None)
    assert codes(world.check("visits", neither)) == {"invalid"}
    follow_up_on_approval = visit(world, kind="follow_up")
    assert [(p.field, p.code) for p in world.check("visits", follow_up_on_approval)] == [
        ("contract_id", "required")
    ]


def test_visit_done_and_answers(world: World) -> None:
    done = visit(world, status="done", answers={"trade_practised": {"value": "yes"}},
                 opinion="favourable")
    assert [(p.field, p.code) for p in world.check("visits", done)] == [("visit_date", "required")]
    done["visit_date"] = "2026-11-20"
    assert world.check("visits", done) == []
    done["answers"] = {"parking": {"value": "yes"}}
    assert [(p.field, p.code) for p in world.check("visits", done)] == [("answers", "invalid")]


def test_done_approval_visit_without_opinion_is_warned_not_blocked(world: World) -> None:
    """Issue 15: a visit marked done saved without an opinion, with no warning."""
    done = visit(world, status="done", visit_date="2026-11-20")
    found = world.check("visits", done)
    assert [(p.field, p.code, p.warning) for p in found] == [("opinion", "opinion_missing", True)]
    assert "avis" in found[0].message.lower()
    assert world.check("visits", {**done, "opinion": "conditional"}) == []
    assert world.check("visits", {**done, "status": "planned", "visit_date": None}) == []


# --- incentive claims ------------------------------------------------------------------------


def claim(world: World, **over: Any) -> dict[str, Any]:
    cid = world.ctx.add("contracts", world.contract())
    data: dict[str, Any] = {
        "kind_code": "wal_p2",
        "company_id": world.ids["company"],
        "contract_ids": [cid],
        "school_year": "2026-2027",
        "amount": "750.00",
        "status": "to_check",
    }
    data.update(over)
    return data


@pytest.mark.parametrize(
    ("old", "new", "ok"),
    [
        ("to_check", "eligible", True),
        ("to_check", "not_eligible", True),
        ("eligible", "approved", True),
        ("approved", "paid", True),
        ("not_eligible", "to_check", True),
        ("to_check", "paid", False),
        ("paid", "approved", False),
        ("not_eligible", "approved", False),
    ],
)
def test_claim_transitions(world: World, old: str, new: str, ok: bool) -> None:
    before = claim(world, status=old, paid_on="2027-01-15")
    after = {**before, "status": new}
    assert ("invalid_transition" not in codes(world.check("incentive_claims", after, before))) is ok


def test_claim_rules(world: World) -> None:
    reason = {"rule": "incentive_checks", "reason": "Vérifié sur pièces par l'OFFA."}
    paid = claim(world, status="paid", overrides=[reason])  # its checks fail: overridden
    assert [(p.field, p.code) for p in world.check("incentive_claims", paid)] == [
        ("paid_on", "required")
    ]
    brussels = claim(world, kind_code="bxl_tutor", status="approved", amount="1750.00")
    assert codes(world.check("incentive_claims", brussels)) == {"invalid"}
    assert world.check("incentive_claims", {**brussels, "status": "eligible"}) == []
