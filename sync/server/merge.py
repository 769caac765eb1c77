"""Two records of one person or company merged by OFFA staff, atomically (issue 18).

``merge_records`` runs in one write transaction under the version lock: every live record
that refers to the merged one (a reference field, a list of references, a document's
``record``) is rewritten to name the kept one, each at a new version with its scope keys
recomputed and a history entry written by the server (``op_id`` null); then the merged record
becomes a tombstone whose history entry says where it went (``after``:
``{"merged_into": <kept id>}``). Clients follow by pull: the rewritten records come as
updates, the merged one as a deletion. Nothing is half-done: any failure rolls everything back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, insert

from offa_desktop.domain.schema import COLLECTIONS, Kind
from sync.server.errors import ApiError
from sync.server.models import history
from sync.server.push import Pusher
from sync.server.scope import Principal
from sync.server.store import dumps

MERGEABLE = ("learners", "companies", "establishment_units", "tutors")


def _swap(value: Any, merged: str, kept: str) -> Any:
    if value == merged:
        return kept
    if isinstance(value, list):
        out = []
        for item in value:
            item = kept if item == merged else item
            if item not in out:
                out.append(item)
        return out
    return value


def merge_records(
    engine: Engine, who: Principal, device: str, collection: str, kept: str, merged: str
) -> dict[str, Any]:
    """Merge ``merged`` into ``kept``; what moved and the tombstone's version."""
    if who.role != "offa":
        raise ApiError(403, "forbidden", "Seul l'OFFA fusionne des fiches en double.")
    if collection not in MERGEABLE:
        raise ApiError(422, "invalid", "Ces fiches ne se fusionnent pas : seuls les "
                           "apprenants, entreprises, unités d'établissement et tuteurs.")
    with engine.begin() as conn:
        pusher = Pusher(conn, who, device)
        w = pusher.writer
        w.lock()
        kept_data = w.live(collection, kept)
        merged_data = w.live(collection, merged)
        if kept_data is None or merged_data is None:
            raise ApiError(404, "not_found", "L'une des deux fiches n'existe pas (ou plus).")
        if kept == merged:
            raise ApiError(422, "invalid", "Une fiche ne se fusionne pas avec elle-même.")
        moved: list[dict[str, str]] = []
        fields = {(c, f.name) for c, spec in COLLECTIONS.items() for f in spec.fields
                  if f.kind in (Kind.REF, Kind.REFS) and f.ref == collection}  # fmt: skip
        for other, record_id, field in sorted(set(w.referrers(merged))):
            if (other, field) not in fields:
                continue
            before = w.live(other, record_id)
            if before is None:
                continue
            after = {**before, field: _swap(before.get(field), merged, kept)}
            pusher.apply(other, record_id, after, before, op_id=None)
            moved.append({"collection": other, "id": record_id, "field": field})
        for document_id in w.find_ids("documents", "record", f"{collection}/{merged}"):
            before = w.live("documents", document_id)
            if before is not None:
                pusher.apply("documents", document_id, {**before,
                             "record": f"{collection}/{kept}"}, before, op_id=None)  # fmt: skip
                moved.append({"collection": "documents", "id": document_id, "field": "record"})
        version = pusher.apply(collection, merged, None, merged_data, op_id=None)
        tombstone = pusher._history[-1]
        tombstone["after"] = dumps({"merged_into": kept})
        for row in pusher._history:
            row["version"] = w.final(row["version"])
        conn.execute(insert(history), pusher._history)
        w.finish()
        return {"kept": kept, "merged": merged, "version": w.final(version), "moved": moved}

