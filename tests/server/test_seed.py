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
