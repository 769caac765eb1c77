"""« Oublier cet ordinateur » (``offa-desktop forget``, issue 16): a last sync, then the working
copy, its backups and set-aside copies, the attachments cache, the scans waiting, the crash
reports, the tokens and keys of this computer are erased, and the login ended on the server.

Refused while edits are unsent or conflicts open (after the last sync), unless they are
exported first to a file the person chose (JSON lines, as ``dump`` writes them): nothing typed
is lost without a person's choice."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offa_desktop.domain.errors import OffaError
from offa_desktop.ops.sync.conflicts import Rejected, blocking
from offa_desktop.ops.sync.session import SyncSession
from sync.errors import DeviceRevoked, SyncError

log = logging.getLogger("offa.sync")


class UnsentEdits(OffaError):
    """Edits or conflicts would be lost: nothing erased; ``items`` names each."""

    code = "unsent_changes"

    def __init__(self, items: list[Rejected], sync_error: str | None) -> None:
        why = f" (la dernière synchronisation a échoué : {sync_error})" if sync_error else ""
        super().__init__(
            f"{len(items)} modification(s) ou conflit(s) ne sont pas envoyés au serveur{why}. "
            "Rien n'a été effacé : synchronisez d'abord, ou exportez-les dans un fichier "
            "(offa-desktop forget --export FICHIER, ou « Exporter puis oublier »).",
            code="unsent_changes",
        )
        self.items = items


@dataclass
class Forgotten:
    """What forgetting did."""

    synced: bool
    sync_error: str | None
    erased_files: int
    exported: Path | None = None
    exported_items: int = 0
    logged_out: bool = False
    items: list[Rejected] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "ok": True,
            "synced": self.synced,
            "erased_files": self.erased_files,
            "exported": str(self.exported) if self.exported else None,
            "exported_items": self.exported_items,
            "logged_out": self.logged_out,
        }


def export_unsent(session: SyncSession, target: Path) -> int:
    """Every unsent edit and open conflict of the copy, as ``dump``'s JSON lines, into the new
    private file ``target``; how many lines."""
    with session.store.transaction() as tx:
        ops = tx.outbox.unsettled()
        conflicts = tx.conflicts.all()
    lines: list[dict[str, Any]] = [
        {"type": "op", "op_id": op.op_id, "collection": op.collection, "id": op.record_id,
         "kind": op.kind, "base_version": op.base_version, "fields": op.fields,
         "state": op.state, "error": op.error, "resolution": op.resolution,
         "created_at": op.created_at}
        for op in ops
    ] + [
        {"type": "conflict", "collection": c.collection, "id": c.record_id, "kind": c.kind,
         "server_version": c.server_version, "server_deleted": c.server_deleted,
         "fields": c.fields, "mine": c.mine, "created_at": c.created_at}
        for c in conflicts
    ]  # fmt: skip
    target = target.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    return len(lines)


def forget(session: SyncSession, *, export_to: Path | None = None) -> Forgotten:
    """Sync a last time, then erase this computer's OFFA data (see the module). UnsentEdits
    (nothing erased) when edits or conflicts remain and ``export_to`` is None. The session is
    closed afterwards."""
    account = session.account()
    synced, sync_error = False, None
    if account is not None and session.revoked_since() is None:
        try:
            session.sync_once()
            synced = True
        except DeviceRevoked:
            raise
        except SyncError as exc:
            sync_error = exc.message
            log.warning("forget: last sync failed (%s)", exc.code)
    items = blocking(session.wc)
    exported, count = None, 0
    if items:
        if export_to is None:
            raise UnsentEdits(items, sync_error)
        count = export_unsent(session, export_to)
        exported = export_to.expanduser().resolve()
        log.info("forget: %d unsent edit(s) or conflict(s) exported first", count)
    logged_out = False
    if account is not None and session.creds.load(account.server, account.username):
        try:
            session.logout()
            logged_out = True
        except SyncError as exc:
            log.warning("forget: logout on the server failed (%s)", exc.code)
    removed = session.erase_local_data()
    log.warning("forget: this computer's OFFA data erased (%d files)", removed)
    return Forgotten(synced, sync_error, removed, exported, count, logged_out, items)
