"""The areas of the main window and the columns and filters of their lists.

Column keys are the sort keys of the store's list queries (a field of the collection, or a
display field the query joins in such as ``learner_name``); ``sync_state`` is the sync-state
column every list carries.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from offa_desktop.domain.identifiers import format_enterprise_number
from offa_desktop.ui.area_kinds import (
    Area,
    Filter,
    date_column,
    named_column,
    status_column,
    sync_column,
)
from offa_desktop.ui.case_areas import case_areas
from offa_desktop.ui.formats import level_fr, money_fr
from offa_desktop.ui.table_model import Column


def areas() -> tuple[Area, ...]:
    """Every area, in navigation order (built after translators are installed)."""
    return (
        Area(
            "companies",
            QCoreApplication.translate("areas", "Entreprises"),
            "companies",
            (
                Column(
                    "name",
                    QCoreApplication.translate("areas", "Nom"),
                    width=240,
                    grow=True,
                ),
                Column(
                    "enterprise_number",
                    QCoreApplication.translate("areas", "N° d'entreprise"),
                    formatter=format_enterprise_number,
                ),
                Column("legal_form", QCoreApplication.translate("areas", "Forme")),
                Column("sector", QCoreApplication.translate("areas", "Secteur")),
                Column(
                    "employee_count",
                    QCoreApplication.translate("areas", "Travailleurs"),
                    right_aligned=True,
                ),
                sync_column(),
            ),
            (
                Filter(
                    "sector", QCoreApplication.translate("areas", "Secteur"), "reference:sectors"
                ),
            ),
        ),
        Area(
            "approvals",
            QCoreApplication.translate("areas", "Agréments"),
            "approvals",
            (
                Column(
                    "establishment_unit_id",
                    QCoreApplication.translate("areas", "Unité d'établissement"),
                    sortable=False,
                    width=260,
                    grow=True,
                ),
                Column(
                    "trade_code",
                    QCoreApplication.translate("areas", "Métier"),
                    width=230,
                    grow=True,
                ),
                Column("operator_code", QCoreApplication.translate("areas", "Opérateur")),
                status_column("approval_status"),
                date_column("requested_on", QCoreApplication.translate("areas", "Demandé le")),
                date_column("decided_on", QCoreApplication.translate("areas", "Décidé le")),
                sync_column(),
            ),
            (
                Filter("status", QCoreApplication.translate("areas", "Statut"), "approval_status"),
                Filter(
                    "operator_code",
                    QCoreApplication.translate("areas", "Opérateur"),
                    "reference:operators",
                ),
            ),
            default_sort=4,
            default_descending=True,
        ),
        Area(
            "visits",
            QCoreApplication.translate("areas", "Visites"),
            "visits",
            (
                Column(
                    "place",
                    QCoreApplication.translate("areas", "Lieu"),
                    sortable=False,
                    width=260,
                    grow=True,
                ),
                named_column("kind", QCoreApplication.translate("areas", "Type"), "visit_kind"),
                status_column("visit_status"),
                date_column("planned_on", QCoreApplication.translate("areas", "Prévue le")),
                date_column("visit_date", QCoreApplication.translate("areas", "Visitée le")),
                named_column("opinion", QCoreApplication.translate("areas", "Avis"), "opinion"),
                sync_column(),
            ),
            (
                Filter("status", QCoreApplication.translate("areas", "Statut"), "visit_status"),
                Filter(
                    "visitor_id", QCoreApplication.translate("areas", "Visiteur"), "reference:mine"
                ),
            ),
            default_sort=3,
            default_descending=True,
        ),
        Area(
            "learners",
            QCoreApplication.translate("areas", "Apprenants"),
            "learners",
            (
                Column(
                    "last_name",
                    QCoreApplication.translate("areas", "Nom"),
                    width=180,
                    grow=True,
                ),
                Column(
                    "first_name",
                    QCoreApplication.translate("areas", "Prénom"),
                    width=160,
                    grow=True,
                ),
                date_column("birth_date", QCoreApplication.translate("areas", "Naissance")),
                Column(
                    "city",
                    QCoreApplication.translate("areas", "Localité"),
                    width=160,
                    grow=True,
                ),
                Column("operator_code", QCoreApplication.translate("areas", "Opérateur")),
                sync_column(),
            ),
            (
                Filter(
                    "operator_code",
                    QCoreApplication.translate("areas", "Opérateur"),
                    "reference:operators",
                ),
            ),
        ),
        Area(
            "contracts",
            QCoreApplication.translate("areas", "Contrats"),
            "contracts",
            (
                Column(
                    "learner",
                    QCoreApplication.translate("areas", "Apprenant"),
                    width=185,
                    grow=True,
                    # a learner moved to another operator leaves its past contracts here
                    missing=QCoreApplication.translate("areas", "(hors de votre copie)"),
                ),
                Column(
                    "company",
                    QCoreApplication.translate("areas", "Entreprise"),
                    width=185,
                    grow=True,
                ),
                Column(
                    "trade",
                    QCoreApplication.translate("areas", "Métier"),
                    width=250,
                    grow=True,
                ),
                Column("operator", QCoreApplication.translate("areas", "Opérateur"), width=120),
                date_column("start_date", QCoreApplication.translate("areas", "Début")),
                date_column("end_date", QCoreApplication.translate("areas", "Fin"), width=90),
                Column(
                    "level",
                    QCoreApplication.translate("areas", "Niveau"),
                    formatter=level_fr,
                    width=55,
                ),
                status_column("contract_status", width=90),
                sync_column(sortable=True),
            ),
            (
                Filter("status", QCoreApplication.translate("areas", "Statut"), "contract_status"),
                Filter(
                    "operator_code",
                    QCoreApplication.translate("areas", "Opérateur"),
                    "reference:operators",
                ),
                Filter(
                    "trade_code", QCoreApplication.translate("areas", "Métier"), "reference:trades"
                ),
                Filter("region", QCoreApplication.translate("areas", "Région"), "region"),
            ),
            default_sort=4,
            default_descending=True,
        ),
        Area(
            "incentives",
            QCoreApplication.translate("areas", "Incitants"),
            "incentive_claims",
            (
                Column(
                    "company_id",
                    QCoreApplication.translate("areas", "Entreprise"),
                    sortable=False,
                    width=220,
                    grow=True,
                ),
                named_column(
                    "kind_code", QCoreApplication.translate("areas", "Type"), "incentive_kind"
                ),
                Column("school_year", QCoreApplication.translate("areas", "Année scolaire")),
                Column(
                    "amount",
                    QCoreApplication.translate("areas", "Montant"),
                    right_aligned=True,
                    formatter=money_fr,
                ),
                status_column("claim_status"),
                sync_column(),
            ),
            (
                Filter("status", QCoreApplication.translate("areas", "Statut"), "claim_status"),
                Filter(
                    "school_year",
                    QCoreApplication.translate("areas", "Année scolaire"),
                    "values",
                ),
            ),
            default_sort=2,  # school year, the latest first
            default_descending=True,
        ),
        *case_areas(),
    )
