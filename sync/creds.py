"""Tokens live in the OS keyring (``keyring``) when a secure backend exists, else in a vault the
desktop provides (its encrypted working copy, :class:`sync.ports.TokenVault`); never in a plain
file or a log.

An insecure backend (keyrings.alt's plaintext file, the null or fail backend, a chain of only
those) counts as none, even when chosen explicitly with ``PYTHON_KEYRING_BACKEND`` (issue 16).
Without a secure keyring and without a vault, tokens stay in memory for this session and
:attr:`CredentialStore.notice` says so in French.

The working copy's own key (``offa_desktop/ops/protection``) goes to the same secure keyring,
through :func:`secure_backend`, :func:`read_secret` and :func:`write_secret`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from sync.client import Tokens
from sync.ports import TokenVault

log = logging.getLogger("offa.sync")

SERVICE = "offa-desktop"
_INSECURE_MODULES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")
NOTICE_MEMORY = (
    "Aucun trousseau sécurisé n'a été trouvé sur cet ordinateur : vos jetons de connexion sont "
    "gardés en mémoire pour cette session seulement. Il faudra vous reconnecter au prochain "
    "démarrage."
)


def is_insecure(backend: KeyringBackend) -> bool:
    """True for keyrings.alt (plaintext or merely obfuscated files), the null and fail
    backends, and a chain holding only those (or nothing)."""
    if hasattr(backend, "backends"):
        inner: list[Any] = list(getattr(backend, "backends", None) or [])
        return all(is_insecure(b) for b in inner)  # an empty chain: no keyring at all
    return type(backend).__module__.startswith(_INSECURE_MODULES)


_is_insecure = is_insecure  # its earlier name


def secure_backend(backend: KeyringBackend | None = None) -> KeyringBackend | None:
    """The keyring backend in use (``backend``, else keyring's choice, ``PYTHON_KEYRING_BACKEND``
    included) when it is a secure one; None otherwise."""
    try:
        chosen = backend or keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration: none
        log.warning("trousseau indisponible : %s", type(exc).__name__)
        return None
    return None if is_insecure(chosen) else chosen


def read_secret(backend: KeyringBackend, name: str) -> str | None:
    """``name``'s value under :data:`SERVICE` (None when absent or unreadable)."""
    try:
        return backend.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        log.warning("lecture du trousseau impossible : %s", type(exc).__name__)
        return None


def write_secret(backend: KeyringBackend, name: str, value: str | None) -> None:
    """Keep ``value`` under ``name`` (None forgets it). KeyringError when it cannot be
    written (a forgotten entry that was not there is no error)."""
    if value is None:
        try:
            backend.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass
        return
    backend.set_password(SERVICE, name, value)


class CredentialStore:
    """Reads and writes the token pair of ``username`` on ``server``: in the secure keyring,
    else in the vault (:meth:`use_vault`), else in memory."""

    def __init__(
        self, backend: KeyringBackend | None = None, vault: TokenVault | None = None
    ) -> None:
        self.backend = backend or keyring.get_keyring()
        self.secure = not is_insecure(self.backend)
        self.vault: TokenVault | None = None
        self._memory: dict[str, str] = {}
        self.notice: str | None = None
        if not self.secure:
            log.warning("trousseau non sécurisé (%s) : non utilisé", type(self.backend))
            self.notice = NOTICE_MEMORY
        if vault is not None:
            self.use_vault(vault)

    @property
    def in_memory(self) -> bool:
        """No secure keyring and no vault: the tokens last this process only."""
        return not self.secure and self.vault is None

    def use_vault(self, vault: TokenVault) -> None:
        """Keep the tokens in ``vault`` when the keyring is not secure (no-op otherwise)."""
        if self.secure:
            return
        self.vault = vault
        self.notice = None

    @staticmethod
    def _name(server: str, username: str) -> str:
        return f"{username}@{server.rstrip('/')}"

    def _read(self, name: str) -> str | None:
        if self.secure:
            try:
                return self.backend.get_password(SERVICE, name)
            except keyring.errors.KeyringError as exc:
                log.warning("lecture du trousseau impossible : %s", type(exc).__name__)
                return self._memory.get(name)
        if self.vault is not None:
            try:
                return self.vault.read(name) or self._moved_from_plain(name)
            except Exception as exc:  # the copy closed or busy: what this process holds
                log.warning("lecture des jetons impossible : %s", type(exc).__name__)
        return self._memory.get(name)

    def _moved_from_plain(self, name: str) -> str | None:
        """A pair an earlier version left in the insecure keyring (keyrings.alt's file, chosen
        with PYTHON_KEYRING_BACKEND): moved into the vault and taken out of the file, so the
        login lasts and no token stays in plain text."""
        if name in self._memory:
            return self._memory[name]
        assert self.vault is not None
        try:
            raw = self.backend.get_password(SERVICE, name)
        except Exception:  # the null or fail backend, an unreadable file: nothing to move
            return None
        if not raw:
            return None
        self.vault.write(name, raw)
        try:
            self.backend.delete_password(SERVICE, name)
        except Exception as exc:
            log.warning("jetons non retirés du trousseau non sécurisé : %s", type(exc).__name__)
        log.warning("jetons déplacés du trousseau non sécurisé vers la copie chiffrée")
        return raw

    def load(self, server: str, username: str) -> Tokens | None:
        raw = self._read(self._name(server, username))
        if not raw:
            return None
        try:
            value = json.loads(raw)
            return Tokens(str(value["access"]), str(value["refresh"]))
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, server: str, username: str, tokens: Tokens | None) -> None:
        """Keep a pair (None forgets it)."""
        name = self._name(server, username)
        raw = (
            None
            if tokens is None
            else json.dumps({"access": tokens.access, "refresh": tokens.refresh})
        )
        if raw is None:
            self._memory.pop(name, None)
        if self.secure:
            try:
                write_secret(self.backend, name, raw)
                return
            except keyring.errors.KeyringError as exc:
                log.warning("écriture dans le trousseau impossible : %s", type(exc).__name__)
                self.notice = NOTICE_MEMORY
        elif self.vault is not None:
            try:
                self.vault.write(name, raw)
                if raw is not None:
                    self._memory.pop(name, None)
                return
            except Exception as exc:  # kept in memory for this process rather than lost
                log.warning("écriture des jetons impossible : %s", type(exc).__name__)
        if raw is not None:
            self._memory[name] = raw
