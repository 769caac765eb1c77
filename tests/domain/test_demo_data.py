"""The demo generator's records pass the domain rules, in creation order (a cross-check of both:
the generator promises valid data, the rules must not refuse realistic records)."""

from __future__ import annotations

from datetime import date

import pytest

from offa_desktop import reference_data
from offa_desktop.domain.effects import side_effects
from offa_desktop.domain.validation import blocking, validate_record
from tests.domain.memory import MemoryContext


@pytest.mark.parametrize(("size", "seed"), [(60, 11), (400, 2)])
def test_demo_records_are_valid(size: int, seed: int) -> None:
    """Against the demo's reference data (its recent RMMMG indexation included); the later
    states (a suspended approval) as updates of what came first."""
    from offa_desktop.demo.deadlines import demo_reference
    from offa_desktop.demo.generator import DemoGenerator

    today = date.today()
    ctx = MemoryContext(today=today)
    ctx.refs = {name: [d for _, d in rows] for name, rows in demo_reference(today).items()}
    problems: list[str] = []
    seen = 0
    gen = DemoGenerator(seed, today)
    for collection, rid, data in gen.records(size):
        if collection in ctx.refs:
            continue
        seen += 1
        for p in blocking(validate_record(collection, data, previous=None, ctx=ctx, record_id=rid)):
            problems.append(f"{collection}/{rid} {p.field} {p.code}: {p.message}")
        ctx.add(collection, data, rid)
    for collection, rid, data in gen.scenarios.later:
        previous = ctx.records[collection][rid]
        for p in blocking(validate_record(collection, data, previous=previous, ctx=ctx,
                                          record_id=rid)):
            problems.append(f"later {collection}/{rid} {p.field} {p.code}: {p.message}")
        ctx.add(collection, data, rid)
    assert seen > 200
    assert problems == []


def test_demo_contract_events_effects_agree_with_contracts() -> None:
    from offa_desktop.demo.generator import generate

    ctx = MemoryContext(today=date.today())
    ctx.refs = {name: [d for _, d in rows] for name, rows in reference_data.load().items()}
    terminations = 0
    for collection, rid, data in generate(40, seed=4):
        if collection == "contract_events":
            for effect in side_effects(collection, rid, data, None, ctx):
                contract = ctx.records["contracts"][effect.record_id]
                if data["kind"] == "termination":
                    terminations += 1
                    assert contract["status"] == "terminated"
        if collection not in ctx.refs:
            ctx.add(collection, data, rid)
    assert terminations > 0
