"""The bulk rebuild of the search index and list keys equals what the triggers make row by row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from offa_desktop.demo.generator import generate
from offa_desktop.store import derived
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy, reference_records
from offa_desktop.store.search import FOLDS
from tests.store.server_rows import put_server_record

TODAY = date(2026, 11, 23)


def _derived(wc: WorkingCopy) -> tuple[list[tuple[object, ...]], ...]:
    with wc.engine.connect() as conn:
        search = conn.exec_driver_sql(
            "SELECT collection, record_id, terms FROM search_fts ORDER BY collection, record_id"
        ).all()
        docs = conn.exec_driver_sql(
            "SELECT d.collection, d.record_id FROM search_docs d JOIN search_fts f "
            "ON f.rowid = d.docid AND f.record_id = d.record_id ORDER BY 1, 2"
        ).all()
        keys = conn.exec_driver_sql("SELECT * FROM list_contract_keys ORDER BY contract_id").all()
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).all()
    return (
        [tuple(r) for r in search],
        [tuple(r) for r in docs],
        [tuple(r) for r in keys],
        [tuple(r) for r in triggers],
    )


def test_bulk_fill_makes_what_the_triggers_make(tmp_path: Path) -> None:
    bulk = WorkingCopy.open(tmp_path / "bulk.sqlite3")
    fill_working_copy(bulk, 60, seed=8, today=TODAY, base=False)
    by_row = WorkingCopy.open(tmp_path / "rows.sqlite3")
    records = [*reference_records(), *generate(60, seed=8, today=TODAY)]
    with by_row.unit_of_work() as uow:
        for version, (collection, record_id, data) in enumerate(records, start=1):
            put_server_record(uow, collection, record_id, version, False, data, None, None)
    search, docs, keys, triggers = _derived(bulk)
    assert len(search) == len(docs) > 100 and len(keys) == 60
    assert any("ł" in str(r) or "é" in str(r) for r in keys) is False  # folded keys
    assert (search, docs, keys, triggers) == _derived(by_row)
    bulk.close()
    by_row.close()


def test_rebuild_folds_as_the_triggers_fold(tmp_path: Path) -> None:
    """Words all in ASCII (the rebuild skips the folding), with letters folded by hand (ł, ø, ß,
    æ...) and with accents only: the rebuilt index holds what the triggers wrote."""
    wc = WorkingCopy.open(tmp_path / "copy.sqlite3")
    names = [("Dupont", "Marc"), ("Wałęsa", "Bjørn"), ("Hélène", "Noël"), ("Straße", "Æsa"),
             ("ŁUKASZ", "Þóra"), ("Øvergaard", "ı")]  # fmt: skip
    assert len({c for pair in names for n in pair for c in n} & {a for a, _ in FOLDS}) >= 5
    learners = [r for r in generate(len(names) * 3, seed=3, today=TODAY) if r[0] == "learners"]
    with wc.unit_of_work() as uow:
        for version, ((last, first), (collection, record_id, data)) in enumerate(
            zip(names, learners, strict=False), start=1
        ):
            data = {**data, "last_name": last, "first_name": first}
            put_server_record(uow, collection, record_id, version, False, data, None, None)
    by_triggers = _derived(wc)
    terms = " ".join(str(row[2]) for row in by_triggers[0])
    assert all(word in terms for word in ("Dupont", "Walęsa Bjorn", "Hélène", "Strasse AEsa"))
    with wc.unit_of_work() as uow:
        derived.rebuild(uow.session.connection())
    assert _derived(wc) == by_triggers
    wc.close()
