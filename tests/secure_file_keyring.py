"""The "secure" keyring of the cross-process proofs (issue 16): no Secret Service, Keychain or
Credential Locker runs on this test machine, so this stand-in keeps its entries in a JSON file
(``$OFFA_TEST_KEYRING_FILE``) and, unlike keyrings.alt, is not counted as insecure by
``sync.creds``. Chosen explicitly only (``PYTHON_KEYRING_BACKEND=tests.secure_file_keyring.
SecureFileKeyring``); priority 0, so keyring never picks it by itself."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

FILE_ENV = "OFFA_TEST_KEYRING_FILE"
BACKEND = "tests.secure_file_keyring.SecureFileKeyring"


class SecureFileKeyring(KeyringBackend):
    """Entries in the JSON file named by ``$OFFA_TEST_KEYRING_FILE`` (a test's stand-in)."""

    priority = 0  # type: ignore[assignment]

    @property
    def file(self) -> Path:
        return Path(os.environ[FILE_ENV])

    def _read(self) -> dict[str, str]:
        try:
            found: dict[str, str] = json.loads(self.file.read_text("utf-8"))
            return found
        except FileNotFoundError:
            return {}

    def _write(self, values: dict[str, str]) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temp = self.file.with_name(self.file.name + ".new")
        temp.write_text(json.dumps(values), "utf-8")
        os.replace(temp, self.file)

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\t{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        values = self._read()
        values[f"{service}\t{username}"] = password
        self._write(values)

    def delete_password(self, service: str, username: str) -> None:
        values = self._read()
        values.pop(f"{service}\t{username}", None)
        self._write(values)
