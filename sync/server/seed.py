"""``seed-demo``: reference data, the demo accounts and realistic working records."""

from __future__ import annotations

from sqlalchemy import Engine

from sync.server import setup


def seed_demo(engine: Engine, size: int, seed: int = 0) -> dict[str, int]:
    """Load reference data, create the demo accounts, then ``size`` contracts' worth of records."""
    from offa_desktop import reference_data

    setup.load_reference(engine, reference_data.load())
    accounts = 0
    try:
        from offa_desktop.demo.accounts import DEMO_ACCOUNTS
    except ImportError:  # pragma: no cover - written in parallel by the store engineer
        DEMO_ACCOUNTS = ()
    for account in DEMO_ACCOUNTS:
        fields = account if isinstance(account, dict) else vars(account)
        setup.put_user(
            engine,
            username=fields["username"],
            password=fields["password"],
            role=fields["role"],
            operator_code=fields.get("operator") or fields.get("operator_code"),
            sectors=list(fields.get("sectors") or ()),
            display_name=fields.get("display_name"),
        )
        accounts += 1
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
