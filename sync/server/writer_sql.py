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
# (with the server's clock: when the lock was granted, for the push trace)
COUNTER_SQL = (
    f"UPDATE {version_counter.name} SET value = value RETURNING value, "
    "extract(epoch FROM clock_timestamp())::float8"
)
COUNTER_READ_SQL = f"SELECT value FROM {version_counter.name}"
# A push's opening reads on PostgreSQL (``Writer.open_push``), sent in one pipeline.
# The ids go as one text, comma-separated (UUIDs, checked by the caller): a Python list was
# dumped by psycopg element by element, ~8 % of a push's CPU.
IDS = "string_to_array(%s, ',')"
RESULTS_SQL = f"SELECT op_id, user_id, result FROM {op_results.name} WHERE op_id = ANY({IDS})"
RECORDS_SQL = (
    f"SELECT collection, id, version, deleted, data, updated_at, updated_by FROM {records.name} "
    f"WHERE collection = %s AND id = ANY({IDS})"
)
KEYS_SQL = (
    f"SELECT record_id, key FROM {record_keys.name} "
    f"WHERE collection = %s AND record_id = ANY({IDS})"
)
# What committed since an optimistic writer's base (``lock_and_check``): records and their
# index rows.
CHANGED_SQL = (
    f"SELECT r.collection, r.id, i.field, i.value FROM {records.name} r "
    f"LEFT OUTER JOIN {record_index.name} i "
    "ON i.collection = r.collection AND i.record_id = r.id WHERE r.version > %s"
)
# The WAL flush barrier (``Writer.batch``; ``pull.pull``). A push commits with
# ``synchronous_commit`` off, so that the version lock (held to the commit) is not held across
# the WAL's fsync. Before anything it read or wrote is answered, the WAL must be flushed past
# its commit: a transaction that writes WAL (a transactional logical message: an xid and a
# record, a no-op at redo) and commits with the session's ``synchronous_commit`` flushes the
# WAL up to its own commit record, hence past every commit before it (PostgreSQL's
# ``RecordTransactionCommit``: ``XLogFlush`` only when the transaction has an xid *and* wrote
# WAL before its commit record; ``SELECT pg_current_xact_id()`` alone assigns an xid but writes
# nothing, and commits without a flush). Concurrent flushes are grouped by ``XLogFlush``.
ASYNC_COMMIT_SQL = "SET LOCAL synchronous_commit TO off"
BARRIER_SQL = "SELECT pg_logical_emit_message(true, 'offa_flush', '')"
# The durable mark (migration 0005): the highest version this transaction's commit makes
# durable, in this backend's own row (no other backend's transaction waits on it). Written in
# a transaction that commits with the session's ``synchronous_commit`` (a push's flush
# barrier, ``Writer.batch``, in place of the logical message: the row's write is WAL enough;
# a writer committing synchronously, with its versions, ``Writer.finish``): PostgreSQL shows
# a commit to other snapshots only after ``RecordTransactionCommit`` flushed it (the
# transaction leaves the proc array after), so a snapshot that sees the row sees a version
# whose commit, and every earlier commit (versions commit in order under the lock, the WAL is
# sequential), is flushed. A pull hands out up to the greatest mark without a barrier.
MARK_SQL = (
    "INSERT INTO durable_marks (backend, version) VALUES (pg_backend_pid(), %s) "
    "ON CONFLICT (backend) DO UPDATE SET version = excluded.version"
)
# Rows below the mark being written are of no use once it commits (a pull reads the greatest):
# those of backends gone (a pooled connection closed), and of live ones, which write theirs
# again. Deleted now and then (``MARK_PRUNE_EVERY`` marks of a process), those another
# transaction holds skipped, so the table stays a few rows whatever the connections' churn.
MARK_PRUNE_SQL = (
    "DELETE FROM durable_marks WHERE backend IN (SELECT backend FROM durable_marks "
    "WHERE version < %s AND backend <> pg_backend_pid() FOR UPDATE SKIP LOCKED)"
)
MARK_PRUNE_EVERY = 64
# The server's clock right before a push's COMMIT: when the lock is released, give or take the
# commit record (the push trace's hold).
CLOCK_SQL = "SELECT extract(epoch FROM clock_timestamp())::float8"
# A pull's barrier, in its own read transaction (after its snapshot): the commits its snapshot
# sees all put their commit records in the WAL before it was taken, so before the current
# insert position; when the WAL is flushed past that position nothing it reads can be lost
# and its COMMIT writes nothing. Otherwise (or with synchronous standbys, whose flush this does
# not see) the message makes the pull's COMMIT flush the WAL through it.
PULL_BARRIER_SQL = (
    "SELECT CASE WHEN pg_current_wal_flush_lsn() < pg_current_wal_insert_lsn() "
    "OR current_setting('synchronous_standby_names') <> '' "
    "THEN pg_logical_emit_message(true, 'offa_flush', '') END"
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
