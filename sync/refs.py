"""Which records a record refers to (its REF / REFS fields), for holding back dependent ops."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from offa_desktop.domain.schema import COLLECTIONS, Kind
from sync.ports import Key


@cache
def _ref_fields(collection: str) -> tuple[tuple[str, str, bool], ...]:
    spec = COLLECTIONS.get(collection)
    if spec is None:
        return ()
    return tuple(
        (f.name, f.ref, f.kind == Kind.REFS)
        for f in spec.fields
        if f.ref is not None and f.kind in (Kind.REF, Kind.REFS)
    )


def depends_on(collection: str, data: Mapping[str, Any] | None) -> list[Key]:
    """The ``(collection, id)`` of every record this record's data refers to."""
    if not data:
        return []
    found: list[Key] = []
    for name, target, many in _ref_fields(collection):
        value = data.get(name)
        if not value:
            continue
        if many and isinstance(value, list):
            found.extend((target, str(v)) for v in value if v)
        elif isinstance(value, str):
            found.append((target, value))
    return found
