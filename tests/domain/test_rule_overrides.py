"""Rules overridable with a reason (issue 17), in the domain both sides run: which rules, by
which roles, what an override covers (and for how long), rules that never yield and say so."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from offa_desktop.domain import overrides
from offa_desktop.domain.stamps import stamped
from tests.domain.world import World, blocking_codes


@pytest.fixture
def world() -> World:
    return World()


REASON = "Reprise d'un contrat interrompu par une hospitalisation longue."


def _old_learner(world: World, **over: Any) -> dict[str, Any]:
    world.ids["learner"] = world.ctx.add("learners", world.learner(date(2000, 9, 1), 71))
    return world.contract(learner_id=world.ids["learner"], **over)  # 26 at start


def test_an_override_sets_aside_the_rule_it_names_and_no_other(world: World) -> None:
    contract = _old_learner(world)
    assert blocking_codes(world.check("contracts", contract)) == {"too_old"}
    entry = {"rule": "learner_age", "reason": REASON}
    assert blocking_codes(world.check("contracts", {**contract, "overrides": [entry]})) == set()
    # it does not cover the pay, a rule that never yields
    low = {**contract, "monthly_pay": "100.00", "overrides": [entry]}
    assert blocking_codes(world.check("contracts", low)) == {"below_minimum"}
    capacity = {"rule": "capacity", "reason": REASON}
    assert blocking_codes(world.check("contracts", {**contract, "overrides": [capacity]})) == {
        "too_old"
    }


def test_a_record_override_holds_for_later_edits(world: World) -> None:
    entry = {"rule": "learner_age", "reason": REASON, "by": "u1", "at": "2026-08-20T10:00:00Z"}
    contract = {**_old_learner(world), "overrides": [entry]}
    later = {**contract, "start_date": "2026-09-02"}
    assert blocking_codes(world.check("contracts", later, previous=contract)) == set()


def test_shape_reason_and_rules_known_for_the_record(world: World) -> None:
    contract = _old_learner(world)
    short = {**contract, "overrides": [{"rule": "learner_age", "reason": "parce que"}]}
    assert "reason_required" in blocking_codes(world.check("contracts", short))
    foreign = {**contract, "overrides": [{"rule": "incentive_checks", "reason": REASON}]}
    problems = world.check("contracts", foreign)
    assert {p.code for p in problems if p.field == "overrides"} == {"invalid"}
    never = {**contract, "overrides": [{"rule": "below_minimum", "reason": REASON}]}
    assert "invalid" in blocking_codes(world.check("contracts", never))


def test_roles_allowed_per_rule() -> None:
    def change(rule: str) -> dict[str, Any]:
        return {"overrides": [{"rule": rule, "reason": REASON}]}

    assert overrides.role_refusal("secretariat", "contracts", change("learner_age"), None) is None
    assert overrides.role_refusal("offa", "contracts", change("overlap"), None) is None
    refused = overrides.role_refusal("secretariat", "contracts", change("overlap"), None)
    assert refused == (
        "Dérogation refusée : seul l'OFFA peut déroger à la règle « un seul contrat à la fois "
        "par apprenant (deux contrats en parallèle) »."
    )
    coach = overrides.role_refusal("coach", "contracts", change("capacity"), None)
    assert coach is not None and "un secrétariat ou l'OFFA" in coach
    # an override already on the record is not the writer's: an edit by anyone keeps it
    past = change("overlap")
    assert overrides.role_refusal("secretariat", "contracts", past, past) is None


def test_never_overridden_rules_say_so() -> None:
    for code in ("below_minimum", "approval_not_granted", "criminal_record", "too_long"):
        note = overrides.never_note(code)
        assert note is not None and note.startswith("règle impérative, sans dérogation possible")
        assert overrides.rule_for("contracts", code) is None
    assert overrides.rule_for("contracts", "overlap") == "overlap"
    assert overrides.rule_for("contracts", "tutor_capacity") == "capacity"
    assert overrides.rule_for("incentive_claims", "overlap") is None


def test_the_writer_stamps_who_when_and_what_failed(world: World) -> None:
    contract = _old_learner(world)
    data = {**contract, "overrides": [{"rule": "learner_age", "reason": REASON, "by": "forged"}]}
    out = stamped("contracts", data, None, world.ctx, by="u7", at="2026-08-20T10:00:00Z")
    assert out["overrides"] == [{"rule": "learner_age", "reason": REASON, "by": "u7",
                                 "at": "2026-08-20T10:00:00Z", "failed": ["too_old"]}]  # fmt: skip
