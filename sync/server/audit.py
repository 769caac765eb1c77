"""``GET /records/{collection}/{id}/history``: one entry per applied op, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Row, and_, select

from offa_desktop.domain.schema import COLLECTIONS
from sync.server.errors import ApiError
from sync.server.models import history
from sync.server.scope import COACH_LEARNER_FIELDS, Principal
from sync.server.store import Store, loads

T = TypeVar("T")
NOT_FOUND = "Cette fiche n'existe pas ou est hors de votre périmètre."


def record_history(engine: Engine, who: Principal, collection: str, record_id: str) -> bytes:
    import orjson

    if collection not in COLLECTIONS:
        raise ApiError(404, "not_found", "Collection inconnue.")
    with engine.connect() as conn:
        store = Store(conn)
        _readable(store, who, collection, record_id, store.get(collection, record_id))
        rows = _history_rows(conn, collection, record_id)
    restrict = who.role == "coach" and collection == "learners"
    return orjson.dumps({"entries": [_entry(row, restrict=restrict) for row in rows]})


def _readable(
    store: Store, who: Principal, collection: str, record_id: str, record: T | None
) -> T:
    """``record``, unless there is none or the caller does not read it: then 404, the same for
    both (a record out of scope is not said to exist)."""
    if record is None or not who.reads(store.keys_of(collection, record_id)):
        raise ApiError(404, "not_found", NOT_FOUND)
    return record


def _history_rows(conn: Connection, collection: str, record_id: str) -> Sequence[Row[Any]]:
    return conn.execute(
        select(history)
        .where(and_(history.c.collection == collection, history.c.record_id == record_id))
        .order_by(history.c.id)
    ).all()


def _entry(row: Row[Any], *, restrict: bool = False) -> dict[str, Any]:
    """One applied op as API.md says it; ``restrict``: a coach reading a learner sees only the
    fields a coach reads, and no resolution."""
    before, after = loads(row.before), loads(row.after)
    if restrict:
        before, after = _only(before), _only(after)
    return {
        "version": row.version,
        "at": row.at,
        "user_id": row.user_id,
        "user_name": row.user_name,
        "device_id": row.device_id,
        "op_id": row.op_id,
        "kind": row.kind,
        "before": before,
        "after": after,
        "resolution": None if restrict else loads(row.resolution),
    }


def _only(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {k: v for k, v in value.items() if k in COACH_LEARNER_FIELDS}


def person_history(engine: Engine, who: Principal, collection: str, person_id: str) -> bytes:
    """The full history of a person (issue 16): every record about them
    (``domain.personal_data.about``) that the caller reads, and every history entry of those
    records, oldest first. OFFA and the learner's operator only (``person_data_refusal``)."""
    import orjson

    from offa_desktop.domain.permissions import person_data_refusal
    from offa_desktop.domain.personal_data import PERSON_COLLECTIONS, about

    if collection not in PERSON_COLLECTIONS:
        raise ApiError(404, "not_found", "Seules les fiches d'apprenants et de tuteurs.")
    with engine.connect() as conn:
        store = Store(conn)
        person = _readable(store, who, collection, person_id, store.live(collection, person_id))
        refusal = person_data_refusal(who.role, who.operator_code, collection, person)
        if refusal is not None:
            raise ApiError(403, "forbidden", refusal)
        found = about(collection, person_id, store.find_ids, person)
        readable = [
            (c, rid)
            for c, ids in found.items()
            for rid in ids
            if who.reads(store.keys_of(c, rid))
        ]
        entries: list[dict[str, Any]] = []
        for c, rid in readable:
            entries.extend(
                {"collection": c, "record_id": rid, **_entry(row), "_id": row.id}
                for row in _history_rows(conn, c, rid)
            )
    entries.sort(key=lambda e: e.pop("_id"))
    records = [{"collection": c, "id": rid} for c, rid in readable]
    return orjson.dumps({"records": records, "entries": entries})
