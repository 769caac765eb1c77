"""The encrypted working copy (issue 16, store side): real SQLCipher files, read back with
``grep -a``. A copy opened with a registered key is encrypted (file, WAL, backups, set-asides);
a plain copy is encrypted in place, crash-safe, its unsent edits and conflicts kept; a missing or
wrong key is said, never taken for a damaged file."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from offa_desktop.store import backups, cipher, encrypt, people, plain_sql, replica
from offa_desktop.store.copy_errors import CorruptWorkingCopy
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.first_look import FirstLook
from offa_desktop.store.restore import BadBackup, restore
from tests.store.conftest import learner, load_reference, niss

ROOT = Path(__file__).resolve().parents[2]
NAME = "Quixotebrandt"  # a learner's last name found nowhere else
NISS = niss("2004-03-12", 321)
THEIRS = "Vandermoortele"  # the server's side of the open conflict
KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
SECRETS = (NAME.encode(), NISS.encode(), THEIRS.encode())


@pytest.fixture(autouse=True)
def _no_keys_left() -> Iterator[None]:
    """The keys a test registered are forgotten after it (those of other tests' copies kept)."""
    before = dict(cipher._keys)
    yield
    cipher._keys.clear()
    cipher._keys.update(before)


def _grep(folder: Path) -> list[tuple[str, bytes]]:
    """``grep -a`` of each secret in every file under ``folder``: what was found where."""
    found = []
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            data = file.read_bytes()
            found += [(file.name, s) for s in SECRETS if s in data]
    return found


def _fill(path: Path) -> tuple[str, str]:
    """A copy with an unsent edit (a learner created locally) and an open conflict."""
    wc = WorkingCopy.open(path)
    try:
        load_reference(wc)
        with wc.unit_of_work() as uow:
            mine = uow.create("learners", learner(niss=NISS, last_name=NAME))
        theirs = "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0001"
        with wc.unit_of_work() as uow:
            replica.ConflictRows(uow.session.connection()).put(
                "learners", theirs, {"fields": {"last_name": THEIRS}, "mine": {"x": 1}}
            )
    finally:
        wc.close()
    return mine, theirs


def _rows(path: Path) -> tuple[list[str], list[str]]:
    """(outbox record ids, conflict record ids) read with the registered key."""
    conn = cipher.connect(path, readonly=True)
    try:
        ops = [r[0] for r in conn.execute("SELECT record_id FROM outbox ORDER BY seq")]
        conflicts = [r[0] for r in conn.execute("SELECT record_id FROM conflicts")]
    finally:
        conn.close()
    return ops, conflicts


def _header(path: Path) -> bytes:
    return path.read_bytes()[:16]


def test_the_registry_and_the_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cipher.register_key(Path("wc.sqlite3"), KEY)
    assert cipher.key_for(tmp_path / "wc.sqlite3") == KEY  # keyed by the resolved path
    assert cipher.key_for(tmp_path / "other.sqlite3") is None
    cipher.forget_key(tmp_path / "wc.sqlite3")
    assert cipher.key_for(Path("wc.sqlite3")) is None
    with pytest.raises(ValueError):
        cipher.register_key(tmp_path / "wc.sqlite3", b"short")
    path = tmp_path / "wc.sqlite3"
    assert not cipher.is_encrypted(path)  # absent
    path.touch()
    assert not cipher.is_encrypted(path)  # empty
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    assert _header(path) == cipher.PLAIN_HEADER and not cipher.is_encrypted(path)
    other = tmp_path / "enc.sqlite3"
    cipher.register_key(other, KEY)
    conn = cipher.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert cipher.is_encrypted(other) and _header(other) != cipher.PLAIN_HEADER


def test_a_copy_with_a_key_is_encrypted_file_wal_and_backups(tmp_path: Path) -> None:
    path = tmp_path / "data" / "wc.sqlite3"
    cipher.register_key(path, KEY)
    _fill(path)
    wc = WorkingCopy.open(path)
    try:
        with wc.unit_of_work() as uow:  # a write left in the WAL (the copy stays open)
            uow.create("learners", learner(niss=niss("2004-03-12", 322), first_name=THEIRS))
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 0
        assert not _grep(path.parent), "records readable in the copy or its WAL"
        backup = backups.take(path)
        assert cipher.is_encrypted(backup.path)
        assert backups.integrity(backup.path, copy=path) is None
        # The sqlite3-only readers of start-up and of the log's redaction read it too.
        look = FirstLook(path)
        try:
            assert look.contract_count() == 0
        finally:
            look.close()
        conn = plain_sql.connect(path)
        try:
            assert conn.execute("SELECT count(*) FROM learners").fetchone()[0] == 2
        finally:
            conn.close()
        assert NAME in people.names(path)
    finally:
        wc.close()
    assert _header(path) != cipher.PLAIN_HEADER
    assert not _grep(path.parent)
    assert _rows(path)[0] and _rows(path)[1]


def test_the_grep_finds_records_in_a_plain_copy(tmp_path: Path) -> None:
    """The control: without a key the same records are readable (the grep can fail)."""
    path = tmp_path / "wc.sqlite3"
    _fill(path)
    backups.take(path)
    found = {name for name, _ in _grep(tmp_path)}
    assert "wc.sqlite3" in found and any(n.startswith("wc-") for n in found)


def test_no_key_or_a_wrong_key_is_said_and_the_file_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    cipher.register_key(path, KEY)
    _fill(path)
    before = path.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())
    cipher.forget_key(path)
    with pytest.raises(cipher.KeyRequired) as missing:
        WorkingCopy.open(path)
    assert missing.value.code == "passphrase_required" and "chiffrée" in str(missing.value)
    assert people.names(path) == []  # the log's filter reads nothing, raises nothing
    cipher.register_key(path, OTHER_KEY)
    with pytest.raises(cipher.WrongKey) as wrong:
        WorkingCopy.open(path)
    assert wrong.value.code == "wrong_passphrase" and "n'a pas été modifié" in str(wrong.value)
    with pytest.raises(cipher.WrongKey):
        FirstLook(path)
    assert path.read_bytes() == before  # never set aside as "corrupt", never touched
    assert sorted(p.name for p in tmp_path.iterdir()) == files
    cipher.register_key(path, KEY)
    WorkingCopy.open(path).close()


def test_a_damaged_encrypted_copy_is_still_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    cipher.register_key(path, KEY)
    _fill(path)
    raw = bytearray(path.read_bytes())
    page = int(dict(cipher.SETTINGS)["page_size"])
    assert len(raw) >= page * 6
    raw[page * 3 : page * 5] = b"\xff" * (page * 2)  # pages past the first: the key still opens
    path.write_bytes(bytes(raw))
    with pytest.raises(CorruptWorkingCopy) as caught:
        WorkingCopy.open(path)
    moved = caught.value.moved_to
    assert moved is not None and moved.read_bytes() == raw
    assert cipher.is_encrypted(moved)  # a set-aside is a rename: still encrypted


def test_garbage_is_damage_not_a_missing_key(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    path.write_bytes(b"this is not a database at all " * 200)  # not whole pages
    with pytest.raises(CorruptWorkingCopy):
        WorkingCopy.open(path)


def test_a_plain_copy_is_encrypted_in_place_edits_and_conflicts_kept(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    mine, theirs = _fill(path)
    old_backup = backups.take(path)  # a plain backup of before: encrypted too
    aside = tmp_path / "wc.sqlite3.replaced-20261201T000000000000Z"
    shutil.copyfile(path, aside)  # a sound plain set-aside
    before = _rows(path)
    assert before == ([mine], [theirs])
    cipher.register_key(path, KEY)
    wc = WorkingCopy.open(path)
    try:
        with wc.session() as db:
            from offa_desktop.store.pending import copy_counts

            assert copy_counts(db)[1] == 1
    finally:
        wc.close()
    assert cipher.is_encrypted(path)
    assert _rows(path) == before  # the unsent edit and the open conflict
    assert cipher.is_encrypted(old_backup.path)
    assert backups.integrity(old_backup.path, copy=path) is None
    assert cipher.is_encrypted(aside)
    assert not encrypt.left_over(path)
    assert not _grep(tmp_path), "plaintext left in the data folder"


def test_restore_reads_encrypted_backups_and_encrypts_plain_ones(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    cipher.register_key(path, KEY)
    mine, theirs = _fill(path)
    backup = backups.take(path)
    plain = tmp_path / "plain.sqlite3"
    cipher.export(path, KEY, plain, None)  # a plain export, asked for explicitly
    assert _header(plain) == cipher.PLAIN_HEADER
    for source in (backup.path, plain):
        done = restore(path, source)
        assert done.source == source and cipher.is_encrypted(path)
        assert _rows(path) == ([mine], [theirs])
        WorkingCopy.open(path).close()
    cipher.register_key(path, OTHER_KEY)  # a backup of another key cannot be restored here
    with pytest.raises(BadBackup, match="autre clé"):
        restore(path, backup.path)


def test_sqlalchemy_maps_sqlciphers_errors(tmp_path: Path) -> None:
    import sqlalchemy.exc

    path = tmp_path / "wc.sqlite3"
    cipher.register_key(path, KEY)
    wc = WorkingCopy.open(path)
    try:
        with pytest.raises(sqlalchemy.exc.OperationalError), wc.engine.connect() as conn:
            conn.exec_driver_sql("SELECT * FROM no_such_table")
    finally:
        wc.close()


_OPEN = """
import sys
from pathlib import Path
from offa_desktop.store import cipher
from offa_desktop.store.db import WorkingCopy
path = Path(sys.argv[1])
cipher.register_key(path, bytes(range(32)))
WorkingCopy.open(path).close()
print("opened")
"""


@pytest.mark.parametrize("point", encrypt.POINTS)
def test_kill_9_during_the_encryption_leaves_the_old_or_the_new_file(
    tmp_path: Path, point: str
) -> None:
    path = tmp_path / "wc.sqlite3"
    mine, theirs = _fill(path)
    backups.take(path)
    env = {**os.environ, encrypt.CRASH_ENV: point}
    done = subprocess.run(
        [sys.executable, "-c", _OPEN, str(path)], env=env, cwd=ROOT, capture_output=True,
        text=True, timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    # The copy's name holds a whole file: the old plain one or the new encrypted one.
    assert path.exists()
    if cipher.is_plain(path):
        state = "old"
        assert _rows(path) == ([mine], [theirs])
    else:
        state = "new"
        cipher.register_key(path, KEY)
        assert _rows(path) == ([mine], [theirs])
    assert state == ("old" if encrypt.POINTS.index(point) < 5 else "new")
    cipher.register_key(path, KEY)
    WorkingCopy.open(path).close()  # the next start finishes the job
    assert cipher.is_encrypted(path) and _rows(path) == ([mine], [theirs])
    assert not encrypt.left_over(path)
    assert not _grep(tmp_path), "plaintext left in the data folder"


def test_erase_removes_the_key_file_and_what_an_encryption_left(tmp_path: Path) -> None:
    from offa_desktop.store.erase import erase_copy

    path = tmp_path / "wc.sqlite3"
    cipher.register_key(path, KEY)
    _fill(path)
    backups.take(path)
    # cipher-keys' key file (ops/protection/keyfile.py: <copy>.key, written through .key.new)
    for name in ("wc.sqlite3.key", "wc.sqlite3.key.new", "wc.sqlite3.encrypting",
                 "wc.sqlite3.plaintext"):
        (tmp_path / name).write_bytes(b"x")
    erase_copy(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_plain_copy_is_read_by_the_same_sqlite_as_an_encrypted_one(tmp_path: Path) -> None:
    """Migration 0027's search indexes (FTS5 ``contentless_delete``) need SQLite 3.43 or later;
    the standard library's may be older (3.40 here): a plain copy (a copy before issue 16, the
    tests' copies) is opened with SQLCipher's SQLite, without a key, like the encrypted ones, so
    its triggers can write the index."""
    wc = WorkingCopy.open(tmp_path / "wc.sqlite3")
    assert cipher.key_for(wc.path) is None and not cipher.is_encrypted(wc.path)
    conn = cipher.connect(wc.path)
    try:
        assert isinstance(conn, cipher.driver.Connection)
        version = conn.execute("SELECT sqlite_version()").fetchone()[0]
        assert tuple(int(p) for p in version.split(".")) >= (3, 43)
    finally:
        conn.close()
    assert wc.engine.dialect.dbapi is cipher.driver
    load_reference(wc)
    with wc.unit_of_work() as uow:  # the learners' triggers write both contentless indexes
        uow.create("learners", learner(last_name=NAME, niss=NISS))
    with wc.engine.connect() as conn2:
        found = conn2.exec_driver_sql(
            "SELECT count(*) FROM search_names WHERE search_names MATCH ?", (NAME,)
        ).scalar()
    assert found == 1
    wc.close()
