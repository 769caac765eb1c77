from __future__ import annotations

import dataclasses
import typing
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from offa_desktop import reference_data
from offa_desktop.domain.entities import ENTITY_TYPES, Contract, Document, Trade, from_api
from offa_desktop.domain.schema import COLLECTIONS
from tests.domain.world import World


@pytest.mark.parametrize("collection", sorted(COLLECTIONS))
def test_entity_fields_match_schema(collection: str) -> None:
    cls = ENTITY_TYPES[collection]
    spec = COLLECTIONS[collection]
    names = {f.name for f in dataclasses.fields(cls)} - {"id", "extra"}
    assert names == set(spec.field_names)
    hints = typing.get_type_hints(cls)
    for field in spec.fields:
        needed = field.draft_required if collection == "contracts" else field.required
        optional = type(None) in typing.get_args(hints[field.name])
        if field.kind.value != "json":
            assert optional is not needed, field.name


def test_contract_round_trip_with_typed_values() -> None:
    world = World()
    data = world.contract(workplace_ids=[world.ids["unit"]])
    contract = Contract.from_api("c1", data)
    assert contract.start_date == date(2026, 9, 1)
    assert contract.monthly_pay == Decimal("351.98")
    assert contract.workplace_ids == (world.ids["unit"],)
    back = contract.to_api()
    assert {k: v for k, v in back.items() if v is not None} == data


def test_unknown_fields_are_kept() -> None:
    world = World()
    data = {**world.contract(), "stage_plus_offer": {"places": 2}}
    contract = Contract.from_api("c1", data)
    assert contract.extra == {"stage_plus_offer": {"places": 2}}
    assert contract.to_api()["stage_plus_offer"] == {"places": 2}


def test_draft_contract_and_missing_required() -> None:
    world = World()
    draft = world.contract(status="draft")
    for name in ("approval_id", "tutor_id", "end_date", "level", "monthly_pay", "schedule"):
        del draft[name]
    assert Contract.from_api("c1", draft).monthly_pay is None
    del draft["start_date"]
    with pytest.raises(ValueError):
        Contract.from_api("c1", draft)
    with pytest.raises(ValueError):
        Contract.from_api("c1", {**world.contract(), "monthly_pay": 351.98})


def test_every_record_of_the_world_and_reference_round_trips() -> None:
    world = World()
    for collection, rows in world.ctx.records.items():
        for rid, data in rows.items():
            entity = from_api(collection, rid, data)
            assert entity.id == rid
            assert {k: v for k, v in entity.to_api().items() if v is not None} == data
    for collection, rows in reference_data.load().items():
        for rid, data in rows:
            assert from_api(collection, rid, data).id == rid


def test_reference_trade_hours_and_instants() -> None:
    trade = Trade.from_api(
        "t", {"code": "boulanger", "name": "B", "sector": "alimentation", "max_daily_hours": "9.00"}
    )
    assert trade.max_daily_hours == Decimal("9")
    assert trade.to_api()["max_daily_hours"] == 9
    doc = Document.from_api(
        "d",
        {
            "record": "contracts/x",
            "file_name": "contrat.pdf",
            "media_type": "application/pdf",
            "size": 10,
            "sha256": "0" * 64,
            "created_at": "2026-11-23T09:15:00Z",
        },
    )
    assert doc.created_at == datetime(2026, 11, 23, 9, 15, tzinfo=UTC)
    assert doc.to_api()["created_at"] == "2026-11-23T09:15:00Z"
