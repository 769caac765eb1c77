"""``offa-desktop restore [--from FILE | --empty | --forgotten-passphrase]``: put a working copy
back after it was found empty, missing, foreign or damaged (or on purpose), then open it once
(migrated if needed). ``--forgotten-passphrase``: the encrypted copy, its key file and backups
set aside together (``ops.protection.keys.forget_passphrase``), a new copy under a new
passphrase, filled by the next sync.

Standard output: one JSON line ``{"ok", "restored_from", "set_aside", "records", "unsent"}``;
the restored copy's unsent edits go up at the next ``sync`` as usual.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from offa_desktop import paths
from offa_desktop.cli_output import EXIT_FAILED, EXIT_OK, emit, setup_logging, unlock_copy
from offa_desktop.store.cipher import CipherError
from offa_desktop.store.copy_errors import WorkingCopyBusy, WorkingCopyError
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.pending import copy_counts
from offa_desktop.store.restore import BadBackup, NoBackup, Restored, restore, start_empty

log = logging.getLogger("offa.store")


def run(args: argparse.Namespace) -> int:
    folder = paths.data_dir(args.data_dir)
    setup_logging(folder)
    path = paths.working_copy_path(folder)
    forgotten = bool(getattr(args, "forgotten_passphrase", False))
    try:
        if forgotten:  # the copy, its key file and backups set aside together (issue 16)
            from offa_desktop.ops.protection.keys import forget_passphrase

            done = Restored(None, forget_passphrase(path))
        # its key first (a new one after a forgotten passphrase): backups are encrypted with it
        failed = unlock_copy(path)
        if failed is not None:
            return failed
        if args.empty:
            done = start_empty(path)
        elif not forgotten:
            done = restore(path, Path(args.source) if args.source else None)
        wc = WorkingCopy.open(path)
        try:
            with wc.session() as db:
                records, unsent = copy_counts(db)
        finally:
            wc.close()
    except WorkingCopyError as exc:
        code = {NoBackup: "no_backup", BadBackup: "bad_backup", WorkingCopyBusy: "busy"}.get(
            type(exc), exc.code if isinstance(exc, CipherError) else "working_copy"
        )
        log.error("restore failed: %s", exc)
        emit({"ok": False, "error": code, "message": str(exc)})
        return EXIT_FAILED
    emit(
        {
            "ok": True,
            "restored_from": str(done.source) if done.source else None,
            "set_aside": str(done.set_aside) if done.set_aside else None,
            "records": records,
            "unsent": unsent,
        }
    )
    return EXIT_OK
