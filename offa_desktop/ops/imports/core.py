"""Importing records: all or nothing, repeatable, the same rules as any edit.

``run_import`` takes the rows of a file (``reading``) and writes them in ONE unit of work, row
after row, each through the unit of work's own create/update (domain rules, the role's rights,
duplicates, outbox), so a row may name a record an earlier row created. Each row's outcome is
kept; at the end the transaction is committed only when every row passed (or ``keep_valid``
asks for the good ones), and never in a dry run: a refused row leaves nothing half-written.

A row without an id is matched by its record's natural key (``NATURAL_KEYS``) and updates that
record instead of making a duplicate, so fixing a file and importing it again is safe. In a
spreadsheet, a reference column may hold the natural key of the record it names (a tutor's
« entreprise » as its enterprise number).

The window's import dialog (column mapping, preview) calls the same function: ``progress``
reports ``(phase, done, total)``, a dry run is the preview.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.checks import check_fields
from offa_desktop.domain.identifiers import normalize_record
from offa_desktop.domain.problems import ValidationError
from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.ops.imports.columns import (
    COLLECTION_COLUMN,
    ID_COLUMN,
    blank,
    fold,
    header_map,
    is_uuid,
    row_values,
)
from offa_desktop.ops.imports.reading import Progress, Row, Source
from offa_desktop.ops.imports.report import (
    CREATE,
    REFUSED,
    UNCHANGED,
    UPDATE,
    ImportReport,
    Refusal,
    RowOutcome,
)
from offa_desktop.store.bulk_edits import find_in
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.uow import RecordNotFound, UnitOfWork

# The fields that name a record without its id (API.md's identifiers, a tutor by its names).
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "learners": ("niss",),
    "companies": ("enterprise_number",),
    "establishment_units": ("unit_number",),
    "tutors": ("company_id", "first_name", "last_name", "birth_date"),
}
class _Rollback(Exception):
    """Ends the unit of work without writing (a dry run, or a refused row)."""


def run_import(
    wc: WorkingCopy,
    source: Source,
    *,
    collection: str | None = None,
    keep_valid: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    columns: Mapping[str, str] | None = None,
) -> ImportReport:
    """Check every row of ``source`` and write them in one transaction: only when none was
    refused (or, with ``keep_valid``, the good ones), never in a ``dry_run``.

    ``columns`` is a person's mapping ``{header: field}`` (the window's import dialog): the
    headers it leaves out are ignored instead of refused as unknown."""
    importer = _Importer(source, collection, columns)
    outcomes: list[RowOutcome] = []
    changes = ChangeSet()
    written = False
    total = len(source.rows)
    try:
        with wc.unit_of_work() as uow:
            prepared = [importer.prepare(row) for row in source.rows]
            importer.prefetch(uow, prepared)
            for done, item in enumerate(prepared, start=1):
                outcomes.append(importer.take(uow, item))
                if progress is not None and (done % 500 == 0 or done == total):
                    progress("import", done, total)
            importer.flush(uow)
            refused = any(o.action == REFUSED for o in outcomes)
            if dry_run or (refused and not keep_valid):
                raise _Rollback()
            changes = uow.changes
            written = True
    except _Rollback:
        pass
    if written and outcomes:
        changes.everything = len(outcomes) > 500  # a large import: lists refresh whole
    return ImportReport(outcomes, written, dry_run, changes)


@dataclass
class _Prepared:
    """A row read and converted (no database yet): its outcome so far, collection, fields,
    id, and the file's column of each field."""

    row: Row
    outcome: RowOutcome
    collection: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    record_id: str | None = None
    columns: dict[str, str] = field(default_factory=dict)


# Records created per executemany; a batch is written before a row that names one of its
# records, before an update, and when the collection changes, so the file's order holds.
BATCH = 1000


class _Importer:
    """Turns rows into edits of one unit of work."""

    def __init__(
        self, source: Source, collection: str | None, chosen: Mapping[str, str] | None = None
    ) -> None:
        self.source = source
        self.default = collection
        self.chosen = dict(chosen) if chosen is not None else None
        self.maps: dict[str, tuple[dict[str, str], list[str]]] = {}
        self.keys_seen: dict[tuple[str, tuple[Any, ...]], int] = {}
        self.existing: dict[str, dict[Any, list[tuple[str, Mapping[str, Any]]]]] = {}
        self.batch: list[_Prepared] = []
        self.pending: set[str] = set()  # ids of the batch
        self.collection_header = next(
            (h for h in source.headers if fold(h) == COLLECTION_COLUMN), None
        )

    def columns(self, collection: str) -> tuple[dict[str, str], list[str]]:
        if collection not in self.maps:
            if self.chosen is not None:
                self.maps[collection] = (self.chosen, [])
            else:
                self.maps[collection] = header_map(collection, self.source.headers)
        return self.maps[collection]

    # --- reading (no database) ------------------------------------------------------------

    def prepare(self, row: Row) -> _Prepared:
        collection = self._collection(row)
        item = _Prepared(row, RowOutcome(row.line, collection, None, REFUSED), collection)
        outcome = item.outcome
        if row.problem:
            outcome.refusals.append(Refusal("", row.problem))
            return item
        if collection is None:
            outcome.refusals.append(Refusal(
                COLLECTION_COLUMN,
                "collection manquante : précisez --collection (un fichier d'une seule "
                "collection) ou une colonne « collection ».",
            ))  # fmt: skip
            return item
        spec = COLLECTIONS.get(collection)
        if spec is None or spec.reference or collection == "documents":
            outcome.refusals.append(Refusal(
                COLLECTION_COLUMN, f"collection inconnue ou en lecture seule : « {collection} »."
            ))  # fmt: skip
            return item
        data, item.record_id, item.columns = self._values(row, collection, outcome)
        item.data = normalize_record(collection, data)
        if outcome.refusals:  # a cell unreadable: the other cells' formats are said too
            said = {r.column for r in outcome.refusals}
            for found in check_fields(collection, item.data, partial=True):
                column = item.columns.get(found.field, found.field)
                if not found.warning and column not in said:
                    outcome.refusals.append(Refusal(column, found.message))
        return item

    def prefetch(self, uow: UnitOfWork, items: list[_Prepared]) -> None:
        """The records the rows' natural keys may name, a few chunked queries a collection."""
        wanted: dict[str, set[Any]] = {}
        for item in items:
            names = NATURAL_KEYS.get(item.collection or "")
            if names and not item.outcome.refusals and item.record_id is None:
                value = item.data.get(names[0])
                if isinstance(value, str):
                    wanted.setdefault(str(item.collection), set()).add(value)
        for collection, values in wanted.items():
            first = NATURAL_KEYS[collection][0]
            found: dict[Any, list[tuple[str, Mapping[str, Any]]]] = {v: [] for v in values}
            for record_id, record in find_in(uow.session, collection, first, sorted(values)):
                found.setdefault(record.get(first), []).append((record_id, record))
            self.existing[collection] = found

    # --- writing ----------------------------------------------------------------------------

    def take(self, uow: UnitOfWork, item: _Prepared) -> RowOutcome:
        outcome = item.outcome
        if outcome.refusals or item.collection is None:
            return outcome
        collection = item.collection
        self._resolve_refs(uow, collection, item.data, item.columns, outcome)
        if outcome.refusals:
            return outcome
        matched = None if item.record_id else self._match(uow, collection, item.data)
        record_id = item.record_id or matched
        key = self._natural_key(collection, item.data)
        if key is not None:
            first = self.keys_seen.setdefault((collection, key), item.row.line)
            if first != item.row.line:
                names = ", ".join(_label(collection, f) for f in NATURAL_KEYS[collection])
                outcome.refusals.append(Refusal(
                    _column_of(item.columns, NATURAL_KEYS[collection][-1]),
                    f"même {names} qu'à la ligne {first} du fichier.",
                ))  # fmt: skip
                return outcome
        if self.batch and (
            self.batch[0].collection != collection or len(self.batch) >= BATCH
            or self._names_batch(item)
        ):
            self.flush(uow)
        if matched is not None or (
            record_id is not None and uow.context.get(collection, record_id) is not None
        ):
            assert record_id is not None
            self.flush(uow)
            self._update(uow, collection, record_id, item)
        else:
            item.record_id = record_id or str(uuid.uuid4())
            self.batch.append(item)
            self.pending.add(item.record_id)
        return outcome

    def flush(self, uow: UnitOfWork) -> None:
        """Create the batched records (each checked as ``create`` checks one)."""
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        self.pending = set()
        collection = str(batch[0].collection)
        results = uow.create_many(
            collection, [(str(item.record_id), item.data) for item in batch]
        )
        for item, refused in zip(batch, results, strict=True):
            if refused is None:
                item.outcome.action = CREATE
                item.outcome.record_id = item.record_id
                item.outcome.fields = dict(item.data)
            else:
                self._refused(item, refused)

    def _names_batch(self, item: _Prepared) -> bool:
        """True when the row names a record of the pending batch (write that first)."""
        pending = self.pending
        if item.record_id in pending:
            return True
        for value in item.data.values():
            if isinstance(value, str) and value in pending:
                return True
            if isinstance(value, list) and any(v in pending for v in value):
                return True
        return False

    def _update(self, uow: UnitOfWork, collection: str, record_id: str, item: _Prepared) -> None:
        outcome = item.outcome
        try:
            changed = uow.update(collection, record_id, item.data)
        except ValidationError as exc:
            self._refused(item, exc)
            return
        except RecordNotFound as exc:
            outcome.refusals.append(Refusal(ID_COLUMN, str(exc)))
            return
        outcome.action = UPDATE if changed else UNCHANGED
        outcome.fields = dict(changed)
        outcome.record_id = record_id

    @staticmethod
    def _refused(item: _Prepared, exc: ValidationError) -> None:
        blocking = [p for p in exc.problems if not p.warning] or exc.problems
        item.outcome.refusals.extend(
            Refusal(item.columns.get(p.field, p.field), p.message) for p in blocking
        )
        item.outcome.action = REFUSED

    def _collection(self, row: Row) -> str | None:
        if row.collection is not None:
            return str(row.collection)
        if not row.api_form and self.collection_header is not None:
            value = row.cells.get(self.collection_header)
            if not blank(value):
                return str(value).strip()
        return self.default

    def _values(
        self, row: Row, collection: str, outcome: RowOutcome
    ) -> tuple[dict[str, Any], str | None, dict[str, str]]:
        mapping, unknown = ({}, []) if row.api_form else self.columns(collection)
        return row_values(row, collection, mapping, unknown, outcome.refusals)

    def _resolve_refs(
        self,
        uow: UnitOfWork,
        collection: str,
        data: dict[str, Any],
        columns: Mapping[str, str],
        outcome: RowOutcome,
    ) -> None:
        """A reference given as the named record's natural key (one field) becomes its id."""
        for f in COLLECTIONS[collection].fields:
            value = data.get(f.name)
            if f.kind is not Kind.REF or not isinstance(value, str) or is_uuid(value):
                continue
            target = f.ref or ""
            key = NATURAL_KEYS.get(target)
            if key is None or len(key) != 1:
                continue
            if self.batch and self.batch[0].collection == target:
                self.flush(uow)  # it may be in the batch not written yet
            wanted = normalize_record(target, {key[0]: value})[key[0]]
            found = uow.context.find(target, **{key[0]: wanted})
            if len(found) == 1:
                data[f.name] = found[0][0]
            else:
                outcome.refusals.append(Refusal(
                    columns.get(f.name, f.name),
                    f"aucune fiche ({COLLECTIONS[target].label}) avec ce "
                    f"{_label(target, key[0])} : « {value} ».",
                ))  # fmt: skip

    @staticmethod
    def _natural_key(collection: str, data: Mapping[str, Any]) -> tuple[Any, ...] | None:
        names = NATURAL_KEYS.get(collection)
        if not names or any(data.get(n) is None for n in names):
            return None
        return tuple(
            str(data[n]).casefold().strip() if isinstance(data[n], str) else data[n]
            for n in names
        )

    def _match(
        self, uow: UnitOfWork, collection: str, data: Mapping[str, Any]
    ) -> str | None:
        """The live record with the row's natural key, if any (from ``prefetch``, or asked
        now for a value it could not know: a reference resolved since, a tutor's company)."""
        key = self._natural_key(collection, data)
        if key is None:
            return None
        first = NATURAL_KEYS[collection][0]
        known = self.existing.setdefault(collection, {})
        if data[first] not in known:
            known[data[first]] = list(uow.context.find(collection, **{first: data[first]}))
        for record_id, record in known[data[first]]:
            if self._natural_key(collection, record) == key:
                return record_id
        return None


def _label(collection: str, name: str) -> str:
    found = COLLECTIONS[collection].by_name.get(name)
    return found.label if found is not None and found.label else name


def _column_of(columns: Mapping[str, str], name: str) -> str:
    return columns.get(name, name)
