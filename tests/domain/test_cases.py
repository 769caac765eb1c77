"""Stage+ offers and referrals to the Commission (issue 18): statuses, dates, the approval an
offer belongs to, the record a referral is about, and who may write them."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.domain.permissions import Write, may_write
from offa_desktop.domain.scope import Actor
from offa_desktop.domain.validation import validate_record
from tests.domain.world import World, blocking_codes


@pytest.fixture
def world() -> World:
    return World()


def offer(world: World, **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "approval_id": world.ids["approval"],
        "establishment_unit_id": world.ids["unit"],
        "trade_code": "boulanger",
        "operator_code": "ifapme",
        "title": "Apprenti boulanger",
        "description": "Pain au levain, viennoiseries, four à bois.",
        "start_date": "2026-09-01",
        "places": 2,
        "status": "draft",
    }
    data.update(over)
    return data


def check(world: World, collection: str, data: dict[str, Any],
          previous: dict[str, Any] | None = None) -> set[str]:  # fmt: skip
    return blocking_codes(validate_record(collection, data, previous=previous, ctx=world.ctx))


def test_an_offer_is_posted_published_and_closed(world: World) -> None:
    draft = offer(world)
    assert check(world, "stage_offers", draft) == set()
    published = {**draft, "status": "published", "published_on": "2026-11-02"}
    assert check(world, "stage_offers", published, draft) == set()
    assert check(world, "stage_offers", {**published, "published_on": None}, draft) == {
        "required"}  # fmt: skip
    closed = {**published, "status": "closed", "closed_on": "2026-11-20"}
    assert check(world, "stage_offers", closed, published) == set()
    assert check(world, "stage_offers", {**closed, "closed_on": "2026-10-01"}, published) == {
        "invalid"}  # fmt: skip
    assert check(world, "stage_offers", {**closed, "status": "published"}, closed) == {
        "invalid_transition"}  # fmt: skip
    assert check(world, "stage_offers", {**draft, "places": 0}) == {"invalid"}


def test_an_offer_belongs_to_a_granted_approval_and_takes_its_unit_and_trade(
    world: World,
) -> None:
    assert check(world, "stage_offers", offer(world, trade_code="boucher")) == {
        "approval_mismatch"}  # fmt: skip
    draft = offer(world)
    world.ctx.records["approvals"][world.ids["approval"]]["status"] = "suspended"
    problems = validate_record("stage_offers", draft, previous=None, ctx=world.ctx)
    assert [p.message for p in problems if p.code == "approval_not_granted"] == [
        "Agrément\u00a0: une offre Stage+ se publie pour un agrément accordé."]  # fmt: skip
    # An offer of an approval suspended since: still edited and closed, not published.
    assert check(world, "stage_offers", {**draft, "places": 3}, draft) == set()
    closing = {**draft, "status": "closed", "closed_on": "2026-11-20"}
    assert check(world, "stage_offers", closing, draft) == set()
    publishing = {**draft, "status": "published", "published_on": "2026-11-20"}
    assert check(world, "stage_offers", publishing, draft) == {"approval_not_granted"}


def referral(world: World, **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "subject": "approval",
        "approval_id": world.ids["approval"],
        "operator_code": "ifapme",
        "reason": "Le coach sectoriel donne un avis défavorable que l'opérateur conteste.",
        "status": "referred",
        "referred_on": "2026-11-02",
    }
    data.update(over)
    return data


def test_a_referral_goes_through_mediation_to_its_outcome(world: World) -> None:
    referred = referral(world)
    assert check(world, "mediation_referrals", referred) == set()
    mediation = {**referred, "status": "in_mediation"}
    assert check(world, "mediation_referrals", mediation, referred) == {"required"}
    mediation["mediation_on"] = "2026-11-10"
    assert check(world, "mediation_referrals", mediation, referred) == set()
    settled = {**mediation, "status": "settled", "closed_on": "2026-11-30"}
    problems = validate_record("mediation_referrals", settled, previous=mediation, ctx=world.ctx)
    assert [p.message for p in problems] == [
        "Issue\u00a0: à remplir pour une saisine conciliée ou tranchée."]  # fmt: skip
    settled["outcome"] = "Accord : le coach revoit son avis après une seconde visite."
    assert check(world, "mediation_referrals", settled, mediation) == set()
    assert check(world, "mediation_referrals", {**settled, "status": "referred"}, settled) == {
        "invalid_transition"}  # fmt: skip
    early = {**mediation, "mediation_on": "2026-10-01"}
    assert check(world, "mediation_referrals", early, referred) == {"invalid"}
    # The Commission may decide without a mediation; never "settle" without one.
    decided = {**referred, "status": "decided", "closed_on": "2026-11-30", "outcome": "Refus."}
    assert check(world, "mediation_referrals", decided, referred) == set()
    assert check(world, "mediation_referrals", {**decided, "status": "settled"}, referred) == {
        "invalid_transition"}  # fmt: skip


def test_a_referral_names_the_record_of_its_subject_and_of_its_operator(world: World) -> None:
    assert check(world, "mediation_referrals", referral(world, approval_id=None)) == {"required"}
    contract_id = world.ctx.add("contracts", world.contract())
    both = referral(world, contract_id=contract_id)
    assert check(world, "mediation_referrals", both) == {"invalid"}
    about_contract = referral(world, subject="contract", approval_id=None,
                              contract_id=contract_id)  # fmt: skip
    assert check(world, "mediation_referrals", about_contract) == set()
    assert check(world, "mediation_referrals", {**about_contract, "operator_code": "sfpme"}) == {
        "invalid"}  # fmt: skip


def test_who_writes_offers_and_referrals() -> None:
    sec = Actor("u1", "secretariat", "ifapme", ())
    other = Actor("u2", "secretariat", "cefa-liege", ())
    coach = Actor("u3", "coach", None, ("alimentation",))
    offa = Actor("u4", "offa", None, ())

    def writes(who: Actor, collection: str, old: dict[str, Any] | None,
               new: dict[str, Any]) -> bool:  # fmt: skip
        keys = {"sec", "s:alimentation", "o:ifapme"}
        write = Write(collection, "update" if old else "create", "id", old, new)
        return may_write(who, write, old_keys=keys if old else None, new_keys=keys)

    mine = {"operator_code": "ifapme", "status": "draft"}
    assert writes(sec, "stage_offers", None, mine)
    assert not writes(other, "stage_offers", None, mine)
    assert not writes(coach, "stage_offers", None, mine)
    referred = {"operator_code": "ifapme", "status": "referred"}
    assert writes(sec, "mediation_referrals", None, referred)
    assert writes(sec, "mediation_referrals", referred, {**referred, "reason": "Précisé."})
    moved = {**referred, "status": "in_mediation"}
    assert not writes(sec, "mediation_referrals", referred, moved)  # the Commission's move
    assert writes(offa, "mediation_referrals", referred, moved)
    assert not writes(sec, "mediation_referrals", moved, {**moved, "reason": "Autre."})
    assert not writes(other, "mediation_referrals", None, referred)


def test_a_mobility_is_asked_by_the_receiving_operator_and_decided_by_the_sending_one(
    world: World,
) -> None:
    from offa_desktop.domain.effects import side_effects

    learner = world.ctx.records["learners"][world.ids["learner"]]
    asked = {"niss": learner["niss"], "from_operator": learner["operator_code"],
             "to_operator": "cefa-liege", "status": "requested", "requested_on": "2026-12-01"}
    assert check(world, "learner_transfers", asked) == set()
    assert check(world, "learner_transfers", {**asked, "to_operator": asked["from_operator"]}
                 ) == {"invalid"}  # fmt: skip
    assert check(world, "learner_transfers", {**asked, "from_operator": "sfpme"}) == {"invalid"}
    accepted = {**asked, "status": "accepted", "decided_on": "2026-12-03", "level_reached": "b"}
    assert check(world, "learner_transfers", {**accepted, "decided_on": None}, asked) == {
        "required"}  # fmt: skip
    assert check(world, "learner_transfers", accepted, asked) == set()
    (effect,) = side_effects("learner_transfers", "t1", accepted, asked, world.ctx)
    assert (effect.collection, effect.record_id, effect.fields) == (
        "learners", world.ids["learner"], {"operator_code": "cefa-liege"})
    assert side_effects("learner_transfers", "t1", accepted, accepted, world.ctx) == []
    sending = Actor("u1", "secretariat", asked["from_operator"], ())
    receiving = Actor("u2", "secretariat", "cefa-liege", ())
    other = Actor("u3", "secretariat", "sfpme", ())

    def writes(who: Actor, old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
        write = Write("learner_transfers", "update" if old else "create", "id", old, new)
        return may_write(who, write, old_keys=None, new_keys=None)

    assert writes(receiving, None, asked) and not writes(sending, None, asked)
    assert not writes(other, None, asked)
    assert writes(sending, asked, accepted) and not writes(receiving, asked, accepted)
    assert writes(receiving, asked, {**asked, "status": "cancelled"})
    assert not writes(sending, accepted, {**accepted, "level_reached": "c"})  # decided: done
