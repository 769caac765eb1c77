"""What the areas of the main window are made of: an area, a filter, and the columns several
lists share (a date, a code by its French name, a status, the sync state)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from offa_desktop.ui.formats import date_fr, namer
from offa_desktop.ui.table_model import Column


@dataclass(frozen=True)
class Filter:
    """A filter of a list: a combo of codes applied in SQL as ``field = code``."""

    field: str
    title: str
    # the enumeration of formats.choices, "reference:<collection>", or "values" (the values
    # the field takes in the working copy, largest first)
    kind: str


@dataclass(frozen=True)
class Area:
    """One area of the main window: its list, the filters above it, its default sort."""

    key: str
    title: str
    collection: str
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...] = ()
    default_sort: int = 0
    default_descending: bool = False
    late: bool = False  # listed after the other pages (Indicateurs keeps its Ctrl+8)


def sync_column(sortable: bool = False) -> Column:
    return Column(
        "sync_state",
        QCoreApplication.translate("areas", "Synchro"),
        sortable=sortable,
        formatter=namer("sync_state"),
        width=105,
    )


def date_column(key: str, title: str, width: int = 95) -> Column:
    """A date, shown 31/08/2026."""
    return Column(key, title, formatter=date_fr, width=width)


def named_column(key: str, title: str, kind: str, width: int = 130) -> Column:
    """A code shown by its French name (``formats.namer(kind)``)."""
    return Column(key, title, formatter=namer(kind), width=width)


def status_column(kind: str, width: int = 130) -> Column:
    return named_column("status", QCoreApplication.translate("areas", "Statut"), kind, width)
