"""Search on a copy a first sync filled in bulk: each kind's best matches, however many matches
of another kind were indexed after them (the rebuild indexes the contracts last), and still so
once the copy has been edited for a while (records indexed again by the triggers)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.store import files, replica
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.search import search
from offa_desktop.store.search_candidates import BLOCKS, TAIL
from tests.store.conftest import company, enterprise_number, learner, next_version, niss
from tests.store.server_rows import put_server_record

# A referent named like the learners: each of these contracts matches «cassart» and «a», and
# none of them ranks well (a contract is ranked on its learner's and company's names).
REFERENT = "Alain Cassart"
CONTRACTS = 130  # more than the 5 × 20 candidates a search took, all indexed last


def _change(collection: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"collection": collection, "id": str(uuid.uuid4()), "version": next_version(),
            "data": data, "updated_at": "2026-11-02T08:00:00Z", "updated_by": None}


def _contract(learner_id: str, unit_id: str) -> dict[str, Any]:
    return {"learner_id": learner_id, "establishment_unit_id": unit_id,
            "referent_name": REFERENT, "trade_code": "boulanger",
            "start_date": "2026-09-01", "end_date": "2027-08-31", "status": "draft"}


@pytest.fixture
def first_synced(wc: WorkingCopy) -> dict[str, str]:
    """The records as a first sync's bulk pages bring them (learners, then companies and
    units, then contracts: the server's order), the triggers aside and the search index
    rebuilt set-based after the last page (sync/engine.py, store/replica.py)."""
    people = [
        _change("learners", learner(last_name=last, first_name=first, city="Liège",
                                    postal_code="4000", niss=niss("2005-06-07", serial)))
        for serial, (last, first) in enumerate((
            ("Cassart", "Julie"), ("Cassart", "Marc"), ("Dubois", "Léo"), ("Aubry", "Paul"),
        ), start=1)
    ]  # fmt: skip
    firm = _change("companies", company(name="Boulangerie Lambert",
                                        enterprise_number=enterprise_number(5031700)))
    unit = _change("establishment_units", {
        "company_id": firm["id"], "unit_number": "2000000093", "name": "Atelier Lambert",
        "street": "Rue Féronstrée 1", "postal_code": "4000", "city": "Liège",
        "region": "wal"})  # fmt: skip
    julie, leo, paul = people[0]["id"], people[2]["id"], people[3]["id"]
    contracts = [_change("contracts", _contract(julie, unit["id"])),
                 _change("contracts", _contract(paul, unit["id"]))]
    contracts += [_change("contracts", _contract(leo, unit["id"])) for _ in range(CONTRACTS)]
    for page in (people, [firm, unit], contracts):
        with replica.transaction(wc) as tx:
            tx.defer_derived()
            tx.take_new(page)
    assert replica.rebuild_derived(wc)
    return {"julie": julie, "marc": people[1]["id"], "unit": unit["id"],
            "contracts": ",".join(c["id"] for c in contracts[2:])}


def shown(wc: WorkingCopy, typed: str, limit: int = 20) -> list[tuple[str, str]]:
    with wc.session() as s:
        return [(h.collection, h.title) for h in search(s, typed, limit)]


CASSART = [
    ("learners", "Cassart Julie"), ("learners", "Cassart Marc"),  # the name starts so
    ("contracts", "Cassart Julie · Boulangerie Lambert"),  # her contract, named after her
]
A = [
    ("learners", "Aubry Paul"), ("contracts", "Aubry Paul · Boulangerie Lambert"),
    ("establishment_units", "Atelier Lambert"),  # rank 0: the name starts with «a»
]


@pytest.mark.usefixtures("first_synced")
def test_a_learners_name_finds_the_learner_first_after_a_first_sync(wc: WorkingCopy) -> None:
    for typed in ("Cassart", "cass", "CASSART"):
        hits = shown(wc, typed)
        assert hits[:3] == CASSART, typed
        # then the contracts whose referent is named so (rank 2), up to the limit
        assert len(hits) == 20 and {c for c, _ in hits[3:]} == {"contracts"}, typed
    hits = shown(wc, "a")
    assert hits[:3] == A
    assert ("learners", "Cassart Julie") not in hits[3:]  # no word of her names starts so
    assert shown(wc, "cassart julie") == CASSART[::2]
    assert shown(wc, "cassart", limit=2) == CASSART[:2]


def test_the_rebuild_numbers_each_kind_in_its_range(wc: WorkingCopy,
                                                    first_synced: dict[str, str]) -> None:
    with wc.engine.connect() as conn:
        docs = conn.exec_driver_sql("SELECT docid, collection FROM search_docs").all()
    for docid, collection in docs:
        if collection:
            assert BLOCKS[collection] < docid < BLOCKS[collection] + (1 << 40)
        else:
            assert docid == TAIL  # the marker the triggers number after
    assert len(docs) == 4 + 2 + CONTRACTS + 2 + 1
    assert min(BLOCKS.values()) == files.FIRST_BLOCK  # files.py cannot import search.py


def test_a_long_edited_copy_still_finds_each_kind(wc: WorkingCopy,
                                                  first_synced: dict[str, str]) -> None:
    """Edits indexed again by the triggers (numbered after the marker, whatever their kind):
    a learner edited, then more contracts matching than a search's candidates pulled since."""
    with wc.unit_of_work() as uow:
        uow.update("learners", first_synced["marc"], {"city": "Namur"})
    contracts = first_synced["contracts"].split(",")
    with wc.unit_of_work() as uow:
        for contract_id in contracts[:110]:
            put_server_record(uow, "contracts", contract_id, next_version(), False,
                              _contract(first_synced["julie"], first_synced["unit"]))
    hits = shown(wc, "cassart")
    assert hits[:2] == CASSART[:2]
    assert {c for c, _ in hits[2:]} == {"contracts"}
    assert shown(wc, "a")[:3] == A


def test_an_index_numbered_before_the_ranges_is_rebuilt_at_the_next_open(
    tmp_path: Path, template_copy: Path
) -> None:
    """An older copy, or one a small first sync filled through the triggers: its documents
    are numbered from 1, kinds mixed; the next open rebuilds the index once."""
    path = tmp_path / "working-copy.sqlite3"
    path.write_bytes(template_copy.read_bytes())
    wc = WorkingCopy.open(path)
    with wc.unit_of_work() as uow:
        put_server_record(uow, "learners", str(uuid.uuid4()), next_version(), False,
                          learner(last_name="Cassart"))
    with wc.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT max(docid) FROM search_docs").scalar() == 1
    assert shown(wc, "cassart") == [("learners", "Cassart Hélène")]  # found meanwhile
    wc.close()
    assert files.derived_stale(path)
    wc = WorkingCopy.open(path)
    try:
        assert not files.derived_stale(path)
        with wc.engine.connect() as conn:
            docids = [r[0] for r in conn.exec_driver_sql("SELECT docid FROM search_docs")]
        assert docids == [BLOCKS["learners"] + 1, TAIL]
        assert shown(wc, "cassart") == [("learners", "Cassart Hélène")]
    finally:
        wc.close()
