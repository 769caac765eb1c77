"""The window's import dialog without Qt: which field each column fills, a preview of the
first rows with their problems in place, and the mappings remembered per source.

A column is guessed from its header: the field's API name or French label (``columns``), or a
usual synonym of school lists (« Nom de famille », « Registre national », « CP »…). A person
may change any guess, or leave a column out (« ne pas importer »): a column left out is ignored,
never refused.

A *source* is who sends the file (« Athénée de Namur »): its mapping is remembered in the data
folder (``import-mappings.json``) with the headers it was made for, so the next list from the
same school maps itself; a file whose headers match a remembered source's proposes that source.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offa_desktop.domain.schema import COLLECTIONS, WORKING_COLLECTIONS
from offa_desktop.ops.imports.columns import ID_COLUMN, fold, header_map
from offa_desktop.ops.imports.core import run_import
from offa_desktop.ops.imports.reading import Progress, Source
from offa_desktop.ops.imports.report import REFUSED, RowOutcome
from offa_desktop.store.db import WorkingCopy

PREVIEW_ROWS = 20
MEMORY_FILE = "import-mappings.json"
# What a person may import from a spreadsheet (documents come with their files, elsewhere).
IMPORTABLE: tuple[str, ...] = tuple(
    c for c in WORKING_COLLECTIONS if c not in ("documents", "snoozes")
)
# The parts of a JSON field a column may fill (``field.part``), with their French labels.
PARTS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "learners": {
        "representative": (
            ("name", "représentant légal : nom"),
            ("niss", "représentant légal : NISS"),
            ("phone", "représentant légal : téléphone"),
            ("email", "représentant légal : courriel"),
        ),
    },
}
# Headers schools use for a field, folded (``columns.fold``), by collection.
SYNONYMS: dict[str, dict[str, str]] = {
    "learners": {
        "representant legal": "representative.name",
        "responsable legal": "representative.name",
        "nom du responsable": "representative.name",
        "nom du representant legal": "representative.name",
        "responsable": "representative.name",
        "parent": "representative.name",
        "tuteur legal": "representative.name",
        "telephone du responsable": "representative.phone",
        "tel responsable": "representative.phone",
        "gsm responsable": "representative.phone",
        "gsm parent": "representative.phone",
        "telephone du representant legal": "representative.phone",
        "courriel du responsable": "representative.email",
        "email responsable": "representative.email",
        "email parent": "representative.email",
        "courriel du representant legal": "representative.email",
        "niss du responsable": "representative.niss",
        "niss du representant legal": "representative.niss",
        "nom de famille": "last_name",
        "prenom de l eleve": "first_name",
        "nom de l eleve": "last_name",
        "registre national": "niss",
        "numero national": "niss",
        "numero de registre national": "niss",
        "n registre national": "niss",
        "nn": "niss",
        "rn": "niss",
        "date naissance": "birth_date",
        "date de naiss": "birth_date",
        "ne le": "birth_date",
        "naissance": "birth_date",
        "adresse": "street",
        "rue et numero": "street",
        "cp": "postal_code",
        "code postal": "postal_code",
        "ville": "city",
        "commune": "city",
        "email": "email",
        "e mail": "email",
        "mail": "email",
        "gsm": "phone",
        "tel": "phone",
        "telephone": "phone",
        "cefa": "operator_code",
        "operateur": "operator_code",
    },
    "companies": {
        "bce": "enterprise_number",
        "numero bce": "enterprise_number",
        "numero d entreprise": "enterprise_number",
        "raison sociale": "name",
        "denomination": "name",
    },
}


def guess(collection: str, headers: list[str]) -> dict[str, str | None]:
    """``{header: field or None}`` for every header of the file, in its order."""
    found, _unknown = header_map(collection, headers)
    synonyms = SYNONYMS.get(collection, {})
    taken = set(found.values())
    guessed: dict[str, str | None] = {}
    parts = PARTS.get(collection, {})
    for header in headers:
        name = found.get(header)
        if name in parts:  # « Représentant légal »: a name, not the JSON object
            name = None
        if name is None and header.strip():
            name = synonyms.get(fold(header))
            if name in taken:
                name = None
            elif name is not None:
                taken.add(name)
        if name == "collection":
            name = None
        guessed[header] = name
    return guessed


def choices(collection: str) -> list[tuple[str, str]]:
    """The fields a column may fill, ``(field, French label)``, the id first."""
    spec = COLLECTIONS[collection]
    out = [(ID_COLUMN, "identifiant (UUID)")]
    parts = PARTS.get(collection, {})
    for f in spec.fields:
        label = f.label or f.name
        if f.name in parts:
            out.extend((f"{f.name}.{part}", text) for part, text in parts[f.name])
            continue
        out.append((f.name, f"{label} *" if f.required else label))
    return out


def missing_required(collection: str, mapping: Mapping[str, str | None]) -> list[str]:
    """French labels of the required fields no column fills."""
    filled = {v.split(".")[0] for v in mapping.values() if v}
    return [f.label or f.name for f in COLLECTIONS[collection].fields
            if f.required and f.name not in filled]  # fmt: skip


def chosen(mapping: Mapping[str, str | None]) -> dict[str, str]:
    """The mapping as ``run_import`` takes it: the columns left out dropped."""
    return {header: name for header, name in mapping.items() if name}


@dataclass
class Preview:
    """The first rows as the file holds them, each with its outcome (a dry run of them)."""

    headers: list[str]
    rows: list[list[Any]]
    outcomes: list[RowOutcome]
    total: int  # rows in the file

    def problems(self, index: int) -> dict[str, list[str]]:
        """``{column: [messages]}`` of the ``index``-th row shown; "" for the whole row."""
        out: dict[str, list[str]] = {}
        outcome = self.outcomes[index]
        if outcome.action != REFUSED:
            return out
        known = set(self.headers)
        for refusal in outcome.refusals:
            column = refusal.column if refusal.column in known else ""
            message = refusal.message
            if column == "" and refusal.column:
                label = _field_label(outcome.collection, refusal.column)
                if label.casefold() not in message.casefold():
                    message = f"{label} : {message}"
            out.setdefault(column, []).append(message)
        return out

    @property
    def refused(self) -> int:
        return sum(1 for o in self.outcomes if o.action == REFUSED)


def preview(
    wc: WorkingCopy,
    source: Source,
    collection: str,
    mapping: Mapping[str, str | None],
    limit: int = PREVIEW_ROWS,
) -> Preview:
    """A dry run of the first ``limit`` rows with ``mapping``: nothing is written."""
    head = Source(source.format, list(source.headers), source.rows[:limit], source.delimiter)
    report = run_import(wc, head, collection=collection, dry_run=True, columns=chosen(mapping))
    rows = [[row.cells.get(h) for h in source.headers] for row in head.rows]
    return Preview(list(source.headers), rows, report.outcomes, len(source.rows))


def import_all(
    wc: WorkingCopy,
    source: Source,
    collection: str,
    mapping: Mapping[str, str | None],
    progress: Progress | None = None,
) -> Any:
    """Every row, all or nothing (``run_import``); the ImportReport."""
    return run_import(wc, source, collection=collection, columns=chosen(mapping),
                      progress=progress)  # fmt: skip


def signature(headers: list[str]) -> list[str]:
    return sorted(fold(h) for h in headers if h.strip())


@dataclass
class Remembered:
    source: str
    collection: str
    mapping: dict[str, str | None] = field(default_factory=dict)


class MappingMemory:
    """The mappings remembered per source, in the data folder."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / MEMORY_FILE

    def _load(self) -> dict[str, Any]:
        try:
            value = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return value if isinstance(value, dict) else {}

    def sources(self) -> list[str]:
        return sorted(self._load(), key=str.casefold)

    def get(self, source: str) -> Remembered | None:
        entry = self._load().get(source)
        if not isinstance(entry, dict):
            return None
        return Remembered(source, str(entry.get("collection", "learners")),
                          dict(entry.get("mapping") or {}))  # fmt: skip

    def find(self, headers: list[str]) -> Remembered | None:
        """The source remembered for exactly these headers (any order, case, accents)."""
        wanted = signature(headers)
        for source, entry in self._load().items():
            if isinstance(entry, dict) and entry.get("signature") == wanted:
                return self.get(source)
        return None

    def remember(self, source: str, collection: str, mapping: Mapping[str, str | None]) -> None:
        data = self._load()
        data[source] = {
            "collection": collection,
            "mapping": dict(mapping),
            "signature": signature(list(mapping)),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        os.replace(temporary, self.path)

    def for_file(self, source: str, collection: str, headers: list[str]) -> dict[str, str | None]:
        """The mapping to propose: the source's remembered choice for each header it knows,
        a guess for the others."""
        guessed = guess(collection, headers)
        known = self.get(source) if source else None
        if known is None or known.collection != collection:
            return guessed
        fields = {name for name, _label in choices(collection)}
        out: dict[str, str | None] = {}
        for header in headers:
            if header in known.mapping and (known.mapping[header] in fields
                                            or known.mapping[header] is None):
                out[header] = known.mapping[header]
            else:
                out[header] = guessed[header]
        return out


def _field_label(collection: str | None, name: str) -> str:
    spec = COLLECTIONS.get(collection or "")
    found = spec.by_name.get(name) if spec is not None else None
    return found.label if found is not None and found.label else name
