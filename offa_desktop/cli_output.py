"""What every headless command writes: one JSON object per line on standard output (nothing
else goes there), logs to the data folder's rotating file with warnings also on standard error."""

from __future__ import annotations

import json
import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from offa_desktop import paths

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_PARTIAL = 2


def emit(value: dict[str, Any]) -> None:
    """The one writer of standard output: one JSON object per line."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def setup_logging(folder: Path) -> None:
    """Log to ``folder``'s rotating file, warnings also to standard error; once per process."""
    root = logging.getLogger("offa")
    if any(getattr(h, "_offa_cli", False) for h in root.handlers):
        return
    logs = folder / paths.LOG_DIR
    logs.mkdir(parents=True, exist_ok=True, mode=0o700)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = RotatingFileHandler(
        logs / "offa-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    err_handler = logging.StreamHandler(sys.stderr)
    err_handler.setLevel(logging.WARNING)
    for handler in (file_handler, err_handler):
        handler.setFormatter(fmt)
        setattr(handler, "_offa_cli", True)  # noqa: B010 - marks the CLI's handlers
        root.addHandler(handler)
    root.setLevel(logging.INFO)
