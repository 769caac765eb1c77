"""Scanned pages waiting for a person: no readable QR code of ours, a blank form filled by
hand, or a record the working copy does not hold.

Each page is kept in the data folder (``scans/to-assign/<id>.pdf``, the page as it was scanned,
and ``<id>.json``: where it came from and why it waits) until a person attaches it to a record
found by search (:func:`assign`) or sets it aside on purpose (:func:`discard`). The same page
imported twice is kept once. Both files are encrypted at rest like the attachments
(``ops/protection/sealed.py``): :func:`content` reads a page, :func:`viewable` gives a file the
system's viewer opens.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from offa_desktop.domain.values import format_date_fr, parse_date
from offa_desktop.ops.attachments import Attachment, attach_bytes
from offa_desktop.ops.protection import sealed
from offa_desktop.scans import assemble
from offa_desktop.scans.pages import ScanPage
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext
from offa_desktop.store.search import describe

FOLDER = Path("scans") / "to-assign"


@dataclass(frozen=True)
class InboxPage:
    """One page to assign: its id, where it came from, why it waits."""

    id: str
    label: str  # «contrats.pdf, page 3»
    reason: str  # French
    text: str | None  # the QR text read, if any
    added_at: str  # RFC 3339 UTC
    sha256: str
    path: Path  # the page as a one-page PDF (encrypted at rest: read it with content())


def _root(folder: Path) -> Path:
    root = folder / FOLDER
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    return root


def pages(folder: Path) -> list[InboxPage]:
    """The pages waiting, oldest first."""
    out = []
    for note in sorted(_root(folder).glob("*.json")):
        try:
            value = sealed.read_json(folder, note)
        except (OSError, ValueError):
            continue
        pdf = note.with_suffix(".pdf")
        if pdf.exists():
            out.append(
                InboxPage(
                    note.stem,
                    str(value.get("label") or ""),
                    str(value.get("reason") or ""),
                    value.get("text"),
                    str(value.get("added_at") or ""),
                    str(value.get("sha256") or ""),
                    pdf,
                )
            )
    return sorted(out, key=lambda p: (p.added_at, p.id))


def keep(folder: Path, page: ScanPage, reason: str, text: str | None) -> InboxPage:
    """Keep ``page`` for a person (the same page already waiting: that one)."""
    content = assemble.build([page])
    digest = hashlib.sha256(content).hexdigest()
    for waiting in pages(folder):
        if waiting.sha256 == digest:
            return waiting
    page_id = str(uuid.uuid4())
    root = _root(folder)
    pdf = root / f"{page_id}.pdf"
    sealed.write(folder, pdf, content)
    added = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    note = {
        "label": page.label,
        "reason": reason,
        "text": text,
        "added_at": added,
        "sha256": digest,
        "source": str(page.file.path),
        "page": page.number,
    }
    sealed.write_json(folder, root / f"{page_id}.json", note)
    return InboxPage(page_id, page.label, reason, text, added, digest, pdf)


def _find(folder: Path, page_id: str) -> InboxPage:
    for waiting in pages(folder):
        if waiting.id == page_id:
            return waiting
    raise LookupError("Cette page n'est plus à attribuer (déjà attribuée ou écartée).")


def assign(folder: Path, page_id: str, record: str) -> Attachment:
    """Attach the waiting page to ``record`` (``collection/id``) as a document (sent at the
    next sync), then take it out of the pages to assign."""
    waiting = _find(folder, page_id)
    stem = Path(waiting.label.split(",")[0]).stem or "scan"
    number = waiting.label.rpartition("page ")[2] if ", page " in waiting.label else ""
    name = f"{stem}-page-{number}.pdf" if number else f"{stem}.pdf"
    attached = attach_bytes(folder, record, name, content(folder, waiting))
    discard(folder, page_id)
    return attached


def content(folder: Path, page: InboxPage) -> bytes:
    """The page's PDF bytes (decrypted)."""
    return sealed.read(folder, page.path)


def viewable(folder: Path, page: InboxPage) -> Path:
    """The page as a file the system's viewer opens (decrypted into this process's private
    folder, removed at exit, when the copy is encrypted)."""
    return sealed.viewable(folder, page.path)


def discard(folder: Path, page_id: str) -> None:
    """Take a page out of the pages to assign (a person's choice: a blank sheet, a page that
    is no one's)."""
    root = _root(folder)
    (root / f"{page_id}.json").unlink(missing_ok=True)
    (root / f"{page_id}.pdf").unlink(missing_ok=True)


@dataclass(frozen=True)
class Candidate:
    """A record a page may be assigned to, as the search shows it."""

    record: str  # collection/id
    title: str
    subtitle: str


def candidates(wc: WorkingCopy, text: str, limit: int = 30) -> list[Candidate]:
    """Records matching ``text`` (the full-text search), each learner followed by its
    contracts (a signed page is usually a contract's)."""
    out: list[Candidate] = []
    with wc.session() as db:
        ctx = StoreContext(db)
        for hit in queries.search(db, text, limit):
            title = (
                describe(db, hit.collection, hit.id) if hit.collection == "contracts" else hit.title
            )
            out.append(Candidate(f"{hit.collection}/{hit.id}", title, hit.subtitle))
            if hit.collection == "learners":
                for contract_id, data in ctx.find("contracts", learner_id=hit.id):
                    out.append(
                        Candidate(
                            f"contracts/{contract_id}",
                            describe(db, "contracts", contract_id),
                            " · ".join(
                                str(v)
                                for v in (
                                    data.get("trade_code"),
                                    _day(data.get("start_date")),
                                )
                                if v
                            ),
                        )
                    )
    return list({c.record: c for c in out}.values())[:limit]


def _day(value: object) -> str:
    try:
        return format_date_fr(parse_date(str(value))) if value else ""
    except ValueError:
        return str(value)
