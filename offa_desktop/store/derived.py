"""Set-based rebuild of the tables that triggers keep (search index, contracts list keys).

A bulk load (the demo fill, the pages of a first sync) sets the triggers aside, writes its
rows, rebuilds these tables in a few statements and puts the triggers back:
the same content as the triggers would have made row by row (tests/store/test_derived.py
compares both), in a fraction of the time. The SQL here
follows migrations 0002 to 0006, 0019 (the radar's tutors in charge), 0021 (the radar's
learners), 0026 (the learners' names' own index) and 0027 (both indexes contentless: the
words alone, under the documents' numbers); a migration changing
those triggers must change it too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.store.contract_list import FOLD_LETTERS
from offa_desktop.store.search import FOLDS, NAMES, WORDS
from offa_desktop.store.search_candidates import BLOCKS, SPAN, TAIL

CHUNK = 15  # nested replace() calls per expression (SQLite's parser takes about 25)
# In sync_state while the search index and list keys lag behind the records (rows were written
# with the triggers set aside): set in the same transaction as those rows, cleared by rebuild().
STALE_KEY = "derived_stale"
# In sync_state while the explicit indexes are dropped for a bulk load (the demo fill of a large
# copy): their SQL, put back by restore_indexes() (at the fill's end, or at the next open).
INDEXES_KEY = "indexes_aside"
# Indexes a reader names with INDEXED BY (the radar's, the indicators'): SQLite refuses a
# statement naming an index that does not exist, so a load that sets the indexes aside while the
# window may read (a first sync, between its commits) keeps these in place
# (tests/store/test_derived.py finds every INDEXED BY of the client's SQL here).
READ_BY_NAME = frozenset(
    {
        "ix_companies_radar_name",
        "ix_contracts_establishment_unit_id",
        "ix_contracts_figures",
        "ix_contracts_operator_code_id",
        "ix_contracts_search_learner",
        "ix_contract_events_radar_level",
        "ix_contracts_trade_code",
        "ix_establishment_units_radar_wal",
        "ix_establishment_units_search_company",
        "ix_learners_radar_name",
        "ix_radar_learners_birth",
        "ix_radar_learners_several",
        "ix_tutors_radar_certified",
        "ix_tutors_radar_record",
    }
)


@contextmanager
def bulk_load(conn: Connection) -> Iterator[None]:
    """For loading a new, empty working copy in the block: the triggers are set aside, then the
    search index and list keys are rebuilt set-based and the triggers put back as they were.
    (Dropping the indexes too was measured: rebuilding them costs what it saves.) On an error
    the caller's transaction rolls all of it back (SQLite's DDL is transactional)."""
    with triggers_aside(conn):
        yield
        rebuild_search(conn)
        rebuild_list_keys(conn)
        rebuild_tutors_in_charge(conn)
        rebuild_learners(conn)


@contextmanager
def triggers_aside(conn: Connection) -> Iterator[None]:
    """The triggers dropped for the block and put back, unchanged, at its end (same transaction:
    no other connection ever sees the schema without them)."""
    saved = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).all()
    for name, _ in saved:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _, sql in saved:
        conn.exec_driver_sql(sql)


def mark_stale(conn: Connection) -> None:
    """Records that the derived tables lag behind (call in the transaction writing the rows)."""
    conn.exec_driver_sql(
        "INSERT INTO sync_state (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING",
        (STALE_KEY,),
    )


def set_indexes_aside(conn: Connection, keep: Container[str] = (), stand_ins: bool = False) -> None:
    """Drops every explicit index but those named in ``keep`` (the primary keys' and unique
    constraints' own stay), their SQL kept in sync_state under :data:`INDEXES_KEY` in the same
    transaction, for a load too large for its indexes to stay in the page cache: a row's insert
    into an index on a random key (ids, dates) then reads and writes back an encrypted page of
    it. Built again by :func:`restore_indexes`, each in one sorted pass. Nothing to drop (so at
    each transaction of a load after its first): nothing written.

    ``stand_ins`` (a first sync): each index of ``keep`` on a collection's table is replaced by
    a stand-in of the same name (:func:`_stand_in`), its own SQL kept with the others': a
    statement naming it with INDEXED BY still runs, and finds the same rows (by a scan of the
    stand-in), while the load's inserts no longer write an index led by a random id at each
    row (``ix_companies_radar_name``: 100,126 records, the inserts 0.63-0.70 -> 0.46-0.50 s
    CPU, the commits -0.03 to -0.06 s, its build in the rebuild +0.07 s)."""
    every = conn.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "ORDER BY tbl_name, name"
    ).all()
    rows = [(name, sql) for name, _, sql in every if name not in keep]
    standing = [
        (name, sql, _stand_in(name, table, sql))
        for name, table, sql in every
        if stand_ins and name in keep and table in COLLECTIONS
    ]
    standing = [(name, sql, stand_in) for name, sql, stand_in in standing if sql != stand_in]
    if not rows and not standing:
        return
    saved = _saved_indexes(conn) + [sql for _, sql in rows] + [sql for _, sql, _ in standing]
    conn.exec_driver_sql(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (INDEXES_KEY, json.dumps(saved)),
    )
    for name, _ in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    for name, _, stand_in in standing:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
        conn.exec_driver_sql(stand_in)


def _stand_in(name: str, table: str, sql: str) -> str:
    """The SQL of an index's stand-in during a load: its name, table and condition (a partial
    index stays usable by the same statements), on the ``deleted`` column alone, whose rows are
    appended in rowid order instead of landing at a random place."""
    _, where, condition = sql.partition(" WHERE ")
    head = f'CREATE INDEX "{name}" ON "{table}" (deleted)'
    return f"{head} WHERE {condition}" if where else head


_INDEX_NAME = re.compile(r'CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?"?(\w+)"?')


def _saved_indexes(conn: Connection) -> list[str]:
    row = conn.exec_driver_sql("SELECT value FROM sync_state WHERE key = ?", (INDEXES_KEY,)).first()
    return [str(sql) for sql in json.loads(row[0])] if row is not None else []


def restore_indexes(conn: Connection) -> bool:
    """The indexes :func:`set_indexes_aside` dropped or replaced by a stand-in, created again
    as they were (the stand-in dropped first); True when there were some."""
    saved = _saved_indexes(conn)
    if not saved:
        return False
    for sql in saved:
        found = _INDEX_NAME.match(sql)
        if found is None:
            raise ValueError(f"not an index's SQL: {sql[:60]}")
        conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{found.group(1)}"')
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (INDEXES_KEY,))
    return True


def _flagged(conn: Connection) -> bool:
    row = conn.exec_driver_sql("SELECT 1 FROM sync_state WHERE key = ?", (STALE_KEY,)).first()
    return row is not None


def _numbered_before(conn: Connection) -> bool:
    """Search documents numbered below the ranges of kinds (store/search.py ``BLOCKS``): an
    index the triggers kept since before those ranges (an older copy, a first sync too small
    to be loaded in bulk), whose kinds a search cannot tell apart cheaply. One lookup."""
    row = conn.exec_driver_sql(
        "SELECT 1 FROM search_docs WHERE docid < ? LIMIT 1", (min(BLOCKS.values()),)
    ).first()
    return row is not None


def is_stale(conn: Connection) -> bool:
    """The flag of :func:`mark_stale`, indexes set aside, or a search index numbered before the
    ranges of kinds (:func:`rebuild_if_stale` rebuilds them)."""
    return _flagged(conn) or bool(_saved_indexes(conn)) or _numbered_before(conn)


def rebuild(conn: Connection) -> None:
    """The search index and list keys rebuilt from scratch, whatever they held (rows kept by the
    triggers since the flag was set included), with the list's sync states from the outbox and
    conflicts; then the stale flag cleared. The triggers must be in place (they stay so)."""
    rebuild_search_index(conn)
    conn.exec_driver_sql("DELETE FROM list_contract_keys")
    with triggers_aside(conn):
        rebuild_list_keys(conn)
        conn.exec_driver_sql(
            f"UPDATE list_contract_keys SET sync_key = {_SYNC_KEY} WHERE contract_id IN ("
            "SELECT record_id FROM outbox WHERE collection = 'contracts' "
            "UNION SELECT record_id FROM conflicts WHERE collection = 'contracts')"
        )
    rebuild_tutors_in_charge(conn)
    rebuild_learners(conn)
    conn.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (STALE_KEY,))


# migration 0019: the tutors of the running contracts and of the approvals being instructed or
# granted (``tutor_ids``' text values, when valid JSON), each with how many name it
_CONTRACT_IN_CHARGE = "c.deleted IS 0 AND c.status IN ('signed', 'active', 'suspended')"
_APPROVAL_IN_CHARGE = "a.deleted IS 0 AND a.status IN ('requested', 'under_review', 'granted')"
_IN_CHARGE = (
    "INSERT INTO radar_tutors_in_charge (tutor_id, n) SELECT tutor_id, count(*) FROM ("
    f"SELECT c.tutor_id FROM contracts c WHERE c.tutor_id IS NOT NULL AND {_CONTRACT_IN_CHARGE}"
    " UNION ALL SELECT j.value FROM approvals a,"
    " json_each(CASE WHEN json_valid(a.tutor_ids) THEN a.tutor_ids END) j"
    f" WHERE j.type = 'text' AND {_APPROVAL_IN_CHARGE}) GROUP BY tutor_id"
)


def rebuild_tutors_in_charge(conn: Connection) -> None:
    """The radar's tutors in charge (migration 0019) counted again from the contracts and
    approvals, whatever the table held (its triggers set aside meanwhile, or in place: it
    writes no contract or approval)."""
    conn.exec_driver_sql("DELETE FROM radar_tutors_in_charge")
    conn.exec_driver_sql(_IN_CHARGE)


# migration 0021: each learner with a live contract, its birth date, its running contracts
# counted, its live contracts when several (the migration's FILL, which its triggers follow)
_LEARNERS = (
    "INSERT INTO radar_learners (learner_id, birth_date, running, contracts)"
    " SELECT c.learner_id,"
    " (SELECT l.birth_date FROM learners l WHERE l.id = c.learner_id AND l.deleted IS 0),"
    " count(CASE WHEN c.status IN ('signed', 'active', 'suspended') THEN 1 END),"
    " CASE WHEN count(*) > 1 THEN"
    " json_group_array(json_array(c.id, c.status, c.start_date, c.supersedes_id)) END"
    " FROM (SELECT learner_id, id, status, start_date, supersedes_id FROM contracts"
    " WHERE deleted IS 0 AND learner_id IS NOT NULL ORDER BY learner_id, id) c"
    " GROUP BY c.learner_id"
)


def rebuild_learners(conn: Connection) -> None:
    """The radar's learners (migration 0021) made again from the contracts and learners,
    whatever the table held (its triggers set aside meanwhile, or in place: it writes no
    contract or learner)."""
    conn.exec_driver_sql("DELETE FROM radar_learners")
    conn.exec_driver_sql(_LEARNERS)


def rebuild_search_index(conn: Connection) -> None:
    """The search indexes alone (:data:`SEARCH_INDEXES`) rebuilt from scratch, whatever they
    held (the triggers must be in place; they stay so)."""
    for index in SEARCH_INDEXES:
        fts = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (index,)
        ).scalar_one()
        if conn.exec_driver_sql(f"SELECT 1 FROM {index} LIMIT 1").first() is not None:
            conn.exec_driver_sql(f"DROP TABLE {index}")  # faster than deleting row by row
            conn.exec_driver_sql(fts)
    conn.exec_driver_sql("DELETE FROM search_docs")
    with triggers_aside(conn):
        rebuild_search(conn)


def rebuild_if_stale(conn: Connection) -> bool:
    """:func:`rebuild` when the flag is set; the indexes a bulk load set aside created again
    (:func:`restore_indexes`); the search index alone when it is numbered before the ranges of
    kinds (the list keys are sound); three cheap lookups otherwise. True when any ran."""
    if _flagged(conn):
        rebuild(conn)
        restore_indexes(conn)
        return True
    if restore_indexes(conn):
        return True
    if _numbered_before(conn):
        rebuild_search_index(conn)
        return True
    return False


_THIS = "list_contract_keys.contract_id"
_SYNC_KEY = (
    "(CASE WHEN EXISTS (SELECT 1 FROM conflicts k WHERE k.collection = 'contracts' "
    "AND k.record_id = " + _THIS + ") THEN 'conflict' "
    "WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.collection = 'contracts' "
    "AND o.record_id = " + _THIS + " AND o.state = 'conflict') THEN 'conflict' "
    "WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.collection = 'contracts' "
    "AND o.record_id = " + _THIS + " AND o.state IN ('rejected', 'forbidden')) THEN 'rejected' "
    "WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.collection = 'contracts' "
    "AND o.record_id = " + _THIS + ") THEN 'pending' ELSE 'synced' END)"
)


def _search_terms(alias: str, columns: tuple[str, ...]) -> str:
    """The words the triggers index, folded as they fold them; text all in ASCII (the length in
    characters is the length in bytes) holds no letter to fold and skips the folding: its 18
    nested ``replace()`` copy the text 18 times, 0.35 s of a first sync's 100,000 companies
    (the rebuild's index insert 0.92 -> 0.63 s CPU, loaded machine)."""
    words = " || ' ' || ".join(f"coalesce({alias}.{c}, '')" for c in columns)
    folded = words
    for letter, plain in FOLDS:
        folded = f"replace({folded}, '{letter}', '{plain}')"
    ascii = f"length({words}) = length(CAST({words} AS BLOB))"  # octet_length: SQLite 3.43+
    return f"CASE WHEN {ascii} THEN {words} ELSE {folded} END"


def searchable_records(conn: Connection) -> int:
    """About how many records the search index holds when rebuilt (their tables' largest
    rowid: a lookup each), for the rebuild's page cache (db.rebuild_cache_kib)."""
    return sum(
        int(conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {t}").scalar() or 0)
        for t in WORDS
    )


def rebuild_search(conn: Connection) -> None:
    """The search index of every live searchable record (the tables must be empty).

    A record's document number is its row's ``rowid`` in its kind's range
    (``search.BLOCKS``: unique, and the same in both statements), then a marker at
    ``search.TAIL`` has the triggers number what they index afterwards above every range
    (see store/search.py). The index is filled straight from the rows in their order, without
    joining back on ``search_docs`` by record id (a random lookup per record through the id
    index: on an encrypted 100,000-record copy with a bulk load's small page cache, 2.0 s of
    the index's 2.7 s went to those lookups' page reads), and without a window function
    numbering the rows (its rows held in memory: 6 MB more peak RSS).

    FTS5 merges none of the segments it writes while the index fills, then all of them into
    one (``optimize``), and its merges are put back as they were (:data:`AUTOMERGE`): each word
    a search reads is then one b-tree's, not one per segment's (1,000,000 contracts: 13
    segments; 100,000: 6), for about what the merges along the way cost."""
    for index in SEARCH_INDEXES:
        conn.exec_driver_sql(_AUTOMERGE.format(index), (0,))
    for collection, columns in WORDS.items():
        top = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {collection}").scalar()
        if int(top or 0) >= SPAN:  # never: a rowid counts the rows ever inserted
            raise ValueError(f"{collection}: rowid {top} past its range of document numbers")
        number = f"{BLOCKS[collection]} + r.rowid"
        live = f"FROM {collection} r WHERE NOT r.deleted ORDER BY r.rowid"
        conn.exec_driver_sql(
            f"INSERT INTO search_docs (docid, collection, record_id) "
            f"SELECT {number}, '{collection}', r.id {live}"
        )
        conn.exec_driver_sql(  # the words alone: the index keeps no content (0027)
            f"INSERT INTO search_fts (rowid, terms) SELECT {number}, "
            f"{_search_terms('r', columns)} {live}"
        )
        if collection == "learners":  # their names alone too (migration 0026)
            conn.exec_driver_sql(
                "INSERT INTO search_names (rowid, names) "
                f"SELECT {number}, {_search_terms('r', NAMES)} {live}"
            )
    conn.exec_driver_sql(
        "INSERT INTO search_docs (docid, collection, record_id) VALUES (?, '', '')", (TAIL,)
    )
    for index in SEARCH_INDEXES:
        conn.exec_driver_sql(f"INSERT INTO {index} ({index}) VALUES ('optimize')")
        conn.exec_driver_sql(_AUTOMERGE.format(index), (AUTOMERGE,))


# The FTS5 indexes of the search: every searchable word, and the learners' names alone
# (migration 0026), under the same document numbers.
SEARCH_INDEXES = ("search_fts", "search_names")
# FTS5's own default: a level's segments merged once this many wait (the triggers' edits).
AUTOMERGE = 4
_AUTOMERGE = "INSERT INTO {0} ({0}, rank) VALUES ('automerge', ?)"


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
