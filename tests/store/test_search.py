"""Full-text search: accents and letters without decomposition, prefixes, identifiers typed with
separators, and an index that follows edits and deletions."""

from __future__ import annotations

import pytest

from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.search import fts_query
from tests.store.conftest import company, learner
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


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("Jean-Pierre d'Hondt") == '"Jean"* "Pierre"* "d"* "Hondt"*'
    assert fts_query("BE 0403.170.701") == '"0403170701"*'
    assert fts_query("Łucja") == '"Lucja"*'
    assert fts_query(" - ") is None
