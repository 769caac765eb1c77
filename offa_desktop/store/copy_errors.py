"""Why the working copy cannot be opened, in French: it is gone (empty, missing, foreign or
damaged: set aside, never deleted, with what to restore), or another process holds it."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from offa_desktop.domain.errors import OffaError


class BackupInfo(Protocol):
    """A backup as a message names it (``store.backups.Backup``; this module stays below
    ``backups`` and ``cipher``, which raise its errors)."""

    @property
    def path(self) -> Path: ...

    @property
    def label_fr(self) -> str: ...


class WorkingCopyError(OffaError):
    """The working copy cannot be opened; ``message`` (and ``str()``) is French."""

    code = "working_copy"


_WHAT = {
    "empty": "La copie de travail de ce dossier est vide (0 octet) alors qu'elle contenait vos "
    "données (disque plein, outil de synchronisation de fichiers, arrêt brutal du système).",
    "missing": "La copie de travail de ce dossier a disparu : « {path} » est introuvable.",
    "foreign": "Le fichier « {path} » n'est pas la copie de travail de ce dossier (une autre "
    "copie, ou le fichier d'une autre application).",
    "corrupt": "La copie de travail locale est endommagée et ne peut pas être ouverte.",
}


class WorkingCopyGone(WorkingCopyError):
    """The data folder had a working copy and the file is empty, missing, foreign or damaged.

    The bad file (if any) was set aside to ``moved_to``, never deleted, and no new empty copy
    took its place: a person restores ``latest`` (or another file) or chooses to start from an
    empty copy (``offa_desktop.store.restore``). ``reason``: empty, missing, foreign, corrupt.
    ``latest``: the newest backup (``store.backups.latest``), given by the caller.
    """

    def __init__(
        self,
        path: Path,
        reason: str,
        moved_to: Path | None,
        detail: str = "",
        *,
        latest: BackupInfo | None,
    ) -> None:
        self.path = path
        self.reason = reason
        self.moved_to = moved_to
        self.detail = detail
        self.latest = latest
        parts = [_WHAT[reason].format(path=path)]
        if moved_to is not None:
            parts.append(f"Elle a été mise de côté, sans rien effacer, sous « {moved_to} ».")
        parts.append("Aucune copie vide ne l'a remplacée.")
        if self.latest is not None:
            parts.append(
                f"Restaurez la dernière sauvegarde, du {self.latest.label_fr} "
                "(offa-desktop restore, ou le dialogue de l'application) : ses modifications "
                "non envoyées partiront à la prochaine synchronisation."
            )
        else:
            parts.append(
                "Aucune sauvegarde n'est disponible : restaurez un fichier (offa-desktop restore "
                "--from FICHIER) ou repartez d'une copie vide (offa-desktop restore --empty), "
                "puis synchronisez."
            )
        super().__init__(" ".join(parts))


class CorruptWorkingCopy(WorkingCopyGone):
    """The file failed its integrity check and was moved aside to ``moved_to`` (never deleted)."""

    def __init__(
        self, path: Path, moved_to: Path, detail: str, *, latest: BackupInfo | None
    ) -> None:
        super().__init__(path, "corrupt", moved_to, detail, latest=latest)


class WorkingCopyBusy(WorkingCopyError):
    """Another process has the copy open (a restore must wait for it to close)."""

    def __init__(self) -> None:
        super().__init__(
            "La copie de travail est ouverte par l'application ou par une commande en cours : "
            "fermez-les, puis recommencez."
        )
