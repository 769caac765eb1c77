"""The key file beside a working copy, and the tokens kept in the copy (issue 16)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from offa_desktop.ops.protection import keyfile
from offa_desktop.ops.protection.tokens import CopyTokens
from offa_desktop.store.db import WorkingCopy

PHRASE = "cheval agrafe batterie correcte"


def test_wrapped_key_opens_with_its_passphrase_only(tmp_path: Path) -> None:
    copy = tmp_path / "working-copy.sqlite3"
    key = bytes(range(32))
    keyfile.write_passphrase(copy, key, PHRASE, keyfile.FAST)
    file = keyfile.path_for(copy)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    raw = file.read_bytes()
    assert key not in raw and PHRASE.encode() not in raw
    info = keyfile.read(copy)
    assert info is not None and info["kind"] == "passphrase"
    assert info["kdf"]["name"] == "argon2id" and info["kdf"]["memory_cost"] == 8192
    assert keyfile.unwrap(info, PHRASE) == key
    for wrong in ("", "cheval agrafe batterie correcte ", PHRASE.upper()):
        with pytest.raises(keyfile.BadPassphrase):
            keyfile.unwrap(info, wrong)
    # the same passphrase written in another Unicode form (é composed or not) opens it too
    copy2 = tmp_path / "other.sqlite3"
    keyfile.write_passphrase(copy2, key, "phrase d\u00e9j\u00e0 vue", keyfile.FAST)
    assert keyfile.unwrap(keyfile.read(copy2) or {}, "phrase de\u0301ja\u0300 vue") == key


def test_tampered_key_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "c.sqlite3"
    keyfile.write_passphrase(copy, b"k" * 32, PHRASE, keyfile.FAST)
    info = json.loads(keyfile.path_for(copy).read_text())
    info["kdf"]["time_cost"] = 2  # another cost: another wrapping key, the tag fails
    with pytest.raises(keyfile.BadPassphrase):
        keyfile.unwrap(info, PHRASE)
    keyfile.path_for(copy).write_text('{"format": "autre"}')
    with pytest.raises(ValueError):
        keyfile.read(copy)


def test_default_parameters_are_rfc_9106s(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(keyfile.FAST_KDF_ENV, raising=False)
    assert keyfile.default_kdf() == keyfile.Kdf(3, 65536, 4)


def test_tokens_kept_in_the_copy_and_gone_with_it(tmp_path: Path) -> None:
    wc = WorkingCopy.open(tmp_path / "working-copy.sqlite3")
    vault = CopyTokens(wc)
    assert vault.read("u@https://s") is None
    vault.write("u@https://s", '{"access": "a", "refresh": "r"}')
    vault.write("u@https://s", '{"access": "a2", "refresh": "r2"}')
    assert vault.read("u@https://s") == '{"access": "a2", "refresh": "r2"}'
    vault.write("u@https://s", None)
    assert vault.read("u@https://s") is None
    wc.close()
    wc.path.unlink()
    assert vault.read("u@https://s") is None and not wc.path.exists()  # never made again
    vault.write("u@https://s", None)
    with pytest.raises(FileNotFoundError):
        vault.write("u@https://s", "x")
    assert not wc.path.exists()
