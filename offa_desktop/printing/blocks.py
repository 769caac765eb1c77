"""Building blocks shared by the documents: sections, field tables, boxes, signatures, grids.

A cell value that fits on one line is drawn as a plain string (fast); anything longer, or with
line breaks, goes into a Paragraph, so long names and addresses wrap inside their cell instead
of running over the margin. A value that is missing prints as an empty box to fill in by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from offa_desktop.printing.data import PrintProblem
from offa_desktop.printing.page import ACCENT, MUTED, PAGE_WIDTH, RULE, TINT, styles
from offa_desktop.printing.text import WEEKDAY_LABELS, esc, hours_fr

WIDTH = PAGE_WIDTH - 36 * mm  # the frame's width
LABEL_WIDTH = 52 * mm
BOX_HEIGHT = 8 * mm  # an empty box for handwriting


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of already-escaped mini-markup."""
    return Paragraph(text, styles()[style])


def text(value: object, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped); line breaks are kept."""
    return Paragraph(esc(value).replace("\n", "<br/>"), styles()[style])


def fit(value: object, style: str, width: float) -> str | Paragraph:
    """``value`` as a plain string when it fits on one line of ``width``, else a Paragraph.

    The table holding a plain string must draw it with the same font as ``style``."""
    shown = "" if value is None else str(value)
    st = styles()[style]
    if "\n" not in shown and stringWidth(shown, st.fontName, st.fontSize) <= width:
        return shown
    return text(shown, style)


def _font(style: str, cells: tuple[tuple[int, int], tuple[int, int]]) -> list[tuple[Any, ...]]:
    st = styles()[style]
    first, last = cells
    return [
        ("FONT", first, last, st.fontName, st.fontSize, st.leading),
        ("TEXTCOLOR", first, last, st.textColor),
    ]


def section(title: str) -> list[Flowable]:
    """A numbered section heading; never left alone at the foot of a page."""
    return [CondPageBreak(30 * mm), para(esc(title), "h1")]


def fields(rows: Sequence[tuple[str, object]], *, blank: bool = False) -> Table:
    """A two-column table of labels and values; an empty value (or ``blank``) is a box to fill."""
    data: list[list[Any]] = []
    empties: list[int] = []
    for i, (name, value) in enumerate(rows):
        shown = "" if blank or value is None else str(value)
        data.append(
            [fit(name, "label", LABEL_WIDTH - 9), fit(shown, "cell", WIDTH - LABEL_WIDTH - 9)]
        )
        if not shown:
            empties.append(i)
    heights = [BOX_HEIGHT if i in empties else None for i in range(len(rows))]
    table = Table(data, colWidths=[LABEL_WIDTH, WIDTH - LABEL_WIDTH], rowHeights=heights)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        *_font("label", ((0, 0), (0, -1))),
        *_font("cell", ((1, 0), (1, -1))),
    ]
    for i in empties:
        commands.append(("BOX", (1, i), (1, i), 0.5, MUTED))
    table.setStyle(TableStyle(commands))
    return table


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    total_row: bool = False,
    min_row_height: float | None = None,
) -> Table:
    """A ruled table with a tinted header row; cells wrap."""
    data: list[list[Any]] = [[fit(h, "th", w - 12) for h, w in zip(header, widths, strict=True)]]
    for row in rows:
        data.append(
            [
                c if isinstance(c, Flowable) else fit(c, "cell", w - 12)
                for c, w in zip(row, widths, strict=True)
            ]
        )
    heights = [None] + [min_row_height] * len(rows) if min_row_height else None
    table = Table(data, colWidths=list(widths), rowHeights=heights, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        *_font("th", ((0, 0), (-1, 0))),
        *_font("cell", ((0, 1), (-1, -1))),
    ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), TINT))
    table.setStyle(TableStyle(commands))
    return table


def _hours(value: object) -> float:
    """Hours of a schedule cell; 0 for anything that is not a number (printed, never raised)."""
    try:
        return float(str(value or 0))
    except ValueError:
        return 0.0


def schedule_grid(schedule: Mapping[str, Any] | None, *, blank: bool = False) -> Table:
    """The weekly reference grid: hours in the company and at the operator, day by day."""
    rows: list[list[object]] = []
    total_company = total_operator = 0.0
    for key, name in WEEKDAY_LABELS.items():
        day = (schedule or {}).get(key)
        company = _hours((day or {}).get("company_hours") if isinstance(day, Mapping) else 0)
        operator = _hours((day or {}).get("operator_hours") if isinstance(day, Mapping) else 0)
        total_company += company
        total_operator += operator
        if blank:
            rows.append([name, "", "", ""])
        else:
            rows.append([name, hours_fr(company), hours_fr(operator), hours_fr(company + operator)])
    if blank:
        rows.append(["Total par semaine", "", "", ""])
    else:
        rows.append(
            [
                "Total par semaine",
                hours_fr(total_company) or "0",
                hours_fr(total_operator) or "0",
                hours_fr(total_company + total_operator) or "0",
            ]
        )
    third = (WIDTH - 45 * mm) / 3
    return grid(
        ["Jour", "En entreprise (heures)", "Chez l'opérateur (heures)", "Total (heures)"],
        rows,
        [45 * mm, third, third, third],
        total_row=True,
        min_row_height=7 * mm if blank else None,
    )


def box(label: str, height: float) -> KeepTogether:
    """A labelled empty box for handwriting (comments, conditions...)."""
    table = Table([[text(label, "label")], [""]], colWidths=[WIDTH], rowHeights=[None, height])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 1), (0, 1), 0.5, MUTED),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (0, 0), 1),
            ]
        )
    )
    return KeepTogether([table])


def checkbox(checked: bool) -> str:
    return "☒" if checked else "☐"


def signatures(
    signers: Sequence[tuple[str, str]], note: str = "Lu et approuvé, en trois exemplaires."
) -> KeepTogether:
    """Signature blocks side by side: role, name, place and date lines, a box to sign in."""
    count = len(signers)
    width = min(WIDTH / count, WIDTH / 2)
    cells: list[Any] = []
    for role, name in signers:
        cells.append(
            [
                para(f"<b>{esc(role)}</b>", "cell"),
                text(name or " ", "cell"),
                Spacer(1, 3 * mm),
                text("Fait à …………………………", "small"),
                Spacer(1, 2 * mm),
                text("le …… / …… / ………", "small"),
                Spacer(1, 2 * mm),
                text("Signature :", "small"),
            ]
        )
    table = Table([cells, [""] * count], colWidths=[width] * count, rowHeights=[None, 24 * mm])
    table.hAlign = (
        "RIGHT" if count == 1 else "CENTER"
    )  # one signer signs on the right, as in a letter
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 1), (-1, 1), 0.5, MUTED),
                ("INNERGRID", (0, 1), (-1, 1), 0.5, MUTED),
                ("LINEBEFORE", (1, 0), (-1, 0), 0.25, RULE),
            ]
        )
    )
    return KeepTogether([text(note, "small"), table])


def signature_section(
    title: str, signers: Sequence[tuple[str, str]], note: str = ""
) -> list[Flowable]:
    """A heading and its signature blocks, kept on one page."""
    return [CondPageBreak(62 * mm), para(esc(title), "h1"), signatures(signers, note)]


def problems_list(
    problems: Sequence[PrintProblem], overrides: Sequence[str] = ()
) -> list[Flowable]:
    """The last page of a «PROJET»: what is still wrong, field by field, then the rules set
    aside with a reason (who, when)."""
    story: list[Flowable] = [
        para(
            "Ce document est un <b>projet</b> : il ne peut pas encore être signé. "
            "Les points ci-dessous doivent être corrigés dans la fiche avant l'impression "
            "définitive.",
        ),
        Spacer(1, 4 * mm),
    ]
    rows = [[p.field, p.message] for p in problems]
    story.append(grid(["Champ", "Ce qui ne va pas"], rows, [55 * mm, WIDTH - 55 * mm]))
    if overrides:
        story.append(Spacer(1, 5 * mm))
        story.append(para("Dérogations motivées enregistrées", "h1"))
        story += bullet_list(overrides)
    return story


def accent_rule() -> Table:
    """A thin coloured rule between blocks."""
    table = Table([[""]], colWidths=[WIDTH], rowHeights=[1])
    table.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.8, ACCENT)]))
    return table


def bullet_list(items: Sequence[str]) -> list[Flowable]:
    return [para(f"•&nbsp;&nbsp;{esc(item)}", "cell") for item in items]


WHITE = colors.white
