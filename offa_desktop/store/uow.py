"""The unit of work: the one writer of the working copy.

A local edit (create, update, delete) is validated by the domain rules first; then, in the
transaction of the unit of work, its row is written and its outbox op appended (or neither).
Records as the server sent them are written by the sync side of the store
(``store/replica.py``), never here.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.effects import side_effects
from offa_desktop.domain.errors import OffaError
from offa_desktop.domain.permissions import Forbidden, Write
from offa_desktop.domain.problems import Problem, RuleContext, ValidationError
from offa_desktop.domain.schema import COLLECTIONS, REFERENCE_COLLECTIONS, Kind
from offa_desktop.domain.scope import Actor
from offa_desktop.domain.uniqueness import UNIQUE_FIELDS, duplicate_message
from offa_desktop.store import outbox, roles
from offa_desktop.store.bulk_edits import PrefetchedUnique, insert_created, known_ids
from offa_desktop.store.codec import to_api, to_columns
from offa_desktop.store.queries import StoreContext
from offa_desktop.store.records import table
from offa_desktop.store.tables import CONFLICTS
from offa_desktop.store.types import instant_str, utc_now

_ID_TAKEN = Problem("id", "duplicate", "Cet identifiant existe déjà.")


class RecordNotFound(OffaError, LookupError):
    """An update or delete named a record the working copy does not hold (French message)."""

    code = "not_found"

    def __init__(self, collection: str, record_id: str) -> None:
        label = COLLECTIONS[collection].label if collection in COLLECTIONS else collection
        super().__init__(
            f"La fiche demandée ({label}) n'existe pas ou a été supprimée : rafraîchissez la liste."
        )
        self.collection = collection
        self.record_id = record_id


def _referrers(collection: str) -> list[tuple[str, str]]:
    """(collection, field) pairs whose REF field points to ``collection``."""
    return [
        (spec.name, f.name)
        for spec in COLLECTIONS.values()
        for f in spec.fields
        if f.kind is Kind.REF and f.ref == collection
    ]


class UnitOfWork:
    """Writes of one transaction; obtained from ``WorkingCopy.unit_of_work()``, which commits.

    ``changes`` collects what was touched (for the ``data_changed`` signal); ``warnings`` the
    non-blocking problems of the edits made (to show after saving).
    """

    def __init__(self, session: Session, *, user_id: str | None = None) -> None:
        self.session = session
        self.user_id = user_id
        self.changes = ChangeSet()
        self.warnings: list[Problem] = []
        self.context = StoreContext(session)
        self._actor: Actor | None = None
        self._actor_read = False

    # --- local edits ---------------------------------------------------------------------------

    def create(self, collection: str, data: Mapping[str, Any], record_id: str | None = None) -> str:
        """Create a record (absent fields are null); returns its id. ValidationError: nothing
        written."""
        self._writable(collection)
        record_id = record_id or str(uuid.uuid4())
        t = table(collection)
        if self.session.execute(select(t.c.id).where(t.c.id == record_id)).first():
            raise ValidationError([_ID_TAKEN])
        full = {name: data.get(name) for name in COLLECTIONS[collection].field_names}
        full.update({k: v for k, v in data.items() if k not in full})  # unknown: reported
        full = self._stamped(collection, full, None, record_id)
        self._allowed(collection, "create", record_id, None, full)
        self._validate(collection, full, None, record_id)
        self._write(collection, record_id, full, version=None, insert_row=True)
        outbox.append(self.session.connection(), collection, record_id, "create", None, full)
        self._apply_effects(collection, record_id, full, None)
        return record_id

    def create_many(
        self, collection: str, items: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> list[ValidationError | None]:
        """Create several records at once (an import): each checked exactly as ``create``
        checks one, the valid ones written with one executemany for their rows and one for
        their ops. Per item: None once written, else what refused it (nothing of it written).
        Items must not name each other (the caller writes a batch before naming its records).
        """
        self._writable(collection)
        ids = [record_id for record_id, _data in items]
        taken = known_ids(self.session, collection, ids)
        field = UNIQUE_FIELDS.get(collection)
        used: set[Any] = set()  # the batch's own unique values (the rules see the copy's)
        ctx = self.context if field is None else PrefetchedUnique(
            self.context, self.session, collection, field, [d.get(field) for _i, d in items]
        )  # fmt: skip
        outcomes: list[ValidationError | None] = []
        written: list[tuple[str, dict[str, Any]]] = []
        for record_id, data in items:
            full = {name: data.get(name) for name in COLLECTIONS[collection].field_names}
            full.update({k: v for k, v in data.items() if k not in full})
            try:
                if record_id in taken:
                    raise ValidationError([_ID_TAKEN])
                full = self._stamped(collection, full, None, record_id)
                self._allowed(collection, "create", record_id, None, full)
                self._validate(collection, full, None, record_id, ctx)
                if field and full.get(field) is not None and full[field] in used:
                    raise ValidationError(
                        [Problem(field, "duplicate", duplicate_message(collection))]
                    )
            except ValidationError as exc:
                outcomes.append(exc)
                continue
            if field and full.get(field) is not None:
                used.add(full[field])
            taken.add(record_id)
            written.append((record_id, full))
            outcomes.append(None)
        insert_created(self.session, collection, written, self.user_id)
        for record_id, _full in written:
            self.changes.add(collection, record_id)
        return outcomes

    def update(self, collection: str, record_id: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Change some fields of a live record; returns the fields that really changed (no op
        when none did). ValidationError or RecordNotFound: nothing written."""
        self._writable(collection)
        version, previous = self._live(collection, record_id)
        changed = {k: v for k, v in fields.items() if k not in previous or previous[k] != v}
        if not changed:
            return {}
        data = self._stamped(collection, {**previous, **changed}, previous, record_id)
        changed = {k: v for k, v in data.items() if k not in previous or previous[k] != v}
        self._allowed(collection, "update", record_id, previous, data)
        self._validate(collection, data, previous, record_id)
        self._write(collection, record_id, data, version=version, insert_row=False)
        outbox.append(self.session.connection(), collection, record_id, "update", version, changed)
        self._conflict_follows(collection, record_id, changed)
        self._apply_effects(collection, record_id, data, previous)
        return changed

    def delete(self, collection: str, record_id: str) -> None:
        """Delete a live record (a tombstone until the server confirms). ValidationError
        (``in_use``) while a live record refers to it."""
        self._writable(collection)
        version, previous = self._live(collection, record_id)
        self._allowed(collection, "delete", record_id, previous, None)
        users = []
        for other, field in _referrers(collection):
            o = table(other)
            hit = self.session.execute(
                select(o.c.id).where(o.c[field] == record_id, o.c.deleted.is_(False)).limit(1)
            ).first()
            if hit is not None:
                users.append(COLLECTIONS[other].label)
        if users:
            raise ValidationError(
                [
                    Problem(
                        "",
                        "in_use",
                        "Cette fiche ne peut pas être supprimée : elle est encore utilisée "
                        f"({', '.join(sorted(set(users)))}).",
                    )
                ]
            )
        t = table(collection)
        self.session.execute(
            update(t)
            .where(t.c.id == record_id)
            .values(deleted=True, updated_at=utc_now(), updated_by=self.user_id)
        )
        outbox.append(self.session.connection(), collection, record_id, "delete", version, {})
        self._conflict_follows_delete(collection, record_id)
        self.changes.add(collection, record_id)

    @staticmethod
    def _writable(collection: str) -> None:
        if collection not in COLLECTIONS:
            raise ValueError(f"unknown collection {collection!r}")
        if collection in REFERENCE_COLLECTIONS:
            raise ValueError(f"{collection} is reference data, read-only on a client")

    def _live(self, collection: str, record_id: str) -> tuple[int | None, dict[str, Any]]:
        t = table(collection)
        row = (
            self.session.execute(select(t).where(t.c.id == record_id, t.c.deleted.is_(False)))
            .mappings()
            .first()
        )
        if row is None:
            raise RecordNotFound(collection, record_id)
        return row["version"], to_api(collection, row)

    def _allowed(
        self,
        collection: str,
        kind: str,
        record_id: str,
        previous: dict[str, Any] | None,
        data: dict[str, Any] | None,
    ) -> None:
        """API.md's roles matrix, checked with the server's own function before anything is
        written or queued (``store.roles``): Forbidden with the server's French message."""
        if not self._actor_read:
            self._actor = roles.actor(self.session)
            self._actor_read = True
        if self._actor is None:
            return
        write = Write(collection, kind, record_id, previous, data)
        refused = roles.refusal(self.session, write, who=self._actor, ctx=self.context)
        if refused is not None:
            raise Forbidden(refused)

    def _stamped(
        self,
        collection: str,
        data: dict[str, Any],
        previous: dict[str, Any] | None,
        record_id: str | None = None,
    ) -> dict[str, Any]:
        """What the writer fills in itself (``domain.stamps``): a claim's checks at a status
        change, a new override's author and time (the server stamps them again)."""
        from offa_desktop.domain.stamps import stamped  # the record rules: see _validate

        return stamped(
            collection, data, previous, self.context, by=self.user_id, at=instant_str(utc_now()),
            record_id=record_id,
        )  # fmt: skip

    def _validate(
        self,
        collection: str,
        data: dict[str, Any],
        previous: dict[str, Any] | None,
        record_id: str,
        ctx: RuleContext | None = None,
    ) -> None:
        # here, not at the top (nor domain.stamps): the record rules are half of the domain's
        # import, which a process that only syncs (``offa-desktop sync``: the store, never an
        # edit) never needs
        from offa_desktop.domain.validation import blocking, validate_record

        found = validate_record(
            collection, data, previous=previous, ctx=ctx or self.context, record_id=record_id
        )
        if blocking(found):
            raise ValidationError(found)
        self.warnings.extend(found)

    def _write(
        self,
        collection: str,
        record_id: str,
        data: Mapping[str, Any],
        *,
        version: int | None,
        insert_row: bool,
    ) -> None:
        t = table(collection)
        columns, extra = to_columns(collection, data)
        values: dict[str, Any] = {
            **columns,
            "extra": extra or None,
            "updated_at": utc_now(),
            "updated_by": self.user_id,
        }
        if insert_row:
            self.session.execute(
                insert(t).values(id=record_id, version=version, deleted=False, **values)
            )
        else:
            self.session.execute(update(t).where(t.c.id == record_id).values(**values))
        self.changes.add(collection, record_id)

    def _conflict_follows_delete(self, collection: str, record_id: str) -> None:
        """Deleting a record whose fields are in conflict: what is left to decide is this
        deletion against the server's edits (the fields kept, should the deletion be undone)."""
        c = CONFLICTS.c
        row = self.session.execute(
            select(c.id, c.details).where(c.collection == collection, c.record_id == record_id)
        ).first()
        if row is None or (row.details or {}).get("kind", "fields") != "fields":
            return
        details = {**row.details, "kind": "deleted_locally"}
        self.session.execute(update(CONFLICTS).where(c.id == row.id).values(details=details))

    def _conflict_follows(
        self, collection: str, record_id: str, changed: Mapping[str, Any]
    ) -> None:
        """A field in conflict edited again stays in conflict, showing what was typed last
        (only a person's choice ends a conflict, and "mine" must be the latest value)."""
        c = CONFLICTS.c
        row = self.session.execute(
            select(c.id, c.details).where(c.collection == collection, c.record_id == record_id)
        ).first()
        if row is None:
            return
        details = dict(row.details or {})
        fields = {k: dict(v) for k, v in (details.get("fields") or {}).items()}
        touched = [name for name in changed if name in fields]
        if not touched:
            return
        for name in touched:
            fields[name]["mine"] = changed[name]
        details["fields"] = fields
        self.session.execute(update(CONFLICTS).where(c.id == row.id).values(details=details))

    def _apply_effects(
        self,
        collection: str,
        record_id: str,
        data: Mapping[str, Any],
        previous: Mapping[str, Any] | None,
    ) -> None:
        """Apply locally what the server will also apply itself: a contract event's change of
        its contract (no outbox op: the server derives it from the event's op). Effects the
        server alone writes (the terminations after a withdrawal) come back by pull."""
        if collection != "contract_events":
            return
        for effect in side_effects(collection, record_id, data, previous, self.context):
            if effect.collection != "contracts" or effect.kind != "update":
                continue
            target = table("contracts")
            row = (
                self.session.execute(select(target).where(target.c.id == effect.record_id))
                .mappings()
                .first()
            )
            if row is None:
                continue
            merged = {**to_api("contracts", row), **dict(effect.fields)}
            self._write("contracts", effect.record_id, merged, version=row["version"],
                        insert_row=False)  # fmt: skip
