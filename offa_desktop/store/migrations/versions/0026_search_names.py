"""search: the learners' names in an index of their own

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07

A search ranks first the records every word typed names (store/search.py ``match_rank`` 0 and
1); a learner's document in ``search_fts`` also holds the NISS, postal code and city, so a
learner named «Hu…» and one living in Huy matched «Hu Fran» alike, and the search read both
to rank them. ``search_names`` holds each live learner's last and first names alone, folded
as ``search_fts`` folds them, under the same document number (``search_docs.docid``): the
learners it finds are those the names rank, read first; the others only when fewer than the
hits shown are found there. Kept by the learners' search triggers (0002's, written out again
here with the names added), filled here from the rows (a rebuild fills it as it fills
``search_fts``: store/derived.py).
"""

from __future__ import annotations

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

# Letters unicode61 cannot fold (no Unicode decomposition): folded by hand (0002's).
FOLDS = (
    ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("đ", "d"), ("Đ", "D"), ("ß", "ss"),
    ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ı", "i"), ("ħ", "h"), ("Ħ", "H"),
    ("þ", "th"), ("Þ", "TH"), ("ð", "d"), ("Ð", "D"),
)  # fmt: skip
LEARNER_WORDS = ("last_name", "first_name", "niss", "postal_code", "city")
NAMES = ("last_name", "first_name")
TABLE = (
    "CREATE VIRTUAL TABLE search_names USING fts5(names, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)


def _folded(row: str, columns: tuple[str, ...]) -> str:
    expr = " || ' ' || ".join(f"coalesce({row}.{c}, '')" for c in columns)
    for letter, plain in FOLDS:
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


def _filled(row: str, columns: tuple[str, ...]) -> str:
    """:func:`_folded`, skipped for text all in ASCII (nothing to fold; store/derived.py)."""
    words = " || ' ' || ".join(f"coalesce({row}.{c}, '')" for c in columns)
    ascii = f"length({words}) = length(CAST({words} AS BLOB))"
    return f"CASE WHEN {ascii} THEN {words} ELSE {_folded(row, columns)} END"


_DOC = "(SELECT docid FROM search_docs WHERE collection = 'learners' AND record_id = {}.id)"


def _triggers(names: bool) -> tuple[str, ...]:
    """The learners' search triggers, with the names' index kept (``names``) or as 0002
    wrote them."""
    forget = (
        (f"DELETE FROM search_names WHERE rowid = {_DOC.format('OLD')};\n  " if names else "")
        + f"DELETE FROM search_fts WHERE rowid = {_DOC.format('OLD')};\n"
        "  DELETE FROM search_docs WHERE collection = 'learners' AND record_id = OLD.id;"
    )
    remember = (
        "INSERT INTO search_docs (collection, record_id) SELECT 'learners', NEW.id "
        "WHERE NOT NEW.deleted;\n"
        "  INSERT INTO search_fts (rowid, collection, record_id, terms) "
        f"SELECT last_insert_rowid(), 'learners', NEW.id, {_folded('NEW', LEARNER_WORDS)} "
        "WHERE NOT NEW.deleted;"
        + (
            f"\n  INSERT INTO search_names (rowid, names) SELECT {_DOC.format('NEW')}, "
            f"{_folded('NEW', NAMES)} WHERE NOT NEW.deleted;" if names else ""
        )
    )
    watched = ", ".join(("deleted", *LEARNER_WORDS))
    return (
        f"CREATE TRIGGER search_learners_insert AFTER INSERT ON learners "
        f"BEGIN\n  {remember}\nEND",
        f"CREATE TRIGGER search_learners_update AFTER UPDATE OF {watched} ON learners "
        f"BEGIN\n  {forget}\n  {remember}\nEND",
        f"CREATE TRIGGER search_learners_delete AFTER DELETE ON learners BEGIN\n  {forget}\nEND",
    )


def _replace_triggers(names: bool) -> None:
    for suffix in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER search_learners_{suffix}")
    for statement in _triggers(names):
        op.execute(statement)


# The learners' range of document numbers (store/search_candidates.py ``BLOCKS``): a rebuilt
# index numbers a learner's document this + its row's rowid.
LOW, HIGH = 1 << 40, 2 << 40
# Each learner's document, as numbered: those where the rebuild put them, read in the order of
# both tables (their row found by its rowid, not by its id: 1,000,000 contracts, 137 s by id
# on the encrypted copy); then, by id, the few numbered elsewhere (by the triggers since the
# rebuild, or before any) or whose row is no longer where the number says.
FILL = (
    "INSERT INTO search_names (rowid, names) SELECT d.docid, {names} FROM search_docs d "
    "JOIN learners l ON l.rowid = d.docid - {low} WHERE d.docid >= {low} AND d.docid < {high} "
    "AND l.id = d.record_id AND NOT l.deleted AND +d.collection = 'learners' ORDER BY d.docid",
    "WITH elsewhere (docid, record_id) AS MATERIALIZED ("
    "SELECT docid, record_id FROM search_docs WHERE docid < {low} AND +collection = 'learners' "
    "UNION ALL SELECT docid, record_id FROM search_docs WHERE docid >= {high} "
    "AND +collection = 'learners' "
    "UNION ALL SELECT d.docid, d.record_id FROM search_docs d LEFT JOIN learners a "
    "ON a.rowid = d.docid - {low} WHERE d.docid >= {low} AND d.docid < {high} "
    "AND +d.collection = 'learners' AND a.id IS NOT d.record_id) "
    "INSERT INTO search_names (rowid, names) SELECT d.docid, {names} FROM elsewhere d "
    "JOIN learners l ON l.id = d.record_id WHERE NOT l.deleted ORDER BY d.docid",
)


def upgrade() -> None:
    op.execute(TABLE)
    # no merges while it fills, one at its end (store/derived.py ``rebuild_search``)
    op.execute("INSERT INTO search_names (search_names, rank) VALUES ('automerge', 0)")
    for statement in FILL:
        op.execute(statement.format(names=_filled("l", NAMES), low=LOW, high=HIGH))
    op.execute("INSERT INTO search_names (search_names) VALUES ('optimize')")
    op.execute("INSERT INTO search_names (search_names, rank) VALUES ('automerge', 4)")
    _replace_triggers(True)


def downgrade() -> None:
    _replace_triggers(False)
    op.execute("DROP TABLE search_names")
