"""Writes ``models.py`` (the working collections and ``MODELS``) and ``reference_models.py``
(the reference collections): one typed SQLAlchemy model per collection of ``domain/schema.py``.

The models are generated (and checked in) rather than built at run time so that mypy sees real
``Mapped[...]`` attributes. Run ``python -m offa_desktop.store._codegen`` after changing
schema.py, then add an Alembic migration; tests/store/test_models.py fails while it is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from offa_desktop.domain.schema import COLLECTIONS, CollectionSpec, FieldSpec, Kind

TARGET = Path(__file__).with_name("models.py")
REFERENCE_TARGET = Path(__file__).with_name("reference_models.py")
# What a generated module may import, in ruff's order; each file imports what it uses.
_IMPORTS = (
    (("datetime", ("date", "datetime")), ("decimal", ("Decimal",)), ("typing", ("Any",))),
    (
        ("sqlalchemy", ("Boolean", "Date", "Float", "Index", "Integer", "String", "Text")),
        ("sqlalchemy.orm", ("Mapped", "mapped_column")),
    ),
    (
        ("offa_desktop.store.base", ("JSONValue", "SyncedRecord")),
        ("offa_desktop.store.types", ("Hundredths", "Instant")),
    ),
)

CLASS_NAMES = {
    "sectors": "Sector",
    "operators": "Operator",
    "trades": "Trade",
    "training_plans": "TrainingPlan",
    "wage_references": "WageReference",
    "pay_rates": "PayRate",
    "termination_reasons": "TerminationReason",
    "suspension_reasons": "SuspensionReason",
    "checklist_templates": "ChecklistTemplate",
    "incentive_kinds": "IncentiveKind",
    "limits": "Limit",
    "users": "User",
    "companies": "Company",
    "establishment_units": "EstablishmentUnit",
    "tutors": "Tutor",
    "approvals": "Approval",
    "visits": "Visit",
    "learners": "Learner",
    "contracts": "Contract",
    "contract_events": "ContractEvent",
    "incentive_claims": "IncentiveClaim",
    "documents": "Document",
    "snoozes": "Snooze",
    "stage_offers": "StageOffer",
    "mediation_referrals": "MediationReferral",
    "learner_transfers": "LearnerTransfer",
}

# kind -> (python type, column type expression, indexed for sorting/joins)
_TEXT = ("str", "String", True)
KIND_COLUMNS: dict[Kind, tuple[str, str, bool]] = {
    Kind.TEXT: _TEXT,
    Kind.LONGTEXT: ("str", "Text", False),
    Kind.CODE: _TEXT,
    Kind.ENUM: _TEXT,
    Kind.DATE: ("date", "Date", True),
    Kind.INSTANT: ("datetime", "Instant", True),
    Kind.MONEY: ("Decimal", "Hundredths", True),
    Kind.PERCENT: ("Decimal", "Hundredths", False),
    Kind.INT: ("int", "Integer", True),
    Kind.HOURS: ("float", "Float", False),
    Kind.BOOL: ("bool", "Boolean", False),
    Kind.REF: ("str", "String(36)", True),
    Kind.REFS: ("list[str]", "JSONValue", False),
    Kind.STRINGS: ("list[str]", "JSONValue", False),
    Kind.JSON: ("Any", "JSONValue", False),
    Kind.ENTERPRISE_NUMBER: _TEXT,
    Kind.UNIT_NUMBER: _TEXT,
    Kind.NISS: _TEXT,
    Kind.IBAN: ("str", "String", False),
    Kind.POSTAL_CODE: _TEXT,
    Kind.SCHOOL_YEAR: _TEXT,
}
# Free text nobody sorts a list on: no index (each index costs every write).
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
}
# Columns a big list sorts on: indexed with the id as tie-breaker, so a page is read in index
# order even when many rows share a value (a level, a status).
SORT_INDEXES: dict[str, tuple[str, ...]] = {
    "contracts": ("operator_code", "start_date", "end_date", "level", "status"),
}
UNSORTED_TEXT = {"email", "phone", "street", "legal_form", "referent_email", "referent_phone",
                 "contact"}  # fmt: skip


def _column(f: FieldSpec, collection: str) -> str:
    py, col, indexed = KIND_COLUMNS[f.kind]
    if f.name in UNSORTED_TEXT or f.name in SORT_INDEXES.get(collection, ()):
        indexed = False
    args = col + (", index=True" if indexed else "")
    return f"    {f.name}: Mapped[{py} | None] = mapped_column({args})"


def _model(spec: CollectionSpec) -> str:
    name = CLASS_NAMES[spec.name]
    kind = "reference" if spec.reference else "working"
    lines = [
        f"class {name}(SyncedRecord):",
        f'    """{spec.label.capitalize()} ({kind} collection ``{spec.name}``)."""',
        "",
        f'    __tablename__ = "{spec.name}"',
    ]
    composite = COMPOSITE_INDEXES.get(spec.name, ()) + tuple(
        (f"ix_{spec.name}_{col}_id", (col, "id")) for col in SORT_INDEXES.get(spec.name, ())
    )
    if composite:
        indexes = [
            "Index(" + ", ".join(f'"{n}"' for n in (name, *cols)) + ")" for name, cols in composite
        ]
        if len(indexes) == 1 and len(indexes[0]) < 70:
            lines.append(f"    __table_args__ = ({indexes[0]},)")
        else:
            lines.append("    __table_args__ = (")
            for (name, cols), index in zip(composite, indexes, strict=True):
                if len(index) <= 88:
                    lines.append(f"        {index},")
                    continue
                lines.append("        Index(")  # one name a line: within ruff's 100
                lines += [f'            "{n}",' for n in (name, *cols)]
                lines.append("        ),")
            lines.append("    )")
    lines.append("")
    lines += [_column(f, spec.name) for f in spec.fields]
    return "\n".join(lines)


def _module(doc: str, body: str, first_party: tuple[str, ...] = ()) -> str:
    """A generated module: its docstring, the imports ``body`` uses, ``body``."""
    used = set(re.findall(r"\w+", body))
    groups = []
    for group in _IMPORTS:
        lines = [
            f"from {module} import {', '.join(n for n in names if n in used)}"
            for module, names in group
            if any(n in used for n in names)
        ]
        groups.append(lines)
    groups[-1] = sorted(groups[-1] + list(first_party))
    imports = "\n\n".join("\n".join(lines) for lines in groups if lines)
    return f'''"""{doc}

GENERATED by ``python -m offa_desktop.store._codegen`` from ``offa_desktop/domain/schema.py``:
do not edit by hand.
"""

from __future__ import annotations

{imports}


{body}
'''


def render_reference() -> str:
    """``reference_models.py``: the models of the reference collections."""
    specs = [spec for spec in COLLECTIONS.values() if spec.reference]
    body = "\n\n\n".join(_model(spec) for spec in specs)
    return _module("Typed models of the reference collections, one table per collection.", body)


def render() -> str:
    """``models.py``: the models of the working collections, and ``MODELS`` for all."""
    working = [spec for spec in COLLECTIONS.values() if not spec.reference]
    names = sorted(CLASS_NAMES[spec.name] for spec in COLLECTIONS.values() if spec.reference)
    reference = (
        "from offa_desktop.store.reference_models import (\n"
        + "".join(f"    {name},\n" for name in names)
        + ")"
    )
    registry = "\n".join(
        f'    "{spec.name}": {CLASS_NAMES[spec.name]},' for spec in COLLECTIONS.values()
    )
    body = "\n\n\n".join(_model(spec) for spec in working) + (
        "\n\n\n# collection name -> model class\n"
        f"MODELS: dict[str, type[SyncedRecord]] = {{\n{registry}\n}}"
    )
    return _module(
        "Typed models of the working collections, one table per collection, and ``MODELS``\n"
        "(every collection's model, the reference ones from ``reference_models.py``).",
        body,
        (reference,),
    )


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    REFERENCE_TARGET.write_text(render_reference(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
