"""« Exporter les données de cette personne » (issue 16; GDPR art. 15): a ZIP with every record
about a learner or a tutor that this copy holds (``domain.personal_data.about``), their full
history from the server, the documents' files, as JSON (``donnees.json``) and as a readable
French PDF (``resume.pdf``). For OFFA staff and the learner's operator (any secretariat for a
tutor): ``domain.permissions.person_data_refusal``, the server's own rule."""

from __future__ import annotations

import json
import logging
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from offa_desktop.domain.errors import OffaError
from offa_desktop.domain.permissions import person_data_refusal
from offa_desktop.domain.personal_data import PERSON_COLLECTIONS, about
from offa_desktop.domain.problems import cap
from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.ops.records.wording import Wording
from offa_desktop.ops.sync.session import SyncSession
from offa_desktop.printing.person import PersonSummary, RecordWords, render
from offa_desktop.store.person_rows import find_ids
from offa_desktop.store.records import get_record
from sync.errors import SyncError

log = logging.getLogger("offa.export")

JSON_NAME = "donnees.json"
PDF_NAME = "resume.pdf"
DOCUMENTS_DIR = "documents"
KIND_FR = {"create": "création", "update": "modification", "delete": "suppression"}
ROLE_FR = {"learners": "apprenant·e", "tutors": "tuteur·rice"}


class PersonDataRefused(OffaError):
    """Not this user's to export, or not a person: nothing written."""

    code = "forbidden"


@dataclass
class PersonExport:
    """What the ZIP holds."""

    path: Path
    records: dict[str, list[str]]
    history_entries: int
    documents: int
    history_note: str = ""
    missing_documents: list[str] = field(default_factory=list)


def _who(session: SyncSession) -> tuple[str, str | None, str]:
    account = session.account()
    user = account.user if account is not None else {}
    return str(user.get("role", "")), user.get("operator_code"), str(user.get("display_name", ""))


def person_name(data: dict[str, Any]) -> str:
    return " ".join(str(data.get(n) or "") for n in ("first_name", "last_name")).strip()


def default_file_name(collection: str, data: dict[str, Any]) -> str:
    """« donnees-Dubois-Lea.zip »: ASCII letters, digits and dashes."""
    import unicodedata

    words = [str(data.get(n) or "") for n in ("last_name", "first_name")]
    text = unicodedata.normalize("NFKD", "-".join(w for w in words if w))
    ascii_text = re.sub(r"[^A-Za-z0-9-]+", "-", text.encode("ascii", "ignore").decode())
    return f"donnees-{ascii_text.strip('-') or collection}.zip"


def suggested_name(session: SyncSession, collection: str, person_id: str) -> str:
    """The ZIP's default file name for this person (read from the copy)."""
    with session.wc.session() as db:
        found = get_record(db, collection, person_id)
    return default_file_name(collection, found.data if found is not None else {})


def export_person(
    session: SyncSession, collection: str, person_id: str, target: Path, *, online: bool = True
) -> PersonExport:
    """Write the ZIP of the person's data to ``target`` (a new private file); ``online``: ask
    the server for the full history and the documents' files (else said missing)."""
    if collection not in PERSON_COLLECTIONS:
        raise PersonDataRefused("Cette fiche n'est pas celle d'une personne (apprenant ou tuteur).")
    role, operator, display = _who(session)
    with session.wc.session() as db:
        person = get_record(db, collection, person_id)
        if person is None or person.deleted:
            raise PersonDataRefused("Cette fiche n'est pas dans votre copie de travail.")
        refusal = person_data_refusal(role, operator, collection, person.data)
        if refusal is not None:
            raise PersonDataRefused(refusal)
        found = about(collection, person_id, lambda c, f, v: find_ids(db, c, f, v), person.data)
        records = {
            c: [r for r in (get_record(db, c, rid) for rid in ids) if r is not None]
            for c, ids in found.items()
        }
        history, note = _history(session, collection, person_id, online)
        wording = Wording(db)
        summary = _summary(wording, collection, person.data, records, history, note, display)
    files, missing = _documents(session, records.get("documents", []), online)
    payload = {
        "person": {"collection": collection, "id": person_id},
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "generated_by": display,
        "records": {
            c: [{"id": r.id, "version": r.version, "data": r.data} for r in rs]
            for c, rs in records.items()
        },
        "history": history,
        "history_note": note or None,
        "documents_missing": missing,
    }
    pdf = render(summary)
    target = target.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(JSON_NAME, json.dumps(payload, ensure_ascii=False, indent=1, default=str))
        zf.writestr(PDF_NAME, pdf)
        for name, content in files:
            zf.writestr(f"{DOCUMENTS_DIR}/{name}", content)
    log.info("personal data of a %s exported (%d records)", collection,
             sum(len(v) for v in found.values()))  # fmt: skip
    return PersonExport(
        target.resolve(), {c: [r.id for r in rs] for c, rs in records.items()}, len(history),
        len(files), note, missing,
    )  # fmt: skip


def _history(
    session: SyncSession, collection: str, person_id: str, online: bool
) -> tuple[list[dict[str, Any]], str]:
    if not online:
        return [], "Historique non demandé au serveur (export hors ligne)."
    try:
        answer = session.client().person_history(collection, person_id)
    except SyncError as exc:
        log.warning("person history unavailable: %s", exc.code)
        return [], f"Historique indisponible : {exc.message}"
    entries: list[dict[str, Any]] = list(answer.get("entries") or [])
    return entries, ""


def _documents(
    session: SyncSession, documents: list[Any], online: bool
) -> tuple[list[tuple[str, bytes]], list[str]]:
    files: list[tuple[str, bytes]] = []
    missing: list[str] = []
    for doc in documents:
        name = re.sub(r"[^\w.-]+", "_", str(doc.data.get("file_name") or "document"))
        if not online:
            missing.append(doc.id)
            continue
        try:
            files.append((f"{doc.id[:8]}-{name}", session.client().get_document(doc.id)))
        except SyncError as exc:
            log.warning("document not fetched for the export: %s", exc.code)
            missing.append(doc.id)
    return files, missing


def _summary(
    wording: Wording,
    collection: str,
    person: dict[str, Any],
    records: dict[str, list[Any]],
    history: list[dict[str, Any]],
    note: str,
    display: str,
) -> PersonSummary:
    now = datetime.now().astimezone().strftime("%d/%m/%Y à %H:%M")
    name = person_name(person)
    count = sum(len(rs) for rs in records.values())
    intro = [
        f"Export établi le {now} par {display or 'un utilisateur'}, à la demande de la personne "
        "ou de son représentant légal (RGPD, article 15).",
        f"Il reprend les {count} fiche(s) de la copie de travail qui concernent {name}, "
        "l'historique de leurs modifications enregistré par le serveur et les documents joints. "
        f"Les mêmes données sont dans {JSON_NAME}, lisible par un programme.",
    ]
    sections: list[tuple[str, list[RecordWords]]] = []
    for coll, rs in records.items():
        spec = COLLECTIONS[coll]
        items = []
        for rec in rs:
            title = wording.record(coll, rec.id) if coll != "documents" else str(
                rec.data.get("file_name") or rec.id)  # fmt: skip
            fields = [
                (cap(f.label or f.name), wording.value(coll, f.name, rec.data.get(f.name)))
                for f in spec.fields
                if rec.data.get(f.name) not in (None, "", [], {})
            ]
            items.append(RecordWords(title or rec.id, fields))
        sections.append((cap(spec.label or coll), items))
    rows = []
    for entry in history:
        coll = str(entry.get("collection"))
        label = cap(COLLECTIONS[coll].label) if coll in COLLECTIONS else coll
        changed = entry.get("after") or entry.get("before") or {}
        what = KIND_FR.get(str(entry.get("kind")), str(entry.get("kind")))
        if isinstance(changed, dict) and entry.get("kind") == "update":
            names = [
                COLLECTIONS[coll].by_name[n].label if coll in COLLECTIONS
                and n in COLLECTIONS[coll].by_name else n
                for n in changed
            ]  # fmt: skip
            what += " : " + ", ".join(names)
        rows.append((_when(entry.get("at")), str(entry.get("user_name") or "—"), what, label))
    return PersonSummary(
        title=f"Données personnelles de {name} ({ROLE_FR.get(collection, collection)})",
        intro=intro,
        sections=sections,
        history=rows,
        history_note=note,
    )


def _when(value: Any) -> str:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value or "")
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")
