"""full-text search (FTS5) kept by triggers; composite index for sorting on learner names

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The search words of each live learner, company, establishment unit and contract are one row of
``search_fts``; ``search_docs`` maps (collection, record id) to that row, so a trigger finds it
without scanning. The SQL is written out here (frozen with this revision), not built from the
application's code.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"

# Letters unicode61 cannot fold (no Unicode decomposition): folded by hand.
FOLDS = (
    ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("đ", "d"), ("Đ", "D"), ("ß", "ss"),
    ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ı", "i"), ("ħ", "h"), ("Ħ", "H"),
    ("þ", "th"), ("Þ", "TH"), ("ð", "d"), ("Ð", "D"),
)  # fmt: skip

# collection -> the columns whose words are searchable
WORDS = {
    "learners": ("last_name", "first_name", "niss", "postal_code", "city"),
    "companies": ("name", "enterprise_number"),
    "establishment_units": ("name", "unit_number", "postal_code", "city"),
    "contracts": ("referent_name", "company_signatory"),
}


def _terms(columns: tuple[str, ...]) -> str:
    expr = " || ' ' || ".join(f"coalesce(NEW.{c}, '')" for c in columns)
    for letter, plain in FOLDS:
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


def _triggers(collection: str, columns: tuple[str, ...]) -> list[str]:
    doc = (
        f"(SELECT docid FROM search_docs WHERE collection = '{collection}' AND record_id = OLD.id)"
    )
    forget = (
        f"DELETE FROM search_fts WHERE rowid = {doc};\n"
        f"  DELETE FROM search_docs WHERE collection = '{collection}' AND record_id = OLD.id;"
    )
    remember = (
        f"INSERT INTO search_docs (collection, record_id) SELECT '{collection}', NEW.id "
        "WHERE NOT NEW.deleted;\n"
        "  INSERT INTO search_fts (rowid, collection, record_id, terms) "
        f"SELECT last_insert_rowid(), '{collection}', NEW.id, {_terms(columns)} "
        "WHERE NOT NEW.deleted;"
    )
    watched = ", ".join(("deleted", *columns))
    return [
        f"CREATE TRIGGER search_{collection}_insert AFTER INSERT ON {collection} "
        f"BEGIN\n  {remember}\nEND",
        f"CREATE TRIGGER search_{collection}_update AFTER UPDATE OF {watched} ON {collection} "
        f"BEGIN\n  {forget}\n  {remember}\nEND",
        f"CREATE TRIGGER search_{collection}_delete AFTER DELETE ON {collection} "
        f"BEGIN\n  {forget}\nEND",
    ]


def upgrade() -> None:
    op.execute(
        "CREATE TABLE search_docs (docid INTEGER PRIMARY KEY, collection TEXT NOT NULL, "
        "record_id TEXT NOT NULL, CONSTRAINT uq_search_docs_record UNIQUE (collection, record_id))"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(collection UNINDEXED, record_id UNINDEXED, "
        "terms, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for collection, columns in WORDS.items():
        for statement in _triggers(collection, columns):
            op.execute(statement)
        # Rows already there (a working copy migrated from 0001).
        op.execute(f"UPDATE {collection} SET deleted = deleted")  # fires the update trigger
    op.create_index("ix_learners_names", "learners", ["last_name", "first_name"])


def downgrade() -> None:
    op.drop_index("ix_learners_names", "learners")
    for collection in WORDS:
        for suffix in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER search_{collection}_{suffix}")
    op.execute("DROP TABLE search_fts")
    op.execute("DROP TABLE search_docs")
