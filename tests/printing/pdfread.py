"""Reading generated PDFs back: text per page (poppler), QR codes (zbar), word boxes."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Whitespace (no-break spaces included) collapsed to single spaces."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def pages_text(pdf: bytes, *, layout: bool = False) -> list[str]:
    """The normalised text of each page, read by poppler's pdftotext (``-layout`` keeps the
    cells of a table row on one line)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "doc.pdf")
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [norm(p) for p in pages]


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pypdf_pages(pdf: bytes) -> list[str]:
    """The text of each page as pypdf reads it (it follows rotated text such as «PROJET»)."""
    return [norm(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def qr_codes(pdf: bytes, pages: list[int], dpi: int = 150) -> dict[int, list[str]]:
    """QR texts found by zbarimg on each listed page (1-based), rendered by pdftoppm."""
    found: dict[int, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "doc.pdf")
        path.write_bytes(pdf)
        for page in pages:
            prefix = Path(tmp, f"p{page}")
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    str(dpi),
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(path),
                    str(prefix),
                ],
                check=True,
            )
            result = subprocess.run(
                ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", f"{prefix}.png"],
                capture_output=True,
            )
            found[page] = [line for line in result.stdout.decode().splitlines() if line]
    return found


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def word_boxes(pdf: bytes) -> list[tuple[float, float, float, float, str]]:
    """Every word's box in points (x0, y0, x1, y1, text), by ``pdftotext -bbox``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "doc.pdf")
        path.write_bytes(pdf)
        html = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(html)]
