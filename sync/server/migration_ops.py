"""What the server's migrations write more than once: ``columns``, a table's columns read from
a table of them, one a line (0004), and ``create_table``, a table, its keys and its indexes
from the same (0001, 0002).

Migrations that ran must go on doing the same: add to this module, never change it
(tests/server/test_released_migrations.py holds the schema each released one made).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

TYPES: dict[str, Callable[[], Any]] = {
    "int": sa.Integer,
    "bigint": sa.BigInteger,
    "bool": sa.Boolean,
    "float": sa.Float,
    "text": sa.Text,
    "bytes": sa.LargeBinary,
}
FLAGS = {"null", "auto", "noauto"}
# (index name, columns)
Index = tuple[str, Sequence[str]]


def _type(word: str) -> Any:
    if word.startswith("str") and word[3:].isdigit():
        return sa.String(length=int(word[3:]))
    return TYPES[word]()


def columns(table: str) -> list[sa.Column[Any]]:
    """Columns, one a line: a name, a type (``TYPES``, or ``strN``: text of N characters at
    most), then ``null`` when it may be null (never otherwise) and ``auto`` or ``noauto`` to
    say whether an integer key counts by itself. A line that does not read so raises
    ValueError (KeyError for an unknown type)."""
    found: list[sa.Column[Any]] = []
    for line in table.splitlines():
        words = line.split()
        if not words:
            continue
        flags = set(words[2:])
        if len(words) < 2 or not flags <= FLAGS or {"auto", "noauto"} <= flags:
            raise ValueError(f"not a column: {line!r}")
        extra: dict[str, Any] = {}
        if flags & {"auto", "noauto"}:
            extra["autoincrement"] = "auto" in flags
        found.append(sa.Column(words[0], _type(words[1]), nullable="null" in flags, **extra))
    return found


def create_table(name: str, table: str, *, indexes: Sequence[Index] = ()) -> None:
    """``op.create_table`` of ``columns(table)``, whose lines may also say ``pk`` (the primary
    key's columns, in their order) and ``unique`` (a unique constraint on that column alone);
    then the indexes, each (name, columns)."""
    lines = [line.split() for line in table.splitlines() if line.split()]
    key = [words[0] for words in lines if "pk" in words[2:]]
    unique = [words[0] for words in lines if "unique" in words[2:]]
    plain = "\n".join(" ".join(w for w in words if w not in ("pk", "unique")) for words in lines)
    op.create_table(
        name,
        *columns(plain),
        sa.PrimaryKeyConstraint(*key, name=op.f(f"pk_{name}")),
        *(sa.UniqueConstraint(column, name=op.f(f"uq_{name}_{column}")) for column in unique),
    )
    if indexes:
        with op.batch_alter_table(name, schema=None) as batch_op:
            for index, on in indexes:
                batch_op.create_index(index, list(on), unique=False)
