"""Where a working copy's key comes from (issue 16), registered with ``store.cipher`` before
``WorkingCopy.open``.

A random 256-bit key per working copy, made the first time the copy is opened (an existing
plaintext copy is then encrypted in place by the store):
- kept in the OS keyring when a secure backend exists (``sync.creds.secure_backend``: Secret
  Service, macOS Keychain, Windows Credential Locker; keyrings.alt's files, the null and fail
  backends count as none, even chosen with ``PYTHON_KEYRING_BACKEND``); ``<copy>.key`` then only
  says so, so a start knows without loading keyring that no passphrase is to be asked;
- otherwise wrapped by a passphrase the person chooses (``keyfile``: argon2id + AES-GCM).

A wrong passphrase is known from the key file alone (its AES-GCM tag): the copy is never
touched with a wrong key. A forgotten passphrase (:func:`forget_passphrase`): the copy, its key
file and its backups are set aside together (not deleted: the passphrase found again opens
them) and the folder starts a new copy, which a sync fills again.

Nothing here imports keyring at module level: a start whose key is passphrase-wrapped never
loads it before the first paint.
"""

from __future__ import annotations

import base64
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from offa_desktop.domain.errors import OffaError
from offa_desktop.ops.protection import keyfile
from offa_desktop.store import cipher

log = logging.getLogger("offa.store")

PASSPHRASE_ENV = "OFFA_PASSPHRASE"
MIN_LENGTH = 8
# The window: this many wrong passphrases in a row, then a pause before each further try.
TRIES_BEFORE_DELAY = 5
DELAY_SECONDS = 30
# --demo: its copies (made-up people) are encrypted like any other, with this passphrase, so the
# demo opens without a question; never in the real keyring (README, « Démonstration »).
DEMO_PASSPHRASE = "demo-offa-alternance"

Need = Literal["unlocked", "keyring", "ask", "choose", "lost"]
# What a passphrase is asked for: an existing key file ("ask"), a new one ("choose", then
# "confirm"). Returns None when there is no way to ask.
PassphraseSource = Callable[[str], str | None]


class PassphraseRequired(OffaError):
    """The copy's key is wrapped by a passphrase and none was given."""

    code = "passphrase_required"
    says = (
        "La copie de travail est chiffrée par une phrase de passe : donnez-la dans la variable "
        "OFFA_PASSPHRASE, ou lancez la commande dans un terminal pour la taper."
    )


class WrongPassphrase(OffaError):
    """The passphrase does not open the key file; nothing was touched."""

    code = "wrong_passphrase"
    says = (
        "Phrase de passe incorrecte : la copie de travail n'a pas été ouverte et rien n'a été "
        "modifié. Vérifiez les majuscules, les accents et les espaces, puis réessayez."
    )


class WeakPassphrase(OffaError):
    """A new passphrase refused (too short, or its confirmation differs)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="weak_passphrase")


class KeyUnavailable(OffaError):
    """The copy is encrypted and its key cannot be found (keyring gone, key file lost)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"La clé de la copie de travail est introuvable ({detail}) : la copie ne peut pas "
            "être ouverte. Elle peut être mise de côté (pas effacée) et reconstruite depuis le "
            "serveur à la prochaine synchronisation (« Phrase de passe oubliée ? » dans "
            "l'application).",
            code="key_unavailable",
        )


def entry_for(copy: Path) -> str:
    """The keyring entry (under ``sync.creds.SERVICE``) of the key of ``copy``."""
    return f"copy-key:{copy}"


def _resolved(copy: Path) -> Path:
    return Path(copy).expanduser().resolve()


def _has_data(copy: Path) -> bool:
    try:
        return copy.stat().st_size > 0
    except FileNotFoundError:
        return False


def needs(copy: Path, *, keyring_allowed: bool = True) -> Need:
    """What opening ``copy`` needs: nothing (its key registered), the keyring (its key there, or
    a new key to put there), a passphrase to ``ask`` or to ``choose``, or nothing can open it
    (``lost``). Loads keyring only when no key file says where the key is."""
    copy = _resolved(copy)
    if cipher.key_for(copy) is not None:
        return "unlocked"
    try:
        info = keyfile.read(copy)
    except ValueError:
        return "lost"
    if info is not None:
        return "ask" if info["kind"] == keyfile.KIND_PASSPHRASE else "keyring"
    if _has_data(copy) and cipher.is_encrypted(copy):
        return "lost"
    if keyring_allowed and _secure_keyring() is not None:
        return "keyring"
    return "choose"


def _secure_keyring() -> object | None:
    from sync.creds import secure_backend

    return secure_backend()


def unlock_from_keyring(copy: Path) -> None:
    """Register the key of ``copy`` kept in the secure keyring, or make one and keep it there
    (the keyring first, then the key file saying so: a crash between leaves no key file and the
    next start makes a new key for the copy still in plain text)."""
    from sync.creds import read_secret, secure_backend, write_secret

    copy = _resolved(copy)
    backend = secure_backend()
    info = keyfile.read(copy)
    if info is not None:
        if backend is None:
            raise KeyUnavailable("aucun trousseau sécurisé sur cet ordinateur")
        raw = read_secret(backend, str(info.get("entry") or entry_for(copy)))
        if not raw:
            raise KeyUnavailable("elle n'est plus dans le trousseau du système")
        cipher.register_key(copy, base64.b64decode(raw))
        return
    if _has_data(copy) and cipher.is_encrypted(copy):
        raise KeyUnavailable("aucun fichier de clé à côté de la copie")
    if backend is None:
        raise KeyUnavailable("aucun trousseau sécurisé sur cet ordinateur")
    key = os.urandom(keyfile.KEY_BYTES)
    entry = entry_for(copy)
    text = base64.b64encode(key).decode("ascii")
    write_secret(backend, entry, text)
    if read_secret(backend, entry) != text:  # a keyring that does not keep what it is given
        raise KeyUnavailable("le trousseau du système n'a pas gardé la clé")
    keyfile.write_keyring_marker(copy, entry)
    cipher.register_key(copy, key)
    log.info("working copy key made and kept in the keyring (%s)", type(backend).__name__)


def unlock_with_passphrase(copy: Path, passphrase: str) -> None:
    """Register the key of ``copy`` wrapped by ``passphrase``; WrongPassphrase (nothing
    touched) when it does not open the key file."""
    copy = _resolved(copy)
    info = keyfile.read(copy)
    if info is None or info["kind"] != keyfile.KIND_PASSPHRASE:
        raise KeyUnavailable("aucun fichier de clé à côté de la copie")
    try:
        key = keyfile.unwrap(info, passphrase)
    except keyfile.BadPassphrase:
        log.warning("wrong passphrase for the working copy key")
        raise WrongPassphrase() from None
    cipher.register_key(copy, key)


def check_new(passphrase: str, confirm: str | None = None) -> None:
    """WeakPassphrase when ``passphrase`` cannot be chosen (or ``confirm`` differs)."""
    if len(passphrase.strip()) < MIN_LENGTH:
        raise WeakPassphrase(
            f"La phrase de passe doit compter au moins {MIN_LENGTH} caractères (plusieurs mots "
            "faciles à retenir pour vous valent mieux qu'un mot compliqué)."
        )
    if confirm is not None and confirm != passphrase:
        raise WeakPassphrase("Les deux phrases de passe tapées ne sont pas identiques.")


def strength(passphrase: str) -> int:
    """A rough score from 0 (too short) to 4 (strong): length and variety, for the hint shown
    while a passphrase is chosen (the words are the window's)."""
    text = passphrase.strip()
    if len(text) < MIN_LENGTH:
        return 0
    kinds = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    words = len(text.split())
    score = 1
    if len(text) >= 12 and (kinds >= 2 or words >= 2):
        score = 2
    if len(text) >= 16 and (kinds >= 3 or words >= 3):
        score = 3
    if len(text) >= 24 and (kinds >= 3 or words >= 4):
        score = 4
    if len(set(text)) <= 3:  # "aaaaaaaaaaaa", "abababab…"
        score = 1
    return score


def choose_passphrase(copy: Path, passphrase: str, confirm: str | None = None) -> None:
    """A new random key for ``copy``, wrapped by ``passphrase`` in ``<copy>.key``, registered.
    WeakPassphrase when it cannot be chosen."""
    copy = _resolved(copy)
    check_new(passphrase, confirm)
    if _has_data(copy) and cipher.is_encrypted(copy):
        raise KeyUnavailable("aucun fichier de clé à côté de la copie")
    key = os.urandom(keyfile.KEY_BYTES)
    keyfile.write_passphrase(copy, key, passphrase)
    cipher.register_key(copy, key)
    log.info("working copy key made, wrapped by the passphrase chosen")


def env_source(kind: str) -> str | None:
    """``OFFA_PASSPHRASE`` for every question (scripts, tests); None when unset."""
    return os.environ.get(PASSPHRASE_ENV)


def demo_source(kind: str) -> str:
    return DEMO_PASSPHRASE


def unlock(
    copy: Path,
    source: PassphraseSource | None = env_source,
    *,
    keyring_allowed: bool = True,
    tries: int = 1,
) -> Need:
    """Register the key of ``copy`` before it is opened, however it is kept; what was needed.

    PassphraseRequired (``source`` gives none), WrongPassphrase (after ``tries``),
    WeakPassphrase (a new one refused), KeyUnavailable (the copy cannot be opened)."""
    copy = _resolved(copy)
    need = needs(copy, keyring_allowed=keyring_allowed)
    if need == "unlocked":
        return need
    if need == "keyring":
        unlock_from_keyring(copy)
        return need
    if need == "lost":
        raise KeyUnavailable("aucun fichier de clé lisible à côté de la copie")
    ask = source or (lambda _kind: None)
    if need == "choose":
        chosen = ask("choose")
        if chosen is None:
            raise PassphraseRequired()
        confirm = ask("confirm")
        choose_passphrase(copy, chosen, chosen if confirm is None else confirm)
        return need
    for attempt in range(max(1, tries)):
        given = ask("ask")
        if given is None:
            raise PassphraseRequired()
        try:
            unlock_with_passphrase(copy, given)
            return need
        except WrongPassphrase:
            if attempt == max(1, tries) - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def forget_key(copy: Path) -> None:
    """The copy is erased (« Oublier cet ordinateur », « à effacer »): its key leaves the
    keyring and this process (the key file goes with the copy's files, ``store.erase``)."""
    copy = _resolved(copy)
    try:
        info = keyfile.read(copy)
    except ValueError:
        info = None
    if info is not None and info["kind"] == keyfile.KIND_KEYRING:
        from sync.creds import secure_backend, write_secret

        backend = secure_backend()
        if backend is not None:
            try:
                write_secret(backend, str(info.get("entry") or entry_for(copy)), None)
            except Exception as exc:  # erasing goes on: the copy it opened is gone anyway
                log.warning("copy key not removed from the keyring: %s", type(exc).__name__)
    cipher.forget_key(copy)


def forget_passphrase(copy: Path) -> Path | None:
    """« Phrase de passe oubliée » (or a key lost): the copy, its key file and its backups set
    aside together, never deleted (``<copy>.passphrase-forgotten-<stamp>``, its ``.key`` and
    ``-backups`` beside it: the passphrase found again opens them); the folder forgets its
    copy, so the next open makes a new one and a sync fills it. Where the copy went (None: there
    was none). WorkingCopyBusy while another process has it open."""
    from offa_desktop.store.backups import FOLDER
    from offa_desktop.store.restore import start_empty

    copy = _resolved(copy)
    done = start_empty(copy, label="passphrase-forgotten")
    moved = done.set_aside
    key_file = keyfile.path_for(copy)
    if moved is not None:
        keyfile.move_beside(copy, moved)
        backups = copy.parent / FOLDER
        if backups.exists():
            os.replace(backups, moved.with_name(moved.name + "-backups"))
    elif key_file.exists():
        os.replace(key_file, key_file.with_name(key_file.name + ".forgotten"))
    cipher.forget_key(copy)
    log.warning("working copy set aside, its passphrase forgotten: %s", moved)
    return moved
