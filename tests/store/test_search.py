"""Full-text search: accents and letters without decomposition, prefixes, identifiers typed with
separators, and an index that follows edits and deletions."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.search import fts_query
from tests.store.conftest import company, enterprise_number, learner, next_version, niss
from tests.store.indexed import indexed_words
from tests.store.server_rows import put_server_record

UNIT = "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0201"


@pytest.fixture
def ids(wc: WorkingCopy) -> dict[str, str]:
    with wc.unit_of_work() as uow:
        learner_id = uow.create("learners", learner())  # Hélène Wałęsa, Bruxelles
        company_id = uow.create("companies", company())  # Boulangerie Ștefan
        put_server_record(
            uow,
            "establishment_units",
            UNIT,
            10,
            False,
            {
                "company_id": company_id,
                "unit_number": "2000000093",
                "name": "Atelier Øresund",
                "street": "Rue Féronstrée 1",
                "postal_code": "4000",
                "city": "Liège",
                "region": "wal",
            },  # fmt: skip
            None,
            None,
        )
    return {"learner": learner_id, "company": company_id, "unit": UNIT}


def found(wc: WorkingCopy, typed: str) -> set[str]:
    with wc.session() as s:
        return {hit.id for hit in queries.search(s, typed)}


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("helene", "learner"),
        ("HÉLÈNE", "learner"),
        ("walesa", "learner"),  # ł has no Unicode decomposition: folded by the triggers
        ("Wałęsa", "learner"),
        ("wał", "learner"),  # prefix
        ("hel wal", "learner"),  # every word a prefix, all words needed
        ("stefan", "company"),  # ș (comma below)
        ("Ştefan", "company"),  # ş (cedilla): same letter for a person
        ("boulang", "company"),
        ("oresund", "unit"),  # ø
        ("liege", "unit"),
        ("0403.170.701", "company"),  # enterprise number typed as printed
        ("BE 0403 170 701", "company"),
        ("04.03.12-123", "learner"),  # NISS typed with separators, a prefix of it
    ],
)
def test_search_finds_whatever_the_accents(wc: WorkingCopy, ids: dict[str, str], typed: str,
                                           who: str) -> None:  # fmt: skip
    assert found(wc, typed) == {ids[who]}


def test_search_misses_what_does_not_match(wc: WorkingCopy, ids: dict[str, str]) -> None:
    assert found(wc, "helene stefan") == set()
    assert found(wc, "xyz") == set()
    assert found(wc, "   ") == set()
    assert found(wc, '"*') == set()  # FTS syntax typed by a person is not an error


def test_hits_are_described_in_french(wc: WorkingCopy, ids: dict[str, str]) -> None:
    with wc.session() as s:
        [hit] = queries.search(s, "walesa")
    assert (hit.collection, hit.title) == ("learners", "Wałęsa Hélène")
    assert "Bruxelles" in hit.subtitle


def test_index_follows_edits_and_deletions(wc: WorkingCopy, ids: dict[str, str]) -> None:
    with wc.unit_of_work() as uow:
        uow.update("learners", ids["learner"], {"last_name": "Popescu"})
    assert found(wc, "walesa") == set()
    assert found(wc, "popescu") == {ids["learner"]}
    with wc.unit_of_work() as uow:
        uow.delete("learners", ids["learner"])
    assert found(wc, "popescu") == set()
    with wc.unit_of_work() as uow:  # the server brings it back to life
        put_server_record(uow, "learners", ids["learner"], 20, False, learner(), None, None)
    assert found(wc, "walesa") == {ids["learner"]}
    with wc.engine.connect() as conn:  # the names' own index (0026) followed each step
        names = indexed_words(conn, "search_names")
        live = conn.exec_driver_sql("SELECT count(*) FROM learners WHERE NOT deleted").scalar()
    assert len(names) == live and all(c == "learners" for c, *_ in names)
    assert [n for _, i, n in names if i == ids["learner"]] == ["walesa helene"]  # ł folded by hand


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("Jean-Pierre d'Hondt") == '"Jean"* "Pierre"* "d"* "Hondt"*'
    assert fts_query("BE 0403.170.701") == '"0403170701"*'
    assert fts_query("Łucja") == '"Lucja"*'
    assert fts_query(" - ") is None


def _record(uow: Any, collection: str, data: dict[str, Any]) -> str:
    record_id = str(uuid.uuid4())
    put_server_record(uow, collection, record_id, next_version(), False, data, None, None)
    return record_id


@pytest.fixture
def named(wc: WorkingCopy) -> None:
    """Records that 'mart' finds in every way: a name starting so (rank 0), a word starting so
    (rank 1), a city or a contract's referent (rank 2), for each kind."""
    with wc.unit_of_work() as uow:
        people = {}
        for serial, (last, first, city) in enumerate((
            ("Martinez", "Paul", "Namur"), ("Martin", "Julie", "Liège"),
            ("Dupont", "Martine", "Namur"), ("Lebrun", "Marc", "Martelange"),
            ("MARTIN", "Alain", "Arlon"), ("Wałęsa", "Hélène", "Bruxelles"),
        ), start=1):  # fmt: skip
            people[last] = _record(uow, "learners", learner(
                last_name=last, first_name=first, city=city, niss=niss("2004-03-12", serial)))
        companies = [_record(uow, "companies", company(name=name,
                     enterprise_number=enterprise_number(4031700 + i)))
                     for i, name in enumerate(("Boulangerie Martin", "Martin & Fils",
                                               "Boulangerie Ștefan"))]
        units = [_record(uow, "establishment_units", {
            "company_id": companies[2], "unit_number": f"200000{i:04d}", "name": name,
            "street": "Rue Féronstrée 1", "postal_code": "4000", "city": "Liège",
            "region": "wal"}) for i, name in enumerate(("Atelier Martin", "Martinique"))]
        for who, referent in (("Martin", "Anne Dubois"), ("Wałęsa", "Pierre Martin")):
            _record(uow, "contracts", {
                "learner_id": people[who], "establishment_unit_id": units[1],
                "referent_name": referent, "trade_code": "boulanger",
                "start_date": "2026-09-01", "end_date": "2027-08-31", "status": "draft"})


# 'mart': rank 0 (the name starts so), then 1 (a word does), then 2; within a rank learners,
# contracts, companies, units; within a kind by name.
MART = [
    ("learners", "MARTIN Alain"), ("learners", "Martin Julie"), ("learners", "Martinez Paul"),
    ("contracts", "Martin Julie · Boulangerie Ștefan"), ("companies", "Martin & Fils"),
    ("establishment_units", "Martinique"),
    ("learners", "Dupont Martine"), ("companies", "Boulangerie Martin"),
    ("establishment_units", "Atelier Martin"),
    ("learners", "Lebrun Marc"), ("contracts", "Wałęsa Hélène · Boulangerie Ștefan"),
]  # fmt: skip


@pytest.mark.usefixtures("named")
def test_search_order_best_names_first_then_kinds_then_names(wc: WorkingCopy) -> None:
    """The order stays this whatever the limit (from 3: each kind's candidates, 2 × limit of
    its own, are then every match of it): kinds that cannot make the cut are not read, the
    first ones stay."""
    with wc.session() as s:
        for typed in ("mart", "MÄRT", " mart "):
            for limit in range(3, len(MART) + 2):
                hits = queries.search(s, typed, limit)
                assert [(h.collection, h.title) for h in hits] == MART[:limit], (typed, limit)
        assert [h.title for h in queries.search(s, "jul mart")] == [
            "Martin Julie", "Martin Julie · Boulangerie Ștefan"]  # every word starts a name
        assert [h.title for h in queries.search(s, "wałę")] == [
            "Wałęsa Hélène", "Wałęsa Hélène · Boulangerie Ștefan"]
