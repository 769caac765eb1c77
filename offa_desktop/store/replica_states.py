"""What sync hands :mod:`offa_desktop.store.replica` to write in bulk: a record as the server
sent it, a base snapshot. Protocols of the attributes the replica reads, so sync's dataclasses
fit them as they are (a first sync's 100,000 records are not copied on the way) and the store
does not import ``sync``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class BaseState(Protocol):
    """A record's state as sync keeps it (sync's ``Base`` fits: its ``version`` is never
    None; a record the server sent fits too)."""

    @property
    def collection(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def version(self) -> int | None: ...
    @property
    def deleted(self) -> bool: ...
    @property
    def data(self) -> Mapping[str, Any] | None: ...


class RecordState(BaseState, Protocol):
    """A record as the server last sent it, with its stamp (sync's ``ServerRecord`` fits)."""

    @property
    def updated_at(self) -> str | None: ...
    @property
    def updated_by(self) -> str | None: ...
