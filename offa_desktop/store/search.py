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
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Select, column, select, text
from sqlalchemy.orm import Session

from offa_desktop.domain.identifiers import format_enterprise_number, format_niss
from offa_desktop.store.records import table

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
_IDENTIFIER = re.compile(r"(?i)(?:be)?[\d\s./-]{4,}")
_WORD = re.compile(r"\w+")


def fold(value: str) -> str:
    return value.translate(_FOLD_TABLE)


def fts_query(typed: str) -> str | None:
    """What a person typed -> an FTS5 query (every word a prefix), or None when it holds no word.

    A number typed with separators (``05.03.12-123.45``, ``BE 0403.170.701``) is one word.
    """
    typed = fold(typed.strip())
    if _IDENTIFIER.fullmatch(typed) and sum(c.isdigit() for c in typed) >= 4:
        words = ["".join(c for c in typed if c.isdigit())]
    else:
        words = _WORD.findall(typed)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def matching_ids(collection: str, query: str) -> Select[Any]:
    """Ids of ``collection``'s live records matching an FTS query (from :func:`fts_query`)."""
    return (
        select(column("record_id"))
        .select_from(text("search_fts"))
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


# The order kinds come in when they match equally well: people first (what a search is for
# most often), then their contracts, then companies, then units.
KIND_ORDER = {"learners": 0, "contracts": 1, "companies": 2, "establishment_units": 3}


def _trades(session: Session) -> dict[str, str]:
    t = table("trades")
    return {str(r[0]): str(r[1]) for r in session.execute(select(t.c.code, t.c.name)).all()}


def _rows(session: Session, collection: str, ids: list[str]) -> Sequence[Any]:
    """The rows of ``collection`` that :func:`_named` and :func:`_subtitle` read."""
    if collection == "contracts":
        names = ("contracts", "learners", "establishment_units", "companies")
        c, lr, u, co = (table(n) for n in names)
        return session.execute(
            select(
                c.c.id, lr.c.last_name, lr.c.first_name, co.c.name, c.c.trade_code,
                c.c.start_date, c.c.end_date,
            )
            .select_from(c)
            .outerjoin(lr, lr.c.id == c.c.learner_id)
            .outerjoin(u, u.c.id == c.c.establishment_unit_id)
            .outerjoin(co, co.c.id == u.c.company_id)
            .where(c.c.id.in_(ids))
        ).all()
    t = table(collection)
    if collection == "learners":
        return session.execute(
            select(t.c.id, t.c.last_name, t.c.first_name, t.c.niss, t.c.postal_code, t.c.city)
            .where(t.c.id.in_(ids))
        ).all()
    if collection == "companies":
        return session.execute(
            select(t.c.id, t.c.name, t.c.enterprise_number).where(t.c.id.in_(ids))
        ).all()
    return session.execute(
        select(t.c.id, t.c.name, t.c.unit_number, t.c.postal_code, t.c.city)
        .where(t.c.id.in_(ids))
    ).all()


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
            f"{r[5]:%d/%m/%Y} – {r[6]:%d/%m/%Y}" if r[5] and r[6]
            else f"{r[5]:%d/%m/%Y}" if r[5] else None
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


def _their_contracts(session: Session, learner_ids: list[str], limit: int) -> list[str]:
    """The live contracts of these learners, latest start first: a learner's name finds their
    contracts too (the index holds a contract's referent and signatory, not its learner)."""
    if not learner_ids:
        return []
    c = table("contracts")
    rows = session.execute(
        select(c.c.id)
        .where(c.c.learner_id.in_(learner_ids), c.c.deleted.is_(False))
        .order_by(c.c.start_date.desc(), c.c.id)
        .limit(limit)
    ).all()
    return [str(r[0]) for r in rows]


# A printed reference («Contrat réf. 7F3A-2B91»): the first 8 hex digits of a record's id.
_REFERENCE = re.compile(r"(?i)\s*(?:r[ée]f\.?\s*)?([0-9a-f]{4})-?([0-9a-f]{4})\s*")


def _by_reference(session: Session, typed: str) -> list[str]:
    """Contracts whose printed reference is ``typed`` (read out on the phone, or typed from
    a paper form)."""
    match = _REFERENCE.fullmatch(typed)
    if match is None:
        return []
    c = table("contracts")
    prefix = (match.group(1) + match.group(2)).lower()
    rows = session.execute(
        select(c.c.id).where(c.c.id.like(f"{prefix}%"), c.c.deleted.is_(False)).limit(5)
    ).all()
    return [str(r[0]) for r in rows]


def search(session: Session, typed: str, limit: int = 20) -> list[SearchHit]:
    """The ``limit`` best of the live records matching what was typed: by :func:`match_rank`
    (a name that starts with what was typed first), then learners, their contracts,
    companies, units (:data:`KIND_ORDER`), then by name.

    Candidates are the ``5 × limit`` most recently indexed matches, ranked in Python: bm25
    over every match takes a second for a one-letter prefix over 100,000 records, while every
    word typed narrows the candidates."""
    query = fts_query(typed)
    referenced = _by_reference(session, typed)
    if query is None and not referenced:
        return []
    found = session.execute(
        text(
            "SELECT collection, record_id FROM search_fts WHERE search_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT :limit"
        ),
        {"q": query, "limit": limit * 5},
    ).all() if query is not None else []
    by_collection: dict[str, list[str]] = {"contracts": list(referenced)}
    for collection, record_id in found:
        by_collection.setdefault(collection, []).append(record_id)
    words = _folded(typed)
    hits: list[tuple[int, int, str, str, str, Any]] = []
    for collection in sorted(by_collection, key=KIND_ORDER.__getitem__):
        kind = KIND_ORDER[collection]
        # A kind comes after the ones before it at equal rank: once ``limit`` hits of those
        # rank at least as well as this kind's best can, none of its records is shown (a name
        # typed finds twenty people named so before their contracts are read).
        best = -1 if collection == "contracts" and referenced else 0
        if sum(1 for h in hits if h[0] <= best) >= limit:
            continue
        ids = by_collection[collection]
        if collection == "contracts":
            for contract_id in _their_contracts(session, by_collection.get("learners", []),
                                                limit):
                if contract_id not in ids:
                    ids.append(contract_id)
        for r in _rows(session, collection, ids) if ids else ():
            title, names = _named(collection, r)
            rank = -1 if r[0] in referenced else _rank(words, names)
            hits.append((rank, kind, title.casefold(), collection, title, r))
    hits.sort(key=lambda h: h[:3])
    trades = _trades_once(session)  # only the hits shown are described further
    return [
        SearchHit(collection, r[0], title, _subtitle(collection, r, trades))
        for _, _, _, collection, title, r in hits[:limit]
    ]


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
