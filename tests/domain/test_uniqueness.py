"""The uniqueness rule, once in the domain: a second live company with the same enterprise
number, a second live learner with the same NISS (client and server share the message)."""

from __future__ import annotations

from datetime import date

import pytest

from offa_desktop.domain.uniqueness import duplicate_message
from offa_desktop.domain.validation import validate_record
from tests.domain.world import World


@pytest.fixture
def world() -> World:
    return World()


def _codes(world: World, collection: str, data: dict, **kw: object) -> list[tuple[str, str]]:
    found = validate_record(collection, data, ctx=world.ctx, **kw)  # type: ignore[arg-type]
    return [(p.field, p.code) for p in found if p.code == "duplicate"]


def test_a_second_learner_with_a_live_niss_is_a_duplicate(world: World) -> None:
    learner_id = world.ids["learner"]
    existing = dict(world.ctx.get("learners", learner_id) or {})
    [problem] = [
        p
        for p in validate_record("learners", dict(existing), previous=None, ctx=world.ctx)
        if p.code == "duplicate"
    ]
    assert problem.field == "niss" and problem.message == duplicate_message("learners")
    assert problem.message.startswith("NISS") and "déjà enregistré" in problem.message
    # the record itself, unchanged or updated, is not its own duplicate
    assert _codes(world, "learners", existing, previous=existing, record_id=learner_id) == []
    assert _codes(world, "learners", existing, previous=None, record_id=learner_id) == []
    # another NISS is free
    other = world.learner(date(2009, 3, 14), counter=57)
    assert _codes(world, "learners", other, previous=None) == []


def test_a_second_company_with_a_live_enterprise_number_is_a_duplicate(world: World) -> None:
    company_id = world.ids["company"]
    existing = dict(world.ctx.get("companies", company_id) or {})
    copy = {**existing, "name": "Autre SRL"}
    assert _codes(world, "companies", copy, previous=None) == [("enterprise_number", "duplicate")]
    # once the first is gone, its number is free again (the context holds live records only)
    del world.ctx.records["companies"][company_id]
    assert _codes(world, "companies", copy, previous=None) == []
