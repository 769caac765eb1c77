"""Queueing one local edit in table ``outbox``: the unit of work's edits and sync's own ops
(a merge, a person's resolution) are written by this one function."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import uuid4

from sqlalchemy import Connection
from sqlalchemy.dialects.sqlite import insert

from offa_desktop.store.tables import OP_PENDING, OUTBOX
from offa_desktop.store.types import utc_now


def append(
    conn: Connection,
    collection: str,
    record_id: str,
    kind: str,
    base_version: int | None,
    fields: Mapping[str, Any],
    resolution: Mapping[str, Any] | None = None,
) -> tuple[int, str]:
    """A new pending op in the caller's transaction; its ``(seq, op_id)``."""
    op_id = str(uuid4())
    result = conn.execute(
        insert(OUTBOX).values(
            op_id=op_id,
            collection=collection,
            record_id=record_id,
            kind=kind,
            base_version=base_version,
            fields=dict(fields),
            resolution=None if resolution is None else dict(resolution),
            created_at=utc_now(),
            state=OP_PENDING,
        )
    )
    seq = result.inserted_primary_key[0] if result.inserted_primary_key else 0
    return int(seq), op_id
