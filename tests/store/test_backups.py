"""Backups of the working copy (rotated, verified when taken) and restoring one (issue 12,
situation 3): a folder that had a copy never gets a new empty one in silence."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.store import backups, cipher, queries
from offa_desktop.store.copy_errors import WorkingCopyBusy, WorkingCopyGone
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.files import copy_id, read_identity
from offa_desktop.store.restore import BadBackup, NoBackup, restore, start_empty
from tests.store.conftest import learner, load_reference, niss

_serials = itertools.count(1)


def _copy_with_edit(path: Path) -> str:
    wc = WorkingCopy.open(path)
    try:
        with wc.session() as db:
            if not queries.count(db, "operators"):
                load_reference(wc)
        with wc.unit_of_work() as uow:
            return uow.create("learners", learner(niss=niss("2004-03-12", next(_serials))))
    finally:
        wc.close()


def _outbox(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT record_id FROM outbox ORDER BY seq")]
    finally:
        conn.close()


def test_backups_are_verified_and_the_last_five_kept(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    _copy_with_edit(path)
    taken = [backups.take(path) for _ in range(7)]
    kept = backups.backups(path)
    assert [b.path for b in kept] == [b.path for b in reversed(taken[-5:])]
    for b in kept:
        assert backups.integrity(b.path) is None
        assert (b.path.stat().st_mode & 0o777) == 0o600
        assert _outbox(b.path) == _outbox(path)  # the unsent edit is in every backup
    assert (backups.folder(path).stat().st_mode & 0o777) == 0o700


def test_a_backup_failing_its_check_is_dropped_and_pushes_no_good_one_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "wc.sqlite3"
    _copy_with_edit(path)
    good = [backups.take(path) for _ in range(5)]

    def scribble(source: Path, target: Path, key: bytes | None = None) -> None:
        target.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)

    monkeypatch.setattr(backups, "copy_file", scribble)
    with pytest.raises(backups.BackupFailed, match="vérification"):
        backups.take(path)
    assert backups.take_if_due(path) is None  # automatic: logged, the copy stays usable
    assert [b.path for b in backups.backups(path)] == [b.path for b in reversed(good)]


def test_automatic_backups_only_when_the_copy_changed_and_spaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "wc.sqlite3"
    _copy_with_edit(path)
    first = backups.take_if_due(path)
    assert first is not None  # none yet: due
    assert backups.take_if_due(path) is None  # unchanged since
    _copy_with_edit(path)
    assert backups.take_if_due(path) is None  # changed, but the last one is recent
    later = datetime.now(UTC) + timedelta(minutes=31)
    assert backups.due(path, now=later)
    monkeypatch.setenv(backups.SPACING_ENV, "0")
    assert backups.take_if_due(path) is not None


@pytest.mark.parametrize("damage", ["empty", "missing", "foreign"])
def test_a_folder_that_had_a_copy_never_gets_an_empty_one(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "wc.sqlite3"
    made = _copy_with_edit(path)
    identity = read_identity(path)
    assert identity is not None and identity == copy_id(path)
    backups.take(path)
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "missing":
        path.unlink()
    else:
        _copy_with_edit(tmp_path / "other" / "wc.sqlite3")
        path.write_bytes((tmp_path / "other" / "wc.sqlite3").read_bytes())
    with pytest.raises(WorkingCopyGone) as caught:
        WorkingCopy.open(path)
    gone = caught.value
    assert gone.reason == damage and not path.exists()
    assert gone.latest is not None and gone.latest.label_fr in str(gone)
    if damage != "missing":
        assert gone.moved_to is not None and gone.moved_to.exists()
    with pytest.raises(WorkingCopyGone):  # and again at the next start: still no empty copy
        WorkingCopy.open(path)
    done = restore(path)
    assert done.source == gone.latest.path
    assert _outbox(path) == [made]
    WorkingCopy.open(path).close()


def test_restore_waits_for_every_process_to_close_the_copy(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    _copy_with_edit(path)
    backups.take(path)
    wc = WorkingCopy.open(path)
    try:
        with pytest.raises(WorkingCopyBusy):
            restore(path)
        with pytest.raises(WorkingCopyBusy):
            start_empty(path)
        assert path.exists()
    finally:
        wc.close()
    assert restore(path).set_aside is not None  # the file it replaced is kept, never deleted


def test_restore_refuses_what_is_not_a_sound_working_copy(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    with pytest.raises(NoBackup):
        restore(path)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(BadBackup, match="endommagé"):
        restore(path, junk)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BadBackup, match="n'est pas une copie de travail"):
        restore(path, other)
    assert not path.exists()


def test_starting_empty_is_a_choice_that_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    _copy_with_edit(path)
    before = path.read_bytes()
    done = start_empty(path)
    assert done.set_aside is not None and done.set_aside.read_bytes() == before
    wc = WorkingCopy.open(path)
    wc.close()
    assert _outbox(path) == [] and read_identity(path) == copy_id(path)


def _old_copy(path: Path) -> None:
    """A copy at the schema before the last migration, with rows in many pages."""
    from alembic import command
    from sqlalchemy import create_engine

    from offa_desktop.store.db import alembic_config

    _copy_with_edit(path)
    engine = create_engine(f"sqlite:///{path}", module=cipher.driver)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    engine.dispose()


def test_the_backup_before_a_migration_is_quick_checked_and_sound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app waits for it before the copy opens: PRAGMA quick_check (every page read, every
    b-tree and record checked) instead of integrity_check's index lookups, minutes on a large
    copy. The backup is still whole: integrity_check finds it sound, with the copy's rows."""
    path = tmp_path / "wc.sqlite3"
    _old_copy(path)
    before = _outbox(path)
    checks = _checks(monkeypatch)
    wc = WorkingCopy.open(path)
    wc.close()
    assert checks == ["quick_check"]
    assert wc.backup is not None and "-before-" in wc.backup.name
    assert backups.integrity(wc.backup) is None  # the full check
    assert _outbox(wc.backup) == before != []


def _damaging(damage: str) -> Any:
    """A ``copy_file`` that writes the backup, then damages it so (``truncated``: its second
    half lost; ``page_header``: a b-tree page's type byte; ``record``: one byte of a record in
    the middle of the file, which only an encrypted page's HMAC tells)."""
    copy_file = backups.copy_file

    def damaged(source: Path, target: Path, key: bytes | None = None) -> None:
        copy_file(source, target, key)
        data = bytearray(target.read_bytes())
        page = 16384 if key is not None else int.from_bytes(data[16:18], "big") or 65536
        assert len(data) > 8 * page
        middle = (len(data) // page // 2) * page
        if damage == "truncated":
            del data[len(data) // 2 :]
        elif damage == "page_header":  # a b-tree page's type byte, in the middle of the file
            data[middle] = 0x2A
        else:
            data[middle + page // 2] ^= 0x01
        target.write_bytes(bytes(data))

    return damaged


@pytest.mark.parametrize("damage", ["truncated", "page_header"])
def test_the_quick_check_refuses_a_damaged_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    path = tmp_path / "wc.sqlite3"
    _copy_with_edit(path)
    monkeypatch.setattr(backups, "copy_file", _damaging(damage))
    with pytest.raises(backups.BackupFailed, match="quick_check"):
        backups.take(path, "before-0021", check="quick_check")
    assert backups.backups(path) == []


def _checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The PRAGMA each backup's check runs, in order."""
    checks: list[str] = []
    integrity = backups.integrity

    def recorded(file: Path, *, copy: Path | None = None, check: str = "integrity_check") -> Any:
        checks.append(check)
        return integrity(file, copy=copy, check=check)

    monkeypatch.setattr(backups, "integrity", recorded)
    return checks


def test_automatic_backups_of_a_large_copy_are_quick_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """integrity_check up to FULL_CHECK_BYTES, quick_check past it (minutes of CPU saved at
    every automatic backup of a large copy); an explicit check is kept."""
    path = tmp_path / "wc.sqlite3"
    _copy_with_edit(path)
    checks = _checks(monkeypatch)
    monkeypatch.setenv(backups.SPACING_ENV, "0")
    assert path.stat().st_size <= backups.FULL_CHECK_BYTES
    assert backups.take_if_due(path) is not None
    monkeypatch.setattr(backups, "FULL_CHECK_BYTES", path.stat().st_size - 1)
    _copy_with_edit(path)
    assert backups.take_if_due(path) is not None
    backups.take(path, "before-0024", check=backups.BEFORE_MIGRATION_CHECK)
    assert checks == ["integrity_check", "quick_check", "quick_check"]
    for kept in backups.backups(path):
        assert backups.integrity(kept.path) is None  # whole: the full check finds them sound


@pytest.mark.parametrize(
    ("damage", "key"),
    [("truncated", None), ("page_header", None), ("truncated", bytes(range(32))),
     ("page_header", bytes(range(32))), ("record", bytes(range(32)))],
)
def test_an_automatic_backup_damaged_is_refused_however_large_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str, key: bytes | None
) -> None:
    """The quick_check of a large copy's automatic backup still refuses a damaged one (an
    encrypted one down to a single byte of a record: SQLCipher checks each page's HMAC as it
    reads it); the good backups stay."""

    path = tmp_path / "wc.sqlite3"
    if key is not None:
        cipher.register_key(path, key)
    try:
        _copy_with_edit(path)
        monkeypatch.setenv(backups.SPACING_ENV, "0")
        good = backups.take_if_due(path)
        assert good is not None
        checks = _checks(monkeypatch)
        monkeypatch.setattr(backups, "FULL_CHECK_BYTES", 0)
        monkeypatch.setattr(backups, "copy_file", _damaging(damage))
        _copy_with_edit(path)
        with pytest.raises(backups.BackupFailed, match="quick_check"):
            backups.take(path)
        assert backups.take_if_due(path) is None  # automatic: logged, not raised
        assert checks == ["quick_check", "quick_check"]
        assert [b.path for b in backups.backups(path)] == [good.path]
    finally:
        cipher.forget_key(path)


def test_restoring_a_large_backup_quick_checks_it_and_refuses_it_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restore checks the file to restore and the restored copy as an automatic backup is
    checked (quick_check past FULL_CHECK_BYTES: a 1,000,000-contract backup's two
    integrity_checks were more than 20 min of CPU): a damaged one is still refused."""
    path = tmp_path / "wc.sqlite3"
    made = _copy_with_edit(path)
    monkeypatch.setattr(backups, "FULL_CHECK_BYTES", 0)
    good = backups.take(path)
    damaged = tmp_path / "damaged.sqlite3"
    data = good.path.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    checks = _checks(monkeypatch)
    with pytest.raises(BadBackup, match="quick_check"):
        restore(path, damaged)
    assert checks == ["quick_check"]
    path.unlink()
    assert restore(path, good.path).source == good.path
    assert checks == ["quick_check"] * 3
    assert _outbox(path) == [made]
