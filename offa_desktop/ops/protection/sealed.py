"""The data folder's other files encrypted at rest (issue 16): attachments, their notes, the
scanned pages waiting for a person.

Their key is derived from the working copy's (``store/cipher.key_for``) with HKDF-SHA256
(``info`` b"offa attachments v1"), so it comes and goes with the copy's: nothing more to keep.
A sealed file is ``MAGIC`` (8 bytes, the version in its last byte), a random 96-bit nonce, then
AES-256-GCM's ciphertext and tag; the header is the associated data. Written atomically
(a ``.part`` file renamed), 0600.

Without a registered key (a plain copy: the old tests', as ``store/cipher.connect``) files are
written and read plain. A file from before (no ``MAGIC``) is still read and, when a key is
registered, written again sealed at that first read (its modification time kept: the notes'
order is their times). A sealed file without the key, or with another key, raises
:class:`SealedError` (French) and is left as it is.

Files handed to the system's viewer are decrypted into a private folder (0700, removed when the
process exits): :func:`viewable`.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from offa_desktop import paths
from offa_desktop.domain.errors import OffaError
from offa_desktop.store import cipher

MAGIC = b"OFFASEA\x01"  # version 1
NONCE_BYTES = 12
INFO = b"offa attachments v1"

_view_lock = threading.Lock()
_view_dir: Path | None = None


class SealedError(OffaError, OSError):
    """A sealed file this process cannot open (no key, another key, damaged): a person reads
    its French message; an ``OSError`` still, as any file that cannot be read."""

    code = "sealed_file_unreadable"


def file_key(folder: Path) -> bytes | None:
    """The key of the files of the data folder ``folder`` (None: its copy is plain)."""
    copy_key = cipher.key_for(paths.working_copy_path(folder))
    if copy_key is None:
        return None
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(copy_key)


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def seal(key: bytes, content: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, content, MAGIC)


def unseal(key: bytes | None, blob: bytes, name: str = "") -> bytes:
    """The content of ``blob`` (plain as it is when it has no ``MAGIC``)."""
    if not is_sealed(blob):
        return blob
    if key is None:
        raise SealedError(
            f"Le fichier « {name} » est chiffré : la copie de travail doit être ouverte "
            "(phrase de passe ou trousseau) pour le lire."
        )
    start = len(MAGIC)
    nonce = blob[start : start + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, blob[start + NONCE_BYTES :], MAGIC)
    except InvalidTag:
        raise SealedError(
            f"Le fichier « {name} » ne se déchiffre pas avec la clé de cette copie de travail "
            "(autre copie ou fichier abîmé). Il n'a pas été modifié."
        ) from None


def _write_raw(path: Path, blob: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(blob)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def write(folder: Path, path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` (under the data folder ``folder``), sealed when its copy
    has a key."""
    key = file_key(folder)
    _write_raw(path, content if key is None else seal(key, content))


def read(folder: Path, path: Path) -> bytes:
    """The content of ``path``; a plain file from before is sealed now when a key exists."""
    blob = path.read_bytes()
    key = file_key(folder)
    content = unseal(key, blob, path.name)
    if key is not None and not is_sealed(blob):
        stamp = path.stat()
        _write_raw(path, seal(key, content))
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    return content


def write_json(folder: Path, path: Path, value: Any) -> None:
    write(folder, path, json.dumps(value, ensure_ascii=False).encode("utf-8"))


def read_json(folder: Path, path: Path) -> Any:
    """The JSON value of ``path``; ValueError for what is not JSON, SealedError (an OSError)
    for what does not decrypt."""
    return json.loads(read(folder, path).decode("utf-8"))


def _private_dir() -> Path:
    global _view_dir
    with _view_lock:
        if _view_dir is None or not _view_dir.exists():
            made = Path(tempfile.mkdtemp(prefix="offa-view-"))  # 0700
            os.chmod(made, 0o700)
            atexit.register(shutil.rmtree, made, True)
            _view_dir = made
        return _view_dir


def viewable(folder: Path, path: Path, name: str | None = None) -> Path:
    """A file the system's viewer can open: ``path`` itself when plain, else its content
    decrypted into this process's private folder (0700, removed at exit) as ``name``."""
    if file_key(folder) is None:
        return path
    content = read(folder, path)
    target_dir = Path(tempfile.mkdtemp(dir=_private_dir()))
    target = target_dir / Path(name or path.name).name
    _write_raw(target, content)
    return target


def clear_viewed() -> None:
    """Remove the decrypted files handed to viewers (at exit; also when the copy is closed)."""
    global _view_dir
    with _view_lock:
        if _view_dir is not None:
            shutil.rmtree(_view_dir, ignore_errors=True)
            _view_dir = None
