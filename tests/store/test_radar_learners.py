"""Migration 0021's ``radar_learners`` holds, whatever wrote the contracts and learners (a bulk
load's set-based rebuild, the sync's row-by-row writes, the unit of work, deletions), exactly
what the records say: computed here again from scratch, in Python, from every row."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from offa_desktop.demo.generator import generate
from offa_desktop.store import derived
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy, reference_records
from tests.store.server_rows import put_server_record

TODAY = date(2026, 11, 23)
RUNNING = ("signed", "active", "suspended")


def _table(wc: WorkingCopy) -> list[tuple[Any, ...]]:
    with wc.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM radar_learners ORDER BY learner_id").all()
    return [tuple(r) for r in rows]


def _from_scratch(wc: WorkingCopy) -> list[tuple[Any, ...]]:
    """Every learner with a live contract: the live learner's birth date, its running contracts
    counted, its live contracts ``[id, status, start, predecessor]`` by id when several."""
    with wc.engine.connect() as conn:
        contracts = conn.exec_driver_sql(
            "SELECT learner_id, id, status, start_date, supersedes_id, deleted FROM contracts"
        ).all()
        births = dict(conn.exec_driver_sql(
            "SELECT id, birth_date FROM learners WHERE NOT deleted").all())
    mine: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for learner, cid, status, start, supersedes, deleted in contracts:
        if learner is not None and not deleted:
            mine[learner].append((cid, status, start, supersedes))
    out = []
    for learner, rows in sorted(mine.items()):
        rows.sort()
        several = json.dumps([list(r) for r in rows], separators=(",", ":"))
        running = sum(1 for r in rows if r[1] in RUNNING)
        out.append((learner, births.get(learner), running, several if len(rows) > 1 else None))
    return out


def _rebuilt(wc: WorkingCopy) -> list[tuple[Any, ...]]:
    with wc.unit_of_work() as uow:
        derived.rebuild_learners(uow.session.connection())
    return _table(wc)


def test_bulk_fill_and_row_by_row_writes_make_the_table_the_records_say(tmp_path: Path) -> None:
    bulk = WorkingCopy.open(tmp_path / "bulk.sqlite3")
    fill_working_copy(bulk, 80, seed=4, today=TODAY, base=False)  # triggers aside, rebuilt
    table = _table(bulk)
    assert table == _from_scratch(bulk)
    assert any(r[3] is not None for r in table) and any(r[2] > 0 for r in table)
    assert any(r[2] == 0 for r in table)  # learners whose contracts all ended, or drafts
    by_row = WorkingCopy.open(tmp_path / "rows.sqlite3")  # as a sync writes, through triggers
    records = [*reference_records(), *generate(80, seed=4, today=TODAY)]
    # contracts before their learners (a page may bring them so): the learner's insert sets
    # the birth date of a row its contracts made
    records.sort(key=lambda r: r[0] != "contracts")
    with by_row.unit_of_work() as uow:
        for version, (collection, record_id, data) in enumerate(records, start=1):
            put_server_record(uow, collection, record_id, version, False, data, None, None)
    assert _table(by_row) == _from_scratch(by_row) != []
    assert _rebuilt(by_row) == _from_scratch(by_row)
    bulk.close()
    by_row.close()


def test_the_triggers_follow_every_change_of_a_contract_or_a_learner(tmp_path: Path) -> None:
    wc = WorkingCopy.open(tmp_path / "copy.sqlite3")
    fill_working_copy(wc, 40, seed=5, today=TODAY, base=False)
    with wc.engine.connect() as conn:
        contracts = conn.exec_driver_sql(
            "SELECT id, learner_id FROM contracts WHERE status IN ('signed', 'active')"
            " ORDER BY id LIMIT 8").all()
        births = dict(conn.exec_driver_sql("SELECT id, birth_date FROM learners").all())
    assert len(contracts) == 8
    before = _table(wc)
    (c0, l0), (c1, l1), (c2, _), (c3, l3), (c4, _), (c5, l5), (c6, _), (c7, l7) = contracts

    def check() -> list[tuple[Any, ...]]:
        found = _table(wc)
        assert found == _from_scratch(wc)
        return found

    with wc.unit_of_work() as uow:  # as the sync writes them (no validation)
        conn = uow.session.connection()
        sql = conn.exec_driver_sql
        sql("UPDATE contracts SET learner_id = ? WHERE id = ?", (l0, c1))  # l0: two
        sql("UPDATE contracts SET status = 'terminated' WHERE id = ?", (c2,))
        sql("UPDATE contracts SET start_date = '2030-01-01', supersedes_id = ? WHERE id = ?",
            (c0, c1))
        sql("UPDATE contracts SET deleted = 1 WHERE id = ?", (c3,))
        sql("DELETE FROM contracts WHERE id = ?", (c4,))
        sql("UPDATE contracts SET learner_id = NULL WHERE id = ?", (c6,))
        sql("UPDATE learners SET birth_date = '2008-12-24' WHERE id = ?", (l5,))
        sql("UPDATE learners SET deleted = 1 WHERE id = ?", (l7,))
        sql("DELETE FROM learners WHERE id = ?", (l3,))
    after = check()
    assert after != before
    rows = {r[0]: r for r in after}
    assert json.loads(rows[l0][3])[0][0] in (c0, c1) and len(json.loads(rows[l0][3])) >= 2
    assert rows[l5][1] == "2008-12-24" and rows[l7][1] is None
    assert l1 not in rows or rows[l1][2] < dict((r[0], r[2]) for r in before)[l1]
    assert _rebuilt(wc) == after
    with wc.unit_of_work() as uow:  # a unit of work's own edits, then a deletion
        uow.update("contracts", c1, {"learner_id": l1, "supersedes_id": None})
        uow.update("learners", l5, {"birth_date": births[l5]})  # as it was
        loner = next(x for x in sorted(births) if x not in {r[0] for r in _table(wc)})
        uow.session.connection().exec_driver_sql(
            "UPDATE contracts SET learner_id = ?, deleted = 0 WHERE id = ?", (loner, c3))
        uow.session.connection().exec_driver_sql("DELETE FROM contracts WHERE id = ?", (c6,))
    kept = check()
    rows = {r[0]: r for r in kept}
    assert rows[loner][2] == 1 and rows[l5][1] == str(births[l5])  # a learner new to it
    assert _rebuilt(wc) == kept
    wc.close()
