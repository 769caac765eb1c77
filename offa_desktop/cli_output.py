"""What every headless command writes: one JSON object per line on standard output (nothing
else goes there), logs to the data folder's rotating file with warnings also on standard error."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from offa_desktop import logfile

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
