"""Attachments (signed scans, photos) of a record, usable offline.

A file attached while offline is copied into the data folder (``attachments/<id>/<name>``)
with a small "to send" note; every sync uploads those notes' files (:class:`AttachmentQueue`,
the engine's document queue: after the records' push, so a record created offline is on the
server first, and before the pull, which then brings the ``documents`` record). The upload is
idempotent by id and hash, so a cut connection just sends again; a file the server refuses
keeps its note, with the server's message, for the next sync.

The files and their notes are encrypted at rest with a key derived from the working copy's
(``ops/protection/sealed.py``); plain files from before are read and sealed at their first read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.ops.protection import sealed
from offa_desktop.store import queries
from sync.documents import MAX_BYTES, PendingUpload, fetch_checked, media_type
from sync.documents import send_pending as send_documents
from sync.errors import SyncError

log = logging.getLogger("offa.sync")
FOLDER = "attachments"
PENDING = "to-send"
SENT = "sent"  # sent, until the pull brings the documents record
KEPT = "document.sealed"  # an encrypted copy's file, in attachments/<id>/


@dataclass(frozen=True)
class Attachment:
    """One attachment of a record: synced (a ``documents`` record) or waiting to be sent."""

    id: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    pending: bool


def _root(folder: Path) -> Path:
    root = folder / FOLDER
    (root / PENDING).mkdir(parents=True, exist_ok=True, mode=0o700)
    (root / SENT).mkdir(parents=True, exist_ok=True, mode=0o700)
    return root


def local_path(folder: Path, document_id: str, file_name: str) -> Path:
    """Where the file is kept: under its own name when the copy is plain (or a file from
    before), else sealed under a name that says nothing (a file's name may name a person)."""
    named = _root(folder) / document_id / Path(file_name).name
    if sealed.file_key(folder) is None:
        return named
    kept = named.with_name(KEPT)
    return named if named.exists() and not kept.exists() else kept


def read_kept(folder: Path, document_id: str, file_name: str) -> bytes:
    """The kept file's bytes; one from before (plain, under its own name) is sealed now."""
    path = local_path(folder, document_id, file_name)
    content = sealed.read(folder, path)
    if path.name != KEPT and sealed.file_key(folder) is not None:
        sealed.write(folder, path.with_name(KEPT), content)
        path.unlink(missing_ok=True)
    return content


def attach(folder: Path, record: str, source: Path) -> Attachment:
    """Keep a copy of ``source`` for ``record`` ("collection/id") and note it to be sent.

    SyncError (French) for a file that is not PDF/JPEG/PNG or is over 20 MiB; nothing is kept
    then.
    """
    return attach_bytes(folder, record, source.name, source.read_bytes())


def attach_bytes(folder: Path, record: str, file_name: str, content: bytes) -> Attachment:
    """Keep ``content`` as the file ``file_name`` of ``record`` and note it to be sent (the
    same checks as :func:`attach`)."""
    if len(content) > MAX_BYTES:
        raise SyncError(
            "Le fichier dépasse 20 Mio : réduisez-le avant de le joindre.", code="too_large"
        )
    kind = media_type(content)
    document_id = str(uuid.uuid4())
    name = Path(file_name).name
    target = local_path(folder, document_id, name)
    sealed.write(folder, target, content)
    digest = hashlib.sha256(content).hexdigest()
    note = {
        "record": record,
        "file_name": name,
        "media_type": kind,
        "size": len(content),
        "sha256": digest,
    }
    sealed.write_json(folder, _root(folder) / PENDING / f"{document_id}.json", note)
    return Attachment(document_id, name, kind, len(content), digest, pending=True)


def pending(folder: Path, which: str = PENDING) -> dict[str, dict[str, Any]]:
    """The notes of attachments not sent yet (``which``: or sent, waiting for the pull that
    brings their documents record), by document id, oldest first."""
    found = {}
    notes = sorted(
        (_root(folder) / which).glob("*.json"), key=lambda p: (p.stat().st_mtime_ns, p.name)
    )
    for note in notes:
        try:
            found[note.stem] = sealed.read_json(folder, note)
        except (OSError, ValueError):
            log.warning("unreadable attachment note %s", note.name)
    return found


class AttachmentQueue:
    """The notes folder as the sync engine's document queue (``sync.documents.DocumentQueue``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _note(self, document_id: str) -> Path:
        return _root(self.folder) / PENDING / f"{document_id}.json"

    def pending(self) -> list[PendingUpload]:
        out = []
        for document_id, note in pending(self.folder).items():
            name = Path(note["file_name"]).name
            out.append(
                PendingUpload(
                    document_id,
                    _root(self.folder) / document_id / name,  # names the file sent
                    note["record"],
                    note.get("sha256"),
                    read=partial(read_kept, self.folder, document_id, name),
                )
            )
        return out

    def sent(self, document_id: str) -> None:
        """The note moves to ``sent``: the attachment stays listed until the pull brings its
        documents record (it used to vanish until the next sync)."""
        note = self._note(document_id)
        try:
            os.replace(note, _root(self.folder) / SENT / note.name)
        except FileNotFoundError:
            pass

    def failed(self, document_id: str, message: str) -> None:
        """The server's message kept in the note (same modification time: its place stays)."""
        path = self._note(document_id)
        try:
            note = sealed.read_json(self.folder, path)
            stamp = path.stat()
        except (OSError, ValueError):
            return
        note["error"] = message
        sealed.write_json(self.folder, path, note)
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))


def send_pending(session: Any) -> int:
    """Upload every attachment waiting to be sent; returns how many went. Network errors
    propagate; a file the server refuses keeps its note for the next sync."""
    queue = AttachmentQueue(session.folder)
    if not queue.pending():
        return 0
    sent, _refused = send_documents(session.client(), queue)
    return sent


def list_attachments(session: Any, record: str) -> list[Attachment]:
    """The record's synced documents (from the working copy), then those sent whose record
    the next pull brings, then those waiting to be sent."""
    with session.wc.session() as db:
        stored = queries.page(
            db, "documents", filters={"record": record}, sort="created_at", limit=500
        )
    shown = [
        Attachment(
            r.id,
            str(r.data.get("file_name")),
            str(r.data.get("media_type")),
            int(r.data.get("size") or 0),
            str(r.data.get("sha256")),
            pending=False,
        )
        for r in stored
    ]
    known = {a.id for a in shown}
    sent_notes = _root(session.folder) / SENT
    for document_id, note in pending(session.folder, SENT).items():
        if document_id in known:  # its record is here now: the note has done its job
            (sent_notes / f"{document_id}.json").unlink(missing_ok=True)
        elif note.get("record") == record:
            shown.append(_from_note(document_id, note, pending=False))
            known.add(document_id)
    for document_id, note in pending(session.folder).items():
        if note.get("record") == record and document_id not in known:
            shown.append(_from_note(document_id, note, pending=True))
    return shown


def _from_note(document_id: str, note: dict[str, Any], *, pending: bool) -> Attachment:
    return Attachment(document_id, note["file_name"], note["media_type"], int(note["size"]),
                      note["sha256"], pending=pending)


def content(session: Any, attachment: Attachment) -> bytes:
    """The attachment's bytes (downloaded once, checked by its hash, kept encrypted)."""
    folder = session.folder
    target = local_path(folder, attachment.id, attachment.file_name)
    if target.exists():
        try:
            kept = read_kept(folder, attachment.id, attachment.file_name)
        except OSError as exc:
            log.warning("attachment cache unreadable, fetched again: %s", exc)
        else:
            if hashlib.sha256(kept).hexdigest() == attachment.sha256 or attachment.pending:
                return kept
    fetched = fetch_checked(session.client(), attachment.id, attachment.sha256)
    sealed.write(folder, local_path(folder, attachment.id, attachment.file_name), fetched)
    return fetched


def fetch(session: Any, attachment: Attachment) -> Path:
    """The attachment as a file the system's viewer opens: the cached file when the copy is
    plain, else its content decrypted into this process's private folder (0700, removed at
    exit: ``sealed.viewable``)."""
    content(session, attachment)
    target = local_path(session.folder, attachment.id, attachment.file_name)
    return sealed.viewable(session.folder, target, attachment.file_name)


def attach_and_send(session: Any, record: str, source: Path) -> ChangeSet:
    """Attach, then try to send at once; offline, it waits for the next sync."""
    attach(session.folder, record, source)
    try:
        if session.account() is not None:
            send_pending(session)
    except SyncError as exc:
        log.info("attachment kept for the next sync: %s", exc.code)
    collection, _, record_id = record.partition("/")
    changes = ChangeSet()
    changes.add(collection, record_id)
    return changes
