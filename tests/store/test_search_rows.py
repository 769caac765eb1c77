"""The rows a search ranks, read by rowid and from narrow indexes (store/search_rows.py): the
same hits in the same order as the joins by id they replace (kept here as the reference), on a
demo copy as the rebuild leaves it and on one whose rows no longer sit where the index's
document numbers say (rowids changed, a row at another's place), with deleted learners, units
and companies still named; and a contract's printed reference found in any case."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from offa_desktop.store import search as S
from offa_desktop.store import search_rows
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.plain_sql import id_array
from offa_desktop.store.search import SearchHit, search
from offa_desktop.store.search_candidates import BLOCKS

_IDS = "(SELECT value FROM json_each(?))"
# The joins by id store/search.py read before store/search_rows.py (the reference).
JOINED = {
    "contracts": (
        "SELECT c.id, lr.last_name, lr.first_name, co.name, c.trade_code, c.start_date, "
        "c.end_date FROM contracts c LEFT JOIN learners lr ON lr.id = c.learner_id "
        "LEFT JOIN establishment_units u ON u.id = c.establishment_unit_id "
        "LEFT JOIN companies co ON co.id = u.company_id WHERE c.id IN (SELECT value FROM "
        "json_each(?) UNION SELECT id FROM (SELECT id FROM contracts WHERE learner_id IN "
        f"{_IDS} AND deleted IS 0 ORDER BY start_date DESC, id LIMIT ?))"
    ),
    # the other kinds' rows are read as then (store/search.py's _describe still does)
    **{kind: sql for kind, sql in S._ROWS.items() if kind != "contracts"},
}


def joined_search(session: Any, typed: str, limit: int) -> list[SearchHit]:
    """store/search.py's search() as it read its rows before store/search_rows.py: every
    candidate's row, and every contract's with its learner, unit and company, by joins on the
    ids (a printed reference by ``id LIKE``)."""
    cursor = S._cursor(session)
    query = S.query_words(typed)
    match = S._REFERENCE.fullmatch(typed)
    referenced = [r[0] for r in cursor.execute(
        "SELECT id FROM contracts WHERE id LIKE ? AND deleted IS 0 LIMIT 5",
        ((match.group(1) + match.group(2)).lower() + "%",)).fetchall()] if match else []
    if not query and not referenced:
        return []
    found = S.Candidates(cursor, query, limit)
    words = S._folded(typed)
    hits: list[tuple[int, int, str, str, str, Any]] = []
    learner_ids: list[str] = []
    for collection, kind in S.KIND_ORDER.items():
        best = -1 if collection == "contracts" and referenced else 0
        if sum(1 for h in hits if h[0] <= best) >= limit:
            continue
        ranked = sum(1 for h in hits if h[0] <= 1) >= limit
        if collection == "learners":  # those named first, the others while too few rank <= 1
            learner_ids = [record_id for record_id, _ in found.named()]
            _joined_hits(cursor, collection, learner_ids, words, referenced, hits)
            if sum(1 for h in hits if h[0] <= 1) < limit:
                rest = [i for i, _ in found.of(collection) if i not in learner_ids]
                _joined_hits(cursor, collection, rest, words, referenced, hits)
                learner_ids += rest
            continue
        if collection == "contracts":  # by their own words only while too few rank <= 1
            ids = [*referenced, *([] if ranked else [i for i, _ in found.of(collection)])]
            rows = cursor.execute(JOINED[collection],
                                  (id_array(ids), id_array(learner_ids), limit)).fetchall()
            hits += [(-1 if r[0] in referenced else S._rank(words, names), kind,
                      title.casefold(), collection, title, r)
                     for r in rows for title, names in [S._named(collection, r)]]
            continue
        ids = [record_id for record_id, _ in found.of(collection, ranked)]
        _joined_hits(cursor, collection, ids, words, referenced, hits)
    hits.sort(key=lambda h: (*h[:3], h[5][0]))
    trades = S._trades_once(session)
    return [SearchHit(collection, r[0], title, S._subtitle(collection, r, trades))
            for _, _, _, collection, title, r in hits[:limit]]


def _joined_hits(cursor: Any, collection: str, ids: list[str], words: tuple[str, ...],
                 referenced: list[str], hits: list[Any]) -> None:
    for r in cursor.execute(JOINED[collection], (id_array(ids),)).fetchall():
        title, names = S._named(collection, r)
        rank = -1 if r[0] in referenced else S._rank(words, names)
        hits.append((rank, S.KIND_ORDER[collection], title.casefold(), collection, title, r))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkingCopy]:
    """A demo working copy of 400 contracts, its search index as the rebuild numbers it."""
    copy = WorkingCopy.open(tmp_path_factory.mktemp("demo") / "working-copy.sqlite3")
    fill_working_copy(copy, 400, seed=11)
    yield copy
    copy.close()


def _sql(wc: WorkingCopy, sql: str, *params: Any) -> list[Any]:
    with wc.engine.begin() as conn:
        result = conn.exec_driver_sql(sql, params)
        return list(result.fetchall()) if result.returns_rows else []


def _typed(wc: WorkingCopy, rng: random.Random) -> list[str]:
    people = _sql(wc, "SELECT last_name, first_name, niss, city FROM learners ORDER BY id")
    firms = [r[0] for r in _sql(wc, "SELECT name FROM companies ORDER BY id")]
    signed = [r[0] for r in _sql(wc, "SELECT company_signatory FROM contracts ORDER BY id")]
    ids = [r[0] for r in _sql(wc, "SELECT id FROM contracts ORDER BY id")]
    typed = []
    for last, first, number, city in rng.sample(people, 40):
        typed += [last[:2], last[:3], last, f"{first[:2]} {last[:4]}", city[:4], number[:6],
                  f"{last} {first}", first[:5]]
    typed += [name[:4] for name in rng.sample(firms, 15)]
    typed += [name for name in rng.sample(signed, 10) if name]
    typed += [f"réf. {i[:4].upper()}-{i[4:8]}" for i in rng.sample(ids, 5)]
    return typed


def _hits(wc: WorkingCopy, typed: list[str], how: Any = search) -> list[list[tuple[str, ...]]]:
    with wc.session() as s:
        return [[(h.collection, h.id, h.title, h.subtitle) for h in how(s, text, limit)]
                for text in typed for limit in (5, 20)]


def _same_as_the_joins(
    wc: WorkingCopy, typed: list[str], monkeypatch: pytest.MonkeyPatch,
    read: list[tuple[str, int, int]],
) -> list[list[tuple[str, ...]]]:
    """The hits of ``typed``, checked equal to the joins' (``read``: (collection, the rowid
    its document's number said, its row's rowid) of each row found)."""
    real = search_rows.rows

    def spied(cursor: Any, collection: str, wanted: Any) -> Any:
        found = real(cursor, collection, wanted)
        said = {record_id: rowid for record_id, rowid in wanted}
        for row in found:
            if said.get(row[0]) is not None:
                sql = f"SELECT rowid FROM {collection} WHERE id = ?"  # noqa: S608
                rowid = cursor.execute(sql, (row[0],)).fetchone()[0]
                read.append((collection, said[row[0]], rowid))
        return found

    real_contracts = search_rows.contract_rows

    def spied_contracts(cursor: Any, wanted: Any, *args: Any) -> Any:
        found, rowids = real_contracts(cursor, wanted, *args)
        read.extend(("contracts", said, rowids[record_id]) for record_id, said in wanted
                    if said is not None and record_id in rowids)
        return found, rowids

    with monkeypatch.context() as patched:
        patched.setattr(search_rows, "rows", spied)
        patched.setattr(search_rows, "contract_rows", spied_contracts)
        ours = _hits(wc, typed)
    assert ours == _hits(wc, typed, joined_search)
    return ours


def test_the_same_hits_in_the_same_order_as_the_joins(
    demo: WorkingCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = _typed(demo, random.Random(7))
    read: list[tuple[str, int, int]] = []
    hits = _same_as_the_joins(demo, typed, monkeypatch, read)
    assert sum(1 for h in hits if h) > len(hits) * 3 // 4
    assert sum(1 for h in hits for kind, *_ in h if kind == "contracts") > len(hits)
    # every kind read where its document's number said
    assert {kind for kind, said, rowid in read if said == rowid} == set(BLOCKS)
    assert all(said == rowid for _, said, rowid in read)


def test_rows_found_elsewhere_than_the_index_says_are_read_by_id(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows numbered again since the rebuild (two learners swapped, contracts moved) and
    deleted learners, units and companies still joined to live contracts: the same hits."""
    wc = WorkingCopy.open(tmp_path_factory.mktemp("moved") / "working-copy.sqlite3")
    try:
        fill_working_copy(wc, 300, seed=12)
        first, second = _sql(wc, "SELECT rowid, last_name FROM learners ORDER BY rowid LIMIT 2")
        _sql(wc, "UPDATE learners SET rowid = -1 WHERE rowid = ?", first[0])
        _sql(wc, "UPDATE learners SET rowid = ? WHERE rowid = ?", first[0], second[0])
        _sql(wc, "UPDATE learners SET rowid = ? WHERE rowid = -1", second[0])
        _sql(wc, "UPDATE contracts SET rowid = rowid + 100000 WHERE rowid % 3 = 0")
        learner_id, unit_id, referent, signatory = _sql(
            wc, "SELECT learner_id, establishment_unit_id, referent_name, company_signatory "
                "FROM contracts WHERE deleted IS 0 ORDER BY id LIMIT 1")[0]
        company_id = _sql(wc, "SELECT company_id FROM establishment_units WHERE id = ?",
                          unit_id)[0][0]
        for table, record_id in (("learners", learner_id), ("establishment_units", unit_id),
                                 ("companies", company_id)):
            _sql(wc, f"UPDATE {table} SET deleted = 1 WHERE id = ?", record_id)  # noqa: S608
        named = _sql(wc, "SELECT last_name FROM learners WHERE id = ?", learner_id)[0][0]
        # the contract found by its referent and signatory: its learner, unit and company
        # deleted, still named
        typed = [first[1], second[1], first[1][:3], second[1][:3], named, referent, signatory,
                 *_typed(wc, random.Random(8))]
        read: list[tuple[str, int, int]] = []
        hits = _same_as_the_joins(wc, typed, monkeypatch, read)
        # the swapped learners were found, each where the other's number said
        assert {first[1], second[1]} <= {h[2].split(" ")[0] for hits_ in hits for h in hits_}
        assert ("learners", first[0], second[0]) in read
        assert ("learners", second[0], first[0]) in read
        moved = [rowid for kind, said, rowid in read if kind == "contracts" and said != rowid]
        assert moved and all(rowid > 100000 for rowid in moved)
    finally:
        wc.close()


def test_a_reference_finds_its_contract_whatever_the_case(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """As ``id LIKE 'prefix%'`` did: the digits typed in either case, and an id stored in
    capitals (not the API's lowercase) found too; five at most, in the table's order."""
    wc = WorkingCopy.open(tmp_path_factory.mktemp("refs") / "working-copy.sqlite3")
    try:
        fill_working_copy(wc, 40, seed=13)
        ids = [r[0] for r in _sql(wc, "SELECT id FROM contracts WHERE deleted IS 0 "
                                      "AND id GLOB '*[a-f]*' ORDER BY rowid LIMIT 2")]
        _sql(wc, "UPDATE contracts SET id = upper(id) WHERE id = ?", ids[1])
        with wc.session() as s:
            for record_id, stored in ((ids[0], ids[0]), (ids[1], ids[1].upper())):
                for typed in (f"{record_id[:4]}-{record_id[4:8]}",
                              f"RÉF {record_id[:8].upper()}"):
                    hits = search(s, typed, 5)
                    assert hits and (hits[0].collection, hits[0].id) == ("contracts", stored)
        # six contracts sharing a reference: the first five in the table's order
        prefix = ids[0][:8]
        later = [r[0] for r in _sql(wc, "SELECT id FROM contracts WHERE deleted IS 0 "
                                        "ORDER BY rowid DESC LIMIT 6")]
        for n, record_id in enumerate(later):
            _sql(wc, "UPDATE contracts SET id = ? WHERE id = ?",
                 (prefix if n % 2 else prefix.upper()) + record_id[8:], record_id)
        with wc.session() as s:
            found = [h.id for h in search(s, prefix, 20) if h.collection == "contracts"]
        first_five = [r[0] for r in _sql(wc, "SELECT id FROM contracts WHERE deleted IS 0 "
                                             "AND id LIKE ? ORDER BY rowid LIMIT 5",
                                         prefix + "%")]
        assert len(first_five) == 5 and set(first_five) <= set(found)
    finally:
        wc.close()
