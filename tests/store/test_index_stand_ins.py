"""A first sync replaces the indexes a reader names with INDEXED BY by stand-ins of the same
name while it loads (store/derived.py ``set_indexes_aside(stand_ins=True)``): every reader
still runs and finds the same rows (the radar, the indicators, the search), and the real
indexes come back exactly as they were."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from offa_desktop.ops.indicators import compute as indicators
from offa_desktop.ops.radar import compute as radar
from offa_desktop.store import derived
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.search import search

TODAY = date(2026, 11, 23)
TYPED = ("a", "ma", "jean", "dup", "SRL", "0", "bru", "ent", "liège")


def _indexes(wc: WorkingCopy) -> dict[str, str]:
    with wc.engine.begin() as conn:
        return {
            str(name): str(sql)
            for name, sql in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        }


def _read(wc: WorkingCopy) -> tuple[Any, ...]:
    with wc.session() as session:
        hits = [search(session, typed, 20) for typed in TYPED]
    return radar(wc.path, TODAY).items, indicators(wc.path, TODAY), hits


def test_readers_find_the_same_rows_through_the_stand_ins(tmp_path: Path) -> None:
    wc = WorkingCopy.open(tmp_path / "c.sqlite3")
    try:
        fill_working_copy(wc, 60, seed=8, today=TODAY)
        before = _indexes(wc)
        expected = _read(wc)
        assert expected[0] and any(expected[2])  # something to find
        with wc.unit_of_work() as uow:
            derived.set_indexes_aside(
                uow.session.connection(), keep=derived.READ_BY_NAME, stand_ins=True
            )
        during = _indexes(wc)
        assert set(during) == derived.READ_BY_NAME
        stood = {n for n, sql in during.items() if sql != before[n]}
        assert "ix_companies_radar_name" in stood and "ix_learners_radar_name" in stood
        assert all(" (deleted)" in during[n] for n in stood)
        assert _read(wc) == expected
        with wc.unit_of_work() as uow:  # a later page of the load: nothing more changes
            derived.set_indexes_aside(
                uow.session.connection(), keep=derived.READ_BY_NAME, stand_ins=True
            )
        assert _indexes(wc) == during
        with wc.unit_of_work() as uow:
            assert derived.restore_indexes(uow.session.connection())
        assert _indexes(wc) == before
        assert _read(wc) == expected
    finally:
        wc.close()
