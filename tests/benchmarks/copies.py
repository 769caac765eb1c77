"""The benchmarks' working copies as the app leaves them: encrypted (issue 16) once an app start
or an open made them so. ``register`` gives this process a copy's key when it has a key file
(the passphrase is ``OFFA_PASSPHRASE``, see ``__init__``), and ``connect`` is the floors' raw
sqlite3 on the same file: SQLCipher with that key, plain sqlite3 on a plain copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def register(path: Path) -> Path:
    """The copy's resolved path, its key registered when it has one."""
    from offa_desktop.ops.protection import keyfile, keys
    from offa_desktop.store import cipher

    path = Path(path).resolve()
    if cipher.key_for(path) is None and keyfile.path_for(path).exists():
        keys.unlock(path, keys.env_source)
    return path


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    from offa_desktop.store import cipher

    conn: sqlite3.Connection = cipher.connect(register(path), readonly=readonly)
    return conn
