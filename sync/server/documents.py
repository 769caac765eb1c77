"""``PUT/GET /documents/{id}``: signed forms, photos and scans attached to a record.

A document is the bytes (``document_blobs``) plus a record of the ``documents`` collection
(made by upload only), whose scope keys are those of the record it belongs to, less the keys of
those who read only some of that record's fields (``scope.document_keys``: a coach does not see
a learner's identity card scan).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import Engine, insert, select

from offa_desktop.domain.schema import WORKING_COLLECTIONS
from sync.server.errors import ApiError, malformed
from sync.server.models import document_blobs, history
from sync.server.push import is_uuid
from sync.server.scope import Principal, document_keys
from sync.server.store import Store, dumps
from sync.server.writer import Writer

OCTET_STREAM = "application/octet-stream"
MAGIC = {"application/pdf": b"%PDF-", "image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG"}
HEX64 = re.compile(r"^[0-9a-f]{64}$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def invalid(field: str, code: str, message: str) -> ApiError:
    return ApiError(422, "invalid", message, [{"field": field, "code": code, "message": message}])


def file_name(header: str | None) -> str:
    """RFC 8187 ext-value (``UTF-8''contrat-sign%C3%A9.pdf``) or plain ASCII; "document"."""
    if header is None or header.strip() == "":
        return "document"
    value = header.strip()
    if "''" in value:
        charset, _, encoded = value.partition("''")
        if charset.lower() not in ("utf-8", "iso-8859-1"):
            raise invalid("file_name", "malformed", "Jeu de caractères du nom de fichier inconnu.")
        try:
            name = unquote(encoded, encoding=charset.lower(), errors="strict")
        except UnicodeDecodeError:
            raise invalid("file_name", "malformed", "Nom de fichier mal encodé.") from None
    else:
        name = value
    if not 1 <= len(name) <= 200 or CONTROL.search(name) or "/" in name or "\\" in name:
        raise invalid(
            "file_name",
            "malformed",
            "Le nom du fichier doit compter 1 à 200 caractères, "
            "sans barre ni caractère de contrôle.",
        )
    return name


def content_disposition(name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def check_target(store: Store, who: Principal, header: str | None) -> str:
    if not header or "/" not in header:
        raise malformed("L'en-tête X-Record doit valoir <collection>/<identifiant>.")
    collection, _, record_id = header.partition("/")
    if collection not in WORKING_COLLECTIONS or collection == "documents" or not is_uuid(record_id):
        raise malformed("L'en-tête X-Record doit valoir <collection>/<identifiant>.")
    if store.live(collection, record_id) is None:
        raise ApiError(404, "not_found", "La fiche de ce document n'existe pas.")
    if not who.reads_documents(collection, store.keys_of(collection, record_id)):
        raise ApiError(403, "forbidden", "Cette fiche est hors de votre périmètre.")
    return f"{collection}/{record_id}"


def media_type_of(content_type: str | None, body: bytes) -> str:
    """The stored type: the declared one, checked against the magic bytes; for
    ``application/octet-stream`` (clients generated from the OpenAPI document) the one the magic
    bytes name."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media == OCTET_STREAM:
        for candidate, magic in MAGIC.items():
            if body.startswith(magic):
                return candidate
        media = ""
    if media not in MAGIC:
        raise invalid(
            "media_type", "unsupported", "Seuls les fichiers PDF, JPEG et PNG sont acceptés."
        )
    if not body.startswith(MAGIC[media]):
        raise invalid(
            "media_type", "bad_magic", "Le contenu du fichier ne correspond pas à son type."
        )
    return media


def store_document(
    engine: Engine,
    who: Principal,
    doc_id: str,
    body: bytes,
    *,
    content_type: str | None,
    sha256: str,
    record: str | None,
    file_name_header: str | None,
) -> tuple[int, dict[str, Any]]:
    """Check and store; (201, info) when new, (200, info) when the same was already stored.

    The record is checked first (404, 403), then the bytes (422): whoever may not attach to a
    record learns nothing of how its files are checked. The hash is taken before the write
    lock, which is then held only for the write."""
    with engine.connect() as conn:
        store = Store(conn)
        if store.get("documents", doc_id) is None:  # a replay is settled under the lock
            check_target(store, who, record)
    name = file_name(file_name_header)
    media_type = media_type_of(content_type, body)
    if hashlib.sha256(body).hexdigest() != sha256:
        raise invalid(
            "sha256", "hash_mismatch", "L'empreinte SHA-256 ne correspond pas au fichier."
        )
    with engine.begin() as conn:
        w = Writer(conn)
        w.lock()
        existing = w.get("documents", doc_id)
        if existing is not None:
            if existing.deleted or existing.data is None or existing.data.get("sha256") != sha256:
                raise invalid("sha256", "conflict", "Un autre document porte déjà cet identifiant.")
            if not who.reads(w.keys_of("documents", doc_id)):
                raise ApiError(403, "forbidden", "Ce document est hors de votre périmètre.")
            return 200, {"id": doc_id, "version": existing.version, **existing.data}
        target = check_target(w, who, record)
        data = {
            "record": target,
            "file_name": name,
            "media_type": media_type,
            "size": len(body),
            "sha256": sha256,
            "created_at": w.now,
        }
        version = w.put("documents", doc_id, data, user_id=who.user_id)
        coll, _, rid = target.partition("/")
        w.set_keys("documents", doc_id, set(), document_keys(coll, w.keys_of(coll, rid)), version)
        conn.execute(insert(document_blobs).values(id=doc_id, content=body))
        conn.execute(
            insert(history).values(
                collection="documents",
                record_id=doc_id,
                version=version,
                at=w.now,
                user_id=who.user_id,
                user_name=who.display_name,
                device_id=None,
                op_id=None,
                kind="create",
                before=None,
                after=dumps(data),
                resolution=None,
            )
        )
        w.finish()
    return 201, {"id": doc_id, "version": version, **data}


def fetch_document(engine: Engine, who: Principal, doc_id: str) -> tuple[bytes, dict[str, Any]]:
    with engine.connect() as conn:
        store = Store(conn)
        data = store.live("documents", doc_id)
        if data is None or not who.reads(store.keys_of("documents", doc_id)):
            raise ApiError(
                404, "not_found", "Ce document n'existe pas ou est hors de votre périmètre."
            )
        blob = conn.execute(
            select(document_blobs.c.content).where(document_blobs.c.id == doc_id)
        ).scalar()
    if blob is None:
        raise ApiError(404, "not_found", "Ce document n'existe pas.")
    return bytes(blob), data
