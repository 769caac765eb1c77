"""Tokens live only in the OS keyring (``keyring``), never in the database, a file or a log.

When the only backend found is an insecure one (keyrings.alt's plaintext file, the null or fail
backend), tokens stay in memory for this session and :attr:`CredentialStore.notice` says so in
French, unless the user chose that backend explicitly (``PYTHON_KEYRING_BACKEND`` set).
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from sync.client import Tokens

log = logging.getLogger("offa.sync")

SERVICE = "offa-desktop"
_INSECURE_MODULES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")
NOTICE_MEMORY = (
    "Aucun trousseau sécurisé n'a été trouvé sur cet ordinateur : vos jetons de connexion sont "
    "gardés en mémoire pour cette session seulement. Il faudra vous reconnecter au prochain "
    "démarrage."
)


def _is_insecure(backend: KeyringBackend) -> bool:
    inner: list[Any] = list(getattr(backend, "backends", []) or [])
    if inner:
        return all(_is_insecure(b) for b in inner)
    return type(backend).__module__.startswith(_INSECURE_MODULES)


class CredentialStore:
    """Reads and writes the token pair of ``username`` on ``server``."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self.backend = backend or keyring.get_keyring()
        explicit = bool(os.environ.get("PYTHON_KEYRING_BACKEND")) or backend is not None
        self.in_memory = _is_insecure(self.backend) and not explicit
        self.notice: str | None = NOTICE_MEMORY if self.in_memory else None
        self._memory: dict[str, str] = {}
        if self.in_memory:
            log.warning("trousseau non sécurisé (%s) : jetons en mémoire", type(self.backend))

    @staticmethod
    def _name(server: str, username: str) -> str:
        return f"{username}@{server.rstrip('/')}"

    def load(self, server: str, username: str) -> Tokens | None:
        name = self._name(server, username)
        raw: str | None
        if self.in_memory:
            raw = self._memory.get(name)
        else:
            try:
                raw = self.backend.get_password(SERVICE, name)
            except keyring.errors.KeyringError as exc:
                log.warning("lecture du trousseau impossible : %s", type(exc).__name__)
                raw = self._memory.get(name)
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
        if tokens is None:
            self._memory.pop(name, None)
            if not self.in_memory:
                try:
                    self.backend.delete_password(SERVICE, name)
                except keyring.errors.KeyringError:
                    pass
            return
        raw = json.dumps({"access": tokens.access, "refresh": tokens.refresh})
        if self.in_memory:
            self._memory[name] = raw
            return
        try:
            self.backend.set_password(SERVICE, name, raw)
        except keyring.errors.KeyringError as exc:
            log.warning("écriture dans le trousseau impossible : %s", type(exc).__name__)
            self._memory[name] = raw
            self.notice = NOTICE_MEMORY
