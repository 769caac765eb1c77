"""Documents (signed scans, visit photos): upload and download by id, checked by SHA-256.

Both are idempotent by id, so an interrupted transfer is simply done again: the server answers
200 to the same id and hash, and a download lands in a temporary file renamed only once its
hash matches.

Files waiting to be sent are a :class:`DocumentQueue` (fulfilled by the app's attachments
folder); ``sync_once`` sends them with :func:`send_pending` after the records' push (a document
of a record created offline needs that record on the server) and before the pull (which then
brings their ``documents`` records).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sync.client import ApiClient
from sync.errors import Cancelled, ServerError, SyncError

log = logging.getLogger("offa.sync")

MEDIA_TYPES = {b"%PDF-": "application/pdf", b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png"}
MAX_BYTES = 20 * 1024 * 1024


def media_type(content: bytes) -> str:
    """The media type from the leading bytes; SyncError (French) for anything else."""
    for magic, kind in MEDIA_TYPES.items():
        if content.startswith(magic):
            return kind
    raise SyncError(
        "Seuls les fichiers PDF, JPEG et PNG peuvent être joints.", code="unsupported_document"
    )


def upload(
    client: ApiClient, document_id: str, path: Path, record: str, sha256: str | None = None,
    *, content: bytes | None = None,
) -> str:  # fmt: skip
    """Send a file as document ``document_id`` of ``record`` ("collection/id"); its SHA-256.

    ``sha256``: the hash the file had when it was attached; sent as is, so a copy altered since
    is refused by the server (422) instead of being stored under that id. ``content``: the
    file's bytes when the caller keeps them otherwise (encrypted at rest); ``path`` then only
    names the file.
    """
    if content is None:
        content = path.read_bytes()
    if len(content) > MAX_BYTES:
        raise SyncError(
            "Le fichier dépasse 20 Mio : réduisez-le avant de le joindre.", code="too_large"
        )
    digest = sha256 or hashlib.sha256(content).hexdigest()
    client.put_document(
        document_id,
        content,
        media_type=media_type(content),
        sha256=digest,
        record=record,
        file_name=path.name,
    )
    return digest


def fetch_checked(client: ApiClient, document_id: str, sha256: str) -> bytes:
    """A document's bytes, checked by their hash (SyncError ``document_hash`` otherwise)."""
    content = client.get_document(document_id)
    if hashlib.sha256(content).hexdigest() != sha256:
        raise SyncError(
            "Le document reçu est incomplet ou altéré ; il sera redemandé à la prochaine "
            "synchronisation.",
            code="document_hash",
        )
    return content


def download(client: ApiClient, document_id: str, sha256: str, target: Path) -> Path:
    """Fetch a document into ``target`` (replaced atomically once its hash is right)."""
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == sha256:
        return target
    content = fetch_checked(client, document_id, sha256)
    partial = target.with_name(target.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    os.replace(partial, target)
    return target


@dataclass(frozen=True)
class PendingUpload:
    """A file waiting to be sent as document ``document_id`` of ``record`` ("collection/id")."""

    document_id: str
    path: Path
    record: str
    sha256: str | None = None  # when it was attached
    # Reads the file's bytes when they are not ``path``'s as they are (encrypted at rest).
    read: Callable[[], bytes] | None = None


class DocumentQueue(Protocol):
    """The files attached locally and not sent yet (kept across restarts by whoever keeps it)."""

    def pending(self) -> list[PendingUpload]:
        """Oldest first."""

    def sent(self, document_id: str) -> None:
        """The server holds it (201, or 200 for the same id and hash): forget it."""

    def failed(self, document_id: str, message: str) -> None:
        """The server refused it (a French message): kept, tried again at the next sync."""


def send_pending(
    client: ApiClient,
    queue: DocumentQueue,
    *,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Upload every pending file; returns (sent, refused). A refusal (4xx: its record unknown
    to the server yet, a file changed since it was attached...) or an unreadable file holds back
    that file only; network errors and a cancel propagate (what was sent stays sent)."""
    items = queue.pending()
    sent = refused = 0
    for done, item in enumerate(items):
        if cancel is not None and cancel.is_set():
            raise Cancelled("Synchronisation annulée ; elle reprendra là où elle s'est arrêtée.")
        try:
            content = item.read() if item.read is not None else None
            upload(client, item.document_id, item.path, item.record, item.sha256, content=content)
        except (ServerError, OSError) as exc:
            message = exc.message if isinstance(exc, ServerError) else str(exc)
            log.warning("document %s not sent: %s", item.document_id, message)
            queue.failed(item.document_id, message)
            refused += 1
        except SyncError as exc:
            if exc.code not in ("unsupported_document", "too_large"):
                raise
            queue.failed(item.document_id, exc.message)
            refused += 1
        else:
            queue.sent(item.document_id)
            sent += 1
        if progress is not None:
            progress(done + 1, len(items))
    return sent, refused
