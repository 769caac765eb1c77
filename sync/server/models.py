"""Tables of the reference server (SQLAlchemy Core), migrated by Alembic (``migrations/``).

One ``records`` table holds the latest state of every record of every collection (tombstones
included), with ``version`` from the single ``version_counter`` row: every write transaction
locks that row first, so versions commit in ascending order and a pull never hands out a
cursor past an uncommitted version. ``record_keys`` holds each record's scope keys (who may
read it), ``record_index`` the values the domain rules and cascades look up, ``scope_exits``
the keys a record lost (the ``out_of_scope`` tombstones of a pull).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

version_counter = Table(
    "version_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

# The highest version known flushed, a row per PostgreSQL backend that wrote one (migration
# 0005; ``writer_sql.MARK_SQL``, ``pull.pull``).
durable_marks = Table(
    "durable_marks",
    metadata,
    Column("backend", Integer, primary_key=True, autoincrement=False),
    Column("version", BigInteger, nullable=False),
)

server_meta = Table(
    "server_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("collection", String(40), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("version", BigInteger, nullable=False, unique=True),
    Column("deleted", Boolean, nullable=False),
    Column("data", Text, nullable=True),  # orjson text of the API `data`; null for tombstones
    Column("updated_at", String(32), nullable=False),
    Column("updated_by", String(36), nullable=True),
)

record_keys = Table(
    "record_keys",
    metadata,
    Column("collection", String(40), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("key", String(120), primary_key=True),
)
Index("ix_record_keys_key", record_keys.c.key)

record_index = Table(
    "record_index",
    metadata,
    Column("collection", String(40), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("field", String(40), primary_key=True),
    Column("value", String(250), primary_key=True),
)
Index(
    "ix_record_index_lookup", record_index.c.collection, record_index.c.field, record_index.c.value
)
Index("ix_record_index_value", record_index.c.value)

scope_exits = Table(
    "scope_exits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version", BigInteger, nullable=False),
    Column("collection", String(40), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("key", String(120), nullable=False),
    Column("at", String(32), nullable=False),
)
Index("ix_scope_exits_version", scope_exits.c.version)
Index("ix_scope_exits_record", scope_exits.c.collection, scope_exits.c.record_id)

op_results = Table(
    "op_results",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("user_id", String(36), nullable=False),
    Column("result", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("collection", String(40), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("at", String(32), nullable=False),
    Column("user_id", String(36), nullable=True),
    Column("user_name", String(200), nullable=True),
    Column("device_id", String(100), nullable=True),
    Column("op_id", String(36), nullable=True),
    Column("kind", String(10), nullable=False),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("resolution", Text, nullable=True),
)
Index("ix_history_record", history.c.collection, history.c.record_id, history.c.id)

users = Table(
    "users",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(200), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(20), nullable=False),
    Column("operator_code", String(40), nullable=True),
    Column("sectors", Text, nullable=False),  # JSON list of sector codes
    Column("display_name", String(200), nullable=False),
    Column("email", String(200), nullable=True),
    Column("phone", String(200), nullable=True),
    Column("created_at", String(32), nullable=False),
)

login_sessions = Table(
    "login_sessions",
    metadata,
    Column("id", String(36), primary_key=True),  # the refresh chain of one login
    Column("user_id", String(36), nullable=False),
    Column("device_name", String(200), nullable=False),
    Column("created_at", String(32), nullable=False),  # the device's first use
    Column("revoked", Boolean, nullable=False),
    # Devices (docs/api-additions.md): last use (kept to 5 minutes), why and when the chain
    # ended (``logout``, ``reuse``, ``device`` revoked, ``erase`` asked) and by whom, and when
    # the device said it had erased its data.
    Column("last_used_at", String(32), nullable=True),
    Column("ended_reason", String(20), nullable=True),
    Column("ended_at", String(32), nullable=True),
    Column("ended_by", String(36), nullable=True),
    Column("erased_at", String(32), nullable=True),
)
Index("ix_login_sessions_user", login_sessions.c.user_id)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("session_id", String(36), nullable=False),
    Column("used", Boolean, nullable=False),
    Column("expires_at", String(32), nullable=False),
)
Index("ix_refresh_tokens_session", refresh_tokens.c.session_id)

document_blobs = Table(
    "document_blobs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

# Login attempts (``throttle``): each counts as failed until it succeeds; kept one window.
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_key", String(200), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", Float, nullable=False),  # Unix time, seconds
)
Index("ix_login_failures_user", login_failures.c.user_key, login_failures.c.at)
Index("ix_login_failures_address", login_failures.c.address, login_failures.c.at)
Index("ix_login_failures_at", login_failures.c.at)

# (user name, address) pairs that logged in successfully: spared by the wider limits.
login_known = Table(
    "login_known",
    metadata,
    Column("user_key", String(200), primary_key=True),
    Column("address", String(64), primary_key=True),
    Column("last_at", Float, nullable=False),
)
