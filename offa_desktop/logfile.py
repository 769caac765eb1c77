"""The data folder's log file, one for the window and the headless commands (the window's log
view reads it back): rotating, in ``<data>/logs/offa-desktop.log``.

Every handler carries the redaction filter (``domain.redaction``): no NISS, IBAN, e-mail
address, token or password reaches the file or standard error, nor the names of the people of
the folder's working copy (read by ``store.people``, again after each sync: :func:`names_changed`).
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from offa_desktop import paths
from offa_desktop.domain.redaction import NamesSource, RedactingFilter

LOG_NAME = "offa-desktop.log"
NAMES_MAX_AGE = 300.0  # seconds: names read again at least this often while logging

_folder: list[Path] = []


def _names() -> list[str]:
    if not _folder:
        return []
    from offa_desktop.store import people  # sqlite3 only, loaded when a record is written

    return people.names(paths.working_copy_path(_folder[0]))


NAMES = NamesSource(_names, max_age=NAMES_MAX_AGE)


def names_changed() -> None:
    """New people may be in the working copy (a sync, an import): read their names again."""
    NAMES.forget()


def redacting_filter() -> RedactingFilter:
    """The filter of every handler of ours (crash reports redact their text with it too)."""
    return RedactingFilter(NAMES)


def setup_logging(folder: Path, *, stderr: bool = False) -> Path:
    """Log ``offa.*`` to ``folder``'s rotating file (once per process); with ``stderr``,
    warnings also on standard error (the headless commands, whose standard output is JSON).
    Returns the file's path."""
    logs = folder / paths.LOG_DIR
    logs.mkdir(parents=True, exist_ok=True, mode=0o700)
    log_file = logs / LOG_NAME
    root = logging.getLogger("offa")
    _folder[:] = [folder]
    names_changed()
    if any(getattr(h, "_offa_log", False) for h in root.handlers):
        return log_file
    handlers: list[logging.Handler] = [
        RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    ]
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
        handlers[-1].setLevel(logging.WARNING)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in handlers:
        handler.setFormatter(fmt)
        handler.addFilter(redacting_filter())
        setattr(handler, "_offa_log", True)  # noqa: B010 - marks our handlers
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file
