"""The first look (sqlite3 alone, used for the first paint) gives exactly the rows, count and filter
choices of the store's SQLAlchemy queries, and opening a sound working copy imports no
SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from offa_desktop.store import queries
from offa_desktop.store.contract_list import ContractQuery, contract_count, contract_rows
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.first_look import FirstLook
from offa_desktop.store.list_rows import CONTRACT_SORTS, ContractRow
from offa_desktop.store.tables import CONFLICTS, OUTBOX
from offa_desktop.store.types import utc_now

TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkingCopy]:
    """Demo data with every sync state, a deleted contract and one whose learner is unknown."""
    wc = WorkingCopy.open(tmp_path_factory.mktemp("first-look") / "wc.sqlite3")
    fill_working_copy(wc, 90, seed=11, today=TODAY)
    with wc.session() as s:
        ids = sorted(r.id for r in queries.page(s, "contracts", limit=1000))
    with wc.unit_of_work() as uow:
        uow.update("contracts", ids[0], {"referent_name": "Łukasz Ţăran"})  # pending
        uow.delete("contracts", ids[1])
        uow.session.execute(  # as pulled before its learner (out of scope, or later)
            text("UPDATE contracts SET learner_id = :lr WHERE id = :id"),
            {"lr": "00000000-0000-4000-8000-000000000000", "id": ids[2]},
        )
        uow.session.execute(OUTBOX.insert().values(
            op_id="op-rejected", collection="contracts", record_id=ids[3], kind="update",
            base_version=1, fields={}, created_at=utc_now(), state="rejected"))  # fmt: skip
        conflict = {"collection": "contracts", "record_id": ids[4], "details": {}}
        uow.session.execute(CONFLICTS.insert().values(**conflict, created_at=utc_now()))
    yield wc
    wc.close()


def store_pages(wc: WorkingCopy, sort: str, descending: bool, size: int) -> list[ContractRow]:
    out: list[ContractRow] = []
    query = ContractQuery(sort=sort, descending=descending)
    with wc.session() as s:
        while got := contract_rows(s, query, len(out), size):
            out += got
    return out


def look_pages(look: FirstLook, sort: str, descending: bool, size: int) -> list[ContractRow]:
    out: list[ContractRow] = []
    while got := look.contract_page(sort, descending, len(out), size):
        out += got
    return out


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", CONTRACT_SORTS)
def test_same_rows_as_the_store_for_every_sort(
    demo: WorkingCopy, sort: str, descending: bool
) -> None:
    look = FirstLook(demo.path)
    try:
        got = look_pages(look, sort, descending, 13)
    finally:
        look.close()
    expected = store_pages(demo, sort, descending, 13)
    assert got == expected
    assert len(got) == 89  # 90 contracts, one deleted
    states = {r.sync_state for r in got}
    assert {"synced", "pending", "rejected", "conflict"} <= states
    assert any(isinstance(r.start_date, date) for r in got)


def test_same_count_and_filter_choices_as_the_store(demo: WorkingCopy) -> None:
    look = FirstLook(demo.path)
    try:
        with demo.session() as s:
            assert look.contract_count() == contract_count(s, ContractQuery()) == 89
            for collection in ("operators", "trades", "sectors"):
                rows = queries.reference(s, collection)
                pairs = sorted(
                    ((str(r["code"]), str(r.get("name") or r["code"])) for r in rows if r["code"]),
                    key=lambda p: p[1].casefold(),
                )
                assert look.reference_choices(collection) == pairs
                assert pairs
        assert look.reference_choices("contracts") is None  # no code/name: ask the store
    finally:
        look.close()
    assert not look.open
    with pytest.raises(RuntimeError):
        look.contract_count()


def test_opening_a_sound_working_copy_imports_no_sqlalchemy(demo: WorkingCopy) -> None:
    """The first paint reads through the first look while SQLAlchemy is not loaded yet."""
    code = (
        "import sys\n"
        "from offa_desktop.store.db import WorkingCopy\n"
        "from offa_desktop.store.first_look import FirstLook\n"
        f"wc = WorkingCopy.open({str(demo.path)!r})\n"
        "look = FirstLook(wc.path)\n"
        "rows = look.contract_page('learner', False, 0, 50)\n"
        "print(len(rows), look.contract_count(), 'sqlalchemy' in sys.modules)\n"
        "look.close()\n"
        "with wc.session():\n"
        "    pass\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["50", "89", "False", "True"]
