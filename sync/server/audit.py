"""``GET /records/{collection}/{id}/history``: one entry per applied op, oldest first."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, and_, select

from offa_desktop.domain.schema import COLLECTIONS
from sync.server.errors import ApiError
from sync.server.models import history
from sync.server.scope import COACH_LEARNER_FIELDS, Principal
from sync.server.store import Store, loads

NOT_FOUND = "Cette fiche n'existe pas ou est hors de votre périmètre."


def record_history(engine: Engine, who: Principal, collection: str, record_id: str) -> bytes:
    import orjson

    if collection not in COLLECTIONS:
        raise ApiError(404, "not_found", "Collection inconnue.")
    with engine.connect() as conn:
        store = Store(conn)
        found = store.get(collection, record_id)
        if found is None or not who.reads(store.keys_of(collection, record_id)):
            raise ApiError(404, "not_found", NOT_FOUND)
        rows = conn.execute(
            select(history)
            .where(and_(history.c.collection == collection, history.c.record_id == record_id))
            .order_by(history.c.id)
        ).all()
    restrict = who.role == "coach" and collection == "learners"
    entries: list[dict[str, Any]] = []
    for row in rows:
        before, after = loads(row.before), loads(row.after)
        if restrict:
            before = _only(before)
            after = _only(after)
        entries.append(
            {
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
        )
    return orjson.dumps({"entries": entries})


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
        person = store.live(collection, person_id)
        if person is None or not who.reads(store.keys_of(collection, person_id)):
            raise ApiError(404, "not_found", NOT_FOUND)
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
            rows = conn.execute(
                select(history)
                .where(and_(history.c.collection == c, history.c.record_id == rid))
                .order_by(history.c.id)
            ).all()
            entries.extend(
                {
                    "collection": c,
                    "record_id": rid,
                    "version": row.version,
                    "at": row.at,
                    "user_id": row.user_id,
                    "user_name": row.user_name,
                    "device_id": row.device_id,
                    "op_id": row.op_id,
                    "kind": row.kind,
                    "before": loads(row.before),
                    "after": loads(row.after),
                    "resolution": loads(row.resolution),
                    "_id": row.id,
                }
                for row in rows
            )
    entries.sort(key=lambda e: e.pop("_id"))
    records = [{"collection": c, "id": rid} for c, rid in readable]
    return orjson.dumps({"records": records, "entries": entries})
