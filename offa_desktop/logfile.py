"""The data folder's log file, one for the window and the headless commands (the window's log
view reads it back): rotating, in ``<data>/logs/offa-desktop.log``."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from offa_desktop import paths

LOG_NAME = "offa-desktop.log"


def setup_logging(folder: Path, *, stderr: bool = False) -> Path:
    """Log ``offa.*`` to ``folder``'s rotating file (once per process); with ``stderr``,
    warnings also on standard error (the headless commands, whose standard output is JSON).
    Returns the file's path."""
    logs = folder / paths.LOG_DIR
    logs.mkdir(parents=True, exist_ok=True, mode=0o700)
    log_file = logs / LOG_NAME
    root = logging.getLogger("offa")
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
        setattr(handler, "_offa_log", True)  # noqa: B010 - marks our handlers
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file
