"""``seed-demo``: reference data, the demo accounts and realistic working records."""

from __future__ import annotations

from sqlalchemy import Engine

from sync.server import setup


def seed_demo(engine: Engine, size: int, seed: int = 0) -> dict[str, int]:
    """Load reference data, create the demo accounts, then ``size`` contracts' worth of records."""
    from offa_desktop.demo.deadlines import demo_reference
    from offa_desktop.demo.generator import DemoGenerator
    from offa_desktop.domain.values import brussels_today

    gen = DemoGenerator(seed, brussels_today())
    setup.load_reference(engine, demo_reference(gen.today))
    from offa_desktop.demo.accounts import DEMO_ACCOUNTS

    for account in DEMO_ACCOUNTS:
        setup.put_user(
            engine,
            username=account.username,
            password=account.password,
            role=account.role,
            operator_code=account.operator,
            sectors=list(account.sectors),
            display_name=account.display_name,
            email=account.email,
            user_id=account.id,
        )
    accounts = len(DEMO_ACCOUNTS)
    stamps = gen.scenarios.stamps  # claims waiting since a past day (the radar's)
    batch: list[tuple[str, str, dict[str, object]]] = []
    written = 0
    for item in gen.records(size):
        batch.append(item)
        if len(batch) >= 2000:
            written += setup.put_records(engine, batch, user_id=None, stamps=stamps)
            batch = []
    if batch:
        written += setup.put_records(engine, batch, user_id=None, stamps=stamps)
    if gen.scenarios.later:  # later states (an approval suspended after its contracts)
        setup.put_records(engine, list(gen.scenarios.later), user_id=None)
    return {"accounts": accounts, "records": written}
