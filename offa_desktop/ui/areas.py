"""The areas of the main window and the columns and filters of their lists.

Column keys are the sort keys of the store's list queries (a field of the collection, or a
display field the query joins in such as ``learner_name``); ``sync_state`` is the sync-state
column every list carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from offa_desktop.ui.formats import date_fr, level_fr, money_fr, namer
from offa_desktop.ui.table_model import Column


def _t(text: str) -> str:
    return QCoreApplication.translate("areas", text)


@dataclass(frozen=True)
class Filter:
    """A filter of a list: a combo of codes applied in SQL as ``field = code``."""

    field: str
    title: str
    kind: str  # the enumeration of formats.choices, or "reference:<collection>"


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


def _sync(sortable: bool = False) -> Column:
    return Column("sync_state", _t("Synchro"), sortable=sortable, formatter=namer("sync_state"))


def areas() -> tuple[Area, ...]:
    """Every area, in navigation order (built after translators are installed)."""
    return (
        Area(
            "companies",
            _t("Entreprises"),
            "companies",
            (
                Column("name", _t("Nom"), width=240),
                Column("enterprise_number", _t("N° d'entreprise")),
                Column("legal_form", _t("Forme")),
                Column("sector", _t("Secteur")),
                Column("employee_count", _t("Travailleurs"), right_aligned=True),
                _sync(),
            ),
            (Filter("sector", _t("Secteur"), "reference:sectors"),),
        ),
        Area(
            "approvals",
            _t("Agréments"),
            "approvals",
            (
                Column("trade_code", _t("Métier")),
                Column("operator_code", _t("Opérateur")),
                Column("status", _t("Statut"), formatter=namer("approval_status")),
                Column("requested_on", _t("Demandé le"), formatter=date_fr, width=95),
                Column("decided_on", _t("Décidé le"), formatter=date_fr, width=95),
                _sync(),
            ),
            (
                Filter("status", _t("Statut"), "approval_status"),
                Filter("operator_code", _t("Opérateur"), "reference:operators"),
            ),
            default_sort=3,
            default_descending=True,
        ),
        Area(
            "visits",
            _t("Visites"),
            "visits",
            (
                Column("kind", _t("Type"), formatter=namer("visit_kind")),
                Column("status", _t("Statut"), formatter=namer("visit_status")),
                Column("planned_on", _t("Prévue le"), formatter=date_fr, width=95),
                Column("visit_date", _t("Visitée le"), formatter=date_fr, width=95),
                Column("opinion", _t("Avis"), formatter=namer("opinion")),
                _sync(),
            ),
            (Filter("status", _t("Statut"), "visit_status"),),
            default_sort=2,
            default_descending=True,
        ),
        Area(
            "learners",
            _t("Apprenants"),
            "learners",
            (
                Column("last_name", _t("Nom"), width=180),
                Column("first_name", _t("Prénom"), width=160),
                Column("birth_date", _t("Naissance"), formatter=date_fr, width=95),
                Column("city", _t("Localité")),
                Column("operator_code", _t("Opérateur")),
                _sync(),
            ),
            (Filter("operator_code", _t("Opérateur"), "reference:operators"),),
        ),
        Area(
            "contracts",
            _t("Contrats"),
            "contracts",
            (
                Column("learner", _t("Apprenant"), width=190),
                Column("company", _t("Entreprise"), width=210),
                Column("trade", _t("Métier"), width=180),
                Column("operator", _t("Opérateur"), width=110),
                Column("start_date", _t("Début"), formatter=date_fr, width=95),
                Column("end_date", _t("Fin"), formatter=date_fr, width=95),
                Column("level", _t("Niveau"), formatter=level_fr, width=60),
                Column("status", _t("Statut"), formatter=namer("contract_status")),
                _sync(sortable=True),
            ),
            (
                Filter("status", _t("Statut"), "contract_status"),
                Filter("operator_code", _t("Opérateur"), "reference:operators"),
                Filter("trade_code", _t("Métier"), "reference:trades"),
                Filter("region", _t("Région"), "region"),
            ),
            default_sort=4,
            default_descending=True,
        ),
        Area(
            "incentives",
            _t("Incitants"),
            "incentive_claims",
            (
                Column("kind_code", _t("Type"), formatter=namer("incentive_kind")),
                Column("school_year", _t("Année scolaire")),
                Column("amount", _t("Montant"), right_aligned=True, formatter=money_fr),
                Column("status", _t("Statut"), formatter=namer("claim_status")),
                _sync(),
            ),
            (Filter("status", _t("Statut"), "claim_status"),),
        ),
    )
