"""Erasing a working copy for good (a device marked « à effacer », « Oublier cet ordinateur »):
the file, its WAL and shared memory, its identity and open markers, its lock, the copies a
check set aside (``<file>.<reason>-<stamp>``) and every backup. Never done but on a person's
or OFFA's explicit demand; the caller has closed the copy first."""

from __future__ import annotations

import shutil
from pathlib import Path

from offa_desktop.store import backups


def erase_copy(path: Path) -> int:
    """Remove the working copy at ``path`` and every file of it; how many files went."""
    removed = 0
    for file in sorted(path.parent.glob(path.name + "*")):
        if file.is_file() or file.is_symlink():
            file.unlink(missing_ok=True)
            removed += 1
        elif file.is_dir():
            removed += sum(1 for f in file.rglob("*") if f.is_file())
            shutil.rmtree(file, ignore_errors=True)
    folder = path.parent / backups.FOLDER
    if folder.exists():
        removed += sum(1 for f in folder.rglob("*") if f.is_file())
        shutil.rmtree(folder, ignore_errors=True)
    return removed
