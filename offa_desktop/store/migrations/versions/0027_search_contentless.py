"""search: the FTS5 indexes keep no copy of the text they index (contentless)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07

``search_fts`` kept, beside its index, a copy of every document's collection, record id and
words (``search_fts_content``), and ``search_names`` a copy of every learner's names: nothing
reads them (a search reads document numbers, and ``search_docs`` maps them to records), but
every insert wrote them and a first sync's rebuild paid for it. Both tables are made again with
``content=''`` and ``contentless_delete=1`` (SQLite 3.43+: a document is deleted by its number
alone, as the triggers delete it), the same tokenizer and prefix indexes, their index copied
from the old tables' words under the same numbers and merged into one segment (0025). 100,000
companies: 8.9 of the copy's 93 MB gone; a first sync 0.2-0.4 s shorter (docs/internals.md).

The triggers insert the words alone (``rowid, terms`` / ``rowid, names``); their SQL is the one
they had, with only those column lists changed. The downgrade gives the tables their content
back from the records (0002's words, 0026's names, folded as then), by record id.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from alembic import op
from sqlalchemy import text

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
CONTENTLESS = "content = '', contentless_delete = 1"
TABLES = {  # each index: its columns as 0005 and 0026 made them, and its words' column
    "search_fts": ("collection UNINDEXED, record_id UNINDEXED, terms", "terms"),
    "search_names": ("names", "names"),
}
# The triggers' inserts, as 0002 and 0026 wrote them and as this migration writes them.
_FULL = re.compile(
    r"INSERT INTO search_fts \(rowid, collection, record_id, terms\) "
    r"SELECT last_insert_rowid\(\), '\w+', NEW\.id, "
)
BARE = "INSERT INTO search_fts (rowid, terms) SELECT last_insert_rowid(), "
_BARE = re.compile(re.escape(BARE))
_TRIGGER = re.compile(r"CREATE TRIGGER search_(\w+)_(?:insert|update|delete) ")

# Letters unicode61 cannot fold (no Unicode decomposition): folded by hand (0002's).
FOLDS = (
    ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("đ", "d"), ("Đ", "D"), ("ß", "ss"),
    ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ı", "i"), ("ħ", "h"), ("Ħ", "H"),
    ("þ", "th"), ("Þ", "TH"), ("ð", "d"), ("Ð", "D"),
)  # fmt: skip
# Each kind's words (0002), for the downgrade's content; the learners' names (0026).
WORDS = {
    "learners": ("last_name", "first_name", "niss", "postal_code", "city"),
    "companies": ("name", "enterprise_number"),
    "establishment_units": ("name", "unit_number", "postal_code", "city"),
    "contracts": ("referent_name", "company_signatory"),
}
NAMES = ("last_name", "first_name")


def _folded(columns: tuple[str, ...]) -> str:
    expr = " || ' ' || ".join(f"coalesce(r.{c}, '')" for c in columns)
    for letter, plain in FOLDS:
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


def _search_triggers() -> list[tuple[str, str]]:
    rows = op.get_bind().execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND (sql LIKE '%search_fts%' OR sql LIKE '%search_names%') ORDER BY name"
        )
    )
    return [(str(name), str(sql)) for name, sql in rows]


def _contentless_sql(sql: str) -> str:
    bare, count = _FULL.subn(BARE, sql)
    if count != sql.count("INSERT INTO search_fts"):
        raise ValueError(f"a search trigger not as 0002 wrote it: {sql[:80]}")
    return bare


def _content_sql(sql: str) -> str:
    found = _TRIGGER.match(sql)
    if found is None:
        raise ValueError(f"not a search trigger: {sql[:80]}")
    collection = found.group(1)
    full = (
        "INSERT INTO search_fts (rowid, collection, record_id, terms) "
        f"SELECT last_insert_rowid(), '{collection}', NEW.id, "
    )
    back, count = _BARE.subn(full, sql)
    if count != sql.count("INSERT INTO search_fts"):
        raise ValueError(f"a search trigger not as 0027 wrote it: {sql[:80]}")
    return back


def _remake(index: str, columns: str, fill: list[str]) -> None:
    """``index`` made again with ``columns`` (its options after them), filled by ``fill`` (the
    old table, renamed ``{index}_old``, is still there to read), merged into one segment."""
    op.execute(f"ALTER TABLE {index} RENAME TO {index}_old")
    op.execute(f"CREATE VIRTUAL TABLE {index} USING fts5({columns})")
    op.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('automerge', 0)")
    for statement in fill:
        op.execute(statement)
    op.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")
    op.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('automerge', 4)")
    op.execute(f"DROP TABLE {index}_old")


def _switch(rewrite: Callable[[str], str], tables: Callable[[], None]) -> None:
    """The search triggers set aside, the tables made again, the triggers put back rewritten."""
    triggers = _search_triggers()
    for name, _ in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    tables()
    for _, sql in triggers:
        op.execute(rewrite(sql))


def _upgrade_tables() -> None:
    for index, (_, words) in TABLES.items():
        _remake(
            index,
            f"{words}, {TOKENIZE}, {CONTENTLESS}",
            [
                f"INSERT INTO {index} (rowid, {words}) "
                f"SELECT rowid, {words} FROM {index}_old ORDER BY rowid"
            ],
        )


def _downgrade_tables() -> None:
    terms = [
        "INSERT INTO search_fts (rowid, collection, record_id, terms) "
        f"SELECT d.docid, d.collection, d.record_id, {_folded(columns)} FROM search_docs d "
        f"JOIN {collection} r ON r.id = d.record_id WHERE d.collection = '{collection}' "
        "AND NOT r.deleted ORDER BY d.docid"
        for collection, columns in WORDS.items()
    ]
    _remake("search_fts", f"{TABLES['search_fts'][0]}, {TOKENIZE}", terms)
    names = [
        f"INSERT INTO search_names (rowid, names) SELECT d.docid, {_folded(NAMES)} "
        "FROM search_docs d JOIN learners r ON r.id = d.record_id "
        "WHERE d.collection = 'learners' AND NOT r.deleted ORDER BY d.docid"
    ]
    _remake("search_names", f"{TABLES['search_names'][0]}, {TOKENIZE}", names)


def upgrade() -> None:
    _switch(_contentless_sql, _upgrade_tables)


def downgrade() -> None:
    _switch(_content_sql, _downgrade_tables)
