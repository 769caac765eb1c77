"""``offa-desktop import FILE [--collection C] [--keep-valid] [--dry-run]``.

Reads JSON lines, CSV or XLSX (``ops.imports.reading``) and imports all or nothing
(``ops.imports.core``). Standard output: in a dry run one JSON line per record that would be
created or updated, then the summary ``{"ok", "created", "updated", "unchanged", "refused",
"written"}``. Standard error: every refused line, ``ligne N, colonne « C » : raison``. Exit 0
when every line passed, 2 when some were refused (nothing written unless ``--keep-valid``),
1 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import logging
import sys

from offa_desktop.cli_output import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, emit
from offa_desktop.ops.imports.core import run_import
from offa_desktop.ops.imports.reading import UnreadableFile, read
from offa_desktop.ops.imports.report import CREATE, UPDATE, refusal_lines
from offa_desktop.ops.sync.session import SyncSession

log = logging.getLogger("offa.import")


def import_file(session: SyncSession, args: argparse.Namespace) -> int:
    try:
        source = read(args.file)
    except UnreadableFile as exc:
        log.error("import of %s: %s", args.file, exc)
        emit({"ok": False, "error": "unreadable_file", "message": str(exc)})
        return EXIT_FAILED
    collection = getattr(args, "collection", None)
    report = run_import(
        session.wc,
        source,
        collection=collection,
        keep_valid=bool(getattr(args, "keep_valid", False)),
        dry_run=bool(getattr(args, "dry_run", False)),
    )
    for line in refusal_lines(report):
        sys.stderr.write(line + "\n")
    if report.dry_run:
        for outcome in report.outcomes:
            if outcome.action in (CREATE, UPDATE):
                emit({"line": outcome.line, "action": outcome.action,
                      "collection": outcome.collection, "id": outcome.record_id,
                      "fields": outcome.fields})  # fmt: skip
    refused = len(report.refused)
    if refused and not report.written and not report.dry_run:
        sys.stderr.write(
            f"{refused} ligne(s) refusée(s) : rien n'a été importé. Corrigez le fichier et "
            "recommencez (les lignes déjà importées ne seront pas dupliquées), ou importez les "
            "lignes valides seules avec --keep-valid.\n"
        )
    log.info("import of %s: %s rows, %s refused, written=%s", args.file,
             len(report.outcomes), refused, report.written)  # fmt: skip
    emit(
        {
            "ok": not refused,
            "created": report.count(CREATE),
            "updated": report.count(UPDATE),
            "unchanged": report.count("unchanged"),
            "refused": refused,
            "written": report.written,
        }
    )
    return EXIT_PARTIAL if refused else EXIT_OK
