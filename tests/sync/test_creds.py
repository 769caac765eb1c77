"""Credentials: a secure keyring, else the vault the desktop gives (its encrypted copy), else
memory; an insecure backend counts as none even when chosen explicitly (issue 16)."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend
from keyrings.alt.file import PlaintextKeyring

from offa_desktop.ops.sync.session import MemoryKeyring
from sync.client import Tokens
from sync.creds import NOTICE_MEMORY, CredentialStore, is_insecure, secure_backend


def test_insecure_backends_count_as_none() -> None:
    for backend in (PlaintextKeyring(), keyring.backends.null.Keyring(),
                    keyring.backends.fail.Keyring()):  # fmt: skip
        assert is_insecure(backend), backend
        assert secure_backend(backend) is None

    class Empty(keyring.backends.chainer.ChainerBackend):
        backends: list[KeyringBackend] = []  # type: ignore[assignment]  # no keyring at all

    assert is_insecure(Empty())
    assert not is_insecure(MemoryKeyring())


def test_explicit_plaintext_backend_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    store = CredentialStore(backend)
    assert not store.secure and store.in_memory and store.notice == NOTICE_MEMORY
    store.save("https://s", "u", Tokens("access-1", "refresh-1"))
    assert store.load("https://s", "u") == Tokens("access-1", "refresh-1")
    assert not (tmp_path / "keyring.cfg").exists()  # nothing written in plain text

    class Vault:
        def __init__(self) -> None:
            self.values: dict[str, str] = {}

        def read(self, name: str) -> str | None:
            return self.values.get(name)

        def write(self, name: str, value: str | None) -> None:
            if value is None:
                self.values.pop(name, None)
            else:
                self.values[name] = value

    vault = Vault()
    kept = CredentialStore(backend, vault)
    assert not kept.in_memory and kept.notice is None
    kept.save("https://s/", "u", Tokens("a", "r"))
    assert list(vault.values) == ["u@https://s"]
    assert CredentialStore(backend, vault).load("https://s", "u") == Tokens("a", "r")
    kept.save("https://s", "u", None)
    assert vault.values == {} and not (tmp_path / "keyring.cfg").exists()


def test_secure_backend_keeps_tokens_in_the_keyring() -> None:
    secure = MemoryKeyring()
    store = CredentialStore(secure)
    store.use_vault(object())  # type: ignore[arg-type]  # ignored: the keyring is secure
    assert store.secure and store.vault is None
    store.save("https://s", "u", Tokens("a", "r"))
    assert ("offa-desktop", "u@https://s") in secure.values


def test_tokens_left_in_a_plaintext_keyring_move_into_the_vault(tmp_path: Path) -> None:
    """An earlier version kept them in keyrings.alt's file when it was chosen explicitly."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    backend.set_password("offa-desktop", "u@https://s", '{"access": "a-1", "refresh": "r-1"}')
    values: dict[str, str] = {}

    class Vault:
        def read(self, name: str) -> str | None:
            return values.get(name)

        def write(self, name: str, value: str | None) -> None:
            if value is None:
                values.pop(name, None)
            else:
                values[name] = value

    store = CredentialStore(backend, Vault())
    assert store.load("https://s", "u") == Tokens("a-1", "r-1")  # the login lasts
    assert values == {"u@https://s": '{"access": "a-1", "refresh": "r-1"}'}
    assert backend.get_password("offa-desktop", "u@https://s") is None
    assert b"r-1" not in (tmp_path / "keyring.cfg").read_bytes()
