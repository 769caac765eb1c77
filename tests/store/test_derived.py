"""The bulk rebuild of the search index and list keys equals what the triggers make row by row."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from offa_desktop.demo.generator import generate
from offa_desktop.store import derived, search_rows
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy, reference_records
from offa_desktop.store.search import FOLDS
from tests.store.indexed import indexed_records, indexed_words
from tests.store.server_rows import put_server_record

TODAY = date(2026, 11, 23)


def _derived(wc: WorkingCopy) -> tuple[list[tuple[object, ...]], ...]:
    with wc.engine.connect() as conn:
        search = indexed_words(conn, "search_fts")
        docs = indexed_records(conn, "search_fts")
        names = indexed_words(conn, "search_names")
        keys = conn.exec_driver_sql("SELECT * FROM list_contract_keys ORDER BY contract_id").all()
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).all()
    return (
        [tuple(r) for r in search],
        [tuple(r) for r in docs],
        [tuple(r) for r in names],
        [tuple(r) for r in keys],
        [tuple(r) for r in triggers],
    )


def _in_charge(wc: WorkingCopy) -> list[tuple[object, ...]]:
    with wc.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM radar_tutors_in_charge ORDER BY 1").all()
    return [tuple(r) for r in rows]


def _learners(wc: WorkingCopy) -> list[tuple[object, ...]]:
    with wc.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM radar_learners ORDER BY 1").all()
    return [tuple(r) for r in rows]


def test_bulk_fill_makes_what_the_triggers_make(tmp_path: Path) -> None:
    bulk = WorkingCopy.open(tmp_path / "bulk.sqlite3")
    fill_working_copy(bulk, 60, seed=8, today=TODAY, base=False)
    by_row = WorkingCopy.open(tmp_path / "rows.sqlite3")
    records = [*reference_records(), *generate(60, seed=8, today=TODAY)]
    with by_row.unit_of_work() as uow:
        for version, (collection, record_id, data) in enumerate(records, start=1):
            put_server_record(uow, collection, record_id, version, False, data, None, None)
    search, docs, names, keys, triggers = _derived(bulk)
    assert len(search) == len(docs) > 100 and len(keys) == 60
    # the learners' names alone (migration 0026), each under its document's number
    assert len(names) == sum(1 for c, *_ in docs if c == "learners") > 20
    assert any("ł" in str(r) or "é" in str(r) for r in keys) is False  # folded keys
    assert (search, docs, names, keys, triggers) == _derived(by_row)
    # the radar's tutors in charge (migration 0019), kept row by row, as a rebuild counts them
    # (the bulk fill writes later states of a few records: its own count, rebuilt at its end)
    in_charge = _in_charge(by_row)
    assert len(in_charge) > 20 and len(_in_charge(bulk)) > 20
    with by_row.unit_of_work() as uow:
        derived.rebuild_tutors_in_charge(uow.session.connection())
    assert _in_charge(by_row) == in_charge
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
    assert all(word in terms for word in ("dupont", "walesa bjorn", "helene", "strasse aesa"))
    assert {r[2] for r in by_triggers[2]} >= {"walesa bjorn", "strasse aesa", "lukasz thora"}
    with wc.unit_of_work() as uow:
        derived.rebuild(uow.session.connection())
    assert _derived(wc) == by_triggers
    wc.close()


def _rows(wc: WorkingCopy) -> list[list[tuple[object, ...]]]:
    """The schema (indexes included), some tables' rows but their last change's instant (the
    fill's clock, to the second)."""
    with wc.engine.connect() as conn:
        schema = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' "
            "ORDER BY 2"
        ).all()  # the statistics: a fill's end, not a rebuild at the next open
        out = [[tuple(r) for r in schema]]
        for name in ("contracts", "learners", "companies", "visits", "base"):
            columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({name})")]
            kept = ", ".join(c for c in columns if c != "updated_at")
            sql = f"SELECT rowid, {kept} FROM {name} ORDER BY rowid"
            out.append([tuple(r) for r in conn.exec_driver_sql(sql).all()])
    return out


def test_a_fill_in_several_transactions_makes_what_one_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows committed every few records (the 1,000,000-contract copy commits every 100,000),
    the derived tables built once at the end, the explicit indexes set aside and built again
    after them: the same rows, schema, search index and keys as one transaction with the
    indexes in place; a fill stopped before that end leaves the derived tables and the indexes
    flagged, and the next open rebuilds them."""
    one = WorkingCopy.open(tmp_path / "one.sqlite3")
    fill_working_copy(one, 60, seed=8, today=TODAY, commit_every=10**9, indexes_aside=False)
    many = WorkingCopy.open(tmp_path / "many.sqlite3")
    commits = []
    real_uow = many.unit_of_work

    def counted() -> object:
        commits.append(1)
        return real_uow()

    monkeypatch.setattr(many, "unit_of_work", counted)
    fill_working_copy(many, 60, seed=8, today=TODAY, commit_every=37, indexes_aside=True)
    assert len(commits) > 5  # ~330 records: 9 transactions of rows, the derived tables' one
    assert _rows(many) == _rows(one) and _derived(many) == _derived(one)
    assert _in_charge(many) == _in_charge(one) != []
    assert _learners(many) == _learners(one) != []  # the radar's learners (0021)
    with many.engine.connect() as conn:
        assert not derived.is_stale(conn)
    one.close()
    many.close()

    stopped = WorkingCopy.open(tmp_path / "stopped.sqlite3")

    def killed(conn: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(derived, "rebuild", killed)
        with pytest.raises(KeyboardInterrupt):
            fill_working_copy(stopped, 60, seed=8, today=TODAY, commit_every=37,
                              indexes_aside=True)  # fmt: skip
    with stopped.engine.connect() as conn:
        assert derived.is_stale(conn)
        assert conn.exec_driver_sql("SELECT count(*) FROM list_contract_keys").scalar() == 0
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'ix_contracts_learner_id'"
        ).scalar() == 0  # fmt: skip
    stopped.close()
    reopened = WorkingCopy.open(tmp_path / "stopped.sqlite3")
    one = WorkingCopy.open(tmp_path / "one.sqlite3")
    assert _rows(reopened) == _rows(one) and _derived(reopened) == _derived(one)
    assert _in_charge(reopened) == _in_charge(one)
    assert _learners(reopened) == _learners(one)
    reopened.close()
    one.close()


def test_tutors_in_charge_kept_by_the_triggers_as_a_rebuild_counts_them(tmp_path: Path) -> None:
    """Migration 0019's table after contracts and approvals change their tutors, status or
    deletion (through the unit of work and as the sync writes them) holds what a rebuild
    counts from the records; a tutor no longer named leaves it."""
    wc = WorkingCopy.open(tmp_path / "copy.sqlite3")
    fill_working_copy(wc, 40, seed=5, today=TODAY, base=False)
    with wc.engine.connect() as conn:
        contracts = conn.exec_driver_sql(
            "SELECT id, tutor_id FROM contracts WHERE status IN ('signed', 'active')"
            " AND tutor_id IS NOT NULL ORDER BY id LIMIT 3").all()
        approvals = conn.exec_driver_sql(
            "SELECT id, tutor_ids FROM approvals WHERE status = 'granted'"
            " AND json_array_length(tutor_ids) > 0 ORDER BY id LIMIT 3").all()
        tutors = [r[0] for r in conn.exec_driver_sql("SELECT id FROM tutors ORDER BY id")]
    assert len(contracts) == 3 and len(approvals) == 3
    before = _in_charge(wc)
    loner = next(t for t in tutors if t not in {str(r[0]) for r in before})
    with wc.unit_of_work() as uow:  # as the sync writes them (no validation)
        conn = uow.session.connection()
        conn.exec_driver_sql("UPDATE contracts SET status = 'ended' WHERE id = ?",
                             (contracts[0][0],))
        conn.exec_driver_sql("UPDATE contracts SET tutor_id = ? WHERE id = ?",
                             (loner, contracts[1][0]))
        conn.exec_driver_sql("UPDATE contracts SET deleted = 1 WHERE id = ?", (contracts[2][0],))
        conn.exec_driver_sql("UPDATE approvals SET tutor_ids = ? WHERE id = ?",
                             (json.dumps([loner, loner, 7]), approvals[0][0]))
        conn.exec_driver_sql("UPDATE approvals SET status = 'refused' WHERE id = ?",
                             (approvals[1][0],))
        conn.exec_driver_sql("UPDATE approvals SET tutor_ids = 'not json' WHERE id = ?",
                             (approvals[2][0],))
        conn.exec_driver_sql("DELETE FROM contracts WHERE id = ?", (contracts[0][0],))
    after = _in_charge(wc)
    assert after != before and (loner, 3) in after
    assert all(n > 0 for _, n in after)
    with wc.unit_of_work() as uow:
        derived.rebuild_tutors_in_charge(uow.session.connection())
    assert _in_charge(wc) == after
    with wc.unit_of_work() as uow:  # a unit of work's own edits, then deletions
        uow.update("contracts", str(contracts[1][0]), {"tutor_id": contracts[1][1]})
        conn = uow.session.connection()
        conn.exec_driver_sql("DELETE FROM approvals WHERE id = ?", (approvals[0][0],))
    kept = _in_charge(wc)
    assert loner not in {r[0] for r in kept}
    with wc.unit_of_work() as uow:
        derived.rebuild_tutors_in_charge(uow.session.connection())
    assert _in_charge(wc) == kept
    wc.close()


def test_every_index_a_reader_names_is_kept_when_a_first_sync_sets_indexes_aside(
    tmp_path: Path,
) -> None:
    """SQLite refuses a statement with ``INDEXED BY`` an index that does not exist: a first
    sync sets the indexes aside while the window may read, so it keeps every index the client's
    SQL names (derived.READ_BY_NAME), each an index of the schema, and drops the others."""
    import re

    root = Path(derived.__file__).resolve().parents[1]
    named = {
        name
        for path in root.rglob("*.py")
        for name in re.findall(r"INDEXED BY (\w+)", path.read_text(encoding="utf-8"))
    }
    # an index named through a variable: search_rows takes it from its _NAMES (any other such
    # place must be added here)
    dynamic = sorted(
        path.name for path in root.rglob("*.py") if "INDEXED BY {" in path.read_text("utf-8")
    )
    assert dynamic == ["search_rows.py"]
    named |= {index for index, _ in search_rows._NAMES.values()}
    wc = WorkingCopy.open(tmp_path / "c.sqlite3")
    try:
        with wc.engine.begin() as conn:
            every = {
                str(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                )
            }
            assert derived.READ_BY_NAME <= every
            assert named & every == derived.READ_BY_NAME  # (``named``: words of comments too)
            derived.set_indexes_aside(conn, keep=derived.READ_BY_NAME)
            left = {
                str(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                )
            }
            assert left == derived.READ_BY_NAME
            derived.set_indexes_aside(conn, keep=derived.READ_BY_NAME)  # nothing more to drop
            assert len(derived._saved_indexes(conn)) == len(every) - len(left)
            assert derived.restore_indexes(conn)
            back = {
                str(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                )
            }
            assert back == every
    finally:
        wc.close()


def _segments(wc: WorkingCopy) -> tuple[int, dict[str, object]]:
    with wc.engine.connect() as conn:
        count = conn.exec_driver_sql("SELECT count(DISTINCT segid) FROM search_fts_idx").scalar()
        config = dict(conn.exec_driver_sql("SELECT k, v FROM search_fts_config").all())
    return int(count or 0), config


def test_the_rebuilt_index_is_one_segment_and_merges_as_before(tmp_path: Path) -> None:
    """The rebuild leaves FTS5's index in one segment (a search reads each word from one
    b-tree), even when FTS5 wrote many along the way (here its in-memory buffer made tiny),
    and FTS5's merges of the triggers' later segments as they were."""
    wc = WorkingCopy.open(tmp_path / "copy.sqlite3")
    with wc.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 2048)")
    fill_working_copy(wc, 60, seed=8, today=TODAY, base=False)
    count, config = _segments(wc)
    assert count == 1
    assert config["automerge"] == derived.AUTOMERGE
    with wc.engine.begin() as conn:  # what FTS5 writes without the rebuild's merge
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)")
        conn.exec_driver_sql(
            "INSERT INTO search_fts (rowid, terms) "
            "SELECT docid + 100000, 'mot' || docid FROM search_docs"
        )
    assert _segments(wc)[0] > 2
    wc.close()


def test_a_copy_rebuilt_before_gets_its_index_in_one_segment(tmp_path: Path) -> None:
    """Migration 0025: a copy whose index FTS5 left in several segments (as every rebuild did
    before) gets them merged into one, the same documents found."""
    from alembic import command

    from offa_desktop.store.db import alembic_config

    wc = WorkingCopy.open(tmp_path / "copy.sqlite3")
    fill_working_copy(wc, 60, seed=8, today=TODAY, base=False)
    before = _derived(wc)[0]
    cfg = alembic_config()
    with wc.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0024")
        # as FTS5 wrote the index before the rebuild's merge
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 2048)")
        rows = conn.exec_driver_sql(
            "SELECT rowid, collection, record_id, terms FROM search_fts"
        ).all()
        conn.exec_driver_sql("DELETE FROM search_fts")
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)")
        for row in rows:
            conn.exec_driver_sql(
                "INSERT INTO search_fts (rowid, collection, record_id, terms) VALUES (?, ?, ?, ?)",
                tuple(row),
            )
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 4)")
        segments = "SELECT count(DISTINCT segid) FROM search_fts_idx"
        assert int(conn.exec_driver_sql(segments).scalar() or 0) > 2
        command.upgrade(cfg, "0025")  # its merge, before 0027 makes the index again
        assert int(conn.exec_driver_sql(segments).scalar() or 0) == 1
        command.upgrade(cfg, "head")
    assert _segments(wc)[0] == 1
    assert _derived(wc)[0] == before
    wc.close()


def test_a_copy_gets_its_learners_names_indexed_wherever_their_documents_are(
    tmp_path: Path,
) -> None:
    """Migration 0026: the names' index filled from the rows, each learner under its document's
    number, whether the rebuild numbered it where its row is, the triggers numbered it since,
    or its row moved since (found by id); and the triggers keep it after."""
    from alembic import command

    from offa_desktop.store.db import alembic_config

    wc = WorkingCopy.open(tmp_path / "copy.sqlite3")
    fill_working_copy(wc, 60, seed=8, today=TODAY, base=False)
    with wc.engine.begin() as conn:
        first, second, third = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM learners WHERE NOT deleted ORDER BY rowid LIMIT 3").all()]  # fmt: skip
        conn.exec_driver_sql("UPDATE learners SET last_name = 'Łęcki' WHERE id = ?", (first,))
        conn.exec_driver_sql("UPDATE learners SET rowid = rowid + 5000 WHERE id = ?", (second,))
        conn.exec_driver_sql("UPDATE learners SET deleted = 1 WHERE id = ?", (third,))
    expected = _derived(wc)[2]
    assert ("learners", first, _words("Łęcki " + _learner(wc, first, "first_name"))) in expected
    assert second in {r[1] for r in expected} and third not in {r[1] for r in expected}
    cfg = alembic_config()
    with wc.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0025")
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'search_names'").scalar() == 0
        command.upgrade(cfg, "head")
    assert _derived(wc)[2] == expected
    with wc.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE learners SET first_name = 'Zoé' WHERE id = ?", (second,))
    renamed = [r[2] for r in _derived(wc)[2] if r[1] == second]
    assert renamed == [_words(_learner(wc, second, "last_name") + " Zoé")]
    wc.close()


def _learner(wc: WorkingCopy, learner: str, column: str) -> str:
    with wc.engine.connect() as conn:
        return str(conn.exec_driver_sql(
            f"SELECT {column} FROM learners WHERE id = ?", (learner,)).scalar())  # fmt: skip


def _words(text: str) -> str:
    """``text`` as the index holds its words: folded as the triggers fold (ł...), lower case,
    without accents (unicode61, remove_diacritics 2)."""
    for letter, plain in FOLDS:
        text = text.replace(letter, plain)
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", bare.lower()))
