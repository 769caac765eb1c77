"""Where a working copy's key comes from (issue 16): the secure keyring, else a passphrase;
a wrong passphrase touches nothing; a forgotten one sets the copy aside, never deletes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from offa_desktop.ops.protection import keyfile, keys
from offa_desktop.ops.sync.session import MemoryKeyring
from offa_desktop.store import cipher
from offa_desktop.store.copy_errors import WorkingCopyError
from offa_desktop.store.db import WorkingCopy

PHRASE = "une phrase de passe assez longue"


@pytest.fixture
def copy(tmp_path: Path) -> Iterator[Path]:
    path = (tmp_path / "data" / "working-copy.sqlite3").resolve()
    path.parent.mkdir(mode=0o700)
    yield path
    cipher.forget_key(path)


@pytest.fixture
def insecure(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    saved = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / backend.filename)
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(saved)


@pytest.fixture
def secure() -> Iterator[MemoryKeyring]:
    saved = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(saved)


def _fill(path: Path) -> None:
    wc = WorkingCopy.open(path)
    with wc.unit_of_work() as uow:
        uow.session.connection().exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES ('marque', '\"Dupont\"')"
        )
    wc.close()


def _marque(path: Path) -> str | None:
    wc = WorkingCopy.open(path)
    try:
        with wc.session() as db:
            row = db.connection().exec_driver_sql(
                "SELECT value FROM sync_state WHERE key = 'marque'"
            ).first()
    finally:
        wc.close()
    return None if row is None else str(row[0])


def test_without_a_secure_keyring_a_passphrase_is_chosen_then_asked(
    copy: Path, insecure: PlaintextKeyring
) -> None:
    assert keys.needs(copy) == "choose"
    with pytest.raises(keys.PassphraseRequired):
        keys.unlock(copy, lambda _kind: None)
    assert not keyfile.path_for(copy).exists() and not copy.exists()
    with pytest.raises(keys.WeakPassphrase):
        keys.unlock(copy, lambda _kind: "court")
    answers = {"choose": PHRASE, "confirm": PHRASE + " "}
    with pytest.raises(keys.WeakPassphrase, match="pas identiques"):
        keys.unlock(copy, answers.get)
    assert keys.unlock(copy, lambda _kind: PHRASE) == "choose"
    assert keyfile.read(copy)["kind"] == "passphrase"  # type: ignore[index]
    assert not (Path(insecure.file_path)).exists()  # nothing in the plaintext keyring
    _fill(copy)
    assert cipher.is_encrypted(copy)
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    assert b"Dupont" not in copy.read_bytes()
    key = cipher.key_for(copy)
    cipher.forget_key(copy)  # a new process
    assert keys.needs(copy) == "ask"
    before = copy.read_bytes()
    with pytest.raises(keys.WrongPassphrase) as wrong:
        keys.unlock(copy, lambda _kind: "une autre phrase de passe", tries=3)
    assert "incorrecte" in wrong.value.message and wrong.value.code == "wrong_passphrase"
    assert copy.read_bytes() == before and cipher.key_for(copy) is None  # nothing touched
    asked: list[str] = []

    def typing(kind: str) -> str:
        asked.append(kind)
        return PHRASE if len(asked) == 3 else "faux essai numéro " + str(len(asked))

    assert keys.unlock(copy, typing, tries=5) == "ask"
    assert asked == ["ask", "ask", "ask"] and cipher.key_for(copy) == key
    assert _marque(copy) == '"Dupont"'


def test_with_a_secure_keyring_nothing_is_asked(copy: Path, secure: MemoryKeyring) -> None:
    assert keys.needs(copy) == "keyring"
    assert keys.unlock(copy, None) == "keyring"
    (entry,) = secure.values
    assert entry == ("offa-desktop", f"copy-key:{copy}")
    assert keyfile.read(copy) == {"format": keyfile.FORMAT, "version": 1, "kind": "keyring",
                                  "entry": f"copy-key:{copy}"}  # fmt: skip
    _fill(copy)
    cipher.forget_key(copy)
    assert keys.needs(copy) == "keyring" and keys.unlock(copy, None) == "keyring"
    assert _marque(copy) == '"Dupont"'
    cipher.forget_key(copy)
    secure.values.clear()  # the keyring lost it: the copy cannot be opened, nothing touched
    with pytest.raises(keys.KeyUnavailable):
        keys.unlock(copy, None)
    keys.forget_key(copy)


def test_an_existing_plain_copy_gets_a_key_and_is_encrypted(
    copy: Path, insecure: PlaintextKeyring
) -> None:
    _fill(copy)  # no key registered: a copy from before issue 16
    assert copy.read_bytes().startswith(b"SQLite format 3")
    keys.unlock(copy, lambda _kind: PHRASE)
    assert _marque(copy) == '"Dupont"'  # opened: migrated in place by the store
    assert cipher.is_encrypted(copy) and b"Dupont" not in copy.read_bytes()


def test_forgotten_passphrase_sets_the_copy_aside_with_its_key_and_backups(
    copy: Path, insecure: PlaintextKeyring
) -> None:
    keys.unlock(copy, lambda _kind: PHRASE)
    _fill(copy)
    wc = WorkingCopy.open(copy)
    wc.backup_if_due()
    wc.close()
    assert (copy.parent / "backups").exists()
    cipher.forget_key(copy)
    kept = copy.read_bytes()
    moved = keys.forget_passphrase(copy)
    assert moved is not None and moved.name.startswith(copy.name + ".passphrase-forgotten-")
    assert moved.read_bytes() == kept  # not deleted, not changed
    assert keyfile.path_for(moved).exists() and not keyfile.path_for(copy).exists()
    assert moved.with_name(moved.name + "-backups").is_dir()
    assert not (copy.parent / "backups").exists()
    assert keys.needs(copy) == "choose"
    keys.unlock(copy, lambda _kind: "une toute nouvelle phrase")
    assert _marque(copy) is None  # a new, empty copy; the folder does not call it gone
    # the passphrase found again still opens what was set aside
    assert keyfile.unwrap(keyfile.read(moved) or {}, PHRASE)


def test_forgetting_while_the_copy_is_open_is_refused(
    copy: Path, insecure: PlaintextKeyring
) -> None:
    keys.unlock(copy, lambda _kind: PHRASE)
    wc = WorkingCopy.open(copy)
    try:
        with pytest.raises(WorkingCopyError):
            keys.forget_passphrase(copy)
        assert copy.exists() and keyfile.path_for(copy).exists()
    finally:
        wc.close()


def test_strength_hint() -> None:
    assert keys.strength("court") == 0
    assert keys.strength("aaaaaaaaaaaaaaaa") == 1
    assert keys.strength("motdepasse") == 1
    assert keys.strength("cheval agrafe pile") >= 2
    assert keys.strength("Cheval agrafe batterie correcte 42") == 4
