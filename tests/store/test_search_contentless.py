"""Migration 0027: the search's FTS5 indexes keep no copy of the text they index; a copy's
words survive the migration both ways, and the triggers keep the index right after it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from alembic import command

from offa_desktop.store.db import WorkingCopy, alembic_config
from offa_desktop.store.demo_fill import fill_working_copy
from tests.store.indexed import indexed_words

TODAY = date(2026, 11, 23)


def _both(wc: WorkingCopy) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    with wc.engine.connect() as conn:
        return indexed_words(conn, "search_fts"), indexed_words(conn, "search_names")


def _tables(conn: Any) -> set[str]:
    rows = conn.exec_driver_sql("SELECT name FROM sqlite_master")
    return {str(r[0]) for r in rows}


def _check(conn: Any) -> None:
    for index in ("search_fts", "search_names"):  # FTS5's own check of its index
        conn.exec_driver_sql(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")


def test_the_words_survive_the_migration_both_ways_and_the_triggers_follow(
    tmp_path: Path,
) -> None:
    wc = WorkingCopy.open(tmp_path / "copy.sqlite3")
    fill_working_copy(wc, 60, seed=8, today=TODAY, base=False)
    words, names = _both(wc)
    assert len(words) > 100 and len(names) > 20
    with wc.engine.begin() as conn:
        assert not {"search_fts_content", "search_names_content"} & _tables(conn)
        learner, other = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM learners WHERE NOT deleted ORDER BY rowid LIMIT 2").all()]  # fmt: skip
    cfg = alembic_config()
    with wc.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0026")
        # the text is back, the words of each document as they were indexed
        content = conn.exec_driver_sql(
            "SELECT count(*) FROM search_fts WHERE terms IS NOT NULL AND record_id IS NOT NULL"
        ).scalar()
        assert content == len(words)
        assert {"search_fts_content", "search_names_content"} <= _tables(conn)
        _check(conn)
        # an edit made at 0026, by its triggers
        conn.exec_driver_sql("UPDATE learners SET last_name = 'Wałęsa' WHERE id = ?", (learner,))
    assert _both(wc)[0] != words
    at_0026 = _both(wc)
    assert ("learners", learner) in {(c, r) for c, r, w in at_0026[1] if w.startswith("walesa")}
    with wc.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        assert not {"search_fts_content", "search_names_content"} & _tables(conn)
        _check(conn)
    assert _both(wc) == at_0026
    # the triggers after the migration: an edit, a deletion
    with wc.unit_of_work() as uow:
        uow.update("learners", other, {"last_name": "Østergaard"})
    with wc.engine.begin() as conn:  # the server's deletion, as a pull writes it
        conn.exec_driver_sql("UPDATE learners SET deleted = 1 WHERE id = ?", (learner,))
    search, names = _both(wc)
    assert not [r for r in search if r[1] == learner] and not [r for r in names if r[1] == learner]
    assert [w.split()[0] for _, r, w in names if r == other] == ["ostergaard"]
    assert [w.split()[0] for _, r, w in search if r == other] == ["ostergaard"]
    with wc.engine.begin() as conn:
        _check(conn)
    wc.close()
