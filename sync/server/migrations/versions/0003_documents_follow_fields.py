"""documents follow the fields: a learner's documents lose the coaches' keys

A coach reads only a learner's names and operator, so the documents of a learner (an identity
card scan) no longer carry the coaches' scope keys (``s:<sector>``). Each document that had
some gets a new version and a scope exit per key lost, so a coach's next pull erases it
(``out_of_scope``), as for any record leaving a scope.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

counter = sa.table("version_counter", sa.column("id"), sa.column("value"))
records = sa.table(
    "records", sa.column("collection"), sa.column("id"), sa.column("version"), sa.column("data")
)
keys = sa.table("record_keys", sa.column("collection"), sa.column("record_id"), sa.column("key"))
exits = sa.table(
    "scope_exits",
    sa.column("version"),
    sa.column("collection"),
    sa.column("record_id"),
    sa.column("key"),
    sa.column("at"),
)


def upgrade() -> None:
    conn = op.get_bind()
    # the version lock of every writer (store.Writer.lock), held to the commit
    if conn.execute(sa.update(counter).values(value=counter.c.value)).rowcount == 0:
        return  # a new database: no document yet
    top = conn.execute(sa.select(counter.c.value)).scalar_one()
    rows = conn.execute(
        sa.select(records.c.id, records.c.data).where(
            sa.and_(records.c.collection == "documents", records.c.data.is_not(None))
        )
    ).all()
    learner_docs = [
        r.id for r in rows if json.loads(r.data).get("record", "").startswith("learners/")
    ]
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    for doc_id in sorted(learner_docs):
        lost = (
            conn.execute(
                sa.select(keys.c.key).where(
                    sa.and_(
                        keys.c.collection == "documents",
                        keys.c.record_id == doc_id,
                        keys.c.key.like("s:%"),
                    )
                )
            )
            .scalars()
            .all()
        )
        if not lost:
            continue
        top += 1
        conn.execute(
            sa.update(records)
            .where(sa.and_(records.c.collection == "documents", records.c.id == doc_id))
            .values(version=top)
        )
        conn.execute(
            sa.delete(keys).where(
                sa.and_(
                    keys.c.collection == "documents",
                    keys.c.record_id == doc_id,
                    keys.c.key.in_(lost),
                )
            )
        )
        conn.execute(
            sa.insert(exits),
            [
                {
                    "version": top,
                    "collection": "documents",
                    "record_id": doc_id,
                    "key": k,
                    "at": now,
                }
                for k in sorted(lost)
            ],
        )
    conn.execute(sa.update(counter).values(value=top))


def downgrade() -> None:
    pass  # the keys follow the rule of the code that runs; nothing to undo in the data
