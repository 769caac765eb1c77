"""The user's choices, declared and typed (as Picard's options), apart from window state.

Kept in ``preferences.ini`` at the top of the data folder (so the demo and the real copy share
them); window geometry stays in each working copy's ``settings.ini``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

VERSION = 1  # bump with an upgrade step in ``_upgrade`` when an option changes meaning


@dataclass(frozen=True)
class Option:
    """One declared preference: its key, type and default."""

    key: str
    kind: type
    default: Any


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("ui/pseudo_l10n", bool, False),
        Option("sync/auto_minutes", int, 5),
        Option("sync/auto", bool, True),
    )
}


class Preferences:
    """Typed access to the declared options; unknown keys are refused."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "preferences.ini"
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        found = int(str(self._store.value("meta/version", 0) or 0))
        if found < VERSION:
            self._store.setValue("meta/version", VERSION)

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        raw = self._store.value(key, option.default)
        if option.kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
        try:
            return option.kind(raw)
        except (TypeError, ValueError):
            return option.default

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        self._store.setValue(key, option.kind(value))
        self._store.sync()
