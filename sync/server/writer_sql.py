"""The statements ``Writer`` (``sync/server/writer.py``) sends: its PostgreSQL SQL text (the
version lock's queue and counter, a push's opening reads, what committed since an optimistic
writer's base) and the column lists and record update of its writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, update

from sync.server.models import op_results, record_index, record_keys, records, version_counter

# The queue of the version lock on PostgreSQL (``Writer._queue_for_lock``): an advisory lock
# whose key is the counter table's oid (one queue per schema), in the one-key (bigint) space,
# apart from the two-key locks of ``throttle``.
QUEUE_SQL = (
    f"SELECT pg_advisory_xact_lock((4090::bigint << 32) + "
    f"'{version_counter.name}'::regclass::oid::bigint)"
)
COUNTER_SQL = f"UPDATE {version_counter.name} SET value = value RETURNING value"
COUNTER_READ_SQL = f"SELECT value FROM {version_counter.name}"
# A push's opening reads on PostgreSQL (``Writer.open_push``), sent in one pipeline.
RESULTS_SQL = f"SELECT op_id, user_id, result FROM {op_results.name} WHERE op_id = ANY(%s)"
RECORDS_SQL = (
    f"SELECT collection, id, version, deleted, data, updated_at, updated_by FROM {records.name} "
    "WHERE collection = %s AND id = ANY(%s)"
)
KEYS_SQL = (
    f"SELECT record_id, key FROM {record_keys.name} WHERE collection = %s AND record_id = ANY(%s)"
)
# What committed since an optimistic writer's base (``lock_and_check``): records and their
# index rows.
CHANGED_SQL = (
    f"SELECT r.collection, r.id, i.field, i.value FROM {records.name} r "
    f"LEFT OUTER JOIN {record_index.name} i "
    "ON i.collection = r.collection AND i.record_id = r.id WHERE r.version > %s"
)
RECORD_COLUMNS = ("collection", "id", "version", "deleted", "data", "updated_at", "updated_by")
EXIT_COLUMNS = ("version", "collection", "record_id", "key", "at")


def record_update() -> Any:
    return (
        update(records)
        .where(
            and_(
                records.c.collection == bindparam("b_collection"),
                records.c.id == bindparam("b_id"),
            )
        )
        .values(
            version=bindparam("version"),
            deleted=bindparam("deleted"),
            data=bindparam("data"),
            updated_at=bindparam("updated_at"),
            updated_by=bindparam("updated_by"),
        )
    )
