"""« Doublons possibles » (issue 18): records that may be the same person, company or place,
found in the working copy, and their merge by OFFA staff (made by the server, atomically).

- learners: the same NISS, or the same last name, first name and birth date (accents and case
  aside);
- companies: the same enterprise number, or names that read alike once the legal form and
  punctuation are set aside (« Boulangerie Dupont SRL » / « BOULANGERIE DUPONT »), compared
  within the names sharing their first three letters;
- establishment units: the same unit number.

``merge`` asks the server (``POST /records/{collection}/merge``) then syncs: every reference
to the merged record now names the kept one, the merged one is gone from every copy, its
server history says where it went.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from offa_desktop.domain.values import format_date_fr, parse_date
from offa_desktop.ops.records.lists import label
from offa_desktop.ops.sync.actions import Synced, sync_now
from offa_desktop.ops.sync.session import SyncSession, device_name
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext

SIMILAR = 0.9  # two company names at least this alike (difflib ratio) are listed
LEGAL_FORMS = {"srl", "sprl", "sa", "sc", "scrl", "asbl", "snc", "scs", "sprlu", "bv", "nv",
               "bvba", "vzw", "ei", "sas", "sarl"}  # fmt: skip
KINDS_FR = {"learners": "apprenants", "companies": "entreprises",
            "establishment_units": "unités d'établissement"}  # fmt: skip


@dataclass(frozen=True)
class Pair:
    """Two records that may be one: why (in French), and how each reads."""

    collection: str
    reason: str
    first: str
    second: str
    first_label: str
    second_label: str


def fold(text: Any) -> str:
    plain = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.casefold()).split())


def company_key(name: Any) -> str:
    return " ".join(w for w in fold(name).split() if w not in LEGAL_FORMS)


def _describe(collection: str, data: Mapping[str, Any]) -> str:
    if collection == "learners":
        born = data.get("birth_date")
        when = format_date_fr(parse_date(born)) if isinstance(born, str) else "?"
        return f"{label('learners', data)} (né·e le {when})"
    if collection == "companies":
        return f"{data.get('name')} ({data.get('enterprise_number') or '?'})"
    return f"{label(collection, data)} ({data.get('unit_number') or '?'})"


def find(wc: WorkingCopy) -> list[Pair]:
    """The pairs of possible duplicates in the copy, by kind then reason."""
    with wc.session() as db:
        ctx = StoreContext(db)
        records = {c: ctx.find(c) for c in ("learners", "companies", "establishment_units")}
    pairs: list[Pair] = []
    seen: set[tuple[str, str]] = set()

    def add(collection: str, reason: str, a: tuple[str, Any], b: tuple[str, Any]) -> None:
        first, second = sorted((a, b), key=lambda r: r[0])
        if (first[0], second[0]) in seen:
            return
        seen.add((first[0], second[0]))
        pairs.append(Pair(collection, reason, first[0], second[0],
                          _describe(collection, first[1]), _describe(collection, second[1])))

    def same(collection: str, reason: str, key: Any) -> None:
        groups: dict[Any, list[tuple[str, Any]]] = {}
        for record_id, data in records[collection]:
            value = key(data)
            if value:
                groups.setdefault(value, []).append((record_id, data))
        for group in groups.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    add(collection, reason, a, b)

    same("learners", "même NISS", lambda d: d.get("niss"))
    same("learners", "mêmes nom, prénom et date de naissance", lambda d: (
        fold(d.get("last_name")), fold(d.get("first_name")), d.get("birth_date"))
        if d.get("last_name") and d.get("birth_date") else None)  # fmt: skip
    same("companies", "même numéro d'entreprise", lambda d: d.get("enterprise_number"))
    blocks: dict[str, list[tuple[str, Any, str]]] = {}
    for record_id, data in records["companies"]:
        key = company_key(data.get("name"))
        if len(key) >= 3:
            blocks.setdefault(key[:3], []).append((record_id, data, key))
    for block in blocks.values():
        for i, (a_id, a, a_key) in enumerate(block):
            for b_id, b, b_key in block[i + 1:]:
                if a_key == b_key or SequenceMatcher(None, a_key, b_key).ratio() >= SIMILAR:
                    add("companies", "noms proches", (a_id, a), (b_id, b))
    same("establishment_units", "même numéro d'unité", lambda d: d.get("unit_number"))
    order = list(KINDS_FR)
    pairs.sort(key=lambda p: (order.index(p.collection), p.first_label.casefold()))
    return pairs


def merge(session: SyncSession, collection: str, kept: str, merged: str) -> Synced:
    """Merge ``merged`` into ``kept`` on the server (OFFA staff), then sync this copy."""
    session.client().merge(collection, kept, merged, device_name())
    return sync_now(session)
