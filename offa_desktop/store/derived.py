"""Set-based rebuild of the tables that triggers keep (search index, contracts list keys).

A bulk load (the demo fill) sets the triggers aside, writes its rows, rebuilds these tables in
a few statements and puts the triggers back:
the same content as the triggers would have made row by row (tests/store/test_derived.py
compares both), in a fraction of the time. The SQL here
follows migrations 0002 to 0006; a migration changing those triggers must change it too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection

from offa_desktop.store.contract_list import FOLD_LETTERS
from offa_desktop.store.search import FOLDS, WORDS

CHUNK = 15  # nested replace() calls per expression (SQLite's parser takes about 25)


@contextmanager
def bulk_load(conn: Connection) -> Iterator[None]:
    """For loading a new, empty working copy in the block: the triggers are set aside, then the
    search index and list keys are rebuilt set-based and the triggers put back as they were.
    (Dropping the indexes too was measured: rebuilding them costs what it saves.) On an error
    the caller's transaction rolls all of it back (SQLite's DDL is transactional)."""
    saved = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).all()
    for name, _ in saved:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    rebuild_search(conn)
    rebuild_list_keys(conn)
    for _, sql in saved:
        conn.exec_driver_sql(sql)


def _search_terms(alias: str, columns: tuple[str, ...]) -> str:
    expression = " || ' ' || ".join(f"coalesce({alias}.{c}, '')" for c in columns)
    for letter, plain in FOLDS:
        expression = f"replace({expression}, '{letter}', '{plain}')"
    return expression


def rebuild_search(conn: Connection) -> None:
    """The search index of every live searchable record (the tables must be empty)."""
    for collection, columns in WORDS.items():
        conn.exec_driver_sql(
            "INSERT INTO search_docs (collection, record_id) "
            f"SELECT '{collection}', id FROM {collection} WHERE NOT deleted ORDER BY rowid"
        )
        conn.exec_driver_sql(
            "INSERT INTO search_fts (rowid, collection, record_id, terms) "
            f"SELECT d.docid, d.collection, d.record_id, {_search_terms('r', columns)} "
            f"FROM search_docs d JOIN {collection} r ON r.id = d.record_id "
            f"WHERE d.collection = '{collection}' ORDER BY d.docid"
        )


def rebuild_list_keys(conn: Connection) -> None:
    """The sort keys of every contract, folded (the table must be empty; no op or conflict)."""
    conn.exec_driver_sql(
        "INSERT INTO list_contract_keys (contract_id, learner_key, company_key, trade_key, "
        "sync_key) SELECT c.id, lr.last_name || char(31) || coalesce(lr.first_name, ''), "
        "(SELECT co.name FROM establishment_units u JOIN companies co ON co.id = u.company_id "
        "WHERE u.id = c.establishment_unit_id), "
        "(SELECT t.name FROM trades t WHERE t.code = c.trade_code AND NOT t.deleted LIMIT 1), "
        "'synced' FROM contracts c LEFT JOIN learners lr ON lr.id = c.learner_id"
    )
    keys = ("learner_key", "company_key", "trade_key")
    conn.exec_driver_sql(
        "UPDATE list_contract_keys SET " + ", ".join(f"{k} = lower({k})" for k in keys)
    )
    pairs = [(letter, plain) for plain, letters in FOLD_LETTERS.items() for letter in letters]
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        sets = []
        for key in keys:
            expression = key
            for letter, plain in chunk:
                expression = f"replace({expression}, '{letter}', '{plain}')"
            sets.append(f"{key} = {expression}")
        conn.exec_driver_sql("UPDATE list_contract_keys SET " + ", ".join(sets))
