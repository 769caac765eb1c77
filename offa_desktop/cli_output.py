"""What every headless command writes: one JSON object per line on standard output (nothing
else goes there), logs to the data folder's rotating file with warnings also on standard error."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offa_desktop import logfile

if TYPE_CHECKING:
    from offa_desktop.store.copy_errors import WorkingCopyGone

log = logging.getLogger("offa")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_PARTIAL = 2


def emit(value: dict[str, Any]) -> None:
    """The one writer of standard output: one JSON object per line."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def setup_logging(folder: Path) -> None:
    """The data folder's log file, warnings also on standard error; once per process."""
    logfile.setup_logging(folder, stderr=True)


def gone_failure(exc: WorkingCopyGone) -> int:
    """A working copy found empty, missing, foreign or damaged: its summary (exit 1)."""
    log.error("working copy %s: %s", exc.reason, exc)
    emit(
        {
            "ok": False,
            "error": f"working_copy_{exc.reason}",
            "message": str(exc),
            "set_aside": str(exc.moved_to) if exc.moved_to else None,
            "latest_backup": str(exc.latest.path) if exc.latest else None,
        }
    )
    return EXIT_FAILED
