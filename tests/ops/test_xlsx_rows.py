"""The export's data rows (``ops/xlsx_rows.RowWriter``) are the very XML xlsxwriter writes for
the same cells through its own API, byte for byte: every kind of value, escapes, control
characters, leading and trailing spaces, dates, money, NaN, booleans, empty cells, empty rows,
a string past Excel's limit. A new xlsxwriter writing differently fails here."""

from __future__ import annotations

import math
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import xlsxwriter

from offa_desktop.ops import export
from offa_desktop.ops.export import DATE, MONEY, NUMBER, TEXT, ExportColumn

COLUMNS = [ExportColumn("Nom"), ExportColumn("Début", DATE), ExportColumn("Rétribution", MONEY),
           ExportColumn("Heures", NUMBER), ExportColumn("Note")]
ROWS: list[list[Any]] = [
    ["Wiśniewski Łukasz", date(2026, 9, 1), Decimal("612.34"), 38, "Boulangerie Erdős & Fils"],
    ["<b>gras</b>", "2026-02-28", "1234.5", 37.5, ' "guillemets" '],
    ["  espaces devant", datetime(2026, 3, 1, 12, 30), Decimal("0.01"), "abc", "fin\n"],
    ["ctrl \x01\x02 \r fin", "pas une date", Decimal("NaN"), math.inf, "_x0041_ littéral"],
    [None, None, None, None, None],
    ["", "", "", "", ""],
    [True, False, True, False, "\ufffe non-caractère \uffff"],
    ["x" * 40000, date(1900, 2, 28), Decimal("-3.10"), 0, "tab\tdedans"],
    ["ligne\nsur deux", date(1900, 3, 1), 7, -0.0, "Ünïcødé ✓"],
]


def reference(path: Path, rows: list[list[Any]]) -> None:
    """The rows through xlsxwriter's API, as the export wrote them before RowWriter."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Liste")
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": export.DATE_FORMAT})
    euro = book.add_format({"num_format": export.EURO_FORMAT})
    for number, column in enumerate(COLUMNS):
        sheet.write_string(0, number, column.title, bold)
        sheet.set_column(number, number, 14 if column.kind != TEXT else 28)
    sheet.freeze_panes(1, 0)
    for r, row in enumerate(rows, start=1):
        for c, (column, value) in enumerate(zip(COLUMNS, row, strict=True)):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                sheet.write_string(r, c, "oui" if value else "non")
            elif column.kind == DATE:
                moment = (value if isinstance(value, datetime) else
                          datetime(value.year, value.month, value.day)
                          if isinstance(value, date) else None)
                if moment is None:
                    try:
                        day_ = date.fromisoformat(str(value)[:10])
                        moment = datetime(day_.year, day_.month, day_.day)
                    except ValueError:
                        moment = None
                if moment is not None:
                    sheet.write_datetime(r, c, moment, day)
                else:
                    sheet.write_string(r, c, str(value))
            elif column.kind in (MONEY, NUMBER):
                try:
                    sheet.write_number(r, c, float(value), euro if column.kind == MONEY else None)
                except (TypeError, ValueError):
                    sheet.write_string(r, c, str(value))
            else:
                sheet.write_string(r, c, str(value))
    book.close()


def sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_rows_are_xlsxwriters_own_xml(tmp_path: Path) -> None:
    money_first: list[list[Any]] = [["a", None, Decimal("5"), None, None], ROWS[0]]
    for rows in (ROWS, ROWS[4:6], [], ROWS * 3, money_first):
        ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
        assert export.write(ours, "xlsx", COLUMNS, rows) == len(rows)
        reference(theirs, rows)
        assert sheet_xml(ours) == sheet_xml(theirs)
        with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
            assert a.namelist() == b.namelist()
            for name in a.namelist():
                if name != "docProps/core.xml":  # its creation time
                    assert a.read(name) == b.read(name), name


def _ooxml_text(text: str) -> str:
    """A cell's text as Excel reads it: ``_xHHHH_`` is the character HHHH (ST_Xstring)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def test_every_part_is_well_formed_and_escapes_round_trip(tmp_path: Path) -> None:
    tricky = ["a < b & c > d", "ctrl \x01\x02\x1f fin", "😀 Ünï 𝄞 non-BMP", "_x0041_ littéral",
              " devant", "derrière\t", "]]> <![CDATA[ x", '"guillemets" & \'apostrophes\'',
              "\ufffe\uffff", "ligne\r\nsuivante"]
    rows: list[list[Any]] = [[text, date(2026, 9, 1), Decimal("1234.56"), 3, text[::-1]]
                             for text in tricky]
    out = tmp_path / "tricky.xlsx"
    export.write(out, "xlsx", COLUMNS, rows)
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(archive.read(name))  # raises when not well-formed
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    texts = [_ooxml_text("".join(t.itertext())) for t in sheet.iterfind(".//m:is", ns)]
    header = [c.title for c in COLUMNS]
    want = [*header]
    for text in tricky:
        # what Excel keeps: U+FFFE and U+FFFF are not XML characters (xlsxwriter writes them
        # escaped); a carriage return is read back as written
        want += [text, text[::-1]]
    assert texts == want
    book = openpyxl.load_workbook(out)
    got = [[c.value for c in r] for r in book.active.iter_rows(min_row=2)]
    assert [[_ooxml_text(r[0]), r[1], r[2], r[3], _ooxml_text(r[4])] for r in got] == [
        [text, datetime(2026, 9, 1), 1234.56, 3, text[::-1]] for text in tricky]
