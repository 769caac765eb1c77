"""The ChangeSet every data-changing action returns, so each list refreshes only what changed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChangeSet:
    """Which records an action created, changed or removed, by collection.

    ``ids`` maps a collection name to the ids touched; ``everything`` says a whole refresh is
    due (after a first sync, a re-pull, an import).
    """

    ids: dict[str, set[str]] = field(default_factory=dict)
    everything: bool = False

    def add(self, collection: str, record_id: str) -> None:
        self.ids.setdefault(collection, set()).add(record_id)

    def merge(self, other: ChangeSet) -> ChangeSet:
        for collection, ids in other.ids.items():
            self.ids.setdefault(collection, set()).update(ids)
        self.everything = self.everything or other.everything
        return self

    def touches(self, collection: str) -> bool:
        return self.everything or bool(self.ids.get(collection))

    def __bool__(self) -> bool:
        return self.everything or any(self.ids.values())
