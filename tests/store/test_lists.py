"""Lists sorted, filtered and paged in SQL: every sort, both directions, pages that join up, and
counts that match, on demo data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.store import queries
from offa_desktop.store.contract_list import (
    CONTRACT_SORTS,
    ContractQuery,
    ContractRow,
    sort_key,
)
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.tables import CONFLICTS, OUTBOX
from offa_desktop.store.types import utc_now
from tests.store.server_rows import erase_record, put_server_record

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkingCopy]:
    wc = WorkingCopy.open(tmp_path_factory.mktemp("lists") / "wc.sqlite3")
    fill_working_copy(wc, 160, seed=7, today=TODAY)
    yield wc
    wc.close()


def everything(wc: WorkingCopy, collection: str) -> dict[str, dict[str, Any]]:
    with wc.session() as s:
        return {r.id: r.data for r in queries.page(s, collection, limit=100_000)}


def expected_order(wc: WorkingCopy, sort: str, descending: bool) -> list[str]:
    """The contracts list's order computed in Python from the records themselves."""
    contracts = everything(wc, "contracts")
    learners = everything(wc, "learners")
    units = everything(wc, "establishment_units")
    companies = everything(wc, "companies")
    trades = {t["code"]: t["name"] for t in everything(wc, "trades").values()}

    def key(cid: str) -> tuple[Any, ...]:
        c = contracts[cid]
        if sort == "learner":
            lr = learners.get(c["learner_id"])
            if lr is None:
                return ("",)  # a learner not (yet) in the copy: first
            return (sort_key(lr["last_name"] + "\x1f" + lr["first_name"]),)
        if sort == "company":
            return (sort_key(companies[units[c["establishment_unit_id"]]["company_id"]]["name"]),)
        if sort == "trade":
            return (sort_key(trades[c["trade_code"]]),)
        if sort == "operator":
            return (c["operator_code"],)
        if sort == "sync_state":
            return ("synced",)
        return (c[sort],)

    return sorted(contracts, key=lambda cid: (key(cid), cid), reverse=descending)


def rows(wc: WorkingCopy, query: ContractQuery, page: int = 37) -> list[ContractRow]:
    out: list[ContractRow] = []
    with wc.session() as s:
        total = queries.contract_count(s, query)
        while True:
            got = queries.contract_rows(s, query, offset=len(out), limit=page)
            out += got
            if len(got) < page:
                break
    assert len(out) == total
    return out


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", CONTRACT_SORTS)
def test_every_sort_pages_in_the_right_order(
    demo: WorkingCopy, sort: str, descending: bool
) -> None:
    got = [r.id for r in rows(demo, ContractQuery(sort=sort, descending=descending))]
    assert got == expected_order(demo, sort, descending)
    assert len(got) == 160


def test_rows_show_names_not_ids(demo: WorkingCopy) -> None:
    contracts = everything(demo, "contracts")
    learners = everything(demo, "learners")
    with demo.session() as s:
        [first] = queries.contract_rows(s, ContractQuery(sort="learner"), 0, 1)
    data = contracts[first.id]
    lr = learners[data["learner_id"]]
    assert first.learner_name == f"{lr['last_name']} {lr['first_name']}"
    assert first.start_date == date.fromisoformat(data["start_date"])
    assert first.status == data["status"] and first.sync_state == "synced"
    assert first.company_name and first.trade_name and first.operator_name


def test_filters_and_counts(demo: WorkingCopy) -> None:
    contracts = everything(demo, "contracts")
    units = everything(demo, "establishment_units")
    for query, keep in (
        (ContractQuery(status="active"), lambda c: c["status"] == "active"),
        (ContractQuery(operator="ifapme"), lambda c: c["operator_code"] == "ifapme"),
        (ContractQuery(trade="boulanger"), lambda c: c["trade_code"] == "boulanger"),
        (
            ContractQuery(region="bxl", status="ended"),
            lambda c: (
                units[c["establishment_unit_id"]]["region"] == "bxl" and c["status"] == "ended"
            ),
        ),
    ):
        wanted = {cid for cid, c in contracts.items() if keep(c)}
        assert wanted, query  # the demo data has some of each
        assert {r.id for r in rows(demo, query)} == wanted


def test_text_filter_reaches_learner_company_and_city(demo: WorkingCopy) -> None:
    contracts = everything(demo, "contracts")
    learners = everything(demo, "learners")
    some = next(iter(contracts.values()))
    name = learners[some["learner_id"]]["last_name"]
    wanted = {cid for cid, c in contracts.items() if learners[c["learner_id"]]["last_name"] == name}
    got = {r.id for r in rows(demo, ContractQuery(text=name))}
    assert wanted <= got
    units = everything(demo, "establishment_units")
    in_mons = {cid for cid, c in contracts.items()
               if units[c["establishment_unit_id"]]["city"] == "Mons"}  # fmt: skip
    assert in_mons <= {r.id for r in rows(demo, ContractQuery(text="mons"))}


def test_sync_state_column(tmp_path: Path) -> None:
    wc = WorkingCopy.open(tmp_path / "wc.sqlite3")
    fill_working_copy(wc, 12, seed=3, today=TODAY, base=False)
    ids = sorted(everything(wc, "contracts"))
    with wc.unit_of_work() as uow:
        s = uow.session
        for record_id, state in ((ids[0], "pending"), (ids[1], "rejected"), (ids[2], None)):
            if state:
                s.execute(OUTBOX.insert().values(op_id=f"op-{record_id}", collection="contracts",
                                                 record_id=record_id, kind="update",
                                                 base_version=1, fields={},
                                                 created_at=utc_now(), state=state))  # fmt: skip
        s.execute(CONFLICTS.insert().values(collection="contracts", record_id=ids[2],
                                            details={}, created_at=utc_now()))  # fmt: skip
    states = {r.id: r.sync_state for r in rows(wc, ContractQuery(sort="sync_state"))}
    assert (states[ids[0]], states[ids[1]], states[ids[2]]) == ("pending", "rejected", "conflict")
    assert sum(1 for v in states.values() if v == "synced") == len(ids) - 3
    ordered = [r.sync_state for r in rows(wc, ContractQuery(sort="sync_state"))]
    assert ordered == sorted(ordered)
    wc.close()


def test_generic_page_sorts_filters_and_rejects_unknown_columns(demo: WorkingCopy) -> None:
    learners = everything(demo, "learners")
    with demo.session() as s:
        got = [r.id for r in queries.page(s, "learners", sort="birth_date", descending=True,
                                          offset=5, limit=10)]  # fmt: skip
        expected = sorted(learners, key=lambda i: (learners[i]["birth_date"], i), reverse=True)
        assert got == expected[5:15]
        bxl = queries.count(s, "learners", filters={"operator_code": ["sfpme", "cefa-bruxelles"]})
        assert bxl == sum(
            1 for d in learners.values() if d["operator_code"] in ("sfpme", "cefa-bruxelles")
        )
        with pytest.raises(ValueError):
            queries.page(s, "learners", sort="password")
        with pytest.raises(ValueError):
            queries.count(s, "learners", filters={"nope": 1})


def test_sort_keys_follow_parents_arriving_late_and_renames(tmp_path: Path) -> None:
    wc = WorkingCopy.open(tmp_path / "wc.sqlite3")
    fill_working_copy(wc, 6, seed=9, today=TODAY, base=False)
    contracts = everything(wc, "contracts")
    learners = everything(wc, "learners")
    cid, data = sorted(contracts.items())[0]
    lid = data["learner_id"]
    with wc.unit_of_work() as uow:  # a page brings the contract before its learner
        erase_record(uow, "learners", lid)
    assert rows(wc, ContractQuery(sort="learner"))[0].id == cid  # no name: first
    with wc.unit_of_work() as uow:
        put_server_record(uow, "learners", lid, 900, False,
                              {**learners[lid], "last_name": "Zzyzx"}, None, None)  # fmt: skip
    assert rows(wc, ContractQuery(sort="learner"))[-1].id == cid
    assert rows(wc, ContractQuery(sort="learner", descending=True))[0].id == cid
    assert [r.id for r in rows(wc, ContractQuery(sort="learner"))] == expected_order(
        wc, "learner", False
    )
    # a company renamed moves its contracts
    unit = everything(wc, "establishment_units")[data["establishment_unit_id"]]
    companies = everything(wc, "companies")
    with wc.unit_of_work() as uow:
        put_server_record(uow, "companies", unit["company_id"], 901, False,
                              {**companies[unit["company_id"]], "name": "AAA Première"},
                              None, None)  # fmt: skip
    first = rows(wc, ContractQuery(sort="company"))[0]
    assert first.company_name == "AAA Première"
    assert [r.id for r in rows(wc, ContractQuery(sort="company"))] == expected_order(
        wc, "company", False
    )
    wc.close()


def test_a_sorted_page_reads_the_sort_index_once_analyzed(tmp_path: Path) -> None:
    """With the statistics ANALYZE gives a 100,000-contract copy (copied here into
    sqlite_stat1: "deleted" one value for every row), no unfiltered sort reads every contract
    and sorts them for one page (USE TEMP B-TREE FOR ORDER BY): 2-4 s on an encrypted copy,
    against 1-5 ms reading the sort column's index in order."""
    from sqlalchemy import text

    from offa_desktop.store.contract_list import page_statement

    wc = WorkingCopy.open(tmp_path / "wc.sqlite3")
    try:
        fill_working_copy(wc, 40, seed=3, today=TODAY)
        with wc.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
            conn.execute(text(
                "DELETE FROM sqlite_stat1 WHERE tbl IN ('contracts', 'list_contract_keys')"))
            keys = {"ix_list_contract_keys_sync_key": "100000 100000 1",
                    "ix_list_contract_keys_trade_key": "100000 5264 1",
                    "ix_list_contract_keys_company_key": "100000 8 1",
                    "ix_list_contract_keys_learner_key": "100000 2 1",
                    "sqlite_autoindex_list_contract_keys_1": "100000 1"}
            stats = {"ix_contracts_figures": "100000 100000 51 22 4 2 1 1",
                     "ix_contracts_live_status": "100000 100000 16667",
                     "ix_contracts_operator_code_id": "100000 12500 1",
                     "ix_contracts_start_date_id": "100000 51 1",
                     "ix_contracts_end_date_id": "100000 46 1",
                     "ix_contracts_level_id": "100000 33334 1",
                     "ix_contracts_status_id": "100000 16667 1",
                     "ix_contracts_status_start": "100000 16667 22",
                     "sqlite_autoindex_contracts_1": "100000 1"}
            for table, by_index in (("list_contract_keys", keys), ("contracts", stats)):
                for index, stat in by_index.items():
                    conn.execute(text("INSERT INTO sqlite_stat1 VALUES (:t, :i, :s)"),
                                 {"t": table, "i": index, "s": stat})
            conn.execute(text("ANALYZE sqlite_schema"))  # the statistics read again
            for sort in CONTRACT_SORTS:
                for descending in (False, True):
                    sql = str(page_statement(ContractQuery(sort=sort, descending=descending),
                                             0, 100).compile(
                        conn, compile_kwargs={"literal_binds": True}))
                    plan = [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
                    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, (sort, descending, plan)
    finally:
        wc.close()
