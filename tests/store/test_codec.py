"""A first sync's rows: codec.row_builder's straight-line code makes exactly the tuple
to_sql_row makes (with the server's stamp), for usual records and for every value it would set
aside in ``extra``."""

from __future__ import annotations

import random
from typing import Any

from offa_desktop import reference_data
from offa_desktop.demo.generator import generate
from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.store.codec import field_kinds, row_builder, to_sql_row

# Values no typed column takes as they are (to ``extra``), or that a conversion refuses.
ODD: tuple[Any, ...] = (7, 2.5, True, "x", "2026-02-30", "12.3", "", [1], {"a": 1}, "1" * 40)


def _slow(collection: str, record_id: str, data: dict[str, Any]) -> tuple[Any, ...]:
    row = to_sql_row(collection, record_id, 3, data)
    return (*row[:3], "2026-12-07T10:17:04.867748Z", "u-1", *row[5:])


def test_row_builder_makes_what_to_sql_row_makes() -> None:
    rng = random.Random(19)
    seen: set[str] = set()
    checked = 0
    records = list(generate(40, seed=3))
    for name, items in reference_data.load().items():
        records += [(name, record_id, data) for record_id, data in items[:30]]
    records += [(name, "0f8fad5b-d9cb-469f-a165-70867728950e", {}) for name in COLLECTIONS]
    for collection, record_id, data in records:
        seen.add(collection)
        build = row_builder(collection)
        variants = [dict(data)]
        names = list(field_kinds(collection))
        for _ in range(6):
            odd = dict(data)
            odd[rng.choice(names)] = rng.choice(ODD)
            variants.append(odd)
        variants.append({**data, "a_field_of_a_newer_server": 1})
        variants.append({name: None for name in names})
        variants.append({})
        for variant in variants:
            got = build(record_id, 3, variant, "2026-12-07T10:17:04.867748Z", "u-1")
            assert got == _slow(collection, record_id, variant), (collection, variant)
            assert [type(v) for v in got] == [
                type(v) for v in _slow(collection, record_id, variant)
            ]
            checked += 1
    assert checked > 1000 and seen == set(COLLECTIONS)
