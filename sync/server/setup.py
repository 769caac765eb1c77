"""Schema migration and the server-owned data: reference collections and user accounts.

Every function here writes through a ``Writer`` (the version lock), so ``init``,
``create-user`` and ``seed-demo`` may run while ``serve`` runs on the same database.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, and_, delete, insert, select, update

from offa_desktop.domain.schema import COLLECTIONS
from sync.server import auth, clock, scope
from sync.server.models import records, scope_exits, server_meta, users, version_counter
from sync.server.writer import Writer

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
TOMBSTONE_DAYS = 180


def upgrade(engine: Engine) -> None:
    """Create or migrate the schema to head; make the counter row and the token secret."""
    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    with engine.begin() as conn:
        if conn.execute(select(version_counter.c.value)).first() is None:
            conn.execute(insert(version_counter).values(id=1, value=0))
        has_secret = conn.execute(
            select(server_meta.c.key).where(server_meta.c.key == "token_secret")
        ).first()
        if has_secret is None:
            conn.execute(
                insert(server_meta).values(key="token_secret", value=secrets.token_hex(32))
            )


def load_reference(engine: Engine, rows: dict[str, list[tuple[str, dict[str, Any]]]]) -> int:
    """Write the reference collections (only what changed gets a new version)."""
    written = 0
    with engine.begin() as conn:
        w = Writer(conn)
        w.lock()
        for collection, items in rows.items():
            if collection not in COLLECTIONS or collection == "users":
                continue
            names = COLLECTIONS[collection].field_names
            for record_id, data in items:
                full = {n: data.get(n) for n in names}
                full.update({k: v for k, v in data.items() if k not in full})
                old = w.get(collection, record_id)
                if old is not None and not old.deleted and old.data == full:
                    continue
                version = w.put(collection, record_id, full, user_id=None)
                w.set_keys(
                    collection, record_id, w.keys_of(collection, record_id), {"pub"}, version
                )
                written += 1
        w.finish()
    return written


def user_exists(engine: Engine, username: str) -> bool:
    with engine.connect() as conn:
        found = conn.execute(select(users.c.id).where(users.c.username == username)).first()
    return found is not None


def put_user(
    engine: Engine,
    *,
    username: str,
    password: str | None,
    role: str,
    operator_code: str | None = None,
    sectors: Sequence[str] = (),
    display_name: str | None = None,
    email: str | None = None,
    user_id: str | None = None,
) -> tuple[str, bool]:
    """Create the account or update the one of that user name; returns (id, created)."""
    with engine.begin() as conn:
        w = Writer(conn)
        w.lock()
        found = conn.execute(select(users).where(users.c.username == username)).first()
        values = {
            "role": role,
            "operator_code": operator_code,
            "sectors": orjson.dumps(list(sectors)).decode(),
            "display_name": display_name or (found.display_name if found else username),
            "email": email if email is not None else (found.email if found else None),
        }
        if password is not None:
            values["password_hash"] = auth.hash_password(password)
        if found is None:
            if password is None:
                raise ValueError("password required for a new user")
            uid = user_id or str(uuid.uuid4())
            conn.execute(
                insert(users).values(
                    id=uid, username=username, created_at=clock.now_iso(), phone=None, **values
                )
            )
        else:
            uid = found.id
            conn.execute(update(users).where(users.c.id == uid).values(**values))
        data = {
            "display_name": values["display_name"],
            "role": role,
            "operator_code": operator_code,
            "sectors": list(sectors),
            "email": values["email"],
            "phone": found.phone if found else None,
        }
        old = w.get("users", uid)
        if old is None or old.data != data:
            version = w.put("users", uid, data, user_id=None)
            w.set_keys("users", uid, w.keys_of("users", uid), {"pub"}, version)
        w.finish()
    return uid, found is None


def put_records(
    engine: Engine,
    items: Iterable[tuple[str, str, dict[str, Any]]],
    *,
    user_id: str | None,
    stamps: Mapping[str, str] | None = None,
) -> int:
    """Create working records server-side (demo data), parents first; keys as for a push."""
    written = 0
    with engine.begin() as conn:
        w = Writer(conn)
        w.lock()
        w.buffer()
        items = list(items)
        w.prefetch((collection, record_id) for collection, record_id, _data in items)
        for collection, record_id, data in items:
            names = COLLECTIONS[collection].field_names
            full = {n: data.get(n) for n in names}
            at = stamps.get(record_id) if stamps else None  # demo: a past last change
            known = w.get(collection, record_id) is not None  # a later state of a record
            old_keys = w.keys_of(collection, record_id) if known else set()
            version = w.put(collection, record_id, full, user_id=user_id, at=at)
            w.set_keys(
                collection,
                record_id,
                old_keys,
                scope.keys_for(w, collection, record_id, full),
                version,
            )
            if collection in ("approvals", "contracts"):
                scope.refresh(w, scope.dependents(w, collection, record_id, None, full))
            written += 1
        w.finish()
    return written


def purge_tombstones(engine: Engine, days: int = TOMBSTONE_DAYS) -> int:
    """Forget tombstones and scope exits older than ``days``; older cursors then get 410."""
    cutoff = clock.iso(clock.now() - timedelta(days=days))
    with engine.begin() as conn:
        w = Writer(conn)
        w.lock()
        old = [
            (r.collection, r.id, r.version)
            for r in conn.execute(
                select(records.c.collection, records.c.id, records.c.version).where(
                    and_(records.c.deleted.is_(True), records.c.updated_at < cutoff)
                )
            )
        ]
        exits = (
            conn.execute(select(scope_exits.c.version).where(scope_exits.c.at < cutoff))
            .scalars()
            .all()
        )
        top = max([v for _c, _i, v in old] + list(exits) + [0])
        if top:
            from sync.server.models import record_keys

            for collection, record_id, _v in old:
                conn.execute(
                    delete(records).where(
                        and_(records.c.collection == collection, records.c.id == record_id)
                    )
                )
                conn.execute(
                    delete(record_keys).where(
                        and_(
                            record_keys.c.collection == collection,
                            record_keys.c.record_id == record_id,
                        )
                    )
                )
            conn.execute(delete(scope_exits).where(scope_exits.c.at < cutoff))
            current = conn.execute(
                select(server_meta.c.value).where(server_meta.c.key == "purge_horizon")
            ).scalar()
            if current is None:
                conn.execute(insert(server_meta).values(key="purge_horizon", value=str(top)))
            elif int(current) < top:
                conn.execute(
                    update(server_meta)
                    .where(server_meta.c.key == "purge_horizon")
                    .values(value=str(top))
                )
        w.finish()
    return len(old)
