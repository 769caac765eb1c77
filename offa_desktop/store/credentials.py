"""The ``credentials`` table: a login's token pair kept in the (encrypted) working copy when the
computer has no secure keyring. Plain text in, plain text out; sync's ``TokenVault`` is made of
these by ``offa_desktop/ops/protection/tokens.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offa_desktop.store.db import WorkingCopy


def read_credential(wc: WorkingCopy, name: str) -> str | None:
    from sqlalchemy import select

    from offa_desktop.store.tables import CREDENTIALS

    with wc.session() as db:
        value = db.execute(
            select(CREDENTIALS.c.value).where(CREDENTIALS.c.name == name)
        ).scalar()
    return None if value is None else str(value)


def write_credential(wc: WorkingCopy, name: str, value: str | None) -> None:
    """Keep ``value`` under ``name`` (None forgets it), in its own transaction."""
    from sqlalchemy import delete
    from sqlalchemy.dialects.sqlite import insert

    from offa_desktop.store.tables import CREDENTIALS

    with wc.unit_of_work() as uow:
        if value is None:
            uow.session.execute(delete(CREDENTIALS).where(CREDENTIALS.c.name == name))
            return
        stmt = insert(CREDENTIALS).values(name=name, value=value)
        uow.session.execute(
            stmt.on_conflict_do_update(index_elements=["name"], set_={"value": value})
        )
