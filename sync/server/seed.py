"""``seed-demo``: reference data, the demo accounts and realistic working records."""

from __future__ import annotations

from sqlalchemy import Engine

from sync.server import setup


def seed_demo(engine: Engine, size: int, seed: int = 0) -> dict[str, int]:
    """Load reference data, create the demo accounts, then ``size`` contracts' worth of records."""
    from offa_desktop import reference_data

    setup.load_reference(engine, reference_data.load())
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
    from offa_desktop.demo.generator import generate

    batch: list[tuple[str, str, dict[str, object]]] = []
    written = 0
    for item in generate(size, seed):
        batch.append(item)
        if len(batch) >= 2000:
            written += setup.put_records(engine, batch, user_id=None)
            batch = []
    if batch:
        written += setup.put_records(engine, batch, user_id=None)
    return {"accounts": accounts, "records": written}
