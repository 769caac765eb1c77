"""Scanned files as pages: every page of a PDF, a JPEG or PNG photo as one page.

A :class:`ScanFile` keeps its source open while an import runs (PDF pages are imported from it
into the copies' documents, photos embedded as they are: a JPEG is never re-encoded). Files are
recognised by their leading bytes, not their names. Errors are :class:`ScanFileError` with a
French message naming the file.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
from PIL import Image, ImageOps, UnidentifiedImageError

from offa_desktop.domain.errors import OffaError
from offa_desktop.scans.qr import Decoded, decode

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")
# PDF pages are drawn at this resolution to find their QR code: a 24 mm code is then 190 px
# wide, 4.6 px a module (150 dpi scans inside a PDF are upsampled, not blurred further).
RENDER_DPI = 200
# When nothing is found on the whole page, the corners are looked at again, enlarged.
RETRY_SCALE = 2
BRUSSELS = ZoneInfo("Europe/Brussels")


class ScanFileError(OffaError):
    """A file that cannot be read as a scan (French message naming it)."""

    code = "unreadable_scan"


def kind_of(head: bytes) -> str | None:
    """The media type a file's leading bytes say (API.md's magic bytes), or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG"):
        return PNG
    return None


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named, and the PDF/JPEG/PNG files of folders named (recursively, sorted by path
    so an import is repeatable); a path that does not exist is kept so it is reported."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            out += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            out.append(path)
    return list(dict.fromkeys(out))


@dataclass
class ScanPage:
    """One page of a scanned file: where it comes from and what its QR code says."""

    file: ScanFile
    number: int  # 1-based within its file
    codes: list[Decoded] = field(default_factory=list)

    @property
    def label(self) -> str:
        """«contrats.pdf, page 3» (a photo: its name)."""
        if self.file.kind == PDF:
            return f"{self.file.path.name}, page {self.number}"
        return self.file.path.name

    @property
    def turn(self) -> int:
        return self.codes[0].turn if self.codes else 0


class ScanFile:
    """An open scanned file (close it, or use it as a context manager)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.content = path.read_bytes()
        except FileNotFoundError:
            raise ScanFileError(f"{path} : fichier introuvable.") from None
        except OSError as exc:
            raise ScanFileError(f"{path} : lecture impossible ({exc.strerror or exc}).") from None
        kind = kind_of(self.content[:8])
        if kind is None:
            raise ScanFileError(f"{path.name} : ni PDF, ni JPEG, ni PNG : fichier ignoré.")
        self.kind = kind
        self.pdf: pdfium.PdfDocument | None = None
        self.image: Image.Image | None = None
        try:
            if kind == PDF:
                self.pdf = pdfium.PdfDocument(self.content)
                self.count = len(self.pdf)
            else:
                self.image = Image.open(io.BytesIO(self.content))
                self.image.load()
                self.count = 1
        except (pdfium.PdfiumError, UnidentifiedImageError, OSError, ValueError) as exc:
            raise ScanFileError(f"{path.name} : fichier endommagé ou illisible ({exc}).") from None

    def __enter__(self) -> ScanFile:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None

    def pages(self) -> Iterator[ScanPage]:
        """Each page with its QR codes decoded."""
        for number in range(1, self.count + 1):
            yield ScanPage(self, number, self._decode(number))

    def page_image(self, number: int, dpi: int = RENDER_DPI) -> Image.Image:
        """The page as a grayscale image (a photo upright as its EXIF says)."""
        if self.pdf is not None:
            page = self.pdf[number - 1]
            try:
                drawn: Image.Image = page.render(scale=dpi / 72, grayscale=True).to_pil()
                return drawn.convert("L")
            finally:
                page.close()
        assert self.image is not None
        upright: Image.Image = ImageOps.exif_transpose(self.image)
        return upright.convert("L")

    def _decode(self, number: int) -> list[Decoded]:
        image = self.page_image(number)
        codes = decode(image)
        if codes:
            return codes
        # A small or blurred code: the four corners (where a QR code is printed, whichever
        # way up the sheet went through the scanner), enlarged.
        w, h = image.size
        cw, ch = w * 2 // 5, h * 2 // 5
        for left, top in ((w - cw, 0), (0, h - ch), (0, 0), (w - cw, h - ch)):
            corner = image.crop((left, top, left + cw, top + ch))
            corner = corner.resize((cw * RETRY_SCALE, ch * RETRY_SCALE), Image.Resampling.LANCZOS)
            codes = decode(corner)
            if codes:
                return codes
        return []

    def scanned_on(self) -> date:
        """The day the scan was made: the PDF's creation date, a photo's EXIF date, else the
        file's modification time (Europe/Brussels)."""
        found: datetime | None = None
        if self.pdf is not None:
            found = _pdf_date(str(self.pdf.get_metadata_dict().get("CreationDate") or ""))
        elif self.image is not None:
            found = _exif_date(self.image)
        if found is None:
            found = datetime.fromtimestamp(self.path.stat().st_mtime, BRUSSELS)
        return found.astimezone(BRUSSELS).date() if found.tzinfo else found.date()


def _pdf_date(text: str) -> datetime | None:
    """``D:20261203101500+01'00'`` (the time zone is optional)."""
    text = text.removeprefix("D:")
    if len(text) < 8 or not text[:8].isdigit():
        return None
    try:
        day = datetime.strptime(text[:8], "%Y%m%d")
    except ValueError:
        return None
    zone = text[14:].replace("'", "")
    if len(text) >= 14 and text[8:14].isdigit():
        day = datetime.strptime(text[:14], "%Y%m%d%H%M%S")
        if zone == "Z":
            return day.replace(tzinfo=ZoneInfo("UTC"))
        if len(zone) >= 5 and zone[0] in "+-" and zone[1:5].isdigit():
            return datetime.strptime(text[:14] + zone[:5], "%Y%m%d%H%M%S%z")
    return day


def _exif_date(image: Image.Image) -> datetime | None:
    exif: Any = image.getexif()
    raw = exif.get_ifd(0x8769).get(36867) or exif.get(306)  # DateTimeOriginal, DateTime
    try:
        return datetime.strptime(str(raw), "%Y:%m:%d %H:%M:%S") if raw else None
    except ValueError:
        return None
