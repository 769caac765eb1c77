"""The declarative base of the working copy and the columns every synced table shares."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Column, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase

from offa_desktop.store.types import Instant

# Stable constraint names, so batch migrations on SQLite can find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# JSON columns keep SQL NULL for None (not the JSON text 'null').
JSONValue = JSON(none_as_null=True)


class Base(DeclarativeBase):
    """Declarative base of every table of the working copy."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def synced_columns() -> tuple[Column[Any], ...]:
    """Columns shared by every table holding records of an API collection (new objects for
    each table), after the collection's own.

    ``version`` is the server version (null while never synced), ``deleted`` a tombstone,
    ``extra`` the fields a newer server sent that this client does not know (kept, never dropped,
    sent back as they came).
    """
    return (
        Column("id", String(36), primary_key=True),
        Column("version", Integer, index=True),
        Column("deleted", Boolean, default=False, nullable=False),
        Column("updated_at", Instant),
        Column("updated_by", String(36)),
        Column("extra", JSONValue),
    )
