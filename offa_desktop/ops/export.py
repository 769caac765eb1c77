"""Every list out to Excel: XLSX (xlsxwriter, constant memory) and CSV (UTF-8 with BOM, ``;``).

Cells are typed: a date is an Excel date shown 31/08/2026, money a number with the euro format,
a count a number; other columns hold the text the list shows. CSV, for Excel in fr_BE: dates
``31/08/2026``, money ``1234,56`` (decimal comma, no symbol: Excel reads it as a number).
Rows stream from the caller (never a whole table in memory); the file is written beside its
target and renamed at the end, so a cancel or a failure leaves nothing half-written.

Headless: ``offa-desktop export COLLECTION [--filter FIELD=VALUE …] --format xlsx|csv --out
FILE`` writes every live record of the working copy (the user's scope) matching the filters,
one column per field with its French label, linked records by name, codes as stored.
"""

from __future__ import annotations

import csv
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from offa_desktop.domain.errors import Cancelled
from offa_desktop.domain.problems import cap
from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.domain.values import format_date_fr

TEXT, DATE, MONEY, NUMBER = "text", "date", "money", "number"
FORMATS = ("xlsx", "csv")
EURO_FORMAT = '#,##0.00\\ "€"'
DATE_FORMAT = "dd/mm/yyyy"


class ExportCancelled(Cancelled):
    """The person cancelled: nothing was written."""


@dataclass(frozen=True)
class ExportColumn:
    """One exported column: its French header and the kind of its cells."""

    title: str
    kind: str = TEXT


Progress = Callable[[int], None]  # rows written so far; raises ExportCancelled to stop


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_number(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def write(
    path: Path,
    fmt: str,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[Any]],
    progress: Progress | None = None,
) -> int:
    """Write ``rows`` (values in column order) under a header row; the number of rows."""
    if fmt not in FORMATS:
        raise ValueError(f"format inconnu : {fmt}")
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        count = (_xlsx if fmt == "xlsx" else _csv)(partial, columns, rows, progress)
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()
    return count


def _xlsx(path: Path, columns: Sequence[ExportColumn], rows: Iterable[Sequence[Any]],
          progress: Progress | None) -> int:
    """The workbook by xlsxwriter (constant memory: package, styles, header row, column widths,
    frozen header); the data rows' XML by ``xlsx_rows.RowWriter``, the very cells xlsxwriter
    writes for them, without its per-cell calls (``tests/ops/test_xlsx_rows.py`` compares the
    two byte for byte)."""
    import xlsxwriter  # loaded on first export

    from offa_desktop.ops import xlsx_rows

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        sheet = book.add_worksheet("Liste")
        bold = book.add_format({"bold": True})
        day = book.add_format({"num_format": DATE_FORMAT})
        euro = book.add_format({"num_format": EURO_FORMAT})
        for number, column in enumerate(columns):
            sheet.write_string(0, number, column.title, bold)
            sheet.set_column(number, number, 14 if column.kind != TEXT else 28)
        sheet.freeze_panes(1, 0)
        kinds = [xlsx_rows.DATE if c.kind == DATE else xlsx_rows.MONEY if c.kind == MONEY
                 else xlsx_rows.NUMBER if c.kind == NUMBER else xlsx_rows.TEXT for c in columns]
        writer = xlsx_rows.RowWriter(sheet, kinds, day=day, money=euro)
        count = 0
        for count, row in enumerate(rows, start=1):
            writer.write(count, row)
            if progress is not None and count % 500 == 0:
                progress(count)
        writer.close()
        if progress is not None:
            progress(count)
    finally:
        book.close()
    return count


def _csv_cell(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind == DATE:
        day = _as_date(value)
        return format_date_fr(day) if day else str(value)
    if kind in (MONEY, NUMBER):
        amount = _as_number(value)
        if amount is not None:
            text = f"{amount:.2f}" if kind == MONEY else f"{amount.normalize():f}"
            return text.replace(".", ",")
    return str(value)


def _csv(path: Path, columns: Sequence[ExportColumn], rows: Iterable[Sequence[Any]],
         progress: Progress | None) -> int:
    kinds = [c.kind for c in columns]
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        out.writerow([c.title for c in columns])
        for count, row in enumerate(rows, start=1):
            out.writerow([_csv_cell(k, v) for k, v in zip(kinds, row, strict=True)])
            if progress is not None and count % 500 == 0:
                progress(count)
    if progress is not None:
        progress(count)
    return count


# --- headless export of a collection ---------------------------------------------------------

_KIND_OF = {Kind.DATE: DATE, Kind.MONEY: MONEY, Kind.PERCENT: NUMBER, Kind.INT: NUMBER,
            Kind.HOURS: NUMBER}


def collection_columns(collection: str) -> list[ExportColumn]:
    """Identifier, then every field of the collection under its French label."""
    spec = COLLECTIONS[collection]
    return [ExportColumn("Identifiant")] + [
        ExportColumn(cap(f.label or f.name), _KIND_OF.get(f.kind, TEXT)) for f in spec.fields
    ]


def parse_filters(collection: str, given: Sequence[str]) -> dict[str, str]:
    """``["status=active", …]`` -> ``{"status": "active"}``; ValueError (French) otherwise."""
    spec = COLLECTIONS[collection]
    out: dict[str, str] = {}
    for text in given:
        name, sep, value = text.partition("=")
        if not sep or not name:
            raise ValueError(f"filtre « {text} » : attendu CHAMP=VALEUR.")
        if name not in spec.by_name:
            raise ValueError(f"filtre « {text} » : les {spec.label} n'ont pas de champ « {name} ».")
        out[name] = value
    return out


def _refs(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, list):
        return ", ".join(str(names.get(str(v), v)) for v in value)
    return value


def _cell_maker(kind: Kind) -> Callable[[Any, dict[str, str]], Any] | None:
    """How a field's value becomes its cell's (None: as read; a linked record comes named):
    a list joined, JSON as compact text, yes / no in words."""
    from offa_desktop.store import export_rows

    if kind in (Kind.REFS, Kind.STRINGS):
        return _refs
    if kind is Kind.JSON:
        return lambda value, _names: export_rows.compact(value)
    if kind is Kind.BOOL:
        return lambda value, _names: "oui" if value else "non"
    return None


def collection_rows(file: Path, collection: str, filters: dict[str, str],
                    wc: Any = None) -> Iterator[list[Any]]:
    """The rows of every live record of ``collection`` matching ``filters``, by id (on ``wc``
    when given, else on the working copy ``file`` opened for it).

    Read ahead on a thread of its own, a few batches at most: SQLite reads (and looks up the
    linked records' names) without the GIL while the caller writes the cells."""
    done = object()
    ahead: queue.Queue[Any] = queue.Queue(maxsize=READ_AHEAD)
    stop = threading.Event()

    def read() -> None:
        try:
            for batch in _row_batches(file, collection, filters, wc):
                while not stop.is_set():
                    try:
                        ahead.put(batch, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            ahead.put(done)
        except BaseException as error:  # handed to the caller, raised there
            ahead.put(error)

    reader = threading.Thread(target=read, name="export-read", daemon=True)
    reader.start()
    try:
        while True:
            item = ahead.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield from item
    finally:
        stop.set()
        reader.join()


READ_AHEAD = 4  # batches read ahead of the writer


def _row_batches(file: Path, collection: str, filters: dict[str, str],
                 wc: Any) -> Iterator[list[list[Any]]]:
    from offa_desktop.store import export_rows
    from offa_desktop.store.db import WorkingCopy

    spec = COLLECTIONS[collection]
    owned = wc is None
    if wc is None:
        wc = WorkingCopy.open(file)
    try:
        with wc.session() as db:
            # a cell maker per field, chosen once (the loop runs for every value)
            makers = [(n, make) for n, f in enumerate(spec.fields)
                      if (make := _cell_maker(f.kind)) is not None]
            for batch, names in export_rows.batches(db, collection, filters):
                rows = []
                for record_id, values in batch:
                    for n, make in makers:
                        if values[n] is not None:
                            values[n] = make(values[n], names)
                    rows.append([record_id, *values])
                yield rows
    finally:
        if owned:
            wc.close()
