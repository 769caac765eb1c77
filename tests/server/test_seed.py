"""``seed-demo``: the demo accounts and generated records, valid under the server's rules."""

from __future__ import annotations

import uuid
from pathlib import Path

from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from sync.server.db import make_engine
from sync.server.embedded import EmbeddedServer
from sync.server.seed import seed_demo
from tests.server.api import ApiClient, op


def test_seeded_demo_is_served_by_scope(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    server = EmbeddedServer(url, demo_size=15)
    base = server.start()
    try:
        again = seed_demo(make_engine(url), 0)  # accounts again (updated), no new contract
        assert again["accounts"] == len(DEMO_ACCOUNTS)
        by_name = {a.username: a for a in DEMO_ACCOUNTS}
        offa = ApiClient(base, "offa", by_name["offa"].password)
        offa.pull_all(checksum=True)
        users = {rid for (c, rid) in offa.replica if c == "users"}
        assert {a.id for a in DEMO_ACCOUNTS} <= users
        contracts = {rid: d for (c, rid), (_v, d) in offa.replica.items() if c == "contracts"}
        assert len(contracts) == 15
        coach = ApiClient(base, "coach", by_name["coach"].password)
        coach.pull_all()
        sectors = set(by_name["coach"].sectors)
        trades = {
            d["code"]: d["sector"] for (c, _i), (_v, d) in offa.replica.items() if c == "trades"
        }
        for (collection, rid), (_v, data) in coach.replica.items():
            if collection == "companies":
                units = [
                    i
                    for (c, i), (_v2, u) in offa.replica.items()
                    if c == "establishment_units" and u["company_id"] == rid
                ]
                approval_sectors = {
                    trades[a["trade_code"]]
                    for (c, _i), (_v2, a) in offa.replica.items()
                    if c == "approvals" and a["establishment_unit_id"] in units
                }
                assert data["sector"] in sectors or approval_sectors & sectors
            assert collection != "incentive_claims"
        # a seeded record takes an edit through the full rules
        cid, (version, _data) = next(
            ((rid, vd) for (c, rid), vd in offa.replica.items() if c == "companies")
        )
        result = offa.push([op("companies", cid, "update", version, {"phone": "081 12 34 56"})])
        assert result[0]["status"] == "applied", result
        assert uuid.UUID(cid)
    finally:
        server.stop()


def test_bulk_load_writes_the_side_rows_of_record_by_record_writes(tmp_path: Path) -> None:
    """``put_records`` keeps index and key rows in memory and writes them at the end
    (``Writer.buffer``): the same ``records``, ``record_index``, ``record_keys`` and
    ``scope_exits`` rows as writing each record's rows at once (demo data: companies, units,
    approvals and contracts whose keys cascade)."""
    from sqlalchemy import select

    from sync.server import setup
    from sync.server.models import record_index, record_keys, records, scope_exits
    from sync.server.writer import Writer

    def tables(buffered: bool) -> list[list[tuple[object, ...]]]:
        url = f"sqlite:///{tmp_path / f'demo-{buffered}.sqlite3'}"
        original = Writer.buffer
        if not buffered:
            Writer.buffer = lambda self: None  # type: ignore[method-assign]
        try:
            engine = make_engine(url)
            setup.upgrade(engine)
            seed_demo(engine, 40)
        finally:
            Writer.buffer = original  # type: ignore[method-assign]
        with engine.connect() as conn:
            found = [
                sorted(tuple(row) for row in conn.execute(select(*columns)))
                for columns in (
                    (records.c.collection, records.c.id, records.c.version, records.c.data),
                    tuple(record_index.c),
                    tuple(record_keys.c),
                    (scope_exits.c.version, scope_exits.c.record_id, scope_exits.c.key),
                )
            ]
        engine.dispose()
        return found

    buffered, one_by_one = tables(True), tables(False)
    assert all(buffered[:3]), "records, their lookups and their keys"
    assert buffered == one_by_one
