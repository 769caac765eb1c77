"""The models are built from domain/schema.py: one table per collection, a column per field."""

from __future__ import annotations

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.store.models import MODELS


def test_every_collection_has_its_table_and_columns() -> None:
    assert set(MODELS) == set(COLLECTIONS)
    for name, spec in COLLECTIONS.items():
        columns = set(MODELS[name].columns.keys())
        assert set(spec.field_names) <= columns
        assert {"id", "version", "deleted", "updated_at", "updated_by", "extra"} <= columns
