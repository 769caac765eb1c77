"""A kind read with the query anchored at its documents' start (store/search_candidates.py),
once only a name starting with what was typed could still be shown: it finds every record the
full query finds there that store/search.py ranks 0 (the index's tokenizer and search.py's
words agree on the names people and firms have, and on odd ones), and the hits are those the
full query gives."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

from offa_desktop.store import search_candidates
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.search import match_rank, query_words, search
from offa_desktop.store.search_candidates import Candidates
from tests.store import test_search_rows
from tests.store.conftest import company, enterprise_number
from tests.store.test_search_rows import _typed

demo = test_search_rows.demo  # its demo copy of 400 contracts

# Letters as names hold them, and what may trip a tokenizer: letters without decomposition
# (folded by hand), ligatures, a dotted capital I, a title-case digraph, full-width letters,
# combining accents, digits of other scripts, fractions, ordinals; words joined by spaces and
# by the punctuation names hold (a hyphen, an apostrophe, an underscore, a no-break space).
LETTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "éèêëàâäçîïôöùûüÿñÉÈÀÇÔÖÜłŁøØđßæÆœŒșȘțȚşţıİǅﬁﬂｆＡ\u0301\u0327²½Ⅻªºµ_"
)
SEPARATORS = (" ", "-", " - ", "'", "’", "_", "\u00a0", " & ", ". ", "/", " (", "·")
words = st.text(alphabet=LETTERS, min_size=1, max_size=8)
names = st.builds(
    lambda parts, glue: "".join(p + g for p, g in zip(parts, glue, strict=False)) + parts[-1],
    st.lists(words, min_size=2, max_size=4),
    st.lists(st.sampled_from(SEPARATORS), min_size=3, max_size=3),
)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory, template_copy: Path) -> Iterator[WorkingCopy]:
    path = tmp_path_factory.mktemp("anchored") / "working-copy.sqlite3"
    shutil.copyfile(template_copy, path)
    wc = WorkingCopy.open(path)
    yield wc
    wc.close()


def _matches(cursor: Any, query: str, record_id: str) -> bool:
    rows = cursor.execute(
        "SELECT d.record_id FROM search_fts f JOIN search_docs d ON d.docid = f.rowid "
        "WHERE search_fts MATCH ?",
        (query,),
    ).fetchall()
    return record_id in {r[0] for r in rows}


SERIAL = iter(range(1_000_000, 2_000_000))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(name=names, cut=st.integers(min_value=1, max_value=40), upper=st.booleans())
@example(name="0\u03010 1", cut=3, upper=False)  # a combining accent: «0́0» is one word
@example(name="Rene\u0301e Dupont", cut=8, upper=True)
@example(name="Jean_Luc Dupont", cut=10, upper=False)  # one word to search.py, two to FTS5
@example(name="ǅemal Dizdar", cut=8, upper=False)
def test_the_anchored_query_finds_every_name_starting_with_what_was_typed(
    copy: WorkingCopy, name: str, cut: int, upper: bool
) -> None:
    cut = min(cut, len(name))
    typed = name[:cut].upper() if upper else name[:cut]
    words = query_words(typed)
    assume(len(words) >= 2)
    with copy.unit_of_work() as uow:
        record_id = uow.create("companies", company(
            name=name, enterprise_number=enterprise_number(next(SERIAL))))  # fmt: skip
    with copy.session() as s:
        cursor = s.connection().connection.dbapi_connection.cursor()
        found = Candidates(cursor, words, 20)
        anchored = found.anchored()
        full = found._query
        assume(anchored is not None and full is not None)
        in_full = _matches(cursor, full, record_id)
        in_anchored = _matches(cursor, anchored, record_id)
    assert in_full or not in_anchored  # what the anchored query finds, the full one finds
    if in_full and match_rank(typed, (name,)) == 0:
        event("a name starting with what was typed")
        assert in_anchored, (name, typed, anchored)


def _hits(wc: WorkingCopy, typed: list[str]) -> list[list[tuple[str, ...]]]:
    with wc.session() as s:
        return [[(h.collection, h.id, h.title, h.subtitle) for h in search(s, text, limit)]
                for text in typed for limit in (5, 20)]


def test_the_same_hits_as_the_full_query(
    demo: WorkingCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(3)
    typed = _typed(demo, rng)
    with demo.session() as s:  # first and last names' starts
        people = s.connection().exec_driver_sql(
            "SELECT first_name, last_name FROM learners ORDER BY id").fetchall()
        firms = s.connection().exec_driver_sql("SELECT name FROM companies ORDER BY id").all()
    typed += [f"{first[:2]} {last[:1]}" for first, last in rng.sample(people, 40)]
    typed += [" ".join(name.split()[:2])[:-1] for (name,) in rng.sample(firms, 30)]
    anchored: list[str] = []
    real = Candidates.anchored

    def spied(self: Candidates) -> str | None:
        query = real(self)
        if query is not None:
            anchored.append(query)
        return query

    with monkeypatch.context() as patched:
        patched.setattr(Candidates, "anchored", spied)
        ours = _hits(demo, typed)
    used = len(anchored)
    with monkeypatch.context() as patched:
        patched.setattr(Candidates, "anchored", lambda self: None)
        assert ours == _hits(demo, typed)
    assert used >= 20  # the anchored queries were read, and found what the full ones did
    assert any(hits for hits in ours)


def test_a_single_word_or_a_long_prefix_is_not_anchored(demo: WorkingCopy) -> None:
    with demo.session() as s:
        cursor = s.connection().connection.dbapi_connection.cursor()

        def anchored(typed: str) -> str | None:
            return Candidates(cursor, query_words(typed), 20).anchored()

        assert anchored("Boulangerie") is None  # one word: the full query's documents
        assert anchored("ma") is None
        assert anchored("Le Du") == '^"Le Du"*'
        spelled = anchored("de mart")  # the last word's terms, each a whole term
        assert spelled is not None and spelled.startswith('^"de mart')
        assert all(part.startswith('^"de ') for part in spelled.split(" OR "))
        assert anchored("___ du") is None  # a word the index may read as no term
    assert search_candidates.NAMED_FIRST == ("companies", "establishment_units")
