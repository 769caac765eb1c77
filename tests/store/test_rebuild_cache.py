"""The rebuild after a bulk load runs with a page cache sized for the records it indexes: the
search documents' (collection, record id) index takes a random insert per record, and past the
cache each one decrypts a page evicted a moment before (store/db.py rebuild_cache_kib)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from offa_desktop.store import db, derived, replica
from offa_desktop.store.db import WorkingCopy
from tests.store.conftest import company, enterprise_number, next_version


def test_the_cache_grows_with_the_records_within_bounds() -> None:
    assert db.rebuild_cache_kib(0) == db.BULK_CACHE_KIB
    assert db.rebuild_cache_kib(100_000) == db.BULK_CACHE_KIB  # a first sync of 100,000: as was
    assert db.rebuild_cache_kib(1_000_000) == 1_000_000 * db.REBUILD_CACHE_BYTES_PER_RECORD // 1024
    assert db.rebuild_cache_kib(10**9) == db.BULK_CACHE_MAX_KIB


def _companies(n: int) -> list[dict[str, Any]]:
    return [{"collection": "companies", "id": str(uuid.uuid4()), "version": next_version(),
             "data": company(name=f"Entreprise {i}",
                             enterprise_number=enterprise_number(5_000_000 + i)),
             "updated_at": "2026-11-02T08:00:00Z", "updated_by": None} for i in range(n)]


def test_the_rebuild_after_a_bulk_load_has_the_cache_of_its_records(
    wc: WorkingCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    with replica.transaction(wc) as tx:
        tx.defer_derived()
        tx.take_new(_companies(30))
    seen: list[int] = []
    rebuild = derived.rebuild_if_stale

    def watched(conn: Any) -> bool:
        seen.append(-int(conn.exec_driver_sql("PRAGMA cache_size").scalar()))
        return rebuild(conn)

    monkeypatch.setattr(derived, "rebuild_if_stale", watched)
    monkeypatch.setattr(db, "REBUILD_CACHE_BYTES_PER_RECORD", 1 << 20)  # 1 MiB a record
    assert replica.rebuild_derived(wc)
    with wc.session() as s:
        records = derived.searchable_records(s.connection())
        assert records >= 30
        assert -int(s.connection().exec_driver_sql("PRAGMA cache_size").scalar()) == db.CACHE_KIB
    assert seen == [min(db.BULK_CACHE_MAX_KIB, records * 1024)]
    with wc.session() as s:  # and the index was rebuilt
        hits = s.connection().exec_driver_sql(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'entreprise'").scalar()
    assert hits == 30
