"""Reading an import file into rows, whatever its format: JSON lines, CSV, XLSX.

- JSON lines (``.jsonl``, ``.json``, or a file whose first character is ``{``): one object a
  line, ``{"collection", "id", "data"}`` (``collection`` may be left to ``--collection``);
  values are already in API form.
- CSV: UTF-8 with or without BOM, ``;`` or ``,`` between cells (told from the header line);
  the first row names the columns.
- XLSX: the first sheet, read with openpyxl; the first row names the columns.

Line numbers are the file's (the header is line 1 of a CSV or a sheet), so a person finds the
row a message names. Nothing here knows the schema: ``columns`` maps headers to fields.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offa_desktop.domain.errors import OffaError

Progress = Callable[[str, int, int], None]


class UnreadableFile(OffaError):
    """The file cannot be read as an import at all; ``str()`` is French."""

    code = "unreadable_file"


@dataclass
class Row:
    """One record of the file: its line, the cells by header (raw values), and for JSON lines
    the collection, id and whether the values are already in API form."""

    line: int
    cells: dict[str, Any]
    collection: str | None = None
    record_id: Any = None
    api_form: bool = False
    problem: str | None = None  # a line that could not be read at all (bad JSON)


@dataclass
class Source:
    """What a file holds: its format, its headers (tabular formats) and its rows."""

    format: str  # "jsonl", "csv", "xlsx"
    headers: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    delimiter: str | None = None


def detect_format(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xlsx" or head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if suffix in (".jsonl", ".json", ".ndjson"):
        return "jsonl"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    return "csv"


def read(path: str | Path) -> Source:
    """The rows of an import file; UnreadableFile (French) when it cannot be read."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise UnreadableFile(
            f"Impossible de lire « {path} » : {exc.strerror or exc}."
        ) from exc
    kind = detect_format(path, head)
    if kind == "xlsx":
        return _read_xlsx(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"« {path.name} » n'est pas en UTF-8 (octet illisible à la position {exc.start}) : "
            "enregistrez-le en « CSV UTF-8 » depuis le tableur, puis recommencez."
        ) from exc
    except OSError as exc:
        raise UnreadableFile(f"Impossible de lire « {path} » : {exc.strerror or exc}.") from exc
    return _read_jsonl(text) if kind == "jsonl" else _read_csv(text)


def _read_jsonl(text: str) -> Source:
    source = Source("jsonl")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            source.rows.append(Row(number, {}, problem=f"ligne JSON illisible ({exc.msg})."))
            continue
        if not isinstance(value, dict):
            source.rows.append(
                Row(number, {}, problem="une ligne doit être un objet JSON {collection, id, data}.")
            )
            continue
        data = value.get("data")
        if not isinstance(data, dict):
            source.rows.append(
                Row(number, {}, value.get("collection"), value.get("id"),
                    problem="le champ « data » doit être un objet JSON.")  # fmt: skip
            )
            continue
        source.rows.append(
            Row(number, dict(data), value.get("collection"), value.get("id"), api_form=True)
        )
    return source


def sniff_delimiter(header_line: str) -> str:
    """``;`` or ``,``: whichever separates more cells of the header (outside quotes)."""
    counts = {";": 0, ",": 0}
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return ";" if counts[";"] >= counts[","] and counts[";"] else ","


def _read_csv(text: str) -> Source:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    source = Source("csv", delimiter=delimiter)
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if not source.headers:
                source.headers = [c.strip() for c in cells]
                continue
            values = dict(zip(source.headers, cells, strict=False))
            row = Row(reader.line_num, values)
            spare = cells[len(source.headers) :]
            if any(c.strip() for c in spare):
                row.problem = (
                    f"{len(cells)} cellules pour {len(source.headers)} colonnes : un séparateur "
                    f"« {delimiter} » de trop dans une valeur (mettez-la entre guillemets)."
                )
            source.rows.append(row)
    except csv.Error as exc:
        raise UnreadableFile(f"CSV illisible à la ligne {reader.line_num} : {exc}.") from exc
    if not source.headers:
        raise UnreadableFile("Le fichier est vide : la première ligne doit nommer les colonnes.")
    return source


def _read_xlsx(path: Path) -> Source:
    from openpyxl import load_workbook  # only for spreadsheets: ~0.2 s to import

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UnreadableFile(
            f"« {path.name} » n'est pas un classeur XLSX lisible ({exc.__class__.__name__})."
        ) from exc
    try:
        if not book.worksheets:
            raise UnreadableFile(f"« {path.name} » ne contient aucune feuille.")
        sheet = book.worksheets[0]
        source = Source("xlsx")
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(values)
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            if not source.headers:
                source.headers = [str(c).strip() if c is not None else "" for c in cells]
                continue
            source.rows.append(Row(number, dict(zip(source.headers, cells, strict=False))))
    finally:
        book.close()
    if not source.headers:
        raise UnreadableFile("La première feuille est vide : sa première ligne doit nommer les "
                             "colonnes.")  # fmt: skip
    return source
