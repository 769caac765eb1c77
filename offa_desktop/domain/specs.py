"""What the schema is made of: a field's kind (how its value looks on the wire), a field, a
collection, and ``collection``, which reads the tables ``domain.schema`` is written in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):  # noqa: UP042 - str() of members is relied upon as is
    """How a field's value looks on the wire (API.md) and what validates it."""

    TEXT = "text"  # free text, 1 to 200 characters, no control characters
    LONGTEXT = "longtext"  # notes and comments, 1 to 5,000 characters
    CODE = "code"  # a short code, often a reference to a reference collection's `code`
    ENUM = "enum"  # one of `choices`, lowercase
    DATE = "date"  # "YYYY-MM-DD"
    INSTANT = "instant"  # RFC 3339 UTC
    MONEY = "money"  # "612.34": a string with two decimals, euros
    PERCENT = "percent"  # "17.00"
    INT = "int"
    HOURS = "hours"  # a number >= 0
    BOOL = "bool"
    REF = "ref"  # a lowercase UUID string naming a record of `ref`
    REFS = "refs"  # a list of such UUIDs
    STRINGS = "strings"  # a list of strings
    JSON = "json"  # an object or list whose shape the domain rules check
    ENTERPRISE_NUMBER = "enterprise_number"  # BCE number, 10 digits
    UNIT_NUMBER = "unit_number"  # establishment unit number, 10 digits, first digit 2-8
    NISS = "niss"  # national register or BIS number, 11 digits
    IBAN = "iban"
    POSTAL_CODE = "postal_code"  # Belgian, 4 digits
    SCHOOL_YEAR = "school_year"  # "2025-2026"


REF_KINDS = (Kind.REF, Kind.REFS)


@dataclass(frozen=True)
class FieldSpec:
    """One field of a collection."""

    name: str
    kind: Kind
    required: bool = False
    draft_required: bool = False  # required even in a draft contract ("*d")
    choices: tuple[str, ...] = ()
    ref: str | None = None  # the collection a REF/REFS field points to
    label: str = ""  # the French name shown to users and in messages


@dataclass(frozen=True)
class CollectionSpec:
    """One collection of API v1."""

    name: str
    fields: tuple[FieldSpec, ...]
    reference: bool = False  # read-only reference data owned by the server
    label: str = ""
    by_name: dict[str, FieldSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)


def collection(
    name: str,
    label: str,
    table: str,
    *,
    reference: bool = False,
    choices: Mapping[str, tuple[str, ...]] | None = None,
) -> CollectionSpec:
    """A collection from the table of its fields, one a line: ``name | kind | mark | label``.

    ``kind`` is a :class:`Kind` value, a reference naming its collection (``ref:companies``,
    ``refs:tutors``); ``mark`` is empty (optional), ``*`` (required) or ``*d`` (required even
    in a draft contract); an enumerated field's values are ``choices[name]``. Blank lines and
    lines starting with ``#`` are passed over. A line that does not read so raises ValueError.
    """
    choices = dict(choices or {})
    fields = []
    for line in table.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        field_name, kind_ref, mark, field_label = (part.strip() for part in line.split("|"))
        kind, _, ref = kind_ref.partition(":")
        if mark not in ("", "*", "*d") or not field_label or bool(ref) != (kind in REF_KINDS):
            raise ValueError(f"{name}: {line!r}")
        values = choices.pop(field_name, ())
        if bool(values) != (kind == Kind.ENUM):
            raise ValueError(f"{name}.{field_name}: choices go with an enum field, and only there")
        fields.append(
            FieldSpec(
                name=field_name,
                kind=Kind(kind),
                required=mark in ("*", "*d"),
                draft_required=mark == "*d",
                choices=values,
                ref=ref or None,
                label=field_label,
            )
        )
    if choices:
        raise ValueError(f"{name}: choices for no field: {sorted(choices)}")
    return CollectionSpec(name, tuple(fields), reference=reference, label=label)
