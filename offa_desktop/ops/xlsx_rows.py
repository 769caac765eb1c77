"""The data rows of an XLSX sheet written as xlsxwriter writes them, without its per-cell calls.

xlsxwriter in constant-memory mode keeps each cell as a tuple, then writes the row's XML cell by
cell through a dozen calls (dimensions, a cell reference, a format lookup, three regular
expressions on every string, attribute escaping): about 10 µs a cell, 20 s of CPU for 100,000
contracts of 21 columns, the export's whole cost. Here each row becomes its XML in one pass: a
column's reference letters and style attribute computed once, a date's serial number once per
distinct date (xlsxwriter's own conversion), one regular expression deciding whether a string
needs xlsxwriter's escaping (then done by its own functions) or goes as it is. The text goes to
the sheet's row file, where xlsxwriter itself writes its rows in constant-memory mode; the
package, styles and header row stay xlsxwriter's. ``tests/ops/test_xlsx_rows.py`` compares the
sheet XML with xlsxwriter's own, byte for byte, on every kind of value (escapes, control
characters, spaces, dates, money, NaN, booleans, None), so a new xlsxwriter that writes
differently fails there.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from xlsxwriter.utility import (
    _datetime_to_excel_datetime,
    _preserve_whitespace,
    _utf16_len,
    _utf16_truncate,
    xl_col_to_name,
)
from xlsxwriter.worksheet import Worksheet

TEXT, DATE, MONEY, NUMBER = "text", "date", "money", "number"
# characters xlsxwriter would change in a string: XML's special ones, control characters,
# non-characters; the rest of what it changes is looked for apart (an _xHHHH_ literal, white
# space at either end: xml:space="preserve"), a character class being one fast scan
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]")
SERIALS_KEPT = 50_000  # distinct date values whose serial is kept (then forgotten)
_STRMAX = 32767  # xlsxwriter's xls_strmax (UTF-16 units)
MISSING = object()


@functools.lru_cache(maxsize=1 << 14)
def _serial_of_text(text: str) -> float | None:
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return None
    return float(_datetime_to_excel_datetime(datetime(day.year, day.month, day.day), False, False))


def date_serial(value: Any) -> float | None:
    """A date cell's Excel serial number as xlsxwriter computes it (None: not a date)."""
    if isinstance(value, datetime):
        return float(_datetime_to_excel_datetime(value.replace(tzinfo=None), False, False))
    if isinstance(value, date):
        return _serial_of_text(value.isoformat())
    return _serial_of_text(str(value))


def _slow_string(text: str) -> str:
    """What xlsxwriter writes inside ``<c>`` for a string that needs escaping or preserving."""
    if len(text) > _STRMAX // 2 and _utf16_len(text) > _STRMAX:
        text = _utf16_truncate(text, _STRMAX)
    text = Worksheet._escape_control_characters(text)
    preserve = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f' t="inlineStr"><is><t{preserve}>{text}</t></is></c>'


class RowWriter:
    """Writes data rows (1-based sheet rows after the header row 0) to ``sheet``, whose header
    row was written through xlsxwriter's API. ``kinds``: TEXT, DATE, MONEY or NUMBER per
    column; ``day`` and ``money`` the formats of date and money cells. ``close()`` before the
    workbook's."""

    def __init__(self, sheet: Worksheet, kinds: Sequence[str], *, day: Any, money: Any) -> None:
        if not sheet.constant_memory:
            raise ValueError("RowWriter needs a constant_memory workbook")
        self.sheet = sheet
        self.kinds = list(kinds)
        self.formats = [day if k == DATE else money if k == MONEY else None for k in self.kinds]
        # a format's number (its s="…") is given on its first use, as xlsxwriter does: None
        # until then ("" for a column without a format)
        self.styles: list[str | None] = [None if f is not None else "" for f in self.formats]
        self.letters = [xl_col_to_name(c) for c in range(len(self.kinds))]
        self.last = 0
        self.serials: dict[Any, Any] = {}  # a date value's serial number (None: not a date)
        # xlsxwriter writes a row when a later one begins: the header row now, then ours
        sheet._write_single_row(1)
        self.out = sheet.fh

    def _style(self, column: int) -> str:
        fmt = self.formats[column]
        style = f' s="{fmt._get_xf_index()}"' if fmt is not None else ""
        for c, other in enumerate(self.formats):
            if other is fmt:
                self.styles[c] = style
        return style

    def write(self, row: int, values: Sequence[Any]) -> None:
        """Row ``row`` (>= 1, increasing) holding ``values`` (None and "" are empty cells;
        True/False are "oui"/"non")."""
        r = str(row + 1)
        parts = [f'<row r="{r}">']
        add = parts.append
        serials = self.serials
        for column, (letter, kind, style, value) in enumerate(
            zip(self.letters, self.kinds, self.styles, values, strict=True)
        ):
            if value is None or value == "":
                continue
            if value is True or value is False:
                add(f'<c r="{letter}{r}" t="inlineStr"><is><t>{"oui" if value else "non"}'
                    "</t></is></c>")
                continue
            if kind == DATE:
                serial = serials.get(value, MISSING)
                if serial is MISSING:
                    if len(serials) > SERIALS_KEPT:
                        serials.clear()
                    serial = serials[value] = date_serial(value)
                if serial is not None:
                    if style is None:
                        style = self._style(column)
                    add(f'<c r="{letter}{r}"{style}><v>{serial:.16G}</v></c>')
                    continue
            elif kind != TEXT:
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    number = math.nan
                    value = str(value)
                else:
                    if not math.isnan(number) and not math.isinf(number):
                        if style is None:
                            style = self._style(column)
                        add(f'<c r="{letter}{r}"{style}><v>{number:.16G}</v></c>')
                        continue
            text = value if isinstance(value, str) else str(value)
            if (_SPECIAL.search(text) is None and not text[0].isspace()
                    and not text[-1].isspace() and "_x" not in text
                    and len(text) <= _STRMAX // 2):
                add(f'<c r="{letter}{r}" t="inlineStr"><is><t>{text}</t></is></c>')
            else:
                add(f'<c r="{letter}{r}"{_slow_string(text)}')
        if len(parts) == 1:
            return  # xlsxwriter writes no row without a cell
        add("</row>")
        self.out.write("".join(parts))
        self.last = row

    def close(self) -> None:
        """The sheet's dimensions and row count as xlsxwriter keeps them."""
        sheet = self.sheet
        if self.last:
            sheet._check_dimensions(self.last, 0)
            sheet.previous_row = self.last
