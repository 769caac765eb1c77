"""``offa-desktop [--data-dir DIR] print KIND [--id ID] --out FILE.pdf``: one JSON line on
standard output, exit code 0 or 1. A blank form needs no ``--id`` and works on a new data folder
(no working copy is created for it). The rendering is ``ops/printing/rendering.py``."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from offa_desktop import paths
from offa_desktop.cli_output import EXIT_OK, emit, failure, setup_logging, unlock_copy
from offa_desktop.domain.documents import BLANK_KINDS
from offa_desktop.domain.values import brussels_today
from offa_desktop.ops.printing.rendering import page_count, write_pdf
from offa_desktop.printing.data import PrintData, PrintError
from offa_desktop.printing.render import render as render_data

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) loads only when a working copy is read
    from offa_desktop.store.db import WorkingCopy

log = logging.getLogger("offa.print")


def run(args: argparse.Namespace) -> int:
    """``offa-desktop print KIND [--id ID] --out FILE.pdf``: one JSON line, exit code 0 or 1."""
    kind: str = args.kind
    record_id: str | None = args.record_id
    folder = paths.data_dir(args.data_dir)
    setup_logging(folder)
    file = paths.working_copy_path(folder)
    wc: WorkingCopy | None = None
    from offa_desktop.store.files import read_identity

    had_copy = read_identity(file) is not None  # then an empty or missing file is an alarm
    has_copy = file.exists() and file.stat().st_size > 0
    if not has_copy and not had_copy and kind in BLANK_KINDS:  # a new folder: no database made
        return _write_and_report(kind, PrintData(kind=kind, printed_on=brussels_today()), args.out)
    from offa_desktop.ops.printing.gathering import gather
    from offa_desktop.store.copy_errors import WorkingCopyError, WorkingCopyGone
    from offa_desktop.store.db import WorkingCopy

    try:
        if not has_copy and not had_copy:
            return failure(log,
                "no_working_copy",
                f"Aucune copie de travail dans {folder} : connectez-vous et synchronisez "
                "avant d'imprimer une fiche (les formulaires vierges s'impriment sans).",
            )
        failed = unlock_copy(file)  # its key first (issue 16)
        if failed is not None:
            return failed
        wc = WorkingCopy.open(file)
        with wc.session() as session:
            data = gather(session, kind, None if kind in BLANK_KINDS else record_id)
    except PrintError as exc:
        return failure(log, "not_printable", str(exc))
    except WorkingCopyGone as exc:
        from offa_desktop.cli_output import gone_failure

        return gone_failure(exc)
    except WorkingCopyError as exc:
        return failure(log, "working_copy", str(exc))
    finally:
        if wc is not None:
            wc.close()
    return _write_and_report(kind, data, args.out)


def _write_and_report(kind: str, data: PrintData, target: str) -> int:
    try:
        pdf = render_data(data)
        out = Path(target).expanduser()
        write_pdf(out, pdf)
    except PrintError as exc:
        return failure(log, "not_printable", str(exc))
    except OSError as exc:
        return failure(log, "write_failed",
                       f"Impossible d'écrire {target} : {exc.strerror or exc}.")
    log.info("printed %s %s to %s", kind, data.record_id, out)
    emit(
        {
            "ok": True,
            "kind": kind,
            "id": data.record_id,
            "version": data.version,
            "out": str(out.resolve()),
            "pages": page_count(pdf),
            "bytes": len(pdf),
            "draft": bool(data.problems) and not data.blank,
        }
    )
    return EXIT_OK
