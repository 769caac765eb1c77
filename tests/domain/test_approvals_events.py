from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.domain.effects import Effect, side_effects, withdrawal_event_id
from tests.domain.world import World, blocking_codes, codes


@pytest.fixture
def world() -> World:
    return World()


def approval(world: World, **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "establishment_unit_id": world.ids["unit"],
        "trade_code": "boucher",
        "operator_code": "ifapme",
        "status": "requested",
        "requested_on": "2026-10-01",
    }
    data.update(over)
    return data


# --- approval status machine -------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "ok"),
    [
        ("requested", "under_review", True),
        ("under_review", "refused", True),
        ("granted", "suspended", True),
        ("suspended", "granted", True),
        ("suspended", "withdrawn", True),
        ("granted", "withdrawn", True),
        ("requested", "granted", False),
        ("refused", "granted", False),
        ("withdrawn", "granted", False),
        ("granted", "requested", False),
        ("under_review", "suspended", False),
    ],
)
def test_approval_transitions(world: World, old: str, new: str, ok: bool) -> None:
    before = approval(world, status=old, tutor_ids=[world.ids["tutor"]], decided_on="2026-10-20")
    aid = world.ctx.add("approvals", before)
    problems = world.check("approvals", {**before, "status": new}, previous=before, record_id=aid)
    assert ("invalid_transition" not in codes(problems)) is ok, problems
    if not ok:
        bad = [p for p in problems if p.code == "invalid_transition"][0]
        assert bad.field == "status" and bad.message.startswith("Statut")


def test_approval_create_may_carry_any_status(world: World) -> None:
    assert (
        world.check("approvals", approval(world, status="withdrawn", decided_on="2026-10-20")) == []
    )


@pytest.mark.parametrize(
    ("decision", "requested_on", "blocked"),
    [
        ("refused", "2027-03-14", True),
        ("refused", "2027-03-15", False),  # one year after the refusal of 15/03/2026
        ("withdrawn", "2026-10-01", True),
        ("withdrawn", "2027-03-15", False),
    ],
)
def test_refusal_blocks_new_request_for_a_year(
    world: World, decision: str, requested_on: str, blocked: bool
) -> None:
    world.ctx.add(
        "approvals",
        approval(world, status=decision, requested_on="2025-12-01", decided_on="2026-03-15"),
    )
    problems = world.check("approvals", approval(world, requested_on=requested_on))
    assert ("blocked" in codes(problems)) is blocked
    other_trade = approval(world, trade_code="macon", requested_on=requested_on)
    assert world.check("approvals", other_trade) == []


def test_request_while_another_is_live(world: World) -> None:
    duplicate = approval(world, trade_code="boulanger")
    problems = world.check("approvals", duplicate)
    assert [(p.field, p.code) for p in problems] == [("trade_code", "duplicate")]
    world.ctx.records["approvals"][world.ids["approval"]]["status"] = "under_review"
    assert codes(world.check("approvals", duplicate)) == {"duplicate"}
    # the live one itself, updated, is not its own duplicate
    live = world.ctx.records["approvals"][world.ids["approval"]]
    assert world.check("approvals", dict(live), dict(live), world.ids["approval"]) == []


def test_decision_before_request(world: World) -> None:
    problems = world.check("approvals", approval(world, status="refused", decided_on="2026-09-30"))
    assert codes(problems) == {"before_start"}


def test_granting_needs_a_designated_tutor(world: World) -> None:
    before = approval(world, status="under_review")
    aid = world.ctx.add("approvals", before)
    granted = {**before, "status": "granted", "decided_on": "2026-11-02"}
    assert "tutor_required" in codes(world.check("approvals", granted, before, aid))
    weak = world.ctx.add("tutors", world.tutor(experience_years=1, certified=False))
    granted["tutor_ids"] = [weak]
    assert "tutor_required" in codes(world.check("approvals", granted, before, aid))
    no_extract = world.ctx.add("tutors", world.tutor(criminal_record_date=None))
    granted["tutor_ids"] = [weak, no_extract]
    assert "tutor_required" in codes(world.check("approvals", granted, before, aid))
    granted["tutor_ids"] = [weak, world.ids["tutor"]]
    assert "tutor_required" not in codes(world.check("approvals", granted, before, aid))


def test_decision_without_coach_opinion_warns_in_wallonia(world: World) -> None:
    before = approval(world, status="under_review", tutor_ids=[world.ids["tutor"]])
    aid = world.ctx.add("approvals", before)
    granted = {**before, "status": "granted", "decided_on": "2026-11-02"}
    problems = world.check("approvals", granted, before, aid)
    assert codes(problems) == {"no_coach_opinion"} and all(p.warning for p in problems)
    assert blocking_codes(problems) == set()
    world.ctx.add(
        "visits",
        {"kind": "approval", "approval_id": aid, "status": "done", "opinion": "favourable"},
    )
    assert world.check("approvals", granted, before, aid) == []


# --- contract events -------------------------------------------------------------------------


def running(world: World, **over: Any) -> str:
    fields: dict[str, Any] = {"status": "active", **over}
    return world.ctx.add("contracts", world.contract(**fields))


def event(contract_id: str, kind: str, on: str, **details: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "contract_id": contract_id,
        "kind": kind,
        "effective_date": on,
        "details": details,
    }
    return data


def test_termination_with_notice(world: World) -> None:
    cid = running(world)
    ok = event(
        cid,
        "termination",
        "2026-10-15",
        initiator="company",
        notified_on="2026-10-01",
        notice_start="2026-10-02",
        notice_end="2026-10-15",
        notice_worked=True,
    )
    assert world.check("contract_events", {**ok, "reason_code": "notice"}) == []
    in_trial = {**ok["details"], "notified_on": "2026-09-20", "notice_start": "2026-09-21"}
    problems = world.check("contract_events", {**ok, "details": in_trial})
    assert codes(problems) == {"invalid"} and "27/09/2026" in problems[0].message
    late = {**ok["details"], "notice_start": "2026-10-03"}
    assert codes(world.check("contract_events", {**ok, "details": late})) == {"invalid"}


def test_event_shapes_and_reasons(world: World) -> None:
    cid = running(world)
    bad = event(cid, "termination", "2026-10-15", initiator="boss", colour="red")
    assert [p.field for p in world.check("contract_events", bad)] == ["details", "details"]
    unknown = {**event(cid, "suspension", "2026-10-15"), "reason_code": "holidays"}
    assert codes(world.check("contract_events", unknown)) == {"not_found"}
    illness = {
        **event(cid, "suspension", "2026-10-15", end_date="2026-10-14"),
        "reason_code": "illness",
    }
    assert codes(world.check("contract_events", illness)) == {"invalid"}
    missing = event(cid, "level_change", "2026-10-15", to_level="b")
    assert codes(world.check("contract_events", missing)) == {"required"}


@pytest.mark.parametrize(
    ("status", "kind", "ok"),
    [
        ("active", "suspension", True),
        ("suspended", "suspension", False),
        ("suspended", "resumption", True),
        ("active", "resumption", False),
        ("signed", "termination", True),
        ("terminated", "termination", False),
        ("ended", "amendment", False),
        ("draft", "level_change", False),
    ],
)
def test_event_needs_a_fitting_contract_status(
    world: World, status: str, kind: str, ok: bool
) -> None:
    cid = running(world, status=status)
    details: dict[str, Any] = {}
    if kind == "level_change":
        details = {"to_level": "b", "monthly_pay": "500.00"}
    if kind == "amendment":
        details = {"changes": {"referent_name": "Nadia Benali"}}
    # an earlier event of the same kind: the contract's status is no longer "taken over"
    world.ctx.add("contract_events", event(cid, kind, "2026-09-15", **details))
    problems = world.check("contract_events", event(cid, kind, "2026-10-15", **details))
    assert ("invalid_transition" not in codes(problems)) is ok, problems


def test_event_already_shown_by_a_contract_taken_over(world: World) -> None:
    cid = running(world, status="terminated")
    termination = event(cid, "termination", "2026-10-15")
    assert world.check("contract_events", termination) == []  # its history, recorded after it
    world.ctx.add("contract_events", termination)
    assert codes(world.check("contract_events", termination)) == {"invalid_transition"}
    at_b = running(world, level="b", monthly_pay="496.92")
    change = event(
        at_b, "level_change", "2026-10-15", from_level="a", to_level="b", monthly_pay="496.92"
    )
    assert world.check("contract_events", change) == []
    again = event(at_b, "level_change", "2026-10-15", to_level="b", monthly_pay="496.92")
    assert codes(world.check("contract_events", again)) == {"invalid"}


def test_event_dates_within_contract(world: World) -> None:
    cid = running(world)
    assert codes(world.check("contract_events", event(cid, "suspension", "2026-08-31"))) == {
        "before_start"
    }
    assert codes(world.check("contract_events", event(cid, "suspension", "2028-09-01"))) == {
        "after_end"
    }


def test_level_change_pay_on_its_effective_date(world: World) -> None:
    cid = running(world, start_date="2024-03-01", end_date="2026-08-31", monthly_pay="313.19")
    world.ctx.records["approvals"][world.ids["approval"]]["decided_on"] = "2024-01-10"
    before_index = event(
        cid, "level_change", "2024-04-30", from_level="a", to_level="b", monthly_pay="442.15"
    )
    assert world.check("contract_events", before_index) == []
    after_index = event(
        cid, "level_change", "2024-05-01", from_level="a", to_level="b", monthly_pay="442.15"
    )
    problems = world.check("contract_events", after_index)
    assert codes(problems) == {"below_minimum"} and "496,92" in problems[0].message
    wrong_from = event(
        cid, "level_change", "2024-05-01", from_level="b", to_level="c", monthly_pay="700.00"
    )
    assert codes(world.check("contract_events", wrong_from)) == {"invalid"}


def test_amendment_checks_the_amended_contract(world: World) -> None:
    cid = running(world)
    ok = event(cid, "amendment", "2026-12-01", changes={"end_date": "2029-06-30"})
    assert world.check("contract_events", ok) == []
    too_long = event(cid, "amendment", "2026-12-01", changes={"end_date": "2033-06-30"})
    problems = world.check("contract_events", too_long)
    assert codes(problems) == {"too_long"} and problems[0].field == "details"
    trade = event(cid, "amendment", "2026-12-01", changes={"trade_code": "boucher"})
    assert codes(world.check("contract_events", trade)) == {"new_contract_needed"}
    status = event(cid, "amendment", "2026-12-01", changes={"status": "ended"})
    assert codes(world.check("contract_events", status)) == {"invalid"}
    bad_value = event(cid, "amendment", "2026-12-01", changes={"monthly_pay": "12"})
    assert codes(world.check("contract_events", bad_value)) == {"invalid"}


# --- effects ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "details", "changes"),
    [
        ("termination", {}, {"status": "terminated"}),
        ("suspension", {}, {"status": "suspended"}),
        ("resumption", {}, {"status": "active"}),
        (
            "level_change",
            {"to_level": "b", "monthly_pay": "500.00"},
            {"level": "b", "monthly_pay": "500.00"},
        ),
        ("amendment", {"changes": {"end_date": "2028-06-30"}}, {"end_date": "2028-06-30"}),
    ],
)
def test_event_updates_its_contract(
    world: World, kind: str, details: dict[str, Any], changes: dict[str, Any]
) -> None:
    cid = running(world)
    data = event(cid, kind, "2026-10-15", **details)
    assert side_effects("contract_events", "e1", data, None, world.ctx) == [
        Effect("contracts", cid, "update", changes)
    ]
    assert side_effects("contract_events", "e1", data, data, world.ctx) == []  # an update


def test_withdrawal_terminates_running_contracts_of_unit_and_trade(world: World) -> None:
    aid = world.ids["approval"]
    active = running(world)
    suspended = running(
        world, status="suspended", learner_id=world.ctx.add("learners", world.learner_data())
    )
    running(world, status="draft")
    running(world, status="ended")
    running(world, trade_code="boucher")
    before = dict(world.ctx.records["approvals"][aid])
    after = {**before, "status": "withdrawn", "decided_on": "2026-11-20"}
    effects = side_effects("approvals", aid, after, before, world.ctx)
    assert len(effects) == 4
    creates = [e for e in effects if e.kind == "create"]
    assert {e.fields["contract_id"] for e in creates} == {active, suspended}
    for e in creates:
        assert e.collection == "contract_events"
        assert e.record_id == withdrawal_event_id(aid, e.fields["contract_id"])
        assert e.fields["reason_code"] == "approval_withdrawn"
        assert e.fields["effective_date"] == "2026-11-20"
        assert world.check("contract_events", e.fields) == []
    updates = {e.record_id: e.fields for e in effects if e.kind == "update"}
    assert updates == {active: {"status": "terminated"}, suspended: {"status": "terminated"}}
    # the same on the server: ids are derived, not random
    assert side_effects("approvals", aid, after, before, world.ctx) == effects
    # already withdrawn: nothing more
    assert side_effects("approvals", aid, after, after, world.ctx) == []


def test_withdrawal_without_date_uses_today_and_not_before_start(world: World) -> None:
    aid = world.ids["approval"]
    future = running(world, status="signed", start_date="2027-01-04", end_date="2028-06-30")
    before = dict(world.ctx.records["approvals"][aid])
    effects = side_effects(
        "approvals", aid, {**before, "status": "withdrawn", "decided_on": None}, before, world.ctx
    )
    assert effects[0].fields["effective_date"] == "2027-01-04"
    assert effects[1] == Effect("contracts", future, "update", {"status": "terminated"})
