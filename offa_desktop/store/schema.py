"""Every table of the working copy in one MetaData (models + sync tables), for Alembic and tests."""

from __future__ import annotations

from offa_desktop.store import models, tables
from offa_desktop.store.base import Base

metadata = Base.metadata

__all__ = ["metadata", "models", "tables"]
