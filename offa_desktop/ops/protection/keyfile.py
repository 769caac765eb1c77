"""``<copy>.key``: the small file beside a working copy that says where its key is.

JSON, private (0600), written whole or not at all (a temporary file renamed over it):
- ``{"kind": "keyring", ...}``: the key is in the OS keyring (a secure backend), under
  ``copy-key:<copy path>``; the file only says so, so a start knows without loading keyring
  that no passphrase is to be asked;
- ``{"kind": "passphrase", "kdf": {...}, "cipher": {...}}``: the 256-bit key wrapped by a
  passphrase: argon2id (argon2-cffi, its parameters and random salt stored here) derives a
  wrapping key; AES-256-GCM (``cryptography``) seals the copy's key with it (random nonce, the
  file's header as associated data). A wrong passphrase fails the tag: it is known before the
  copy is touched.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIX = ".key"
FORMAT = "offa-desktop-copy-key"
VERSION = 1
KIND_KEYRING = "keyring"
KIND_PASSPHRASE = "passphrase"
KEY_BYTES = 32
PRIVATE = 0o600
# Tests only: a new key file with cheap argon2id parameters (never set this for real data; the
# parameters are stored in the file, so reading one never depends on it).
FAST_KDF_ENV = "OFFA_TEST_FAST_KDF"


class BadPassphrase(ValueError):
    """The passphrase does not open this key file (the AES-GCM tag did not match)."""


@dataclass(frozen=True)
class Kdf:
    """argon2id's cost: passes, memory in KiB, lanes (RFC 9106's second recommended set:
    3 passes over 64 MiB on 4 lanes, about 0.4 s on a loaded 2-core machine)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 4


FAST = Kdf(time_cost=1, memory_cost=8192, parallelism=1)


def default_kdf() -> Kdf:
    return FAST if os.environ.get(FAST_KDF_ENV) else Kdf()


def path_for(copy: Path) -> Path:
    return copy.with_name(copy.name + SUFFIX)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


def _secret(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(passphrase: str, salt: bytes, kdf: Kdf) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        _secret(passphrase),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_cost,
        parallelism=kdf.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _aad(kind: str) -> bytes:
    return f"{FORMAT}:{VERSION}:{kind}".encode("ascii")


def read(copy: Path) -> dict[str, Any] | None:
    """The key file of ``copy`` (None when there is none). ValueError when it is not one."""
    file = path_for(copy)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return None
    info = json.loads(raw)
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        raise ValueError(f"{file} is not a working copy key file")
    if info.get("kind") not in (KIND_KEYRING, KIND_PASSPHRASE):
        raise ValueError(f"{file}: unknown kind {info.get('kind')!r}")
    return info


def _write(file: Path, info: dict[str, Any]) -> None:
    temp = file.with_name(file.name + ".new")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    try:
        os.write(fd, json.dumps(info, indent=1).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(temp, PRIVATE)
    os.replace(temp, file)
    try:
        dir_fd = os.open(file.parent, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows: no directory handle
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write_keyring_marker(copy: Path, entry: str) -> None:
    """Say that the key of ``copy`` is in the OS keyring under ``entry``."""
    _write(path_for(copy), {"format": FORMAT, "version": VERSION, "kind": KIND_KEYRING,
                            "entry": entry})  # fmt: skip


def wrap(key: bytes, passphrase: str, kdf: Kdf | None = None) -> dict[str, Any]:
    """The key file's content for ``key`` wrapped by ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = kdf or default_kdf()
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_derive(passphrase, salt, kdf)).encrypt(nonce, key, _aad(KIND_PASSPHRASE))
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": KIND_PASSPHRASE,
        "kdf": {"name": "argon2id", "time_cost": kdf.time_cost,
                "memory_cost": kdf.memory_cost, "parallelism": kdf.parallelism,
                "salt": _b64(salt)},
        "cipher": {"name": "aes-256-gcm", "nonce": _b64(nonce), "wrapped": _b64(sealed)},
    }  # fmt: skip


def write_passphrase(copy: Path, key: bytes, passphrase: str, kdf: Kdf | None = None) -> None:
    """Keep ``key`` beside ``copy``, wrapped by ``passphrase``."""
    _write(path_for(copy), wrap(key, passphrase, kdf))


def unwrap(info: dict[str, Any], passphrase: str) -> bytes:
    """The copy's key from a passphrase key file; BadPassphrase when it does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params, sealed = info["kdf"], info["cipher"]
    if params.get("name") != "argon2id" or sealed.get("name") != "aes-256-gcm":
        raise ValueError("unknown key file algorithms")
    kdf = Kdf(int(params["time_cost"]), int(params["memory_cost"]), int(params["parallelism"]))
    wrapping = _derive(passphrase, _unb64(params["salt"]), kdf)
    try:
        key = AESGCM(wrapping).decrypt(
            _unb64(sealed["nonce"]), _unb64(sealed["wrapped"]), _aad(KIND_PASSPHRASE)
        )
    except InvalidTag:
        raise BadPassphrase() from None
    if len(key) != KEY_BYTES:
        raise ValueError("the key file holds no 256-bit key")
    return key


def move_beside(copy: Path, moved: Path) -> Path | None:
    """The key file of ``copy`` follows the copy set aside to ``moved`` (``<moved>.key``), so
    the set-aside copy stays readable with its passphrase; None when there was none."""
    file = path_for(copy)
    if not file.exists():
        return None
    target = path_for(moved)
    os.replace(file, target)
    return target
