"""``GET /sync/pull``: the change feed, paged by version, in one read snapshot.

A page is serialised straight from the stored JSON text (no parse, no model), which is what
keeps a first pull of 100,000 records fast. The cursor is opaque:
``v1.<version>.<remaining>.<unix time>.<scope hash>.<signature>``; the scope hash makes a
cursor expire (410) when the caller's own scope changed (a sector added to a coach), since
records entering that way carry versions below the cursor. The signature (HMAC with the
server's secret) tells a cursor the server issued from one it never did (400); a cursor of an
older server, unsigned, is answered 410 so that its client simply pulls again.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
import zlib
from collections.abc import Callable
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    String,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
)

from sync.server.errors import ApiError, malformed
from sync.server.models import (
    durable_marks,
    record_keys,
    records,
    scope_exits,
    server_meta,
    version_counter,
)
from sync.server.scope import PRIVATE_COLLECTIONS, Principal
from sync.server.writer_sql import PULL_BARRIER_SQL

ESTIMATE_TTL = 300  # seconds a cursor's "remaining" estimate is trusted
EXPIRED = "Le point de reprise de la synchronisation a expiré : tout sera relu depuis le début."


def scope_hash(who: Principal) -> str:
    keys = who.keys
    # the caller's own per-user key is left out: it never changes what else they read
    shared = sorted(k for k in keys or () if k != who.private_key)
    text = "all" if keys is None else "|".join(shared)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


CURSOR = r"^v1\.[0-9]{1,18}\.[0-9]{1,18}\.[0-9]{1,12}\.[0-9a-f]{12}(\.[0-9a-f]{16})?$"
_CURSOR = re.compile(CURSOR)
NOT_ISSUED = "Ce curseur de synchronisation n'a pas été donné par ce serveur."


def parse_cursor(
    text: str | None, sign: Callable[[str], str]
) -> tuple[int, int | None, float, str | None]:
    """(version, remaining estimate, its time, scope hash) of a cursor this server issued."""
    if text is None or text == "":
        return 0, None, 0.0, None
    if not _CURSOR.match(text):
        raise malformed("Le curseur de synchronisation n'est pas valable.")
    body, _, signature = text.rpartition(".")
    if body.count(".") == 3:  # five parts: an older server's unsigned cursor
        raise ApiError(410, "cursor_expired", EXPIRED)
    if not hmac.compare_digest(sign(body), signature):
        raise malformed(NOT_ISSUED)
    parts = body.split(".")
    return int(parts[1]), int(parts[2]), float(parts[3]), parts[4]


def _visible(who: Principal, collection: Any, record_id: Any) -> Any:
    keys = who.keys
    assert keys is not None
    return exists().where(
        and_(
            record_keys.c.collection == collection,
            record_keys.c.record_id == record_id,
            record_keys.c.key.in_(sorted(keys)),
        )
    )


def _own_private(who: Principal) -> Any:
    """For offa (who reads everything else): only its own records of per-user collections."""
    return or_(
        and_(*(records.c.collection != name for name in PRIVATE_COLLECTIONS)),
        exists().where(
            and_(
                record_keys.c.collection == records.c.collection,
                record_keys.c.record_id == records.c.id,
                record_keys.c.key == who.private_key,
            )
        ),
    )


def _line_sql() -> Any:
    """The change line of a record, rendered by the database (``data`` is stored JSON text)."""
    c = records.c
    return (
        literal('{"collection":"')
        + c.collection
        + literal('","id":"')
        + c.id
        + literal('","version":')
        + cast(c.version, String)
        + literal(',"updated_at":"')
        + c.updated_at
        + literal('","updated_by":')
        + func.coalesce(literal('"') + c.updated_by + literal('"'), literal("null"))
        + case(
            (c.deleted.is_(True), literal(',"deleted":true,"data":null}')),
            else_=literal(',"deleted":false,"data":') + c.data + literal("}"),
        )
    )


LINE = _line_sql()


def _exit_query(who: Principal, after: int) -> Any:
    keys = sorted(who.keys or ())
    return select(
        scope_exits.c.collection, scope_exits.c.record_id, scope_exits.c.version, scope_exits.c.at
    ).where(
        and_(
            scope_exits.c.version > after,
            scope_exits.c.key.in_(keys),
            ~_visible(who, scope_exits.c.collection, scope_exits.c.record_id),
        )
    )


# -- a page's statements, compiled once per dialect and shape --------------------------------
# A pull is a few small statements; SQLAlchemy's compiling and row objects cost more than the
# queries themselves, so the page's statements are compiled once (bound parameters: ``after``,
# ``limit``, the caller's keys ``k0``… or private key ``pk``) and run on the DBAPI cursor.


def _key_params(count: int) -> list[Any]:
    return [bindparam(f"k{n}") for n in range(count)]


def _visible_bound(collection: Any, record_id: Any, count: int) -> Any:
    return exists().where(
        and_(
            record_keys.c.collection == collection,
            record_keys.c.record_id == record_id,
            record_keys.c.key.in_(_key_params(count)),
        )
    )


def _page_statement(count: int | None, fence: bool = False) -> Any:
    """The page's records after ``after`` (``limit`` rows); ``count`` keys, None for offa.

    ``fence`` (PostgreSQL): the scope test stays a probe of ``record_keys``'s primary key for
    each record read in version order, stopped by the page's limit, as SQLite plans it. Without
    the ``OFFSET 0`` the planner may turn it into a join that first reads every key row of the
    caller's scope (5,295 rows for a coach of the realistic load benchmark, to send it the ~300
    records changed since its last sync: ~10 ms a pull instead of ~1), and did so whenever the
    tables had no statistics yet (a freshly loaded database, autovacuum off).
    """
    query = select(records.c.version, LINE.label("line")).where(
        records.c.version > bindparam("after")
    )
    if count is None:
        own = or_(
            and_(*(records.c.collection != name for name in PRIVATE_COLLECTIONS)),
            exists().where(
                and_(
                    record_keys.c.collection == records.c.collection,
                    record_keys.c.record_id == records.c.id,
                    record_keys.c.key == bindparam("pk"),
                )
            ),
        )
        query = query.where(own)
    elif fence:
        probe: Any = (
            select(literal_column("1"))
            .where(
                and_(
                    record_keys.c.collection == records.c.collection,
                    record_keys.c.record_id == records.c.id,
                    record_keys.c.key.in_(_key_params(count)),
                )
            )
            .offset(literal_column("0"))
        )
        query = query.where(probe.exists())
    else:
        query = query.where(_visible_bound(records.c.collection, records.c.id, count))
    return query.order_by(records.c.version).limit(bindparam("limit"))


def _exit_statement(count: int) -> Any:
    """The scope exits after ``after`` of a caller with ``count`` keys (``limit`` rows)."""
    e = scope_exits.c
    return (
        select(e.version, e.collection, e.record_id, e.at)
        .where(
            and_(
                e.version > bindparam("after"),
                e.key.in_(_key_params(count)),
                ~_visible_bound(e.collection, e.record_id, count),
            )
        )
        .order_by(e.version)
        .limit(bindparam("limit"))
    )


_POSITIONS = select(
    select(version_counter.c.value).scalar_subquery(),
    select(server_meta.c.value).where(server_meta.c.key == "purge_horizon").scalar_subquery(),
    select(func.max(durable_marks.c.version)).scalar_subquery(),
)

_COMPILED: dict[tuple[str, str, int | None], tuple[str, Any, dict[str, Any]]] = {}


def _compiled(conn: Connection, name: str, count: int | None) -> tuple[str, Any, dict[str, Any]]:
    key = (conn.dialect.name, name, count)
    found = _COMPILED.get(key)
    if found is None:
        if name == "page":
            statement = _page_statement(count, fence=conn.dialect.name == "postgresql")
        elif name == "exits":
            statement = _exit_statement(count or 0)
        else:
            statement = _POSITIONS
        compiled = statement.compile(dialect=conn.dialect)
        found = (str(compiled), compiled.positiontup, dict(compiled.params))
        _COMPILED[key] = found
    return found


def _run(conn: Connection, name: str, who: Principal | None, **values: Any) -> list[Any]:
    """A compiled page statement's rows (plain tuples) on the DBAPI cursor of ``conn``."""
    sql, params = _bound(conn, name, who, **values)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        found: list[Any] = list(cursor.fetchall())
    finally:
        cursor.close()
    return found


def _run_together(
    conn: Connection, runs: list[tuple[str, Principal | None, dict[str, Any]]]
) -> list[list[Any]]:
    """The rows of several compiled statements (as ``_run``); on PostgreSQL sent in one
    pipeline, one round trip for all (they read one snapshot: the pull's transaction is
    REPEATABLE READ)."""
    if conn.dialect.name != "postgresql":
        return [_run(conn, name, who, **values) for name, who, values in runs]
    dbapi: Any = conn.connection.dbapi_connection
    with dbapi.pipeline():
        cursors = [dbapi.execute(*_bound(conn, name, who, **values)) for name, who, values in runs]
    return [list(cursor.fetchall()) for cursor in cursors]


def _flush_barrier(conn: Connection) -> None:
    """The WAL flush barrier of what this pull read (PostgreSQL, after its snapshot): pushes
    commit asynchronously (``Writer.batch``), and a version handed out that a crash then lost
    would be issued again with other data, which the client, past it, would skip. When the
    WAL is not yet flushed past this snapshot's commits, ``PULL_BARRIER_SQL`` makes the pull's
    own COMMIT (the transaction's end, before the answer leaves) flush it."""
    dbapi: Any = conn.connection.dbapi_connection
    dbapi.execute(PULL_BARRIER_SQL).fetchall()


def page_statement(conn: Connection, who: Principal, after: int, limit: int) -> tuple[str, Any]:
    """The SQL text and DBAPI parameters of the query of a page (to ``EXPLAIN`` it)."""
    return _bound(conn, "page", who, after=after, limit=limit)


def _bound(conn: Connection, name: str, who: Principal | None, **values: Any) -> tuple[str, Any]:
    count = None
    if who is not None and who.keys is not None:
        keys = sorted(who.keys)
        count = len(keys)
        values.update((f"k{n}", key) for n, key in enumerate(keys))
    elif who is not None:
        values["pk"] = who.private_key
    sql, positions, static = _compiled(conn, name, count)
    merged = {**static, **values}
    params: Any = merged if positions is None else tuple(merged[p] for p in positions)
    return sql, params


def _count_after(conn: Connection, who: Principal, after: int) -> int:
    query = select(func.count()).select_from(records).where(records.c.version > after)
    if who.keys is not None:
        query = query.where(_visible(who, records.c.collection, records.c.id))
    else:
        query = query.where(_own_private(who))
    count = conn.execute(query).scalar_one()
    if who.keys is not None:
        count += conn.execute(
            select(func.count()).select_from(_exit_query(who, after).subquery())
        ).scalar_one()
    return int(count)


def _projects(who: Principal) -> bool:
    """Whether ``who``'s learner lines are projected (``_line``): a coach's."""
    return who.role == "coach"


def _line(line: str, who: Principal) -> bytes:
    """A change line's bytes, a learner's projected to what a coach reads.

    Each line is encoded on its own: most are ASCII, copied as they are, where joining them
    into one string first made it as wide as its widest character (one learner's name with a
    ``’``) and its encoding four times slower (0.35 ms a page of 550 changes, against 0.08)."""
    if _projects(who) and line.startswith('{"collection":"learners"'):
        change = orjson.loads(line)
        if change["data"] is not None:
            change["data"] = who.project("learners", change["data"])
        return orjson.dumps(change)
    return line.encode()


def _exit_line(collection: str, record_id: str, version: int, at: str) -> bytes:
    return (
        f'{{"collection":"{collection}","id":"{record_id}","version":{version},'
        f'"updated_at":"{at}","updated_by":null,"deleted":true,'
        f'"reason":"out_of_scope","data":null}}'
    ).encode()


# A page is gzipped by its route (``encode_page``) for a client that accepts it, past the size
# where the app's middleware would (``app.GZIP_MIN_BYTES``), at level 1: a page of 1,000
# records (340 kB) in ~1.6 ms instead of ~3.3 ms at the middleware's level 5, for 51 kB instead
# of 44 kB. Most of a first sync's server CPU was that compression, and in the worker thread it
# does not hold up the event loop (the middleware compresses a body under 128 KiB on it).
PAGE_GZIP_LEVEL = 1
PAGE_GZIP_MIN_BYTES = 1024


def encode_page(body: bytes, gzip: bool) -> tuple[bytes, dict[str, str]]:
    """A page's bytes on the wire and the headers saying how: gzip (member of RFC 1952) when
    the client accepts it and the page is worth it, else as is."""
    if not gzip or len(body) < PAGE_GZIP_MIN_BYTES:
        return body, {}
    packer = zlib.compressobj(PAGE_GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    packed = packer.compress(body) + packer.flush()
    return packed, {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}


def checksums(conn: Connection, who: Principal) -> dict[str, dict[str, Any]]:
    """API.md's per-collection checksum of the caller's live records, in this snapshot."""
    sums: dict[str, list[int]] = {c: [0, 0] for c in who.collections()}
    query = select(records.c.collection, records.c.id, records.c.version).where(
        records.c.deleted.is_(False)
    )
    if who.keys is not None:
        query = query.where(_visible(who, records.c.collection, records.c.id))
    else:
        query = query.where(_own_private(who))
    sha = hashlib.sha256
    for collection, record_id, version in conn.execute(query):
        acc = sums.get(collection)
        if acc is None:
            continue
        acc[0] += 1
        acc[1] += int.from_bytes(sha(f"{record_id}:{version}".encode()).digest(), "big")
    return {c: {"count": n, "hash": format(h % (1 << 256), "064x")} for c, (n, h) in sums.items()}


def _durable(
    conn: Connection,
    rows: list[tuple[int, bytes]],
    limit: int,
    after: int,
    new_after: int,
    mark_value: Any,
    top: int,
) -> tuple[int, bool, int | None]:
    """PostgreSQL: a page that hands out nothing a crash could lose, without waiting for a
    WAL flush when it can: (cursor, has_more, changes left past the cursor when known).

    ``rows`` are the caller's changes after ``after`` in version order (all of them when at
    most ``limit``), ``new_after`` the cursor the page would give. Everything up to the
    greatest durable mark (``writer_sql.MARK_SQL``) is flushed: a page whose cursor is at or
    below it is answered as it is. Past it, the page stops at the mark when that moves the
    cursor and hands out a change or the caller has none past the mark: ``has_more`` then says
    whether it has any, and the client takes them at its next pull (the checksum of a last
    page is the state at the mark, the caller's records being the same up to the top).
    Otherwise the page is answered whole behind the flush barrier, as without marks. A mark
    above the counter (its table outlived a reset of the versions) is not trusted."""
    mark = int(mark_value) if mark_value is not None else 0
    if mark > top:
        mark = 0
    if new_after <= mark:
        return new_after, len(rows) > limit, None
    if mark > after:
        kept = sum(1 for version, _line in rows[:limit] if version <= mark)
        past = len(rows) > kept
        if kept or not past:
            exact = None if len(rows) > limit else len(rows) - kept
            return mark, past, exact
    _flush_barrier(conn)
    return new_after, len(rows) > limit, None


def pull(
    conn: Connection,
    who: Principal,
    cursor: str | None,
    limit: int,
    want_checksum: bool,
    sign: Callable[[str], str],
) -> bytes:
    """One page of the feed as JSON bytes; ``conn`` is inside a read transaction; ``sign``
    signs cursors (``Auth.sign``)."""
    after, estimate, stamp, scope = parse_cursor(cursor, sign)
    # the counter, the page and the scope exits read together (one round trip on PostgreSQL);
    # the page is thrown away when the cursor turns out expired
    runs: list[tuple[str, Principal | None, dict[str, Any]]] = [
        ("positions", None, {}),
        ("page", who, {"after": after, "limit": limit + 1}),
    ]
    if who.keys is not None:
        runs.append(("exits", who, {"after": after, "limit": limit + 1}))
    found = _run_together(conn, runs)
    ((top_value, horizon_value, mark_value),) = found[0]
    top = int(top_value)
    purged = int(horizon_value) if horizon_value else 0
    if after > 0 and (after < purged or after > top or scope != scope_hash(who)):
        raise ApiError(410, "cursor_expired", EXPIRED)
    page: list[tuple[int, str]] = found[1]
    if _projects(who):  # a learner's line projected (``_line``)
        rows: list[tuple[int, bytes]] = [(version, _line(line, who)) for version, line in page]
    else:  # every line as it is: no call a line (~25 us a page of 350)
        rows = [(version, line.encode()) for version, line in page]
    if who.keys is not None:
        seen: dict[tuple[str, str], int] = {}
        exits = found[2]
        for version, collection, record_id, _at in exits:
            seen[(collection, record_id)] = version
        rows += [
            (version, _exit_line(collection, record_id, version, at))
            for version, collection, record_id, at in exits
            if seen[(collection, record_id)] == version
        ]
        rows.sort(key=lambda item: item[0])
    has_more = len(rows) > limit
    new_after = rows[limit - 1][0] if has_more else top
    above: int | None = None  # the caller's changes past the page, when known exactly
    if conn.dialect.name == "postgresql":
        new_after, has_more, above = _durable(conn, rows, limit, after, new_after, mark_value, top)
        rows = [row for row in rows[:limit] if row[0] <= new_after]
    else:
        rows = rows[:limit]
    now = time.time()
    if above is not None:
        remaining, stamp_out = above, now
    elif estimate is not None and now - stamp < ESTIMATE_TTL and has_more:
        remaining = max(estimate - len(rows), 1)
        stamp_out = stamp
    elif has_more:
        remaining = _count_after(conn, who, new_after)
        stamp_out = now
    else:
        remaining, stamp_out = 0, now
    unsigned = f"v1.{new_after}.{remaining}.{stamp_out:.0f}.{scope_hash(who)}"
    cursor_out = f"{unsigned}.{sign(unsigned)}"
    parts = [
        b'{"changes":[',
        b",".join([line for _v, line in rows]),
        b'],"cursor":"',
        cursor_out.encode(),
        b'","has_more":',
        b"true" if has_more else b"false",
        b',"remaining":',
        str(remaining).encode(),
    ]
    if want_checksum and not has_more:
        parts += [b',"checksum":', orjson.dumps(checksums(conn, who))]
    parts.append(b"}")
    return b"".join(parts)
