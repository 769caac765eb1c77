"""Full-text search over learners, companies, establishment units and contracts (FTS5).

The index (``search_fts``, kept by triggers, see migration 0002) holds one row per live record of
those collections with its searchable words, folded so that case and accents do not matter:
unicode61 ``remove_diacritics 2`` folds é, ç, ș, ț..., and the triggers fold by hand the letters
that have no Unicode decomposition (ł, ø, đ, ß, æ, œ...). Every word typed is a prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, column, select, text
from sqlalchemy.orm import Session

from offa_desktop.store.records import table

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
    """One search result: what it is and how to show it (French display texts)."""

    collection: str
    id: str
    title: str
    subtitle: str


def _join(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p)


def _describe(session: Session, collection: str, ids: list[str]) -> dict[str, tuple[str, str]]:
    if collection == "contracts":
        names = ("contracts", "learners", "establishment_units", "companies")
        c, lr, u, co = (table(n) for n in names)
        crows = session.execute(
            select(
                c.c.id, lr.c.last_name, lr.c.first_name, co.c.name, c.c.trade_code, c.c.start_date
            )
            .select_from(c)
            .outerjoin(lr, lr.c.id == c.c.learner_id)
            .outerjoin(u, u.c.id == c.c.establishment_unit_id)
            .outerjoin(co, co.c.id == u.c.company_id)
            .where(c.c.id.in_(ids))
        ).all()
        return {
            r[0]: (
                f"Contrat {_join(' '.join(p for p in (r[1], r[2]) if p), r[3])}",
                _join(r[4], r[5].strftime("%d/%m/%Y") if r[5] else None),
            )
            for r in crows
        }
    t = table(collection)
    if collection == "learners":
        lrows = session.execute(
            select(t.c.id, t.c.last_name, t.c.first_name, t.c.niss, t.c.city).where(t.c.id.in_(ids))
        ).all()
        return {r[0]: (" ".join(p for p in (r[1], r[2]) if p), _join(r[3], r[4])) for r in lrows}
    if collection == "companies":
        corows = session.execute(
            select(t.c.id, t.c.name, t.c.enterprise_number).where(t.c.id.in_(ids))
        ).all()
        return {r[0]: (r[1] or "", _join("Entreprise", r[2])) for r in corows}
    rows = session.execute(
        select(t.c.id, t.c.name, t.c.postal_code, t.c.city).where(t.c.id.in_(ids))
    ).all()
    return {r[0]: (r[1] or "", _join("Unité d'établissement", r[2], r[3])) for r in rows}


def search(session: Session, typed: str, limit: int = 20) -> list[SearchHit]:
    """``limit`` live records matching what was typed, the most recently indexed first.

    Not ranked by relevance (bm25): ranking must score every match, which takes a second for a
    one-letter prefix over 100,000 records, while every word typed already narrows the hits."""
    query = fts_query(typed)
    if query is None:
        return []
    found = session.execute(
        text(
            "SELECT collection, record_id FROM search_fts WHERE search_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT :limit"
        ),
        {"q": query, "limit": limit},
    ).all()
    by_collection: dict[str, list[str]] = {}
    for collection, record_id in found:
        by_collection.setdefault(collection, []).append(record_id)
    shown: dict[tuple[str, str], tuple[str, str]] = {}
    for collection, ids in by_collection.items():
        for record_id, texts in _describe(session, collection, ids).items():
            shown[(collection, record_id)] = texts
    return [
        SearchHit(collection, record_id, *shown[(collection, record_id)])
        for collection, record_id in found
        if (collection, record_id) in shown
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
        return found[0] if found and found[0] else f"{collection}/{record_id}"
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
