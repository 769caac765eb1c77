"""Logins, token rotation with reuse detection, logout, and the bearer check of every call.

Access tokens are HMAC-signed (secret in ``server_meta``, shared by every ``serve`` process on
the database) and live 15 minutes; each names its login session, which logout and refresh-token
reuse revoke, so a revoked access token dies at once. They go with every call, so they are
compact: base64url of the session's 16 UUID bytes and a 4-byte expiry, a dot, base64url of the
first 16 bytes of the HMAC-SHA256 of that text (50 characters). Refresh tokens are random,
stored only as SHA-256, single use, 30 days. Failed logins are limited by ``throttle`` (in the
database, so every server process counts the same attempts).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
import uuid
from collections import namedtuple
from datetime import timedelta
from typing import Any

import orjson
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, and_, bindparam, insert, select, update

from sync.server import clock
from sync.server.errors import ApiError
from sync.server.models import login_sessions, refresh_tokens, server_meta, users
from sync.server.scope import Principal
from sync.server.throttle import LoginGuard, LoginLimits

ACCESS_SECONDS = 900
REFRESH_DAYS = 30
SIG_BYTES = 16  # HMAC-SHA256 truncated to 128 bits (RFC 2104 section 5 allows it)

hasher = PasswordHasher()
_DUMMY_HASH = hasher.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return hasher.hash(password)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def token_secret(conn: Connection) -> bytes:
    value = conn.execute(
        select(server_meta.c.value).where(server_meta.c.key == "token_secret")
    ).scalar()
    if value is None:
        raise RuntimeError("database not initialised: run `offa-server init`")
    return bytes.fromhex(value)


MSG_DEVICE_REVOKED = (
    "Cet ordinateur n'a plus accès au serveur : son accès a été révoqué (appareil perdu ou "
    "retiré). Reconnectez-vous si c'est bien votre ordinateur, ou contactez l'OFFA."
)
MSG_DEVICE_ERASE = (
    "Cet ordinateur a été marqué « à effacer » par l'OFFA : ses données OFFA sont effacées et "
    "son accès au serveur est révoqué."
)
LAST_USE_STEP = 300  # seconds: a login's last use is written at most this often


# Whether a login still stands, and why it ended if not (read with it each time: ``_ended``).
_STANDING = (login_sessions.c.revoked, login_sessions.c.ended_reason)


# The caller of an access token: its user and whether its login stands. Built once: every
# request of every route reads it, and building the statement (and its cache key) each time
# cost as much as running it.
_SESSION = (
    select(
        users.c.id,
        users.c.username,
        users.c.display_name,
        users.c.role,
        users.c.operator_code,
        users.c.sectors,
        login_sessions.c.last_used_at,
        *_STANDING,
    )
    .join(login_sessions, login_sessions.c.user_id == users.c.id)
    .where(login_sessions.c.id == bindparam("session_id"))
)


# ``_SESSION`` compiled once for PostgreSQL, and the names of its columns.
_SESSION_SQL: list[str] = []
SessionRow = namedtuple(  # type: ignore[misc]
    "SessionRow", [column.name for column in _SESSION.selected_columns]
)


def _session_row(conn: Connection, session_id: str) -> Any:
    """``_SESSION``'s row (PostgreSQL) in ``conn``'s transaction, begun here if need be, run
    on the DBAPI connection: the bearer check of every request, where SQLAlchemy's execution
    (result set-up, row processing) cost more than the query's own round trip."""
    if not _SESSION_SQL:
        _SESSION_SQL.append(str(_SESSION.compile(dialect=conn.dialect)))
    if not conn.in_transaction():
        conn.begin()  # as ``conn.execute`` would have (autobegin): the caller commits it
    dbapi: Any = conn.connection.dbapi_connection
    found = dbapi.execute(_SESSION_SQL[0], {"session_id": session_id}).fetchone()
    return None if found is None else SessionRow(*found)


def _ended(reason: str | None) -> ApiError:
    """The 401 of a login that ended: ``device_revoked`` (with ``details.erase``) for a device
    revoked or to erase, ``token_revoked`` otherwise."""
    if reason in ("device", "erase"):
        erase = reason == "erase"
        return ApiError(
            401,
            "device_revoked",
            MSG_DEVICE_ERASE if erase else MSG_DEVICE_REVOKED,
            {"erase": erase},
        )
    return ApiError(401, "token_revoked", "Session fermée : reconnectez-vous.")


class Auth:
    """Authentication against one database."""

    def __init__(self, engine: Engine, login_limits: LoginLimits | None = None) -> None:
        self.engine = engine
        self.guard = LoginGuard(engine, login_limits)
        self._secret: bytes | None = None

    def secret(self) -> bytes:
        if self._secret is None:
            with self.engine.connect() as conn:
                self._secret = token_secret(conn)
        return self._secret

    def _signature(self, payload: str) -> bytes:
        return hmac.new(self.secret(), payload.encode(), hashlib.sha256).digest()[:SIG_BYTES]

    def _access_token(self, session_id: str) -> str:
        expires = int(time.time()) + ACCESS_SECONDS
        payload = _b64(uuid.UUID(session_id).bytes + struct.pack(">I", expires))
        return f"{payload}.{_b64(self._signature(payload))}"

    def _pair(self, conn: Connection, user: Any, session_id: str) -> dict[str, Any]:
        refresh = secrets.token_urlsafe(32)
        expires = clock.iso(clock.now() + timedelta(days=REFRESH_DAYS))
        conn.execute(
            insert(refresh_tokens).values(
                token_hash=hashlib.sha256(refresh.encode()).hexdigest(),
                session_id=session_id,
                used=False,
                expires_at=expires,
            )
        )
        return {
            "access_token": self._access_token(session_id),
            "refresh_token": refresh,
            "token_type": "Bearer",
            "expires_in": ACCESS_SECONDS,
            "user": {
                "id": user.id,
                "display_name": user.display_name,
                "role": user.role,
                "operator_code": user.operator_code,
                "sectors": orjson.loads(user.sectors),
            },
        }

    def sign(self, text: str) -> str:
        """A short signature of ``text`` with the server's secret (pull cursors)."""
        return hmac.new(self.secret(), text.encode(), hashlib.sha256).hexdigest()[:16]

    def login(
        self, username: str, password: str, device_name: str, address: str | None
    ) -> dict[str, Any]:
        with self.guard.attempt(username, address) as attempt:  # 429 past a limit
            with self.engine.connect() as conn:
                user = conn.execute(select(users).where(users.c.username == username)).first()
            try:
                hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
                ok = user is not None
            except (VerificationError, InvalidHashError):
                ok = False
            if not ok or user is None:
                attempt.failed()
                raise ApiError(
                    401, "invalid_credentials", "Nom d'utilisateur ou mot de passe incorrect."
                )
            attempt.succeeded()
        with self.engine.begin() as conn:
            session_id = str(uuid.uuid4())
            now = clock.now_iso()
            conn.execute(
                insert(login_sessions).values(
                    id=session_id,
                    user_id=user.id,
                    device_name=device_name,
                    created_at=now,
                    last_used_at=now,
                    revoked=False,
                )
            )
            return self._pair(conn, user, session_id)

    def refresh(self, token: str) -> dict[str, Any]:
        digest = hashlib.sha256(token.encode()).hexdigest()
        with self.engine.begin() as conn:
            # The write comes first: it takes the write lock at once (SQLite), so two refreshes
            # of one token cannot both win, and a read snapshot never needs upgrading.
            took = conn.execute(
                update(refresh_tokens)
                .where(
                    and_(refresh_tokens.c.token_hash == digest, refresh_tokens.c.used.is_(False))
                )
                .values(used=True)
            ).rowcount
            row = conn.execute(
                select(refresh_tokens, login_sessions.c.user_id, *_STANDING)
                .join(login_sessions, login_sessions.c.id == refresh_tokens.c.session_id)
                .where(refresh_tokens.c.token_hash == digest)
            ).first()
            if row is None:
                raise ApiError(401, "not_authenticated", "Jeton de renouvellement inconnu.")
            if row.revoked:
                raise _ended(row.ended_reason)
            if row.expires_at < clock.now_iso():
                raise ApiError(401, "token_expired", "Session expirée : reconnectez-vous.")
            if took != 1:
                conn.execute(
                    update(login_sessions)
                    .where(login_sessions.c.id == row.session_id)
                    .values(revoked=True, ended_reason="reuse", ended_at=clock.now_iso())
                )
                reused = True
            else:
                reused = False
                user = conn.execute(select(users).where(users.c.id == row.user_id)).first()
                if user is not None:
                    conn.execute(
                        update(login_sessions)
                        .where(login_sessions.c.id == row.session_id)
                        .values(last_used_at=clock.now_iso())
                    )
                    return self._pair(conn, user, row.session_id)
        if reused:
            raise ApiError(
                401,
                "token_revoked",
                "Ce jeton a déjà servi : par sécurité, la session est fermée. Reconnectez-vous.",
            )
        raise ApiError(401, "token_revoked", "Ce compte n'existe plus.")

    def logout(self, who: Principal) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(login_sessions)
                .where(
                    and_(login_sessions.c.id == who.session_id, login_sessions.c.revoked.is_(False))
                )
                .values(revoked=True, ended_reason="logout", ended_at=clock.now_iso())
            )

    def _note_use(self, session_id: str, last: str | None) -> None:
        """The login's last use, written when the kept one is older than ``LAST_USE_STEP``."""
        now = clock.now()
        if last is not None and last >= clock.iso(now - timedelta(seconds=LAST_USE_STEP)):
            return
        with self.engine.begin() as conn:
            conn.execute(
                update(login_sessions)
                .where(login_sessions.c.id == session_id)
                .values(last_used_at=clock.iso(now))
            )

    def authenticate(
        self, token: str | None, conn: Connection | None = None, *, within: bool = False
    ) -> Principal:
        """The caller of a bearer token (the header's value after ``Bearer``), or 401 with the
        documented code. With ``within``, the session is read in ``conn``'s transaction, which
        stays open (a pull checks it in its page's snapshot: one transaction, not two)."""
        if not token:
            raise ApiError(401, "not_authenticated", "Veuillez vous connecter.")
        token = token.strip()
        payload_text, _, sig = token.partition(".")
        try:
            if len(token) > 100 or not hmac.compare_digest(
                self._signature(payload_text), _unb64(sig)
            ):
                raise ValueError
            raw = _unb64(payload_text)
            if len(raw) != 20:
                raise ValueError
            session_id = str(uuid.UUID(bytes=raw[:16]))
            (exp,) = struct.unpack(">I", raw[16:])
        except ValueError:  # binascii.Error included
            raise ApiError(401, "not_authenticated", "Jeton d'accès non valable.") from None
        if exp < time.time():
            raise ApiError(401, "token_expired", "Jeton d'accès expiré.")
        query, params = _SESSION, {"session_id": session_id}
        if conn is not None and within and conn.dialect.name == "postgresql":
            row = _session_row(conn, session_id)
        elif conn is not None:
            row = conn.execute(query, params).first()
            if not within:
                conn.rollback()  # end the implicit read so the caller can begin its own
        else:
            with self.engine.connect() as own:
                row = own.execute(query, params).first()
        if row is None:
            raise ApiError(401, "token_revoked", "Session fermée : reconnectez-vous.")
        if row.revoked:
            raise _ended(row.ended_reason)
        self._note_use(session_id, row.last_used_at)
        return Principal.of_user(row, session_id)
