"""Signed scans come home: «Importer des documents signés…» and ``offa-desktop scans``.

Every page of the files given (PDFs, JPEG/PNG photos, folders of them) is read and its QR code
decoded (``offa_desktop.scans``). Pages naming a record of the working copy are grouped by
record, version and copy (or document kind), in the order scanned; each group becomes one PDF
attached to its record through the attachments queue (so it syncs like any attachment). Then
the record gets its signed mark: a draft contract becomes ``signed`` on the day of the scan
(or the day the user gives), an event, an approval or a visit gets its ``signed_on``. A
contract that cannot be signed (rules) keeps its document and says why.

Nothing is dropped in silence: a page without a readable QR code of ours, a blank form, or a
record the copy does not hold goes to the pages to assign (``ops/scans/inbox.py``), and a copy
whose PDF has the same hash as a document already attached to that record counts as a
duplicate (its signed mark is still made if it is missing: an import cut short is finished by
importing again). A scan printed from an older version says so: «signé sur la version 3, la
fiche est en version 5 : vérifiez».
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.validation import ValidationError, blocking
from offa_desktop.domain.values import brussels_today, format_date_fr
from offa_desktop.ops.attachments import attach_bytes, pending
from offa_desktop.ops.scans import inbox as scan_inbox
from offa_desktop.scans import assemble
from offa_desktop.scans.pages import ScanFile, ScanFileError, ScanPage, expand
from offa_desktop.scans.qr import PaperRef, parse
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.records import get_record
from offa_desktop.store.search import describe
from offa_desktop.store.uow import RecordNotFound

log = logging.getLogger("offa.scans")

Progress = Callable[[int, int], None]
# Records whose printed documents come back signed, and the field of their signed mark.
SIGNED_MARK = dict.fromkeys(("contracts", "contract_events", "approvals", "visits"), "signed_on")
COPY_NAMES = {"apprenant": "apprenant", "entreprise": "entreprise", "referent": "référent"}
DOC_NAMES = {
    "contract": "contrat",
    "amendment": "avenant",
    "suspension": "suspension",
    "termination": "rupture",
    "level_change": "changement-de-niveau",
    "approval": "décision-d-agrément",
    "visit": "rapport-de-visite",
}
FEMININE = ("suspension", "rupture", "décision-d-agrément")
_VERSION_IN_NAME = re.compile(r"-v(\d+)\.pdf$")

REASON_NO_CODE = "aucun code QR lisible"
REASON_FOREIGN = "code QR qui n'est pas celui d'un document de l'OFFA"
REASON_BLANK = "formulaire vierge complété à la main : à attribuer à sa fiche"
REASON_UNKNOWN = (
    "fiche introuvable dans la copie de travail (supprimée, ou hors de votre périmètre)"
)


@dataclass(frozen=True)
class AttachedCopy:
    """One copy put together and attached (or found already attached: ``duplicate``)."""

    record: str  # collection/id
    name: str  # the record in words
    file_name: str
    pages: int
    sha256: str
    duplicate: bool
    printed_version: int | None


@dataclass
class ScanReport:
    """What an import did. ``summary()`` is the command line's JSON line."""

    pages: int = 0
    matched: int = 0
    duplicates: int = 0
    to_assign: list[scan_inbox.InboxPage] = field(default_factory=list)
    signed: list[str] = field(default_factory=list)  # ids of records marked signed now
    marks: list[str] = field(default_factory=list)  # the same, in French for a person
    copies: list[AttachedCopy] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # French, for a person to check
    errors: list[str] = field(default_factory=list)  # files that could not be read
    cancelled: bool = False
    changes: ChangeSet = field(default_factory=ChangeSet)  # records given a file or a mark

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled

    def summary(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "pages": self.pages,
            "matched": self.matched,
            "to_assign": len(self.to_assign),
            "duplicates": self.duplicates,
            "signed": list(self.signed),
        }


@dataclass
class _Group:
    ref: PaperRef
    pages: list[ScanPage] = field(default_factory=list)


def import_scans(
    wc: WorkingCopy,
    folder: Path,
    paths: Iterable[str | Path],
    *,
    signed_on: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ScanReport:
    """Import the scanned files ``paths`` into the working copy ``wc`` of data folder
    ``folder`` (see the module docstring). ``signed_on``: the signing day the user gives,
    instead of each scan's own day. ``progress(done, total)`` counts pages read;
    ``cancelled()`` true stops between pages (the pages read so far are imported)."""
    report = ScanReport()
    files: list[ScanFile] = []
    try:
        for path in expand(paths):
            try:
                files.append(ScanFile(path))
            except ScanFileError as exc:
                report.errors.append(str(exc))
                log.warning("scan skipped: %s", exc)
        total = sum(f.count for f in files)
        groups: dict[tuple[str, str, int | None, str], _Group] = {}
        strays: list[tuple[ScanPage, str, str | None]] = []
        with wc.session() as db:
            for scan in files:
                for page in scan.pages():
                    report.pages += 1
                    _sort(db, page, groups, strays)
                    if progress is not None:
                        progress(report.pages, total)
                    if cancelled is not None and cancelled():
                        report.cancelled = True
                        break
                if report.cancelled:
                    break
        for page, reason, text in strays:
            report.to_assign.append(scan_inbox.keep(folder, page, reason, text))
        day_of = {id(f): f.scanned_on() for f in files}
        for record, group_list in _by_record(groups.values()).items():
            _check_versions(wc, folder, record, group_list, report)
            for group in group_list:
                _attach(wc, folder, group, report)
            day = signed_on or min(day_of[id(p.file)] for g in group_list for p in g.pages)
            _mark_signed(wc, record, min(day, brussels_today()), report)
    finally:
        for scan in files:
            scan.close()
    log.info("scans: %s", report.summary())
    return report


def _sort(
    db: Any,
    page: ScanPage,
    groups: dict[tuple[str, str, int | None, str], _Group],
    strays: list[tuple[ScanPage, str, str | None]],
) -> None:
    """Put ``page`` in its copy's group, or aside with the reason it needs a person."""
    if not page.codes:
        strays.append((page, REASON_NO_CODE, None))
        return
    text = page.codes[0].text
    ref = parse(text)
    if ref is None:
        strays.append((page, REASON_FOREIGN, text))
        return
    if ref.record_id is None:
        strays.append((page, REASON_BLANK, text))
        return
    if queries.get(db, ref.collection, ref.record_id) is None:
        strays.append((page, REASON_UNKNOWN, text))
        return
    key = (ref.collection, ref.record_id, ref.version, ref.copy or f"doc:{ref.doc}")
    groups.setdefault(key, _Group(ref)).pages.append(page)


def _by_record(groups: Iterable[_Group]) -> dict[str, list[_Group]]:
    out: dict[str, list[_Group]] = {}
    for group in groups:
        assert group.ref.record is not None
        out.setdefault(group.ref.record, []).append(group)
    return out


def file_name(ref: PaperRef) -> str:
    """``contrat-signé-exemplaire-apprenant-v1834.pdf``: what, which copy, which version (the
    version tells later imports which version the record was signed on)."""
    what = DOC_NAMES.get(ref.doc or "contract", ref.doc or "document")
    signed = "signée" if what in FEMININE else "signé"
    if ref.copy:
        what = f"{what}-{signed}-exemplaire-{COPY_NAMES.get(ref.copy, ref.copy)}"
    else:
        what = f"{what}-{signed}"
    version = "local" if ref.version is None else str(ref.version)
    return f"{what}-v{version}.pdf"


def known_files(wc: WorkingCopy, folder: Path, record: str) -> dict[str, str]:
    """The files attached to ``record`` (synced or waiting to be sent): sha256 -> name."""
    with wc.session() as db:
        stored = queries.page(db, "documents", filters={"record": record}, limit=10_000)
    out = {str(r.data.get("sha256")): str(r.data.get("file_name")) for r in stored}
    for note in pending(folder).values():
        if note.get("record") == record:
            out.setdefault(str(note.get("sha256")), str(note.get("file_name")))
    return out


def _attach(wc: WorkingCopy, folder: Path, group: _Group, report: ScanReport) -> None:
    ref = group.ref
    assert ref.record is not None and ref.record_id is not None
    content = assemble.build(group.pages)
    digest = hashlib.sha256(content).hexdigest()
    name = file_name(ref)
    duplicate = digest in known_files(wc, folder, ref.record)
    if duplicate:
        report.duplicates += len(group.pages)
    else:
        attach_bytes(folder, ref.record, name, content)
        report.matched += len(group.pages)
        report.changes.add(ref.collection, ref.record_id)
    with wc.session() as db:
        shown = record_name(db, ref)
    report.copies.append(
        AttachedCopy(ref.record, shown, name, len(group.pages), digest, duplicate, ref.version)
    )


def record_name(db: Any, ref: PaperRef) -> str:
    """The record in words («Contrat Wiśniewski Łukasz · Boulangerie Erdős», «Rupture du
    contrat …»), with the copy when there is one."""
    assert ref.record_id is not None
    name = describe(db, ref.collection, ref.record_id)
    if ref.copy:
        name += f" (exemplaire {COPY_NAMES.get(ref.copy, ref.copy)})"
    return name


def signed_version(wc: WorkingCopy, folder: Path, record: str, current: int | None) -> int | None:
    """The version ``record`` was signed on: the lowest version named by its signed copies
    already attached (``…-v1834.pdf``), else its version now. The signed mark itself makes a
    new version: a copy scanned later is compared with the version that was signed."""
    versions = [
        int(m.group(1))
        for name in known_files(wc, folder, record).values()
        if (m := _VERSION_IN_NAME.search(name))
    ]
    return min(versions) if versions else current


def version_warning(printed: int | None, current: int | None) -> str | None:
    """«signé sur la version 3, la fiche est en version 5 : vérifiez» (None when equal)."""
    if printed == current or current is None:
        return None
    shown = "locale" if printed is None else str(printed)
    return f"signé sur la version {shown}, la fiche est en version {current} : vérifiez"


def _signed_already(collection: str, data: dict[str, Any]) -> bool:
    if collection == "contracts":
        return data.get("status") != "draft"
    return data.get(SIGNED_MARK.get(collection, "signed_on")) is not None


def _check_versions(
    wc: WorkingCopy, folder: Path, record: str, groups: list[_Group], report: ScanReport
) -> None:
    """Warn for each copy printed from another version than the one being signed: the
    record's version now, or for a record signed already the version its signed copies name."""
    collection, _, record_id = record.partition("/")
    with wc.session() as db:
        stored = get_record(db, collection, record_id)
        name = describe(db, collection, record_id)
    if stored is None:
        return
    against = stored.version
    if _signed_already(collection, stored.data):
        against = signed_version(wc, folder, record, stored.version)
    seen: set[int | None] = set()
    for group in groups:
        printed = group.ref.version
        if printed in seen:
            continue
        seen.add(printed)
        warning = version_warning(printed, against)
        if warning:
            report.warnings.append(f"{name} : {warning}")


def _mark_signed(wc: WorkingCopy, record: str, day: date, report: ScanReport) -> None:
    """The record's signed mark, when it has none yet."""
    collection, _, record_id = record.partition("/")
    field_name = SIGNED_MARK.get(collection)
    with wc.session() as db:
        data = queries.get(db, collection, record_id)
        name = describe(db, collection, record_id)
    if field_name is None or data is None or _signed_already(collection, data):
        return
    fields: dict[str, Any] = {field_name: day.isoformat()}
    if collection == "contracts":
        fields["status"] = "signed"
    try:
        with wc.unit_of_work() as uow:
            uow.update(collection, record_id, fields)
    except ValidationError as exc:
        reasons = "; ".join(p.message for p in blocking(exc.problems)) or str(exc)
        report.warnings.append(f"{name} : document joint, mais pas marqué signé ({reasons}).")
        return
    except RecordNotFound:
        return
    report.signed.append(record_id)
    report.marks.append(f"{name} : marqué signé le {format_date_fr(day)}.")
    report.changes.add(collection, record_id)
    log.info("%s marked signed on %s", record, day.isoformat())


def describe_report(report: ScanReport) -> list[str]:
    """The report in French lines (the command's standard error, the window's summary)."""
    lines = [
        f"{report.pages} page(s) lue(s) : {report.matched} rattachée(s), "
        f"{len(report.to_assign)} à attribuer, {report.duplicates} en double."
    ]
    for copy in report.copies:
        state = "déjà joint" if copy.duplicate else "joint"
        lines.append(f"{copy.name} : {copy.pages} page(s), {copy.file_name} ({state}).")
    lines += report.marks
    lines += report.warnings
    for page in report.to_assign:
        lines.append(f"À attribuer : {page.label} ({page.reason}).")
    lines += report.errors
    if report.cancelled:
        lines.append("Import interrompu : les pages lues avant l'arrêt sont importées.")
    return lines


__all__: Sequence[str] = (
    "AttachedCopy",
    "ScanReport",
    "describe_report",
    "file_name",
    "import_scans",
    "version_warning",
)
