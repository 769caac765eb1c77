"""``store/export_rows.batches`` reads the table in its own order (through a temporary file) and
hands the rows back by id: for every collection of a demo copy, the same records in id order,
each value what the store's SQLAlchemy side reads for it (API-shaped records), linked records by
name; a field whose value sits in ``extra`` takes its place; deleted records and filters apply;
batches of any size give the same rows."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert, text, update

from offa_desktop import paths
from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.store import export_rows, queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.records import table
from tests.keyed import unlock


@pytest.fixture(scope="module")
def wc(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from offa_desktop.store.demo_fill import fill_working_copy

    folder = tmp_path_factory.mktemp("export-rows")
    copy = WorkingCopy.open(unlock(paths.working_copy_path(folder)))
    fill_working_copy(copy, 60, seed=11)
    with copy.session() as db:
        contracts = table("contracts")
        first, second, third = db.execute(
            text("SELECT id FROM contracts ORDER BY id LIMIT 3")).scalars().all()
        # a date the column could not hold, kept in extra (as to_columns does)
        db.execute(update(contracts).where(contracts.c.id == first).values(
            start_date=None, extra={"start_date": "bientôt", "later_field": 1}))
        db.execute(update(contracts).where(contracts.c.id == second).values(deleted=True))
        db.execute(update(contracts).where(contracts.c.id == third).values(
            referent_name="Ça & <là> \x01 😀"))
        # an instant (stored with microseconds, exported as the API writes it)
        db.execute(insert(table("documents")).values(
            id="00000000-0000-4000-8000-000000000001", deleted=False, version=1, size=12,
            created_at=datetime(2026, 11, 23, 9, 15, tzinfo=UTC)))
        db.commit()
    yield copy
    copy.close()


def _expected(db: Any, collection: str, **equal: str) -> list[tuple[str, list[Any]]]:
    spec = COLLECTIONS[collection]
    records = sorted(queries.page(db, collection, limit=10**6), key=lambda r: r.id)
    names: dict[str, str] = {}
    for f in spec.fields:
        if f.kind is Kind.REF and f.ref and f.ref != "contracts":
            for r in queries.page(db, f.ref, limit=10**6, include_deleted=True):
                names[r.id] = export_rows._label(f.ref, r.data) or r.id
    rows = []
    for r in records:
        if any(str(r.data.get(k)) != v for k, v in equal.items()):
            continue
        # a record with fields beyond the schema's has an extra: its values in their API form
        api_form = bool(r.data.keys() - {f.name for f in spec.fields})
        values: list[Any] = []
        for f in spec.fields:
            value = r.data.get(f.name)
            if value is not None and f.kind is Kind.REF:
                value = names.get(value, value)
            elif value is not None and f.kind in (Kind.MONEY, Kind.PERCENT) and not api_form:
                value = Decimal(value)
            values.append(value)
        rows.append((r.id, values))
    return rows


def _typed(rows: list[tuple[str, list[Any]]]) -> list[Any]:
    """The rows with each value's type beside it (True is not 1, 7.0 not 7)."""
    return [(i, [(type(v).__name__, v) for v in values]) for i, values in rows]


def _read(db: Any, collection: str, size: int = 7, **equal: str) -> list[tuple[str, list[Any]]]:
    return [row for batch, _names in export_rows.batches(db, collection, equal, size)
            for row in batch]


@pytest.mark.parametrize("collection", sorted(COLLECTIONS))
def test_every_collection_by_id_as_the_store_reads_it(wc: Any, collection: str) -> None:
    with wc.session() as db:
        got = _read(db, collection)
        assert [r[0] for r in got] == sorted(r[0] for r in got)
        assert _typed(got) == _typed(_expected(db, collection))
        if collection == "documents":
            fields = [f.name for f in COLLECTIONS["documents"].fields]
            assert got[0][1][fields.index("created_at")] == "2026-11-23T09:15:00Z"


def test_extra_deleted_filters_and_batch_sizes(wc: Any) -> None:
    with wc.session() as db:
        ids = db.execute(text("SELECT id FROM contracts ORDER BY id LIMIT 3")).scalars().all()
        got = _read(db, "contracts")
        fields = [f.name for f in COLLECTIONS["contracts"].fields]
        by_id = dict(got)
        assert ids[1] not in by_id  # deleted
        with_extra = by_id[ids[0]]
        assert with_extra[fields.index("start_date")] == "bientôt"
        # that record's values in their API form, as to_api gives them with its extra
        assert isinstance(with_extra[fields.index("monthly_pay")], str | None)
        assert by_id[ids[2]][fields.index("referent_name")] == "Ça & <là> \x01 😀"
        for size in (1, 2, 1000):
            assert _read(db, "contracts", size) == got
        active = _read(db, "contracts", status="active")
        assert _typed(active) == _typed(_expected(db, "contracts", status="active"))
        assert 0 < len(active) < len(got)
        assert _read(db, "contracts", status="none") == []
        # the store's page cache is put back after the read
        assert db.execute(text("PRAGMA cache_size")).scalar() != -export_rows.EXPORT_CACHE_KB
