"""Tests reading a working copy the app made: it is encrypted (issue 16), so its key is
registered first, as the app does, from the tests' ``OFFA_PASSPHRASE`` (tests/conftest.py) or
the keyring the test chose; then ``connect`` opens it as sqlite3 would."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from offa_desktop import paths
from offa_desktop.ops.protection import keys
from offa_desktop.store import cipher


def copy_path(place: Path) -> Path:
    """The working copy of a data folder, or ``place`` itself when it is a file's path."""
    place = Path(place)
    return paths.working_copy_path(place) if place.is_dir() else place


def unlock(place: Path) -> Path:
    """Register the key of the copy (a new key, when it has none yet); its path."""
    path = copy_path(place).resolve()
    keys.unlock(path, keys.env_source)
    return path


def connect(place: Path, isolation_level: str | None = "") -> sqlite3.Connection:
    """``sqlite3.connect`` for a copy the app encrypted (its key registered first)."""
    conn = cipher.connect(unlock(place))
    if isolation_level != "":
        conn.isolation_level = isolation_level  # type: ignore[assignment]
    return conn


def clone_key(source: Path, target: Path) -> None:
    """``target`` (a copy's path) gets the key file of ``source``: the same key opens both."""
    from offa_desktop.ops.protection import keyfile

    shutil.copyfile(keyfile.path_for(copy_path(source)), keyfile.path_for(copy_path(target)))
