"""One table per collection of ``domain/schema.py``, a column per field, built from the schema
when this module is imported, and ``MODELS`` (collection name -> its table).

The store reads and writes these tables with SQLAlchemy Core (``records.table``), never through
typed ORM attributes: they are Core tables, in the declarative base's metadata, not mapped
classes (mapping 26 classes was most of this module's import, ~0.1 s of every headless
command's start). A change of the schema
changes these tables at once: add the Alembic migration that makes the same change
(tests/store/test_db.py compares the migrated copy with these tables).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Index, Integer, String, Table, Text, text
from sqlalchemy.types import TypeEngine

from offa_desktop.domain.schema import COLLECTIONS, CollectionSpec, FieldSpec, Kind
from offa_desktop.store.base import Base, JSONValue, synced_columns
from offa_desktop.store.types import Hundredths, Instant

# kind -> (column type, indexed for sorting/joins)
_TEXT: tuple[type[TypeEngine[Any]] | TypeEngine[Any], bool] = (String, True)
KIND_COLUMNS: dict[Kind, tuple[type[TypeEngine[Any]] | TypeEngine[Any], bool]] = {
    Kind.TEXT: _TEXT,
    Kind.LONGTEXT: (Text, False),
    Kind.CODE: _TEXT,
    Kind.ENUM: _TEXT,
    Kind.DATE: (Date, True),
    Kind.INSTANT: (Instant, True),
    Kind.MONEY: (Hundredths, True),
    Kind.PERCENT: (Hundredths, False),
    Kind.INT: (Integer, True),
    Kind.HOURS: (Float, False),
    Kind.BOOL: (Boolean, False),
    Kind.REF: (String(36), True),
    Kind.REFS: (JSONValue, False),
    Kind.STRINGS: (JSONValue, False),
    Kind.JSON: (JSONValue, False),
    Kind.ENTERPRISE_NUMBER: _TEXT,
    Kind.UNIT_NUMBER: _TEXT,
    Kind.NISS: _TEXT,
    Kind.IBAN: (String, False),
    Kind.POSTAL_CODE: _TEXT,
    Kind.SCHOOL_YEAR: _TEXT,
}
# Indexes over several columns, for the sorts of the lists.
# The radar's (store/radar_rows.py): a status or level with the date or amount it ranges over.
COMPOSITE_INDEXES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "learners": (("ix_learners_names", ("last_name", "first_name")),),
    "contracts": (
        ("ix_contracts_live_status", ("deleted", "status")),
        ("ix_contracts_status_start", ("status", "start_date")),
        ("ix_contracts_level_pay", ("level", "monthly_pay")),
        # the indicators' (store/indicator_rows.py): every contract figure from this index alone
        ("ix_contracts_figures", ("deleted", "start_date", "status", "operator_code",
                                  "trade_code", "establishment_unit_id", "end_date")),
    ),
    "approvals": (("ix_approvals_status_requested", ("status", "requested_on")),),
    "establishment_units": (("ix_establishment_units_region_of", ("id", "deleted", "region")),),
    "visits": (("ix_visits_status_planned", ("status", "planned_on")),),
}  # fmt: skip
# The radar's candidates (store/radar_rows.py), on the live rows only (``WHERE deleted IS 0``):
# each holds every column its queries read, so that they never touch the wide tables (on an
# encrypted copy each page read is decrypted; migration 0017).
_RADAR_CONTRACT = ("status", "level", "monthly_pay", "id", "learner_id", "establishment_unit_id",
                   "approval_id", "tutor_id", "operator_code", "trade_code", "supersedes_id")
LIVE_INDEXES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "contracts": (
        ("ix_contracts_radar_start", ("start_date", "end_date", *_RADAR_CONTRACT)),
        ("ix_contracts_radar_end", ("end_date", "start_date", *_RADAR_CONTRACT)),
        ("ix_contracts_radar_tutor", ("tutor_id", "status")),
        # a learner's latest contracts, for the search (store/search_rows.py, migration 0024)
        ("ix_contracts_search_learner", ("learner_id", "start_date", "id")),
    ),
    "tutors": (
        ("ix_tutors_radar_record", ("criminal_record_date", "id", "company_id", "condition",
                                    "experience_years", "training_hours", "certified")),
    ),
    "learners": (
        # the names of the lines shown (store/radar_lines.py, migration 0020)
        ("ix_learners_radar_name", ("id", "last_name", "first_name")),
    ),
    "companies": (("ix_companies_radar_name", ("id", "name")),),
    "contract_events": (("ix_contract_events_radar", ("contract_id", "kind")),),
    "establishment_units": (
        ("ix_establishment_units_radar_company", ("company_id", "id")),
        # a contract's company, for the search (store/search_rows.py, migration 0024)
        ("ix_establishment_units_search_company", ("id", "company_id")),
    ),
    "approvals": (
        ("ix_approvals_radar", ("status", "requested_on", "id", "operator_code", "decided_on",
                                "establishment_unit_id", "trade_code")),
        ("ix_approvals_radar_unit", ("establishment_unit_id", "status", "tutor_ids")),
    ),
    "incentive_claims": (("ix_incentive_claims_radar", ("status", "updated_at", "id",
                                                        "kind_code", "company_id",
                                                        "school_year")),),
}  # fmt: skip
# P2 at risk's lookups (store/radar_rows.py, migration 0023): live rows of one kind only, so
# that a lookup asking "is it of that kind?" reads a fraction of the pages: (name, columns, kind)
RADAR_KIND_INDEXES: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = {
    "contract_events": (("ix_contract_events_radar_level", ("contract_id",),
                         "kind = 'level_change'"),),
    "establishment_units": (("ix_establishment_units_radar_wal", ("id",), "region = 'wal'"),),
    # agréé (domain.tutor_conditions.tutor_is_certified), with the columns the rule reads
    "tutors": (("ix_tutors_radar_certified", ("id", "condition", "experience_years",
                                               "training_hours"),
                "(condition = 'validation' OR (coalesce(experience_years, 0) >= 5"
                " AND coalesce(training_hours, 0) >= 8))"),),
}  # fmt: skip
# Columns a big list sorts on: indexed with the id as tie-breaker, so a page is read in index
# order even when many rows share a value (a level, a status).
SORT_INDEXES: dict[str, tuple[str, ...]] = {
    "contracts": ("operator_code", "start_date", "end_date", "level", "status"),
}
# Free text nobody sorts a list on: no index (each index costs every write).
UNSORTED_TEXT = {"email", "phone", "street", "legal_form", "referent_email", "referent_phone",
                 "contact"}  # fmt: skip


def _column(field: FieldSpec, collection: str) -> Column[Any]:
    kind, indexed = KIND_COLUMNS[field.kind]
    if field.name in UNSORTED_TEXT or field.name in SORT_INDEXES.get(collection, ()):
        indexed = False
    return Column(field.name, kind, index=True) if indexed else Column(field.name, kind)


def _table(spec: CollectionSpec) -> Table:
    """The table of one collection: a column per field, then the synced record's columns."""
    composite = COMPOSITE_INDEXES.get(spec.name, ()) + tuple(
        (f"ix_{spec.name}_{col}_id", (col, "id")) for col in SORT_INDEXES.get(spec.name, ())
    )
    live = LIVE_INDEXES.get(spec.name, ())
    kind = "reference" if spec.reference else "working"
    return Table(
        spec.name,
        Base.metadata,
        *(_column(f, spec.name) for f in spec.fields),
        *synced_columns(),
        *(Index(name, *cols) for name, cols in composite),
        *(Index(name, *cols, sqlite_where=text("deleted IS 0")) for name, cols in live),
        *(Index(name, *cols, sqlite_where=text(f"deleted IS 0 AND {where}"))
          for name, cols, where in RADAR_KIND_INDEXES.get(spec.name, ())),
        info={"doc": f"{spec.label.capitalize()} ({kind} collection ``{spec.name}``)."},
    )


# collection name -> its table
MODELS: dict[str, Table] = {spec.name: _table(spec) for spec in COLLECTIONS.values()}
