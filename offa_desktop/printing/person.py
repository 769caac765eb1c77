"""The readable summary of a person's data (issue 16: a request under GDPR art. 15): a French
PDF, DejaVu embedded, built from words the caller wrote (``ops/personal_data.py``): who, when,
each section's records field by field, then the history."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from offa_desktop.printing import fonts


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class RecordWords:
    """One record: its title and its fields as (label, value) in words."""

    title: str
    fields: list[tuple[str, str]]


@dataclass
class PersonSummary:
    """Everything the summary says, already in French words."""

    title: str  # « Données de Léa Dubois (apprenante) »
    intro: list[str]  # who asked, when, what the file holds
    sections: list[tuple[str, list[RecordWords]]]  # heading, records
    history: list[tuple[str, str, str, str]] = field(default_factory=list)  # when, who, what, rec
    history_note: str = ""


def render(summary: PersonSummary) -> bytes:
    fonts.register()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
        bottomMargin=18 * mm, title=summary.title, author="OFFA",
        initialFontName=fonts.REGULAR,  # no Helvetica named in the file: embedded fonts only
    )  # fmt: skip
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9.5, leading=12.5)
    h1 = ParagraphStyle("h1", parent=base, fontName=fonts.BOLD, fontSize=15, leading=19,
                        spaceAfter=6)  # fmt: skip
    h2 = ParagraphStyle("h2", parent=base, fontName=fonts.BOLD, fontSize=12, leading=15,
                        spaceBefore=10, spaceAfter=4)  # fmt: skip
    h3 = ParagraphStyle("h3", parent=base, fontName=fonts.BOLD, fontSize=10, leading=13,
                        spaceBefore=6, spaceAfter=2)  # fmt: skip
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10)
    story: list[Flowable] = [Paragraph(_escape(summary.title), h1)]
    story += [Paragraph(_escape(line), base) for line in summary.intro]
    for heading, items in summary.sections:
        story.append(Paragraph(_escape(f"{heading} ({len(items)})"), h2))
        for item in items:
            rows = [
                [Paragraph(_escape(label), small), Paragraph(_escape(value), base)]
                for label, value in item.fields
            ]
            table = _table(rows, (55 * mm, None))
            story.append(KeepTogether([Paragraph(_escape(item.title), h3), table]))
    story.append(Paragraph(_escape(f"Historique des modifications ({len(summary.history)})"), h2))
    if summary.history_note:
        story.append(Paragraph(_escape(summary.history_note), base))
    if summary.history:
        rows = [[Paragraph(t, small) for t in ("Quand", "Qui", "Fiche", "Quoi")]]
        rows += [
            [Paragraph(_escape(x), small) for x in (when, who, record, what)]
            for when, who, what, record in summary.history
        ]
        story.append(_table(rows, (28 * mm, 32 * mm, 42 * mm, None), header=True))
    story.append(Spacer(1, 6 * mm))
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()


def _table(rows: list[list[Paragraph]], widths: Sequence[float | None], *,
           header: bool = False) -> Table:  # fmt: skip
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(style))
    return table


def _footer(canvas: object, doc: object) -> None:
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFont(fonts.REGULAR, 7.5)  # type: ignore[attr-defined]
    canvas.drawString(  # type: ignore[attr-defined]
        18 * mm, 10 * mm,
        f"Données personnelles – document confidentiel – page {doc.page}",  # type: ignore[attr-defined]
    )
    canvas.restoreState()  # type: ignore[attr-defined]
