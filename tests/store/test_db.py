"""Opening the working copy: private file, migrations from empty and from an old file, corrupt
files moved aside (never overwritten)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from offa_desktop.store import cipher, queries
from offa_desktop.store.db import (
    CorruptWorkingCopy,
    WorkingCopy,
    WorkingCopyError,
    WorkingCopyGone,
    alembic_config,
    head_revision,
)
from offa_desktop.store.restore import start_empty
from offa_desktop.store.schema import metadata
from tests.store.conftest import learner
from tests.store.server_rows import put_server_record


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_private_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    wc = WorkingCopy.open(path)
    with wc.unit_of_work() as uow:
        put_server_record(uow, "sectors", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0100", 1, False,
                              {"code": "x", "name": "X"}, None, None)  # fmt: skip
    assert _mode(path) == 0o600
    for companion in (path.with_name("wc.sqlite3-wal"), path.with_name("wc.sqlite3-shm")):
        assert companion.exists() and _mode(companion) == 0o600
    with wc.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    wc.close()
    assert wc.backup is None  # nothing to back up in a new file


def test_existing_file_with_loose_mode_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    WorkingCopy.open(path).close()
    os.chmod(path, 0o644)
    WorkingCopy.open(path).close()
    assert _mode(path) == 0o600


# an index on an expression (0016's on a termination's notice end) is not in the models:
# SQLAlchemy cannot reflect it, says so and leaves it out of the comparison
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrations_from_empty_match_the_models(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    WorkingCopy.open(path).close()
    engine = create_engine(f"sqlite:///{path}", module=cipher.driver)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, type_, parents: (
                    # tables kept by triggers, not models (store/derived.py)
                    not (type_ == "table"
                         and str(name).startswith(("search_", "list_", "radar_")))
                ),
            },
        )
        assert ctx.get_current_revision() == head_revision()
        diff = compare_metadata(ctx, metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_empty_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    WorkingCopy.open(path).close()
    engine = create_engine(f"sqlite:///{path}", module=cipher.driver)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
        tables = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").all()
    engine.dispose()
    assert [t[0] for t in tables] == ["alembic_version"]
    WorkingCopy.open(path).close()


def test_old_file_is_backed_up_then_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    engine = create_engine(f"sqlite:///{path}", module=cipher.driver)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")  # the first released schema, before search
        conn.exec_driver_sql(
            "INSERT INTO learners (id, version, deleted, niss, first_name, last_name, city) "
            "VALUES ('0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0101', 3, 0, ?, 'Łucja', 'Kowalska', "
            "'Liège')",
            (learner()["niss"],),
        )
    engine.dispose()
    wc = WorkingCopy.open(path)
    assert wc.backup is not None and wc.backup.parent == tmp_path / "backups"
    assert wc.backup.name.startswith("wc-") and wc.backup.name.endswith("-before-0001.sqlite3")
    assert _mode(wc.backup) == 0o600
    old = sqlite3.connect(wc.backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert old.execute("SELECT first_name FROM learners").fetchall() == [("Łucja",)]
    old.close()
    with wc.session() as s:
        assert queries.get(s, "learners", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0101")["city"] == (  # type: ignore[index]
            "Liège"
        )
        # migration 0002 indexed the rows already there
        assert [h.title for h in queries.search(s, "lucja liege")] == ["Kowalska Łucja"]
    wc.close()
    WorkingCopy.open(path).close()  # at head: no new backup
    assert len(list((tmp_path / "backups").glob("wc-*-before-*"))) == 1


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated_page"],
)
def test_corrupt_file_is_moved_aside_never_overwritten(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "wc.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all " * 200)
    else:
        wc = WorkingCopy.open(path)
        with wc.unit_of_work() as uow:
            for i in range(300):
                rid = f"0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f{i:04d}"
                data = {"code": f"s{i}", "name": "x" * 200}
                put_server_record(uow, "sectors", rid, i + 1, False, data, None, None)
        wc.close()
        raw = bytearray(path.read_bytes())
        page = 4096
        raw[page * 3 : page * 6] = b"\xff" * (page * 3)  # scribble over b-tree pages
        path.write_bytes(bytes(raw))
    before = path.read_bytes()
    with pytest.raises(CorruptWorkingCopy) as caught:
        WorkingCopy.open(path)
    moved = caught.value.moved_to
    assert not path.exists()
    assert moved.parent == tmp_path and moved.name.startswith("wc.sqlite3.corrupt-")
    assert moved.read_bytes() == before
    assert "endommagée" in str(caught.value) and str(moved) in str(caught.value)
    if damage == "truncated_page":
        # This folder had a copy: no new empty one in silence, until a person chooses one.
        with pytest.raises(WorkingCopyGone) as again:
            WorkingCopy.open(path)
        assert again.value.reason == "missing" and not path.exists()
        start_empty(path)
    # a first start (garbage: this folder never had a copy) or a person's choice: a new copy
    WorkingCopy.open(path).close()
    assert moved.read_bytes() == before


def test_file_from_a_newer_application_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    WorkingCopy.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(WorkingCopyError, match="version plus récente"):
        WorkingCopy.open(path)
    assert path.read_bytes() == before


def test_contracts_of_a_file_at_0002_get_their_sort_keys(tmp_path: Path) -> None:
    from offa_desktop.store.contract_list import ContractQuery, contract_rows

    path = tmp_path / "wc.sqlite3"
    engine = create_engine(f"sqlite:///{path}", module=cipher.driver)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        for i, name in enumerate(("Zénon", "Ålvarez", "Martin")):
            conn.exec_driver_sql(
                "INSERT INTO learners (id, deleted, first_name, last_name) VALUES (?, 0, 'A', ?)",
                (f"l{i}", name),
            )
            conn.exec_driver_sql(
                "INSERT INTO contracts (id, deleted, learner_id) VALUES (?, 0, ?)",
                (f"c{i}", f"l{i}"),
            )
    engine.dispose()
    wc = WorkingCopy.open(path)
    with wc.session() as s:
        got = [r.learner_name for r in contract_rows(s, ContractQuery(sort="learner"))]
    wc.close()
    assert got == ["Ålvarez A", "Martin A", "Zénon A"]  # accents do not push names after Z


def test_schema_head_constant_is_alembics_head() -> None:
    from offa_desktop.store.db import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def _scribbled_large_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed working copy with damaged b-tree pages, counted as 'large' by the opener."""
    import offa_desktop.store.db as db

    path = tmp_path / "wc.sqlite3"
    wc = WorkingCopy.open(path)
    with wc.unit_of_work() as uow:
        for i in range(300):
            rid = f"0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f{i:04d}"
            data = {"code": f"s{i}", "name": "x" * 200}
            put_server_record(uow, "sectors", rid, i + 1, False, data)
    wc.close()
    raw = bytearray(path.read_bytes())
    raw[-4096 * 2 :] = b"\xff" * (4096 * 2)  # the last pages: past what a first-row read touches
    path.write_bytes(bytes(raw))
    monkeypatch.setattr(db, "FULL_CHECK_BYTES", 1)
    return path


def test_large_copy_closed_cleanly_opens_fast_and_verify_finds_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _scribbled_large_copy(tmp_path, monkeypatch)
    wc = WorkingCopy.open(path)  # cheap structural check only: the damage is in data pages
    try:
        assert (tmp_path / "wc.sqlite3.open").exists()
        assert wc.verify() is not None
    finally:
        wc.close()
    assert not (tmp_path / "wc.sqlite3.open").exists()


def test_large_copy_after_an_unclean_shutdown_gets_the_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _scribbled_large_copy(tmp_path, monkeypatch)
    (tmp_path / "wc.sqlite3.open").touch()  # left by a process that was killed
    with pytest.raises(CorruptWorkingCopy):
        WorkingCopy.open(path)
    assert not path.exists()


def test_sound_copy_verifies(tmp_path: Path) -> None:
    wc = WorkingCopy.open(tmp_path / "wc.sqlite3")
    try:
        assert wc.verify() is None
    finally:
        wc.close()


def test_0008_moves_overrides_a_newer_server_sent_out_of_extra(tmp_path: Path) -> None:
    import json

    path = tmp_path / "wc.sqlite3"
    engine = create_engine(f"sqlite:///{path}", module=cipher.driver)
    cfg = alembic_config()
    entry = {"rule": "incentive_checks", "reason": "Vérifié sur pièces.", "by": None,
             "at": "2026-11-23T09:15:00Z", "failed": ["once"]}  # fmt: skip
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
        for rid, extra in (("c1", {"overrides": [entry], "later": 1}), ("c2", {"overrides": []})):
            conn.exec_driver_sql(
                "INSERT INTO incentive_claims (id, deleted, status, extra) "
                "VALUES (?, 0, 'paid', ?)",
                (rid, json.dumps(extra)),
            )
    engine.dispose()
    wc = WorkingCopy.open(path)
    with wc.session() as s:
        c1, c2 = (queries.get(s, "incentive_claims", rid) for rid in ("c1", "c2"))
    wc.close()
    assert c1 is not None and c1["overrides"] == [entry] and c1["later"] == 1
    assert c2 is not None and c2["overrides"] == [] and "later" not in c2
