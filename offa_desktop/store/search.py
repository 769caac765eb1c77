"""Full-text search over learners, companies, establishment units and contracts (FTS5).

The index (``search_fts``, kept by triggers, see migration 0002) holds one row per live record of
those collections with its searchable words, folded so that case and accents do not matter:
unicode61 ``remove_diacritics 2`` folds é, ç, ș, ț..., and the triggers fold by hand the letters
that have no Unicode decomposition (ł, ø, đ, ß, æ, œ...). Every word typed is a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import product
from typing import Any, TypeVar

from sqlalchemy import Select, column, select, text
from sqlalchemy.orm import Session

from offa_desktop.domain.identifiers import format_enterprise_number, format_niss
from offa_desktop.store import search_rows
from offa_desktop.store.plain_sql import id_array
from offa_desktop.store.records import table
from offa_desktop.store.search_candidates import KIND_ORDER, Candidates
from offa_desktop.store.search_terms import prefix

T = TypeVar("T")

SEARCHABLE = ("learners", "companies", "establishment_units", "contracts")

# Letters unicode61 does not fold (no canonical decomposition); the triggers fold the same ones.
FOLDS = (
    ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("đ", "d"), ("Đ", "D"), ("ß", "ss"),
    ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ı", "i"), ("ħ", "h"), ("Ħ", "H"),
    ("þ", "th"), ("Þ", "TH"), ("ð", "d"), ("Ð", "D"),
)  # fmt: skip
_FOLD_TABLE = {ord(a): b for a, b in FOLDS}
# collection -> the columns whose words are searchable (the triggers of migration 0002)
WORDS: dict[str, tuple[str, ...]] = {
    "learners": ("last_name", "first_name", "niss", "postal_code", "city"),
    "companies": ("name", "enterprise_number"),
    "establishment_units": ("name", "unit_number", "postal_code", "city"),
    "contracts": ("referent_name", "company_signatory"),
}
# The learners' columns their names' own index holds (migration 0026: ``search_names``).
NAMES = WORDS["learners"][:2]
_IDENTIFIER = re.compile(r"(?i)(?:be)?[\d\s./-]{4,}")
_WORD = re.compile(r"\w+")


def fold(value: str) -> str:
    return value.translate(_FOLD_TABLE)


def query_words(typed: str) -> list[str]:
    """The words of what a person typed, as the FTS5 query takes them (each a prefix).

    A number typed with separators (``05.03.12-123.45``, ``BE 0403.170.701``) is one word.
    An accent typed as a combining mark (decomposed text, pasted from elsewhere) is joined to
    its letter, or dropped when no letter has it (the index drops it: «0́0» is «00», not two
    words).
    """
    typed = fold(unicodedata.normalize("NFC", typed.strip()))
    if not typed.isascii():
        typed = "".join(c for c in typed if not unicodedata.combining(c))
    if _IDENTIFIER.fullmatch(typed) and sum(c.isdigit() for c in typed) >= 4:
        return ["".join(c for c in typed if c.isdigit())]
    return _WORD.findall(typed)


def fts_query(typed: str) -> str | None:
    """What a person typed -> an FTS5 query (every word a prefix), or None when it holds no word."""
    words = query_words(typed)
    return " ".join(prefix(w) for w in words) if words else None


def matching_ids(collection: str, query: str) -> Select[Any]:
    """Ids of ``collection``'s live records matching an FTS query (from :func:`fts_query`)."""
    return (  # the index holds the words alone (migration 0027): its documents' records here
        select(column("record_id"))
        .select_from(text("search_fts JOIN search_docs ON search_docs.docid = search_fts.rowid"))
        .where(text("search_fts MATCH :fts_q"), column("collection") == collection)
        .params(fts_q=query)
    )


@dataclass(frozen=True)
class SearchHit:
    """One search result: what it is and how to show it (French display texts; the subtitle
    does not repeat what kind of record it is, the list says it once)."""

    collection: str
    id: str
    title: str
    subtitle: str


def _join(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p)


def folded_words(value: str) -> list[str]:
    """The words of ``value`` as the index sees them: lower case, no accents, ł -> l."""
    return list(_folded(value))


@lru_cache(maxsize=8192)
def _folded(value: str) -> tuple[str, ...]:
    """:func:`folded_words`, remembered: search ranks a hundred candidates per key typed, and
    names repeat (first names, cities); plain ASCII (most names) needs no Unicode work."""
    if value.isascii():
        return tuple(_WORD.findall(value.lower()))
    plain = unicodedata.normalize("NFKD", fold(value).casefold())
    return tuple(_WORD.findall("".join(c for c in plain if not unicodedata.combining(c))))


@lru_cache(maxsize=8192)
def _folded_text(value: str) -> str:
    return " ".join(_folded(value))


def match_rank(typed: str, names: Sequence[str]) -> int:
    """How well ``typed`` names a record whose names (most telling first: a person's last name,
    then first name) are ``names``: 0 when the first name starts with all of it, 1 when every
    word typed starts a word of the names, 2 for any other match (a city, a number)."""
    return _rank(_folded(typed), names)


def _rank(words: tuple[str, ...], names: Sequence[str]) -> int:
    """:func:`match_rank` with what was typed already folded (once per search)."""
    if not words:
        return 2
    first = _folded_text(names[0]) if names else ""
    if first.startswith(" ".join(words)):
        return 0
    named = [w for name in names for w in _folded(name)]
    if all(any(n.startswith(w) for n in named) for w in words):
        return 1
    return 2


def best_first(typed: str, items: Sequence[T], names: Callable[[T], Sequence[str]]) -> list[T]:
    """``items`` with the best matches of ``typed`` first (:func:`match_rank`); otherwise in
    their order (stable)."""
    return sorted(items, key=lambda item: match_rank(typed, names(item)))


def _trades(session: Session) -> dict[str, str]:
    t = table("trades")
    return {str(r[0]): str(r[1]) for r in session.execute(select(t.c.code, t.c.name)).all()}


_IDS = "(SELECT value FROM json_each(?))"
# collection -> the columns :func:`_named` and :func:`_subtitle` read, of the rows whose ids
# are the JSON array bound.
_ROWS = {
    "contracts": (
        "SELECT c.id, lr.last_name, lr.first_name, co.name, c.trade_code, c.start_date, "
        "c.end_date FROM contracts c LEFT JOIN learners lr ON lr.id = c.learner_id "
        "LEFT JOIN establishment_units u ON u.id = c.establishment_unit_id "
        f"LEFT JOIN companies co ON co.id = u.company_id WHERE c.id IN {_IDS}"
    ),
    "learners": (
        "SELECT id, last_name, first_name, niss, postal_code, city FROM learners "
        f"WHERE id IN {_IDS}"
    ),
    "companies": f"SELECT id, name, enterprise_number FROM companies WHERE id IN {_IDS}",
    "establishment_units": (
        "SELECT id, name, unit_number, postal_code, city FROM establishment_units "
        f"WHERE id IN {_IDS}"
    ),
}


def _cursor(session: Session) -> Any:
    """A DB-API cursor on the session's connection (its transaction): the search's few
    statements, run at each key typed, without SQLAlchemy's compiling and result handling
    (about half of a search's time on 100,000 records)."""
    return session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]


def _rows(session: Session, collection: str, ids: list[str]) -> Sequence[Any]:
    """The rows of ``collection`` that :func:`_named` and :func:`_subtitle` read (dates as
    the ISO text stored)."""
    rows: Sequence[Any] = _cursor(session).execute(_ROWS[collection], (id_array(ids),)).fetchall()
    return rows


def _day(value: str) -> date:
    return date.fromisoformat(value)  # _rows reads the ISO text stored


def _named(collection: str, r: Any) -> tuple[str, tuple[str, ...]]:
    """A row of :func:`_rows` -> (title, names to rank on)."""
    if collection == "contracts":
        person = " ".join(p for p in (r[1], r[2]) if p)
        return _join(person, r[3]), (str(r[1] or ""), str(r[2] or ""), str(r[3] or ""))
    if collection == "learners":
        return " ".join(p for p in (r[1], r[2]) if p), (str(r[1] or ""), str(r[2] or ""))
    return r[1] or "", (str(r[1] or ""),)


def _subtitle(collection: str, r: Any, trades: Callable[[], dict[str, str]]) -> str:
    """A row of :func:`_rows` -> its subtitle (``trades``: code -> name, asked for when
    needed)."""
    if collection == "contracts":
        period = (
            f"{_day(r[5]):%d/%m/%Y} – {_day(r[6]):%d/%m/%Y}" if r[5] and r[6]
            else f"{_day(r[5]):%d/%m/%Y}" if r[5] else None
        )
        return _join(trades().get(str(r[4]), r[4]), period)
    if collection == "learners":
        return _join(f"NISS {format_niss(r[3])}" if r[3] else None,
                     " ".join(p for p in (r[4], r[5]) if p))
    if collection == "companies":
        return f"BCE {format_enterprise_number(r[2])}" if r[2] else ""
    return _join(" ".join(p for p in (r[3], r[4]) if p),
                 f"n° {format_enterprise_number(r[2])}" if r[2] else None)


def _trades_once(session: Session) -> Callable[[], dict[str, str]]:
    known: list[dict[str, str]] = []

    def trades() -> dict[str, str]:
        if not known:
            known.append(_trades(session))
        return known[0]

    return trades


def _describe(
    session: Session, collection: str, ids: list[str]
) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """id -> (title, subtitle, names to rank on)."""
    trades = _trades_once(session)
    out: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for r in _rows(session, collection, ids):
        title, names = _named(collection, r)
        out[r[0]] = (title, _subtitle(collection, r, trades), names)
    return out


# A printed reference («Contrat réf. 7F3A-2B91»): the first 8 hex digits of a record's id.
_REFERENCE = re.compile(r"(?i)\s*(?:r[ée]f\.?\s*)?([0-9a-f]{4})-?([0-9a-f]{4})\s*")


def _by_reference(session: Session, typed: str) -> list[str]:
    """Contracts whose printed reference is ``typed`` (read out on the phone, or typed from
    a paper form): the first five live contracts (in the table's order) whose id starts with
    its 8 hex digits, whatever their case (as ``id LIKE 'prefix%'`` finds them), each way of
    writing the digits' letters a range of the id's index, not a pass over every contract
    (1,000,000 contracts: seconds)."""
    match = _REFERENCE.fullmatch(typed)
    if match is None:
        return []
    digits = (match.group(1) + match.group(2)).lower()
    cursor = _cursor(session)
    found: list[tuple[int, str]] = []
    for spelled in {"".join(p) for p in product(*({c, c.upper()} for c in digits))}:
        found += cursor.execute(_REFERENCED, (spelled, _after(spelled))).fetchall()
    return [str(record_id) for _, record_id in sorted(found)[:5]]


_REFERENCED = "SELECT rowid, id FROM contracts WHERE id >= ? AND id < ? AND deleted IS 0"


def _after(prefix: str) -> str:
    """The least text after every text that starts with ``prefix`` (an ASCII one)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def search(session: Session, typed: str, limit: int = 20) -> list[SearchHit]:
    """The ``limit`` best of the live records matching what was typed: by :func:`match_rank`
    (a name that starts with what was typed first), then learners, their contracts,
    companies, units (:data:`KIND_ORDER`), then by name.

    Candidates, ranked in Python, are each kind's ``WINDOW × limit`` most recently indexed
    matches (one FTS5 rowid range per kind, :data:`BLOCKS`: a kind is never crowded out by
    another's matches, as when a first sync indexed the contracts last), and as many of each
    kind among the ``SCAN × limit`` most recent of the records indexed since (:data:`TAIL`);
    a learner's contracts come with the learner. Not bm25 over every match: that takes a
    second for a one-letter prefix over 100,000 records, while every word typed narrows the
    candidates. A kind none of whose records can make the cut (``limit`` hits before it rank
    as well as it can) is not read; companies and units that could only show ranked 0 are read
    with a query anchored at their names' start (store/search_candidates.py).

    Learners are read first from their names' own index (migration 0026: those ranked 0 or 1),
    the others every word finds (a city, a NISS) only while fewer than ``limit`` hits rank 1
    or better; then a contract can only show ranked 0, as its learner does, and comes with its
    learner: contracts are not read by their own words. On 1,000,000 contracts «Hu Fran» read
    forty learners of Huy beside those named so, and forty contracts by their referents' names,
    to rank them after twenty learners named so: the search's p95 grew ×2.3-2.7 from 100,000
    contracts, ×1.0-1.3 since (docs/internals.md)."""
    query = query_words(typed)
    referenced = _by_reference(session, typed)
    if not query and not referenced:
        return []
    cursor = _cursor(session)
    found = Candidates(cursor, query, limit)
    words = _folded(typed)
    hits: list[tuple[int, int, str, str, str, Any]] = []
    learner_ids: list[str] = []
    learners: dict[str, tuple[Any, ...]] = {}
    for collection in KIND_ORDER:
        # A kind comes after the ones before it at equal rank: once ``limit`` hits of those
        # rank at least as well as this kind's best can, none of its records is shown (a name
        # typed finds twenty people named so before their contracts are read).
        best = -1 if collection == "contracts" and referenced else 0
        if sum(1 for h in hits if h[0] <= best) >= limit:
            continue
        # once ``limit`` hits rank 1 or better, one of this kind shows only if it ranks 0
        ranked = sum(1 for h in hits if h[0] <= 1) >= limit
        if collection == "learners":
            learner_ids, learners = _learner_hits(cursor, found, words, referenced, hits, limit)
            continue
        if collection == "contracts":
            # one ranks 0 only if its learner does: then it comes with its learner (theirs)
            wanted = [] if ranked else found.of(collection)
            wanted = [*((r, None) for r in referenced), *wanted]
            theirs = learner_ids if _theirs_may_show(hits, learner_ids, limit) else []
            if wanted or theirs:
                rows, rowids = search_rows.contract_rows(cursor, wanted, theirs, limit, learners)
                hits += _contract_hits(cursor, rows, rowids, words, referenced, hits, limit)
            continue
        wanted = found.of(collection, ranked)
        rows = search_rows.rows(cursor, collection, wanted) if wanted else []
        hits += _hits(collection, rows, words, referenced)
    hits.sort(key=lambda h: (*h[:3], h[5][0]))  # equal names: by id, whichever read first
    trades = _trades_once(session)  # only the hits shown are described further
    return [
        SearchHit(collection, r[0], title, _subtitle(collection, r, trades))
        for _, _, _, collection, title, r in hits[:limit]
    ]


def _hits(
    collection: str, rows: Sequence[Any], words: tuple[str, ...], referenced: list[str]
) -> list[tuple[int, int, str, str, str, Any]]:
    """The hits of ``rows`` of ``collection`` (store/search_rows.py), ranked."""
    out = []
    for r in rows:
        title, names = _named(collection, r)
        rank = -1 if r[0] in referenced else _rank(words, names)
        out.append((rank, KIND_ORDER[collection], title.casefold(), collection, title, r))
    return out


def _learner_hits(
    cursor: Any, found: Candidates, words: tuple[str, ...], referenced: list[str],
    hits: list[tuple[int, int, str, str, str, Any]], limit: int,
) -> tuple[list[str], dict[str, tuple[Any, ...]]]:
    """The learners' hits added to ``hits``: those their names find first (ranked 0 or 1:
    :meth:`Candidates.named`), then, while fewer than ``limit`` hits rank 1 or better, the
    others every word typed finds (:meth:`Candidates.of`: a city, a NISS), which would rank
    after them. Returns the ids of the learners read and their rows by id."""
    named = found.named()
    rows = list(search_rows.rows(cursor, "learners", named)) if named else []
    hits += _hits("learners", rows, words, referenced)
    wanted = named
    if sum(1 for h in hits if h[0] <= 1) < limit:
        seen = {record_id for record_id, _ in named}
        rest = [w for w in found.of("learners") if w[0] not in seen]
        more = search_rows.rows(cursor, "learners", rest) if rest else []
        hits += _hits("learners", more, words, referenced)
        rows += more
        wanted = [*named, *rest]
    return [record_id for record_id, _ in wanted], {r[0]: r for r in rows}


def _theirs_may_show(
    hits: list[tuple[int, int, str, str, str, Any]], learners: list[str], limit: int
) -> bool:
    """Whether a contract of the ``learners`` found may be shown: it ranks as its learner
    does (the same names), or 1 at best when the learner ranks 2 (its company's name may
    count). One that ``limit`` learners (``hits``) precede is never shown, nor does it move one
    that is (whatever ranks after it ranks after them): then they are not read (1,000,000
    contracts: «Be Lacr», forty learners ranked 1, forty index lookups saved)."""
    if not learners:
        return False
    ranks = {h[5][0]: h[0] for h in hits}
    best = min(min(ranks.get(learner, 0), 1) for learner in learners)  # the likeliest to show
    return sum(1 for h in hits if h[0] <= best) < limit


def _contract_hits(
    cursor: Any, rows: Sequence[Any], rowids: dict[str, int], words: tuple[str, ...],
    referenced: list[str], hits: list[tuple[int, int, str, str, str, Any]], limit: int,
) -> list[tuple[int, int, str, str, str, Any]]:
    """The hits of contract ``rows`` (id, learner's last and first names: store/search_rows.py),
    their own columns and company read (by ``rowids``) only for the contracts that may be
    shown. Its learner's names rank a contract (0, 1; or 2, then 1 or 2 with its company's
    name); one that ``limit`` hits precede whatever its company (``hits``, the learners', and
    the contracts ranked better) is never shown, nor does it move one that is: it keeps the
    rank its learner gives (2: the worst it can have) and no company. A referenced one ranks
    first."""
    kind = KIND_ORDER["contracts"]
    ranked = [(-1 if r[0] in referenced else _rank(words, (r[1] or "", r[2] or "")), r)
              for r in rows]  # fmt: skip
    before = [sum(1 for h in hits if h[0] <= rank) + sum(1 for k, _ in ranked if k < rank)
              for rank in range(-1, 2)]  # fmt: skip
    shown = {r[0]: rowids[r[0]] for rank, r in ranked if before[min(rank, 1) + 1] < limit}
    details = search_rows.contract_details(cursor, shown)
    out = []
    for rank, r in ranked:
        row = (*r, *details.get(r[0], (None, None, None, None)))
        title, names = _named("contracts", row)
        if r[0] in details and rank >= 0:
            rank = _rank(words, names)
        out.append((rank, kind, title.casefold(), "contracts", title, row))
    return out


_EVENT_NAMES = {
    "amendment": "Avenant",
    "level_change": "Changement de niveau",
    "suspension": "Suspension",
    "resumption": "Reprise",
    "termination": "Rupture",
}


def describe(session: Session, collection: str, record_id: str) -> str:
    """A record in words, for messages: «Contrat Wiśniewski Łukasz · Boulangerie Erdős»,
    «Rupture du 15/09/2026 — Contrat …», «Agrément boulanger — Atelier de Herstal»."""
    if collection in SEARCHABLE:
        found = _describe(session, collection, [record_id]).get(record_id)
        if not found or not found[0]:
            return f"{collection}/{record_id}"
        return f"Contrat {found[0]}" if collection == "contracts" else found[0]
    t = table(collection)
    row = session.execute(select(t).where(t.c.id == record_id)).mappings().first()
    if row is None:
        return f"{collection}/{record_id}"
    if collection == "contract_events":
        when = row["effective_date"].strftime("%d/%m/%Y") if row["effective_date"] else ""
        what = _EVENT_NAMES.get(row["kind"], "Événement")
        contract = describe(session, "contracts", row["contract_id"])
        return f"{what} du {when} — {contract}" if when else f"{what} — {contract}"
    if collection == "approvals":
        unit = describe(session, "establishment_units", row["establishment_unit_id"])
        return f"Agrément {row['trade_code']} — {unit}"
    if collection == "visits":
        when = row["visit_date"] or row["planned_on"]
        day = f" du {when.strftime('%d/%m/%Y')}" if when else ""
        target = (
            describe(session, "contracts", row["contract_id"])
            if row["contract_id"]
            else describe(session, "approvals", row["approval_id"])
            if row["approval_id"]
            else ""
        )
        return f"Visite{day} — {target}" if target else f"Visite{day}"
    return f"{collection}/{record_id}"
