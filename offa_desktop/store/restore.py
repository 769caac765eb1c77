"""Putting a working copy back: the latest backup, a file a person names, or (by a person's
choice) a fresh empty copy. Whatever file stood in the way is set aside, never deleted.

Runs only while no process has the copy open (the open lock, taken exclusively). The restored
file keeps its outbox: its unsent edits go up at the next sync as usual (op ids make a replay of
ops the server already applied harmless).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from offa_desktop.store import backups, cipher
from offa_desktop.store.copy_errors import WorkingCopyBusy, WorkingCopyError
from offa_desktop.store.db import set_aside
from offa_desktop.store.files import (
    OpenLock,
    ensure_copy_id,
    forget_identity,
    is_working_copy,
    stored_revision,
    write_identity,
)

log = logging.getLogger("offa.store")


class NoBackup(WorkingCopyError):
    """There is no backup to restore."""

    def __init__(self) -> None:
        super().__init__(
            "Aucune sauvegarde de la copie de travail n'est disponible dans ce dossier : "
            "indiquez un fichier (offa-desktop restore --from FICHIER) ou repartez d'une copie "
            "vide (offa-desktop restore --empty)."
        )


class BadBackup(WorkingCopyError):
    """The file to restore is not a sound working copy."""


@dataclass(frozen=True)
class Restored:
    """What a restore did: the file put back (None: an empty copy by choice) and where the file
    that stood in the way went."""

    source: Path | None
    set_aside: Path | None


def _check_source(source: Path, path: Path) -> None:
    """The file to restore over the copy ``path``, read with that copy's key when encrypted."""
    if not source.is_file() or source.stat().st_size == 0:
        raise BadBackup(f"« {source} » n'existe pas ou est vide : rien à restaurer.")
    check = backups.check_for(source)  # quick_check past FULL_CHECK_BYTES (minutes saved)
    try:
        problem = backups.integrity(source, copy=path, check=check)
    except cipher.KeyRequired as exc:
        raise BadBackup(
            f"« {source} » est chiffré et la clé de la copie de travail n'est pas connue : "
            "ouvrez d'abord l'application avec votre phrase de passe."
        ) from exc
    except cipher.WrongKey as exc:
        raise BadBackup(
            f"« {source} » est chiffré avec une autre clé que celle de cette copie de travail "
            "(une sauvegarde d'un autre ordinateur ou d'avant un changement de clé) : il ne "
            "peut pas être restauré ici."
        ) from exc
    if problem is not None:
        raise BadBackup(
            f"« {source} » est endommagé (PRAGMA {check} : {problem}) : choisissez une "
            "autre sauvegarde."
        )
    if not is_working_copy(source, copy=path) or stored_revision(source, copy=path) is None:
        raise BadBackup(
            f"« {source} » n'est pas une copie de travail de cette application : choisissez une "
            "sauvegarde du dossier « backups »."
        )


def restore(path: Path, source: Path | None = None) -> Restored:
    """Put ``source`` (default: the latest backup) back as the working copy ``path``.

    NoBackup, BadBackup or WorkingCopyBusy (French), nothing changed. The copy is migrated at
    its next open if the backup is of an older schema (a backup is taken before that too).
    """
    path = Path(path).expanduser().resolve()
    if source is None:
        newest = backups.latest(path)
        if newest is None:
            raise NoBackup()
        source = newest.path
    source = Path(source).expanduser().resolve()
    if source == path:
        raise BadBackup("Le fichier à restaurer est la copie de travail elle-même.")
    _check_source(source, path)
    lock = OpenLock(path)
    if not lock.acquire(exclusive=True):
        raise WorkingCopyBusy()
    try:
        temp = path.with_name(f"{path.name}.restoring")
        temp.unlink(missing_ok=True)
        # Encrypted with the copy's key when there is one (a plain backup is encrypted here).
        backups.copy_file(source, temp, cipher.key_for(path))
        problem = backups.integrity(temp, copy=path, check=backups.check_for(temp))
        if problem is not None:
            temp.unlink(missing_ok=True)
            raise BadBackup(f"La copie restaurée a échoué à sa vérification : {problem}.")
        moved = set_aside(path, "replaced")  # whatever is there, even empty, or stray WALs
        os.replace(temp, path)
        write_identity(path, ensure_copy_id(path))
        path.with_name(path.name + ".open").unlink(missing_ok=True)
    finally:
        lock.release()
    log.warning("working copy %s restored from %s (previous file: %s)", path, source, moved)
    return Restored(source, moved)


def start_empty(path: Path, label: str = "replaced") -> Restored:
    """A person chose to start from an empty copy: the file in the way (if any) is set aside
    (``<file>.<label>-<stamp>``) and the folder forgets its copy, so the next open makes a new
    one. WorkingCopyBusy."""
    path = Path(path).expanduser().resolve()
    lock = OpenLock(path)
    if not lock.acquire(exclusive=True):
        raise WorkingCopyBusy()
    try:
        moved = set_aside(path, label)
        forget_identity(path)
        path.with_name(path.name + ".open").unlink(missing_ok=True)
    finally:
        lock.release()
    log.warning("working copy %s: empty copy chosen (previous file: %s)", path, moved)
    return Restored(None, moved)
