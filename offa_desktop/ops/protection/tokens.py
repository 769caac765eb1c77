"""sync's :class:`~sync.ports.TokenVault` on the working copy: the tokens in its
``credentials`` table, when the computer has no secure keyring (the copy is encrypted)."""

from __future__ import annotations

from offa_desktop.store.credentials import read_credential, write_credential
from offa_desktop.store.db import WorkingCopy


class CopyTokens:
    """The token pairs of a working copy (``sync.creds.CredentialStore.use_vault``)."""

    def __init__(self, wc: WorkingCopy) -> None:
        self.wc = wc

    def read(self, name: str) -> str | None:
        if not self.wc.path.exists():  # erased (forget, « à effacer »): never made again
            return None
        return read_credential(self.wc, name)

    def write(self, name: str, value: str | None) -> None:
        if not self.wc.path.exists():
            if value is None:
                return
            raise FileNotFoundError("the working copy was erased")
        write_credential(self.wc, name, value)
