"""The generated models follow domain/schema.py: one table per collection, a column per field."""

from __future__ import annotations

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.store import _codegen
from offa_desktop.store.models import MODELS


def test_models_file_is_generated_from_the_current_schema() -> None:
    for target, text in (
        (_codegen.TARGET, _codegen.render()),
        (_codegen.REFERENCE_TARGET, _codegen.render_reference()),
    ):
        assert target.read_text(encoding="utf-8") == text, (
            f"{target.name}: run python -m offa_desktop.store._codegen (then add an Alembic "
            "migration)"
        )


def test_every_collection_has_its_table_and_columns() -> None:
    assert set(MODELS) == set(COLLECTIONS)
    for name, spec in COLLECTIONS.items():
        columns = set(MODELS[name].__table__.columns.keys())
        assert set(spec.field_names) <= columns
        assert {"id", "version", "deleted", "updated_at", "updated_by", "extra"} <= columns
