"""The records of the working copy that name a value in a field, for a request of a person's
data (``domain.personal_data.about`` walks its steps with :func:`find_ids`)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, func, literal_column, select
from sqlalchemy.orm import Session

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.specs import Kind
from offa_desktop.store.records import table


def find_ids(session: Session, collection: str, field: str, value: str) -> list[str]:
    """Ids of live records of ``collection`` whose ``field`` is ``value`` (or, for a list of
    ids, holds it), sorted."""
    t = table(collection)
    spec = COLLECTIONS[collection].by_name[field]
    column = t.c[field]
    where: ColumnElement[bool]
    if spec.kind is Kind.REFS:
        each = func.json_each(column).table_valued("value").alias("each")
        where = exists(select(literal_column("1")).select_from(each).where(each.c.value == value))
    else:
        where = column == value
    rows = session.execute(select(t.c.id).where(t.c.deleted.is_(False), where).order_by(t.c.id))
    return [str(r[0]) for r in rows]
