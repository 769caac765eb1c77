"""The FTS5 query a search runs: each word typed a prefix, a long one spelled as the terms it
starts (store/search.py's candidates).

FTS5 answers a prefix from its prefix indexes (migration 0005: 1 to 3 letters) as one term
whose documents it reads from the end of a rowid range and stops after ``LIMIT``. A longer
prefix has no index of its own: FTS5 first merges the documents of every term it starts, all
of them, whatever the ``LIMIT``, and once for each kind's range (store/search.py ``BLOCKS``).
On 1,000,000 contracts «marc» starts 7 terms of 123,000 documents: 7 ms a kind, 28 ms a
search; «sain» 128,000 documents, «fran» 97,000. So a longer word is spelled as the terms it
starts, read from the index's vocabulary: ``"marc"*`` -> ``("marc" OR "marcel" OR …)``, the
same documents (the terms are the index's own), each term's read from the end of the range
and stopped at the ``LIMIT``: 0.1-0.4 ms a kind on 1,000,000 contracts. Reading the terms
costs what walking their documents once does (about 2.8 ms for «marc» there, once a search).

A word of ASCII letters and digits is spelled so: the tokenizer reads it as one term, the
word in lower case, so the vocabulary's terms starting with it are exactly the prefix's. Any
other word («Lièg», «Lefè») is first read by the index's own tokenizer (:data:`FOLD_DDL`: an
empty FTS5 table of the connection's temporary schema, same tokenizer, the word put in and its
term read back): its accents go by the tokenizer's tables, not by a copy of them in Python, so
the term is the one FTS5 itself matches the prefix against («lieg»: on 1,000,000 contracts
«Lièg» merged 100,000 documents of «liege» four times, 12.8 ms; spelled, 0.5 ms). A word the
tokenizer reads as anything but one plain term stays a prefix, as do the words of more than
:data:`MAX_TERMS` terms (a date of birth's six digits start hundreds of NISS, of one document
each: merging those is cheap, a disjunction of hundreds is not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# The longest prefix the index has its own entries for (migration 0005: prefix = '1 2 3').
PREFIXED = 3
# A word starting more terms than this stays a prefix (and the vocabulary's walk stops there).
MAX_TERMS = 32
# The index's vocabulary, one row per term: a table of the connection's own temporary schema
# (store/db.py makes it on each connection; a read session's transaction would roll it back).
VOCABULARY = "search_vocabulary"
VOCABULARY_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCABULARY} USING fts5vocab(main, search_fts, row)"
)
# The index's tokenizer (migrations 0002 and 0005; tests/store/test_search_terms checks the
# index's own definition says the same), and a table of it that indexes nothing but the word
# being read (put in, its term read, taken out: in the temporary schema, which a read
# session's transaction may write without taking the working copy's write lock).
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
FOLD = "search_fold"
FOLD_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{FOLD} USING fts5(word, {TOKENIZE})",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{FOLD}_terms USING fts5vocab(temp, {FOLD}, row)",
)
_FOLDED: dict[str, str | None] = {}  # word -> its one term (the tokenizer never changes)
_PLAIN = re.compile(r"[A-Za-z0-9]+")
_TERMS = (
    f"SELECT term FROM temp.{VOCABULARY} WHERE term >= ? AND term < ? ORDER BY term "
    f"LIMIT {MAX_TERMS + 1}"
)


def prefix(word: str) -> str:
    """A word as an FTS5 prefix query."""
    return f'"{word}"*'


def match_query(cursor: Any, words: Sequence[str]) -> str | None:
    """The FTS5 query matching the documents that hold a term starting with each of ``words``
    (every word a prefix, :func:`prefix`), the words past the prefix indexes spelled as their
    terms when they can be; None when one of them starts no term (nothing matches)."""
    return joined(spelled(cursor, words))


def spelled(cursor: Any, words: Sequence[str]) -> list[tuple[str, list[str] | None]] | None:
    """Each of ``words`` with the index's terms it starts (None: it stays a prefix), read once
    a search for both of its queries (store/search_candidates.py); None when one of them
    starts no term (nothing matches)."""
    out = []
    for word in words:
        terms = _terms(cursor, word)
        if terms is not None and not terms:
            return None
        out.append((word, terms))
    return out


def joined(words: list[tuple[str, list[str] | None]] | None) -> str | None:
    """:func:`spelled`'s words as the query of :func:`match_query`."""
    if words is None:
        return None
    return " AND ".join(
        prefix(word) if terms is None else "(" + " OR ".join(f'"{t}"' for t in terms) + ")"
        for word, terms in words
    )


def _terms(cursor: Any, word: str) -> list[str] | None:
    """The index's terms starting with ``word``, or None when the word stays a prefix (short,
    not one plain term once folded, more than :data:`MAX_TERMS` terms, or no vocabulary on
    this connection)."""
    if len(word) <= PREFIXED:
        return None
    # a plain word is its own term in lower case; another, the term the tokenizer makes of it
    low = word.lower() if _PLAIN.fullmatch(word) else _term_of(cursor, word)
    if low is None or len(low) <= PREFIXED or not _PLAIN.fullmatch(low):
        return None
    high = low[:-1] + chr(ord(low[-1]) + 1)  # every term starting with ``low`` sorts before
    try:
        rows = cursor.execute(_TERMS, (low, high)).fetchall()
    except Exception as error:  # a connection not made by store/db.py: no vocabulary table
        if VOCABULARY not in str(error):
            raise
        return None
    if len(rows) > MAX_TERMS:
        return None
    # a term holds no double quote (a separator for the tokenizer)
    return [str(r[0]) for r in rows]


def _term_of(cursor: Any, word: str) -> str | None:
    """The one term the index's tokenizer makes of ``word`` («Lièg» -> «lieg»), or None (no
    term, several, or no folding table on this connection)."""
    if word in _FOLDED:
        return _FOLDED[word]
    try:
        cursor.execute(f"INSERT INTO temp.{FOLD}(word) VALUES (?)", (word,))
        rows = cursor.execute(f"SELECT term FROM temp.{FOLD}_terms").fetchall()
        cursor.execute(f"DELETE FROM temp.{FOLD}")
    except Exception as error:  # a connection not made by store/db.py: no folding table
        if FOLD not in str(error):
            raise
        return None
    term = str(rows[0][0]) if len(rows) == 1 else None
    if len(_FOLDED) >= 4096:
        _FOLDED.clear()
    _FOLDED[word] = term
    return term
