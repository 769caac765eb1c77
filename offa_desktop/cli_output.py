"""What every headless command writes: one JSON object per line on standard output (nothing
else goes there), logs to the data folder's rotating file with warnings also on standard error."""

from __future__ import annotations

import getpass
import json
import logging
import os
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


def failure(logger: logging.Logger, error: str, message: str) -> int:
    """A command's failure: logged by ``logger``, its summary line (``ok`` false, the error's
    code and its French message); exit 1."""
    logger.error("%s: %s", error, message)
    emit({"ok": False, "error": error, "message": message})
    return EXIT_FAILED


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


PASSPHRASE_ENV = "OFFA_PASSPHRASE"
_PROMPTS = {
    "ask": "Phrase de passe de la copie de travail : ",
    "choose": "Choisissez la phrase de passe qui chiffrera la copie de travail "
    "(8 caractères au moins) : ",
    "confirm": "Tapez-la une seconde fois : ",
}


def headless_passphrase(kind: str) -> str | None:
    """A headless command's passphrase: ``OFFA_PASSPHRASE``, else typed on the terminal (never
    echoed), else None."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    try:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # a closed standard input
        interactive = False
    if not interactive:
        return None
    return getpass.getpass(_PROMPTS.get(kind, _PROMPTS["ask"]), stream=sys.stderr)


def unlock_copy(copy: Path) -> int | None:
    """Register the key of the working copy ``copy`` before it is opened (the keyring, else the
    passphrase of :func:`headless_passphrase`); None when done, else the exit code after the
    failure's line: exactly ``{"ok": false, "error": "passphrase_required"}`` when no
    passphrase could be had."""
    from offa_desktop.domain.errors import OffaError
    from offa_desktop.ops.protection import keys

    tries = 1 if os.environ.get(PASSPHRASE_ENV) is not None else 3
    try:
        keys.unlock(copy, headless_passphrase, tries=tries)
    except keys.PassphraseRequired as exc:
        log.error("passphrase_required: %s", exc.message)
        emit({"ok": False, "error": "passphrase_required"})
        return EXIT_FAILED
    except OffaError as exc:  # wrong or weak passphrase, key unavailable
        log.error("%s: %s", exc.code, exc.message)
        emit({"ok": False, "error": exc.code, "message": exc.message})
        return EXIT_FAILED
    return None
