"""A search's long words spelled as the index's terms they start (store/search_terms.py): the
same documents as the prefix, so the same hits in the same order; the words that stay
prefixes (short, accented, of too many terms, no vocabulary on the connection)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from offa_desktop.store import queries, search_terms
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.search import query_words
from offa_desktop.store.search_terms import MAX_TERMS, match_query
from tests.store.conftest import learner, niss

BORN = "2005-06-07"


def _cursor(s: Any) -> Any:
    return s.connection().connection.dbapi_connection.cursor()


@pytest.fixture
def marcs(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        for serial, (last, first) in enumerate((
            ("Marchal", "Julie"), ("Marcel", "Léo"), ("Marco", "Paul"), ("Dubois", "Marc"),
            ("Marès", "Inès"),
        ), start=1):  # fmt: skip
            uow.create("learners", learner(last_name=last, first_name=first, birth_date=BORN,
                                           niss=niss(BORN, serial)))


@pytest.mark.usefixtures("marcs")
def test_a_long_word_is_spelled_as_the_terms_it_starts(wc: WorkingCopy) -> None:
    with wc.session() as s:
        cursor = _cursor(s)
        assert match_query(cursor, ["Marc"]) == '("marc" OR "marcel" OR "marchal" OR "marco")'
        assert match_query(cursor, ["MARCH", "ju"]) == '("marchal") AND "ju"*'
        assert match_query(cursor, ["Mar"]) == '"Mar"*'  # the prefix indexes' own
        # an accented word: the term the index's tokenizer makes of it (marè -> mare)
        assert match_query(cursor, ["Marè"]) == '("mares")'
        assert match_query(cursor, ["MARÈS", "in"]) == '("mares") AND "in"*'
        assert match_query(cursor, ["Mïr"]) == '"Mïr"*'  # short: the prefix indexes' own
        assert match_query(cursor, ["Marèz"]) is None  # its term starts no term of the index
        assert match_query(cursor, ["Marcz"]) is None  # starts no term: nothing matches
        birth = niss("2005-06-07", 1)[:6]
        assert match_query(cursor, [birth]) == "(" + " OR ".join(
            f'"{niss("2005-06-07", n)}"' for n in range(1, 6)) + ")"
    assert found(wc, "marc") == {"Marchal Julie", "Marcel Léo", "Marco Paul", "Dubois Marc"}
    assert found(wc, "Marcz") == set()
    assert found(wc, "marè") == found(wc, "MARES") == {"Marès Inès"}


def found(wc: WorkingCopy, typed: str) -> set[str]:
    with wc.session() as s:
        return {h.title for h in queries.search(s, typed)}


def test_a_word_starting_too_many_terms_stays_a_prefix(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        for serial in range(1, MAX_TERMS + 2):
            uow.create("learners",
                       learner(niss=niss("2005-06-07", serial), birth_date="2005-06-07"))
    birth = niss("2005-06-07", 1)[:6]
    with wc.session() as s:
        assert match_query(_cursor(s), [birth]) == f'"{birth}"*'
        assert len(queries.search(s, birth, 50)) == MAX_TERMS + 1


def _typed(wc: WorkingCopy, rng: random.Random) -> list[str]:
    with wc.session() as s:
        rows = _cursor(s).execute(
            "SELECT last_name, first_name, niss, city FROM learners ORDER BY id").fetchall()
        firms = [r[0] for r in _cursor(s).execute("SELECT name FROM companies").fetchall()]
    typed = []
    for last, first, number, city in rng.sample(rows, 60):
        typed += [last[:4], last, f"{first[:2]} {last[:4]}", city[:4], city, number[:6],
                  f"{last} {first}", first[:5], last[:6]]
    typed += [name[:5] for name in rng.sample(firms, 20)]
    return typed


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkingCopy]:
    """A demo working copy of 300 contracts (names, cities, NISS, companies, units)."""
    copy = WorkingCopy.open(tmp_path_factory.mktemp("demo") / "working-copy.sqlite3")
    fill_working_copy(copy, 300, seed=3)
    yield copy
    copy.close()


def test_the_same_hits_in_the_same_order_as_the_prefixes(
    demo: WorkingCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every text typed finds what the prefixes find, in the same order, limits 5 and 20;
    many of its words were spelled as terms."""
    wc = demo
    typed = _typed(wc, random.Random(5))
    spelled = []
    terms = search_terms._terms

    def counted(cursor: Any, word: str) -> list[str] | None:
        found = terms(cursor, word)
        spelled.append(found is not None)
        return found

    def shown() -> list[list[tuple[str, str, str]]]:
        with wc.session() as s:
            return [[(h.collection, h.id, h.title) for h in queries.search(s, text, limit)]
                    for text in typed for limit in (5, 20)]

    monkeypatch.setattr(search_terms, "_terms", counted)
    spelled_out = shown()
    monkeypatch.setattr(search_terms, "_terms", lambda cursor, word: None)
    assert spelled_out == shown()
    assert sum(spelled) > len(typed) // 2  # the test exercised the spelling
    assert sum(1 for hits in spelled_out if hits) > len(spelled_out) * 3 // 4


def test_a_connection_without_the_vocabulary_searches_with_prefixes(demo: WorkingCopy) -> None:
    with demo.session() as s:
        last = _cursor(s).execute("SELECT last_name FROM learners LIMIT 1").fetchone()[0]
        word = query_words(last)[0]
        assert match_query(_cursor(s), [word]) != f'"{word}"*'
        before = queries.search(s, last)
        s.connection().exec_driver_sql(f"DROP TABLE temp.{search_terms.VOCABULARY}")
        assert match_query(_cursor(s), [word]) == f'"{word}"*'
        assert queries.search(s, last) == before


def test_the_folding_table_uses_the_index_s_own_tokenizer(demo: WorkingCopy) -> None:
    """An accented word is read by a table of the same tokenizer as the index: were they ever
    to differ, a typed word's term could be another than the one FTS5 matches."""
    with demo.session() as s:
        (sql,) = _cursor(s).execute(
            "SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()
        assert search_terms.TOKENIZE in sql
        assert search_terms._term_of(_cursor(s), "Liège") == "liege"
        # the tokenizer keeps ł (search.fold folds it before): not a plain term, a prefix
        assert search_terms._term_of(_cursor(s), "Łódź") == "łodz"
        assert match_query(_cursor(s), ["Łódź"]) == '"Łódź"*'
        assert search_terms._term_of(_cursor(s), "Ştefănescu") == "stefanescu"


def test_accented_words_find_what_their_prefixes_find(
    demo: WorkingCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed words with accents (names and cities of the demo), spelled as the terms of the
    tokenizer's folding: the same hits in the same order as the prefixes."""
    with demo.session() as s:
        rows = _cursor(s).execute("SELECT last_name, first_name, city FROM learners").fetchall()
    words = sorted({w for row in rows for value in row if value for w in query_words(value)
                    if not w.isascii() and len(w) > 4})  # fmt: skip
    assert len(words) >= 10
    typed = [w[:n] for w in words for n in (4, 5, len(w))]
    typed += [f"{w[:5]} {first[:2]}" for w, (_, first, _) in zip(words, rows, strict=False)]
    folded = []
    term_of = search_terms._term_of

    def counted(cursor: Any, word: str) -> str | None:
        folded.append(word)
        return term_of(cursor, word)

    def shown() -> list[list[tuple[str, str]]]:
        with demo.session() as s:
            return [[(h.collection, h.id) for h in queries.search(s, text, limit)]
                    for text in typed for limit in (5, 20)]

    search_terms._FOLDED.clear()
    monkeypatch.setattr(search_terms, "_term_of", counted)
    spelled = shown()
    monkeypatch.setattr(search_terms, "_terms", lambda cursor, word: None)
    assert spelled == shown()
    assert len(folded) >= len(words)  # the accented words went through the tokenizer
    assert sum(1 for hits in spelled if hits) > len(spelled) * 3 // 4
