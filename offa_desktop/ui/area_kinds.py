"""What the areas of the main window are made of: an area, a filter, and the columns and
filters several lists share (a name, a date, a code by its French name, a status, the operator,
the sync state)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from offa_desktop.ui.formats import date_fr, level_fr, namer
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


def name_column(key: str, title: str, width: int, *, sortable: bool = True) -> Column:
    """A name (or a title): it takes a share of the room the list leaves (``grow``)."""
    return Column(key, title, sortable=sortable, width=width, grow=True)


def level_column(key: str, width: int) -> Column:
    """A level of training, shown A, B or C."""
    return Column(key, QCoreApplication.translate("areas", "Niveau"), formatter=level_fr,
                  width=width)


def operator_column() -> Column:
    return Column("operator_code", QCoreApplication.translate("areas", "Opérateur"))


def status_filter(kind: str) -> Filter:
    return Filter("status", QCoreApplication.translate("areas", "Statut"), kind)


def operator_filter() -> Filter:
    return Filter(
        "operator_code", QCoreApplication.translate("areas", "Opérateur"), "reference:operators"
    )


def trade_filter() -> Filter:
    return Filter("trade_code", QCoreApplication.translate("areas", "Métier"), "reference:trades")
