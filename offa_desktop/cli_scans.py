"""``offa-desktop [--data-dir DIR] scans FILE|FOLDER… [--signed-on AAAA-MM-JJ]``.

Standard output holds one JSON line, the summary ``{"ok", "pages", "matched", "to_assign",
"duplicates", "signed": [ids]}``; what a person should read (copies attached, versions to
check, pages to assign, unreadable files) goes to standard error in French, and the log file.
Exit code: 0 when every page found its record, 2 when pages wait for a person (the window's
«Pages à attribuer»), 1 when a file could not be read or the import could not run.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from typing import Any

from offa_desktop import paths
from offa_desktop.cli_output import emit, gone_failure, setup_logging, unlock_copy

log = logging.getLogger("offa.scans")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_TO_ASSIGN = 2
NO_COPY = "Aucune copie de travail dans ce dossier : connectez-vous et synchronisez d'abord."


def _fail(error: str, message: str) -> int:
    log.error("%s: %s", error, message)
    summary: dict[str, Any] = {
        "ok": False,
        "pages": 0,
        "matched": 0,
        "to_assign": 0,
        "duplicates": 0,
        "signed": [],
        "error": error,
        "message": message,
    }
    emit(summary)
    return EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    """Run the import; the process exit code."""
    folder = paths.data_dir(args.data_dir)
    setup_logging(folder)
    signed_on: date | None = None
    if args.signed_on:
        try:
            signed_on = date.fromisoformat(args.signed_on)
        except ValueError:
            return _fail(
                "bad_date", f"Date de signature invalide : « {args.signed_on} » (AAAA-MM-JJ)."
            )
    file = paths.working_copy_path(folder)
    from offa_desktop.store.files import read_identity

    if not file.exists() and read_identity(file) is None:
        return _fail("no_working_copy", NO_COPY)
    from offa_desktop.ops.sync.session import open_session
    from offa_desktop.store.copy_errors import WorkingCopyGone

    failed = unlock_copy(file)  # its key first (issue 16)
    if failed is not None:
        return failed
    try:
        session = open_session(folder)
    except WorkingCopyGone as exc:  # never replaced in silence (issue 12)
        return gone_failure(exc)
    except Exception as exc:  # the working copy cannot be opened: say it, in French
        return _fail("working_copy", str(exc))
    try:
        from offa_desktop.ops.scans.importing import describe_report, import_scans

        report = import_scans(session.wc, folder, args.files, signed_on=signed_on)
    except Exception:  # our bug or the environment's: logged in full, said in French
        log.exception("scans failed")
        return _fail(
            "internal",
            "Erreur inattendue ; le détail est dans le journal (dossier logs des données). "
            "Rien n'est perdu : relancez l'import, les copies déjà jointes seront reconnues.",
        )
    finally:
        session.close()
    for line in describe_report(report):
        sys.stderr.write(line + "\n")
    emit(report.summary())
    if not report.ok:
        return EXIT_FAILED
    return EXIT_TO_ASSIGN if report.to_assign else EXIT_OK
