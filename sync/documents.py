"""Documents (signed scans, visit photos): upload and download by id, checked by SHA-256.

Both are idempotent by id, so an interrupted transfer is simply done again: the server answers
200 to the same id and hash, and a download lands in a temporary file renamed only once its
hash matches.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sync.client import ApiClient
from sync.errors import SyncError

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


def upload(client: ApiClient, document_id: str, path: Path, record: str) -> str:
    """Send a file as document ``document_id`` of ``record`` ("collection/id"); its SHA-256."""
    content = path.read_bytes()
    if len(content) > MAX_BYTES:
        raise SyncError(
            "Le fichier dépasse 20 Mio : réduisez-le avant de le joindre.", code="too_large"
        )
    digest = hashlib.sha256(content).hexdigest()
    client.put_document(
        document_id,
        content,
        media_type=media_type(content),
        sha256=digest,
        record=record,
        file_name=path.name,
    )
    return digest


def download(client: ApiClient, document_id: str, sha256: str, target: Path) -> Path:
    """Fetch a document into ``target`` (replaced atomically once its hash is right)."""
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == sha256:
        return target
    content = client.get_document(document_id)
    if hashlib.sha256(content).hexdigest() != sha256:
        raise SyncError(
            "Le document reçu est incomplet ou altéré ; il sera redemandé à la prochaine "
            "synchronisation.",
            code="document_hash",
        )
    partial = target.with_name(target.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    os.replace(partial, target)
    return target
