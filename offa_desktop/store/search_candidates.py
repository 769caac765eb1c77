"""The candidates of a search (store/search.py): each kind's most recently indexed matches,
read from its own range of the FTS5 index's document numbers.

The store's rebuild (store/derived.py: a first sync, a resync, the demo fill, an index found
laid out otherwise) numbers each kind's documents in a range of its own, ``BLOCKS[kind]`` + the
record's rowid, so that each kind's most recently indexed matches are one FTS5 rowid range away,
however many matches of other kinds there are; and it puts a marker document (collection '') at
``TAIL``, so that the triggers number every record indexed afterwards (max + 1) above it,
whatever kind. Below the first range: documents the triggers numbered before any such rebuild
(the next open rebuilds).

A kind whose records can only be shown if their name starts with what was typed (``limit``
better or equal hits of the kinds before it already found: store/search.py) is read with a
query anchored at its documents' start (a company's or unit's name is its document's first
words, migration 0002), not with every word anywhere: on 1,000,000 contracts, «No De V» walked
the companies' and units' ranges to their ends for the few documents holding the three
prefixes anywhere (1.1 and 2.6 ms), where the anchored query's first word, a whole term, is
rare. What it finds is what the full query would find there and rank first (``match_rank`` 0),
the index's tokenizer agreeing with store/search.py's words (tests/store/test_search_anchored).
"""

from __future__ import annotations

import re
from typing import Any

from offa_desktop.store.search_terms import PREFIXED, joined, spelled

# The order kinds come in when they match equally well: people first (what a search is for
# most often), then their contracts, then companies, then units.
KIND_ORDER = {"learners": 0, "contracts": 1, "companies": 2, "establishment_units": 3}
# Document numbers (``search_docs.docid``, ``search_fts.rowid``): each kind's range, and the
# marker above them (see above).
SPAN = 1 << 40
BLOCKS = {collection: (kind + 1) * SPAN for collection, kind in KIND_ORDER.items()}
TAIL = (len(KIND_ORDER) + 1) * SPAN
# Each kind's candidates for a search: its WINDOW × limit most recently indexed matches in
# its range, and as many among the SCAN × limit most recent numbered outside the ranges.
WINDOW = 2
SCAN = 25
# The kinds whose documents start with the name a rank of 0 needs, read once the kinds
# before them are ranked; the others' ranges are read in one statement.
NAMED_FIRST = ("companies", "establishment_units")
_LETTER = re.compile(r"[^\W_]")


def _in_block(collection: str) -> str:
    """A kind's most recent matches in its range, with the rowid their number says
    (store/search_rows.py), their ids read from ``search_docs`` (a third of the index's
    content rows' width: 1,000,000 contracts, 20 -> 17.5 pages a search)."""
    low = BLOCKS[collection]
    return (
        f"SELECT * FROM (SELECT 0, '{collection}', d.record_id, m.docid - {low} FROM (SELECT "
        f"rowid AS docid FROM search_fts WHERE search_fts MATCH :q AND rowid >= {low} AND "
        f"rowid < {low + SPAN} ORDER BY rowid DESC LIMIT :window) m "
        "JOIN search_docs d ON d.docid = m.docid ORDER BY m.docid DESC)"
    )


def _outside(bound: str) -> str:
    """The most recent matches numbered outside the ranges (``bound``), their kinds read from
    ``search_docs`` (narrow rows), not from the index's content."""
    return (
        "SELECT * FROM (SELECT 1, d.collection, d.record_id, NULL FROM (SELECT rowid AS docid "
        f"FROM search_fts WHERE search_fts MATCH :q AND {bound} "
        "ORDER BY rowid DESC LIMIT :scan) m JOIN search_docs d ON d.docid = m.docid "
        "ORDER BY m.docid DESC)"
    )


_FIRST = min(BLOCKS.values())
# Whether documents are numbered after the marker (indexed since the last rebuild), and
# before the first range (before any rebuild): two lookups. Each part of the candidates'
# statement costs a prefix's merge even when it finds nothing (a word of more than 3 letters,
# past the prefix indexes: about 1 ms on 100,000 contracts).
_ZONES = (
    f"SELECT (SELECT max(docid) FROM search_docs) > {TAIL}, "
    f"(SELECT min(docid) FROM search_docs) < {_FIRST}"
)
# The ranges of the kinds not in NAMED_FIRST, in one statement; (any after the marker, any
# before the ranges) -> the statement of those numbered outside the ranges (every kind).
_RANGES = " UNION ALL ".join(
    _in_block(collection) for collection in KIND_ORDER if collection not in NAMED_FIRST
)
_OUTSIDE = {
    (tail, before): " UNION ALL ".join((
        *((_outside(f"rowid > {TAIL}"),) if tail else ()),
        *((_outside(f"rowid < {_FIRST}"),) if before else ()),
    ))
    for tail in (False, True) for before in (False, True)
}  # fmt: skip
_BLOCK = {collection: _in_block(collection) for collection in NAMED_FIRST}
# The learners every word typed names (migration 0026: their names alone, under the numbers of
# their documents), the most recently indexed first.
_NAMED = (
    "SELECT d.record_id, m.docid FROM (SELECT rowid AS docid FROM search_names "
    "WHERE search_names MATCH :q ORDER BY rowid DESC LIMIT :window) m "
    "JOIN search_docs d ON d.docid = m.docid ORDER BY m.docid DESC"
)
_LEARNERS = BLOCKS["learners"]


class Candidates:
    """collection -> (id, rowid or None) of the records whose documents match every word typed
    (a prefix): the rowid their document's number in its kind's range says
    (store/search_rows.py), of each kind's ``WINDOW × limit`` most recently indexed in its
    range (:data:`BLOCKS`), then as many of each kind among the ``SCAN × limit`` most recent
    numbered outside the ranges (:data:`TAIL`). The long words spelled as their terms
    (store/search_terms.py), read once; each part read when first asked for (:meth:`of`).
    The learners their names alone find: :meth:`named`."""

    def __init__(self, cursor: Any, words: list[str], limit: int) -> None:
        self._cursor = cursor
        self._window = limit * WINDOW
        self._found: dict[str, list[tuple[str, int | None]]] = {c: [] for c in KIND_ORDER}
        self._outside: dict[str, list[tuple[str, int | None]]] = {c: [] for c in KIND_ORDER}
        self._words = spelled(cursor, words) if words else None
        self._query = joined(self._words)
        self._scan = limit * SCAN
        # read when first asked for (:meth:`of`): the documents numbered outside the ranges,
        # the ranges of the kinds not in NAMED_FIRST (one statement), each of NAMED_FIRST's
        parts = ("outside", "ranges", *NAMED_FIRST)
        self._pending = set(parts) if self._query is not None else set()

    def named(self) -> list[tuple[str, int | None]]:
        """The learners every word typed names (:data:`_NAMED`): ``WINDOW × limit`` of them,
        the most recently indexed first (those a search ranks 0 or 1), each with the rowid
        its document's number says, or None when numbered outside the learners' range."""
        if self._query is None:
            return []
        return [
            (record_id, docid - _LEARNERS if _LEARNERS <= docid < _LEARNERS + SPAN else None)
            for record_id, docid in self._cursor.execute(
                _NAMED, {"q": self._query, "window": self._window}
            ).fetchall()
        ]

    def _read(self, part: str) -> None:
        """Reads ``part``: "outside" (the documents numbered outside the ranges, every kind's;
        two lookups when there are none) or "ranges" (:data:`_RANGES`)."""
        self._pending.discard(part)
        if part == "outside":
            tail, before = self._cursor.execute(_ZONES).fetchone()
            statement = _OUTSIDE[bool(tail), bool(before)]
            if not statement:
                return
        else:
            statement = _RANGES
        rows = self._cursor.execute(
            statement, {"q": self._query, "window": self._window, "scan": self._scan}
        ).fetchall()
        for numbered_outside, collection, record_id, rowid in rows:
            if not numbered_outside:
                self._found[collection].append((record_id, rowid))
            elif len(self._outside[collection]) < self._window:
                self._outside[collection].append((record_id, rowid))

    def of(self, collection: str, named_first: bool = False) -> list[tuple[str, int | None]]:
        """``collection``'s candidates; ``named_first``: only those whose name may start with
        the words typed are wanted (a kind of :data:`NAMED_FIRST` is then read with the query
        anchored at its documents' start, when the words make one: :meth:`anchored`)."""
        if "outside" in self._pending:
            self._read("outside")
        if "ranges" in self._pending and collection not in NAMED_FIRST:
            self._read("ranges")
        if collection in self._pending:
            self._pending.discard(collection)
            query = (self.anchored() if named_first else None) or self._query
            self._found[collection] = [
                (record_id, rowid) for _, _, record_id, rowid in self._cursor.execute(
                    _BLOCK[collection], {"q": query, "window": self._window}
                ).fetchall()
            ]  # fmt: skip
        return [*self._found[collection], *self._outside[collection]]

    def anchored(self) -> str | None:
        """The FTS5 query of the documents that start with the words typed, the last a prefix
        (spelled as its terms when it is: ``^"no de vos" OR ^"no de vries"``): every word
        but the last a whole term, as a name that starts with what was typed has it. None when
        it would not be cheaper than the full query: a single word (its documents are those of
        the full query, only fewer), a last word past the prefix indexes left a prefix (too
        many terms), or a word the index may read as no term at all."""
        if self._words is None or len(self._words) < 2:
            return None
        if not all(_LETTER.search(word) for word, _ in self._words):
            return None
        *head, (last, terms) = self._words
        lead = " ".join(word for word, _ in head)
        if terms is None:
            return None if len(last) > PREFIXED else f'^"{lead} {last}"*'
        return " OR ".join(f'^"{lead} {term}"' for term in terms)
