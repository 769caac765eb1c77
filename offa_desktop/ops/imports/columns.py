"""From a spreadsheet's columns and cells to API fields and values.

A header names a field by its API name (``birth_date``) or its French label in the schema
(« Date de naissance »), in any case, with or without accents; ``id`` and ``collection`` are
understood too. A cell becomes the field's API value: dates as ``31/08/2026`` or
``2026-08-31`` (or a spreadsheet date), money as ``1 234,56`` or ``612.34``, yes/no as
``oui``/``non``, lists separated by ``;`` or ``,``; identifiers a spreadsheet stored as numbers
get back their leading zeros. A failure is a ``CellError`` in French.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from offa_desktop.domain.errors import OffaError
from offa_desktop.domain.schema import COLLECTIONS, FieldSpec, Kind
from offa_desktop.domain.values import money_str
from offa_desktop.ops.imports.reading import Row
from offa_desktop.ops.imports.report import Refusal

ID_COLUMN = "id"
COLLECTION_COLUMN = "collection"
# Identifiers a spreadsheet may have stored as numbers (leading zeros lost).
DIGITS = {
    Kind.NISS: 11,
    Kind.ENTERPRISE_NUMBER: 10,
    Kind.UNIT_NUMBER: 10,
    Kind.POSTAL_CODE: 4,
}
TRUE = {"oui", "o", "vrai", "true", "yes", "y", "1", "x"}
FALSE = {"non", "n", "faux", "false", "no", "0"}
_DATE_FR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


class CellError(OffaError, ValueError):
    """A cell that cannot become its field's value; ``str()`` is French (without the column)."""

    code = "invalid_cell"


def fold(text: str) -> str:
    """A header as compared: lower case, no accents, words joined by single spaces."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[_\s'’\-]+", " ", plain.casefold()).split())


def header_map(collection: str, headers: list[str]) -> tuple[dict[str, str], list[str]]:
    """``({header: field name}, [unknown headers])``; ``id`` and ``collection`` map to
    themselves. A header naming a field twice keeps the first."""
    spec = COLLECTIONS[collection]
    names: dict[str, str] = {fold(ID_COLUMN): ID_COLUMN, fold(COLLECTION_COLUMN): COLLECTION_COLUMN}
    for f in spec.fields:
        names.setdefault(fold(f.name), f.name)
    for f in spec.fields:
        if f.label:
            names.setdefault(fold(f.label), f.name)
    found: dict[str, str] = {}
    unknown: list[str] = []
    taken: set[str] = set()
    for header in headers:
        name = names.get(fold(header)) if header.strip() else None
        if name is None:
            if header.strip():
                unknown.append(header)
            continue
        if name not in taken:
            found[header] = name
            taken.add(name)
    return found, unknown


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def convert(spec: FieldSpec, value: Any) -> Any:
    """The API value of a non-blank cell for ``spec``; CellError when it cannot be one."""
    kind = spec.kind
    if kind in DIGITS:
        return _digits(value, DIGITS[kind])
    if kind is Kind.DATE:
        return _date(value)
    if kind in (Kind.MONEY, Kind.PERCENT):
        return money_str(_decimal(value))
    if kind is Kind.INT:
        number = _decimal(value)
        if number != number.to_integral_value():
            raise CellError("un nombre entier est attendu.")
        return int(number)
    if kind is Kind.HOURS:
        number = _decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)
    if kind is Kind.BOOL:
        return _bool(value)
    if kind in (Kind.REFS, Kind.STRINGS):
        return _list(value)
    if kind is Kind.JSON:
        if isinstance(value, dict | list):
            return value
        try:
            return json.loads(str(value))
        except ValueError as exc:
            raise CellError("un objet JSON est attendu.") from exc
    if kind is Kind.ENUM:
        return str(value).strip().lower()
    if isinstance(value, datetime | date):
        raise CellError("du texte est attendu, pas une date.")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _digits(value: Any, length: int) -> str:
    if isinstance(value, bool):
        raise CellError("un numéro est attendu.")
    if isinstance(value, int):
        return f"{value:0{length}d}"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):0{length}d}"
    return str(value).strip()  # its own check (python-stdnum) says what is wrong


def _date(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    found = _DATE_FR.match(text)
    try:
        if found:
            day, month, year = (int(g) for g in found.groups())
            return date(year, month, day).isoformat()
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError as exc:
        raise CellError(f"« {text} » n'est pas une date (JJ/MM/AAAA).") from exc


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise CellError("un nombre est attendu.")
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = str(value).replace("€", "").replace("\u00a0", "").replace("\u202f", "").strip()
    text = text.replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")  # 1.234,56
    else:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise CellError(f"« {value} » n'est pas un nombre.") from exc
    if not number.is_finite():
        raise CellError(f"« {value} » n'est pas un nombre.")
    return number


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise CellError(f"« {value} » : oui ou non attendu.")


def _list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError as exc:
            raise CellError("une liste JSON illisible.") from exc
        if isinstance(parsed, list):
            return [str(v) for v in parsed]
    return [part.strip() for part in re.split(r"[;,|]", text) if part.strip()]


def row_values(
    row: Row,
    collection: str,
    mapping: Mapping[str, str],
    unknown: Sequence[str],
    refusals: list[Refusal],
) -> tuple[dict[str, Any], str | None, dict[str, str]]:
    """(the fields the row sets, its id if any, {field: column as the file names it}); the
    file's ``mapping`` of headers to fields, its ``unknown`` headers; what cannot be read is
    added to ``refusals``."""
    spec = COLLECTIONS[collection]
    record_id: Any = row.record_id
    data: dict[str, Any] = {}
    columns: dict[str, str] = {}
    if row.api_form:  # JSON lines: API names and values already
        data = dict(row.cells)
        columns = {name: name for name in data}
    else:
        for header in unknown:
            refusals.append(Refusal(
                header,
                f"colonne inconnue pour les {spec.label} : nommez-la d'un champ de l'API "
                "ou de son libellé français.",
            ))  # fmt: skip
        for header, name in mapping.items():
            value = row.cells.get(header)
            if name == COLLECTION_COLUMN:
                continue
            if name == ID_COLUMN:
                record_id = None if blank(value) else str(value).strip()
                continue
            if "." in name:  # a part of a JSON field: « Responsable légal » -> its name
                parent, part = name.split(".", 1)
                columns.setdefault(parent, header)
                columns[name] = header
                if not blank(value):
                    data.setdefault(parent, {})[part] = json_part(value)
                continue
            columns[name] = header
            if blank(value):
                continue  # an empty cell sets nothing (an update keeps the value)
            try:
                data[name] = convert(spec.by_name[name], value)
            except CellError as exc:
                refusals.append(Refusal(header, str(exc)))
    if record_id is not None and not is_uuid(record_id):
        refusals.append(Refusal(
            ID_COLUMN, "l'identifiant doit être un UUID en minuscules, ou absent."
        ))  # fmt: skip
        record_id = None
    return data, record_id, columns


def json_part(value: Any) -> str:
    """A cell given to a part of a JSON field (a representative's name, phone, NISS)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) == 10:
        return f"{value:011d}"  # a NISS the spreadsheet stored as a number
    return str(value).strip()


def is_uuid(value: Any) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        return False
