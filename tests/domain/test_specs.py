"""``specs.collection`` reads a collection's table of fields, and refuses a line it cannot."""

from __future__ import annotations

import pytest

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.specs import FieldSpec, Kind, collection


def test_a_table_gives_the_fields_with_their_marks_references_and_choices() -> None:
    spec = collection(
        "things",
        "choses",
        """
        # a comment line
        owner_id | ref:companies | *  | propriétaire
        state    | enum          | *d | état

        note     | longtext      |    | remarque
        """,
        reference=True,
        choices={"state": ("new", "old")},
    )
    assert spec.reference and spec.label == "choses"
    assert spec.fields == (
        FieldSpec("owner_id", Kind.REF, required=True, ref="companies", label="propriétaire"),
        FieldSpec(
            "state", Kind.ENUM, required=True, draft_required=True, choices=("new", "old"),
            label="état",
        ),
        FieldSpec("note", Kind.LONGTEXT, label="remarque"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("table", "choices"),
    [
        ("a | text | ! | a", {}),  # an unknown mark
        ("a | text | *", {}),  # no label
        ("a | texte | * | a", {}),  # an unknown kind
        ("a | ref | * | a", {}),  # a reference to no collection
        ("a | text:companies | * | a", {}),  # a collection on a field that is no reference
        ("a | enum | * | a", {}),  # an enum without its values
        ("a | text | * | a", {"a": ("x",)}),  # values for a field that is no enum
        ("a | text | * | a", {"b": ("x",)}),  # values for no field
    ],
)
def test_a_line_that_does_not_read_is_refused(table: str, choices: dict[str, tuple[str]]) -> None:
    with pytest.raises(ValueError):
        collection("things", "choses", table, choices=choices)


def test_the_schema_keeps_its_shape() -> None:
    contracts = COLLECTIONS["contracts"].by_name
    assert contracts["learner_id"] == FieldSpec(
        "learner_id", Kind.REF, required=True, draft_required=True, ref="learners",
        label="apprenant",
    )  # fmt: skip
    assert contracts["status"].choices[0] == "draft"
    assert [f.name for f in COLLECTIONS["approvals"].fields][:4] == [
        "establishment_unit_id", "trade_code", "operator_code", "status",
    ]  # fmt: skip
    assert COLLECTIONS["suspension_reasons"].fields == COLLECTIONS["termination_reasons"].fields
