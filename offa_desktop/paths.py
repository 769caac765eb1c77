"""Where the working copy and its companions live on disk (no Qt)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from offa_desktop import APP_AUTHOR, APP_NAME

WORKING_COPY_FILE = "working-copy.sqlite3"
LOG_DIR = "logs"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``$OFFA_DATA_DIR``, else the user's data folder.

    Created private to the user (0700): it holds personal data of minors.
    """
    chosen = explicit or os.environ.get("OFFA_DATA_DIR") or user_data_dir(APP_NAME, APP_AUTHOR)
    folder = Path(chosen).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def working_copy_path(folder: Path) -> Path:
    return folder / WORKING_COPY_FILE
