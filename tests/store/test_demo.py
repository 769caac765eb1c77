"""Demo data: valid under the domain rules, unique and valid identifiers, realistic shares,
parents first, deterministic; and the fill of a working copy as server records."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from stdnum import iban
from stdnum.be import iban as be_iban
from stdnum.be import ssn, vat

from offa_desktop import reference_data
from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.demo.generator import generate
from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.domain.validation import validate_record
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.records import table
from offa_desktop.store.tables import BASE, OUTBOX

TODAY = date(2026, 11, 23)
Record = tuple[str, str, dict[str, Any]]


class MemoryContext:
    """A RuleContext over records held in memory, with every operator's records (full scope)."""

    full_scope = True

    def __init__(self) -> None:
        self.data: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for collection, rows in reference_data.load().items():
            for record_id, data in rows:
                self.data[collection][record_id] = data
        for account in DEMO_ACCOUNTS:
            self.data["users"][account.id] = account.user_record()

    def get(self, collection: str, id: str) -> Mapping[str, Any] | None:
        return self.data[collection].get(id)

    def find(self, collection: str, **equals: Any) -> list[tuple[str, Mapping[str, Any]]]:
        return [
            (i, d)
            for i, d in self.data[collection].items()
            if all(d.get(k) == v for k, v in equals.items())
        ]

    def reference(self, collection: str) -> list[Mapping[str, Any]]:
        return [{**d, "id": i} for i, d in self.data[collection].items()]

    def today(self) -> date:
        return TODAY


@pytest.fixture(scope="module")
def sample() -> list[Record]:
    return list(generate(600, seed=11, today=TODAY))


def test_every_record_passes_the_domain_rules(sample: list[Record]) -> None:
    ctx = MemoryContext()
    problems = []
    for collection, record_id, data in sample:
        if collection == "contract_events":
            # an event is made on its contract as it stood before the event
            contract = ctx.data["contracts"][data["contract_id"]]
            after = dict(contract)
            if data["kind"] in ("termination", "suspension"):
                contract["status"] = "active"
            if data["kind"] == "level_change":
                contract["level"] = data["details"]["from_level"]
            found = validate_record(collection, data, previous=None, ctx=ctx, record_id=record_id)
            contract.clear()
            contract.update(after)
        else:
            found = validate_record(collection, data, previous=None, ctx=ctx, record_id=record_id)
        problems += [(collection, p.field, p.code, p.message) for p in found]
        ctx.data[collection][record_id] = data
    assert problems == []


def test_parents_come_first(sample: list[Record]) -> None:
    seen: set[str] = set(DEMO_ACCOUNTS[i].id for i in range(len(DEMO_ACCOUNTS)))
    for collection, record_id, data in sample:
        for f in COLLECTIONS[collection].fields:
            value = data.get(f.name)
            if f.kind is Kind.REF and value is not None:
                assert value in seen, (collection, f.name)
            if f.kind is Kind.REFS and value:
                assert set(value) <= seen, (collection, f.name)
        seen.add(record_id)


def test_identifiers_are_valid_and_unique() -> None:
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for collection, _, data in generate(3000, seed=5, today=TODAY):
        by[collection].append(data)
    niss = [d["niss"] for d in by["learners"]]
    assert len(set(niss)) == len(niss) and all(ssn.is_valid(n) for n in niss)
    reps = [d["representative"]["niss"] for d in by["learners"] if d["representative"]]
    assert reps and all(ssn.is_valid(n) for n in reps)
    numbers = [d["enterprise_number"] for d in by["companies"]]
    assert len(set(numbers)) == len(numbers) and all(vat.is_valid(n) for n in numbers)
    units = [d["unit_number"] for d in by["establishment_units"]]
    assert len(set(units)) == len(units)
    assert all(u[0] == "2" and (int(u[:8]) + int(u[8:])) % 97 == 0 for u in units)
    ibans = [d["iban"] for d in by["learners"] if d["iban"]]
    assert len(ibans) > len(by["learners"]) // 2
    assert all(iban.is_valid(i) and be_iban.is_valid(i) for i in ibans)


def test_shares_look_like_the_field(sample: list[Record]) -> None:
    contracts = [d for c, _, d in sample if c == "contracts"]
    status = Counter(d["status"] for d in contracts)
    assert len(contracts) == 600
    assert status["active"] > status["terminated"] > 0
    assert status["active"] > len(contracts) / 3 and all(
        status[s] for s in ("signed", "suspended", "ended", "draft")
    )
    approvals = Counter(d["status"] for c, _, d in sample if c == "approvals")
    assert approvals["granted"] > sum(approvals.values()) * 0.7 and approvals["under_review"]
    units = [d for c, _, d in sample if c == "establishment_units"]
    regions = Counter(d["region"] for d in units)
    assert regions["wal"] > regions["bxl"] > 0
    assert len({d["operator_code"] for d in contracts}) >= 6
    assert len({d["trade_code"] for d in contracts}) >= 12
    assert Counter(d["level"] for d in contracts)["a"] > len(contracts) / 2


def test_same_seed_same_data_other_seed_other_data() -> None:
    first = list(itertools.islice(generate(50, seed=1, today=TODAY), 200))
    assert first == list(itertools.islice(generate(50, seed=1, today=TODAY), 200))
    assert first != list(itertools.islice(generate(50, seed=2, today=TODAY), 200))


def test_fill_loads_server_records_without_outbox(tmp_path: Path) -> None:
    wc = WorkingCopy.open(tmp_path / "wc.sqlite3")
    written = fill_working_copy(wc, 40, seed=4, today=TODAY)
    generated = Counter(c for c, _, _ in generate(40, seed=4, today=TODAY))
    with wc.session() as s:
        for collection, n in generated.items():
            assert queries.count(s, collection) == n
        assert queries.count(s, "users") == len(DEMO_ACCOUNTS)
        assert s.execute(select(func.count()).select_from(OUTBOX)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(BASE)).scalar_one() == written
        versions = s.execute(select(table("contracts").c.version)).scalars().all()
        assert None not in versions and len(set(versions)) == len(versions)
        # rows written by the bulk encoder read back exactly as the generator made them
        made = {i: d for c, i, d in generate(40, seed=4, today=TODAY) if c == "contracts"}
        for record_id, data in made.items():
            assert queries.get(s, "contracts", record_id) == data
        assert queries.search(s, next(iter(made.values()))["referent_name"])
    with pytest.raises(ValueError, match="empty"):
        fill_working_copy(wc, 1)
    wc.close()
