"""The page frame every document shares: header, footer, QR code, «PROJET» watermark.

A document is a sequence of *parts* (the three copies of a contract pack, the list of what is
still wrong...). Each part starts with a :class:`PartStart` flowable; pages are numbered
"page x / y" within their part, because each copy is handed out on its own. Headers and footers
are drawn once the whole document is laid out (two passes over the saved pages), so the totals
are known.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from typing import Any

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from offa_desktop.printing import fonts
from offa_desktop.printing.text import date_fr

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP = 40 * mm  # header band
BOTTOM = 20 * mm  # footer band
QR_SIZE = 24 * mm
INK = colors.HexColor("#1f2a37")
ACCENT = colors.HexColor("#1f3a5f")
MUTED = colors.HexColor("#5b6675")
RULE = colors.HexColor("#9aa5b1")
TINT = colors.HexColor("#e8edf3")


@dataclass(frozen=True)
class Part:
    """One independently numbered run of pages: a copy, or the list of problems."""

    heading: str | None  # «Exemplaire apprenant», or None
    qr_text: str | None  # what the QR code on each of its pages says


@dataclass(frozen=True)
class Header:
    """What every page says about the document."""

    title: str
    record_line: str  # "Contrat réf. 7F3A-2B91 · version 12" or "Formulaire vierge"
    printed_on: date
    draft: bool = False  # «PROJET» watermark
    # When set, the first part's pages are laid out once and issued once per copy (same
    # content, each with its own heading, QR code and numbering): three times faster.
    copies: tuple[Part, ...] = ()


class PartStart(Flowable):  # type: ignore[misc]
    """Invisible marker: the pages from here on belong to ``part``."""

    def __init__(self, part: Part) -> None:
        super().__init__()
        self.part = part
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.canv._offa_part = self.part


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of every document."""
    fonts.register()
    base = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5),
        "label": ParagraphStyle("label", base, fontSize=8, leading=10, textColor=MUTED),
        "th": ParagraphStyle("th", base, fontName=fonts.BOLD, fontSize=8.5, leading=10.5),
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName=fonts.BOLD,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=fonts.BOLD,
            fontSize=9.5,
            leading=12,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
    }


@cache
def _qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The QR code of ``text`` as (modules per side with border, runs of dark modules)."""
    # A fixed mask skips segno's evaluation of all eight (4x faster); any mask decodes.
    qr = segno.make(text, error="m", micro=False, mask=0)
    border = 2
    runs: list[tuple[int, int, int]] = []
    rows = [list(r) for r in qr.matrix]
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                runs.append((r + border, start + border, c - start))
            else:
                c += 1
    return len(rows) + 2 * border, tuple(runs)


def draw_qr(canv: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw ``text`` as a QR code (vector) with its lower-left corner at x, y.

    The dark runs go out as one path of integer rectangles in module units (a scaled
    coordinate system): a few hundred short operators instead of formatted floats."""
    count, runs = _qr_runs(text)
    canv.saveState()
    canv.translate(x, y)
    canv.scale(size / count, size / count)
    canv.setFillColor(colors.white)
    canv.rect(0, 0, count, count, stroke=0, fill=1)
    canv.setFillColor(colors.black)
    canv.addLiteral(
        "\n".join(f"{col} {count - row - 1} {length} 1 re" for row, col, length in runs) + "\nf"
    )
    canv.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> float:
    while size > 7 and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


class DocumentCanvas(Canvas):  # type: ignore[misc]
    """A canvas that keeps its pages until the end, then draws headers, footers and numbers."""

    def __init__(self, *args: Any, header: Header, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header = header
        self._pages: list[dict[str, Any]] = []
        self._offa_part: Part | None = None
        self._qr_forms: set[str] = set()
        self._content_forms: set[str] = set()

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        groups: list[tuple[Part | None, list[dict[str, Any]]]] = []
        for state in self._pages:
            part = state.get("_offa_part")
            if not groups or groups[-1][0] is not part:
                groups.append((part, []))
            groups[-1][1].append(state)
        shared: set[int] = set()
        if self._header.copies and groups:
            first = groups.pop(0)[1]
            groups[0:0] = [(copy, first) for copy in self._header.copies]
            shared = {id(state) for state in first}
        for part, pages in groups:
            for number, state in enumerate(pages, 1):
                self.__dict__.update(state)
                self._code = list(state["_code"])
                self._formsinuse = list(state["_formsinuse"])
                if id(state) in shared:  # a copy's page: its content is one form, drawn thrice
                    name = self._content_form(state)
                    self._code, self._formsinuse = [], []
                    self.doForm(name)
                self._decorate(part, number, len(pages))
                super().showPage()
        super().save()

    def _content_form(self, state: dict[str, Any]) -> str:
        """The name of the form XObject holding a page's content (made on first use)."""
        name = f"offa-page-{id(state)}"
        if name not in self._content_forms:
            self._code = []
            self.beginForm(name)
            self._code = list(state["_code"])
            self.endForm()
            self._content_forms.add(name)
        return name

    def _draw_qr(self, text: str) -> None:
        """The QR code of ``text`` in the top right corner, drawn once as a reusable form."""
        name = f"qr{abs(hash(text))}"
        if name not in self._qr_forms:
            self.beginForm(name)
            draw_qr(self, text, 0, 0, QR_SIZE)
            self.endForm()
            self._qr_forms.add(name)
        self.saveState()
        self.translate(PAGE_WIDTH - MARGIN - QR_SIZE, PAGE_HEIGHT - 10 * mm - QR_SIZE)
        self.doForm(name)
        self.restoreState()

    def _decorate(self, part: Part | None, number: int, total: int) -> None:
        h = self._header
        left, right = MARGIN, PAGE_WIDTH - MARGIN
        text_width = right - left - QR_SIZE - 6 * mm
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(fonts.REGULAR, 7.5)
        top = PAGE_HEIGHT - 13 * mm
        self.drawString(left, top, "Office francophone de la formation en alternance · OFFA")
        self.setFillColor(ACCENT)
        size = _fit(h.title, fonts.BOLD, 14, text_width)
        self.setFont(fonts.BOLD, size)
        self.drawString(left, top - 7 * mm, h.title)
        self.setFillColor(INK)
        self.setFont(fonts.REGULAR, 8)
        self.drawString(left, top - 12 * mm, h.record_line)
        if part is not None and part.heading:
            self.setFillColor(TINT)
            self.setStrokeColor(ACCENT)
            box_w = stringWidth(part.heading, fonts.BOLD, 11) + 6 * mm
            self.roundRect(left, top - 21 * mm, box_w, 7 * mm, 1.5 * mm, stroke=1, fill=1)
            self.setFillColor(ACCENT)
            self.setFont(fonts.BOLD, 11)
            self.drawString(left + 3 * mm, top - 18.9 * mm, part.heading)
        if part is not None and part.qr_text:
            self._draw_qr(part.qr_text)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(left, PAGE_HEIGHT - TOP + 3 * mm, right, PAGE_HEIGHT - TOP + 3 * mm)
        self.line(left, BOTTOM - 6 * mm, right, BOTTOM - 6 * mm)
        self.setFillColor(MUTED)
        self.setFont(fonts.REGULAR, 7.5)
        foot = BOTTOM - 10 * mm
        self.drawString(left, foot, f"Imprimé le {date_fr(h.printed_on)}")
        self.drawCentredString(PAGE_WIDTH / 2, foot, h.record_line)
        self.setFillColor(INK)
        self.setFont(fonts.BOLD, 8)
        self.drawRightString(right, foot, f"page {number} / {total}")
        self.restoreState()


def _watermark(canv: Canvas, _doc: BaseDocTemplate) -> None:
    canv.saveState()
    canv.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.13))
    canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2 - 10 * mm)
    canv.rotate(50)
    canv.setFont(fonts.BOLD, 120)
    canv.drawCentredString(0, -40, "PROJET")
    canv.restoreState()


def build_pdf(header: Header, story: Sequence[Flowable], *, subject: str = "") -> bytes:
    """Lay ``story`` out on A4 pages with the shared frame; the PDF's bytes."""
    fonts.register()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=header.title,
        author="OFFA",
        subject=subject or header.record_line,
        creator="offa-desktop",
    )
    frame = Frame(
        MARGIN,
        BOTTOM,
        PAGE_WIDTH - 2 * MARGIN,
        PAGE_HEIGHT - TOP - BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    on_page = _watermark if header.draft else None
    template = (
        PageTemplate(id="page", frames=[frame], onPage=on_page)
        if on_page
        else PageTemplate(id="page", frames=[frame])
    )
    doc.addPageTemplates([template])
    doc.build(list(story), canvasmaker=partial(DocumentCanvas, header=header))
    return out.getvalue()
