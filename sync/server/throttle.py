"""Failed logins, limited so that guessing is slow and the real user is never locked out.

Every failed attempt is a row of ``login_failures``, removed only when it leaves the window: a
success elsewhere resets nothing. Three sliding windows of ``window`` seconds:

- per (user name, address): ``per_pair`` failures; this is all the real user can meet, from
  their own address, by their own typing;
- per address: ``per_address`` failures, whatever the user names (one address trying many
  names);
- per user name: ``per_user`` failures from all addresses (many addresses trying one name).

The last two spare a (user name, address) pair that logged in successfully within
``known_days`` days: an attacker elsewhere cannot turn them into a lock-out of the real user at
their usual desk or office. The state is in the database, so every server process (``serve
--workers N``) counts the same attempts.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, and_, case, delete, func, insert, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sync.server.errors import ApiError
from sync.server.models import login_failures, login_known


@dataclass(frozen=True)
class LoginLimits:
    window: float = 900.0  # seconds
    per_pair: int = 10
    per_address: int = 50
    per_user: int = 30
    known_days: int = 30


@dataclass
class Attempt:
    """One login attempt: the caller says how it went (``failed`` / ``succeeded``)."""

    user_key: str
    address: str
    outcome: str | None = None

    def failed(self) -> None:
        self.outcome = "failed"

    def succeeded(self) -> None:
        self.outcome = "succeeded"


def user_key(username: str) -> str:
    return username.casefold()[:200]


def address_key(address: str | None) -> str:
    """The address an attacker cannot vary for free: IPv4 as is, IPv6 by its /64 network."""
    if not address:
        return "?"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _wait_text(seconds: int, until: float) -> str:
    at = datetime.fromtimestamp(until, ZoneInfo("Europe/Brussels")).strftime("%H:%M")
    if seconds < 60:
        return f"dans {seconds} secondes (à {at})"
    return f"dans {math.ceil(seconds / 60)} minutes (à {at})"


class LoginGuard:
    """Counts failed logins in the database and refuses (429) past a limit."""

    def __init__(self, engine: Engine, limits: LoginLimits | None = None) -> None:
        self.engine = engine
        self.limits = limits or LoginLimits()
        self._postgres = engine.dialect.name == "postgresql"
        self._stripes = [threading.Lock() for _ in range(64)]

    @contextmanager
    def attempt(self, username: str, address: str | None) -> Iterator[Attempt]:
        """Check the limits (429 past one, nothing counted), then let the caller check the
        password and say how it went; a failure is counted.

        Attempts of one (user name, address) pair run one at a time, from the check to the
        count (a lock per pair: a thread lock in this process, an advisory lock on PostgreSQL
        for the others), so parallel guesses cannot all pass a limit they would reach
        together; the wider limits may be passed by at most the attempts of other pairs in
        flight at that moment."""
        key, addr = user_key(username), address_key(address)
        h1, h2 = _int32(key), _int32(addr)
        with self._stripes[(h1 ^ h2) % len(self._stripes)], self.engine.connect() as conn:
            if self._postgres:
                conn.execute(select(func.pg_advisory_lock(h1, h2)))
                conn.commit()
            try:
                with conn.begin():
                    self._refuse_if_over(conn, key, addr)
                attempt = Attempt(key, addr)
                try:
                    yield attempt
                finally:
                    with conn.begin():
                        self._record(conn, attempt)
            finally:
                if self._postgres:
                    conn.execute(select(func.pg_advisory_unlock(h1, h2)))
                    conn.commit()

    def _refuse_if_over(self, conn: Connection, key: str, addr: str) -> None:
        now = time.time()
        lim = self.limits
        since = now - lim.window
        f = login_failures.c
        pair_n, addr_n, user_n = conn.execute(
            select(
                func.coalesce(
                    func.sum(case((and_(f.user_key == key, f.address == addr), 1), else_=0)), 0
                ),
                func.coalesce(func.sum(case((f.address == addr, 1), else_=0)), 0),
                func.coalesce(func.sum(case((f.user_key == key, 1), else_=0)), 0),
            ).where(and_(f.at >= since, or_(f.user_key == key, f.address == addr)))
        ).one()
        known = self._known(conn, key, addr, now)
        over: list[tuple[int, int, Any]] = []
        if pair_n >= lim.per_pair:
            over.append((pair_n, lim.per_pair, and_(f.user_key == key, f.address == addr)))
        if not known and addr_n >= lim.per_address:
            over.append((addr_n, lim.per_address, f.address == addr))
        if not known and user_n >= lim.per_user:
            over.append((user_n, lim.per_user, f.user_key == key))
        if not over:
            return
        until = max(self._free_at(conn, since, n, limit, cond) for n, limit, cond in over)
        wait = max(1, math.ceil(until - now))
        raise ApiError(
            429,
            "rate_limited",
            f"Trop d'essais de connexion manqués : réessayez {_wait_text(wait, until)}.",
            headers={"Retry-After": str(wait)},
        )

    def _known(self, conn: Connection, key: str, addr: str, now: float) -> bool:
        last = conn.execute(
            select(login_known.c.last_at).where(
                and_(login_known.c.user_key == key, login_known.c.address == addr)
            )
        ).scalar()
        return last is not None and last >= now - self.limits.known_days * 86400

    def _free_at(self, conn: Connection, since: float, count: int, limit: int, cond: Any) -> float:
        """When the window holds fewer than ``limit`` of these failures again: the
        (count - limit + 1)th oldest leaves it."""
        oldest = conn.execute(
            select(login_failures.c.at)
            .where(and_(login_failures.c.at >= since, cond))
            .order_by(login_failures.c.at)
            .offset(count - limit)
            .limit(1)
        ).scalar()
        return float(oldest if oldest is not None else since) + self.limits.window

    def _record(self, conn: Connection, attempt: Attempt) -> None:
        now = time.time()
        if attempt.outcome == "failed":
            conn.execute(
                insert(login_failures).values(
                    user_key=attempt.user_key, address=attempt.address, at=now
                )
            )
            conn.execute(
                delete(login_failures).where(login_failures.c.at < now - self.limits.window)
            )
        elif attempt.outcome == "succeeded":
            upsert = (pg_insert if self._postgres else sqlite_insert)(login_known).values(
                user_key=attempt.user_key, address=attempt.address, last_at=now
            )
            conn.execute(
                upsert.on_conflict_do_update(
                    index_elements=[login_known.c.user_key, login_known.c.address],
                    set_={"last_at": now},
                )
            )
            stale = now - self.limits.known_days * 86400
            conn.execute(delete(login_known).where(login_known.c.last_at < stale))


def _int32(text: str) -> int:
    """A signed 32-bit key for PostgreSQL's two-key advisory locks."""
    value = zlib.crc32(text.encode())
    return value - (1 << 32) if value >= (1 << 31) else value
