"""The areas of the main window and the columns and filters of their lists.

Column keys are the sort keys of the store's list queries (a field of the collection, or a
display field the query joins in such as ``learner_name``); ``sync_state`` is the sync-state
column every list carries.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from offa_desktop.domain.identifier_formats import format_enterprise_number
from offa_desktop.ui.area_kinds import (
    Area,
    Filter,
    date_column,
    level_column,
    name_column,
    named_column,
    operator_column,
    operator_filter,
    status_column,
    status_filter,
    sync_column,
    trade_filter,
)
from offa_desktop.ui.case_areas import case_areas
from offa_desktop.ui.formats import money_fr
from offa_desktop.ui.table_model import Column


def areas() -> tuple[Area, ...]:
    """Every area, in navigation order (built after translators are installed)."""
    return (
        Area(
            "companies", QCoreApplication.translate("areas", "Entreprises"), "companies",
            (
                name_column("name", QCoreApplication.translate("areas", "Nom"), 240),
                Column(
                    "enterprise_number",
                    QCoreApplication.translate("areas", "N° d'entreprise"),
                    formatter=format_enterprise_number,
                ),
                Column("legal_form", QCoreApplication.translate("areas", "Forme")),
                Column("sector", QCoreApplication.translate("areas", "Secteur")),
                Column("employee_count", QCoreApplication.translate("areas", "Travailleurs"),
                       right_aligned=True),
                sync_column(),
            ),
            (
                Filter(
                    "sector", QCoreApplication.translate("areas", "Secteur"), "reference:sectors"
                ),
            ),
        ),
        Area(
            "approvals", QCoreApplication.translate("areas", "Agréments"), "approvals",
            (
                name_column("establishment_unit_id",
                            QCoreApplication.translate("areas", "Unité d'établissement"), 260,
                            sortable=False),
                name_column("trade_code", QCoreApplication.translate("areas", "Métier"), 230),
                operator_column(),
                status_column("approval_status"),
                date_column("requested_on", QCoreApplication.translate("areas", "Demandé le")),
                date_column("decided_on", QCoreApplication.translate("areas", "Décidé le")),
                sync_column(),
            ),
            (status_filter("approval_status"), operator_filter()),
            default_sort=4, default_descending=True,
        ),
        Area(
            "visits", QCoreApplication.translate("areas", "Visites"), "visits",
            (
                name_column("place", QCoreApplication.translate("areas", "Lieu"), 260,
                            sortable=False),
                named_column("kind", QCoreApplication.translate("areas", "Type"), "visit_kind"),
                status_column("visit_status"),
                date_column("planned_on", QCoreApplication.translate("areas", "Prévue le")),
                date_column("visit_date", QCoreApplication.translate("areas", "Visitée le")),
                named_column("opinion", QCoreApplication.translate("areas", "Avis"), "opinion"),
                sync_column(),
            ),
            (
                status_filter("visit_status"),
                Filter(
                    "visitor_id", QCoreApplication.translate("areas", "Visiteur"), "reference:mine"
                ),
            ),
            default_sort=3, default_descending=True,
        ),
        Area(
            "learners", QCoreApplication.translate("areas", "Apprenants"), "learners",
            (
                name_column("last_name", QCoreApplication.translate("areas", "Nom"), 180),
                name_column("first_name", QCoreApplication.translate("areas", "Prénom"), 160),
                date_column("birth_date", QCoreApplication.translate("areas", "Naissance")),
                name_column("city", QCoreApplication.translate("areas", "Localité"), 160),
                operator_column(),
                sync_column(),
            ),
            (operator_filter(),),
        ),
        Area(
            "contracts", QCoreApplication.translate("areas", "Contrats"), "contracts",
            (
                Column(
                    "learner",
                    QCoreApplication.translate("areas", "Apprenant"),
                    width=185,
                    grow=True,
                    # a learner moved to another operator leaves its past contracts here
                    missing=QCoreApplication.translate("areas", "(hors de votre copie)"),
                ),
                name_column("company", QCoreApplication.translate("areas", "Entreprise"), 185),
                name_column("trade", QCoreApplication.translate("areas", "Métier"), 250),
                Column("operator", QCoreApplication.translate("areas", "Opérateur"), width=120),
                date_column("start_date", QCoreApplication.translate("areas", "Début")),
                date_column("end_date", QCoreApplication.translate("areas", "Fin"), width=90),
                level_column("level", 55),
                status_column("contract_status", width=90),
                sync_column(sortable=True),
            ),
            (
                status_filter("contract_status"),
                operator_filter(),
                trade_filter(),
                Filter("region", QCoreApplication.translate("areas", "Région"), "region"),
            ),
            default_sort=4, default_descending=True,
        ),
        Area(
            "incentives", QCoreApplication.translate("areas", "Incitants"), "incentive_claims",
            (
                name_column("company_id", QCoreApplication.translate("areas", "Entreprise"), 220,
                            sortable=False),
                named_column(
                    "kind_code", QCoreApplication.translate("areas", "Type"), "incentive_kind"
                ),
                Column("school_year", QCoreApplication.translate("areas", "Année scolaire")),
                Column("amount", QCoreApplication.translate("areas", "Montant"),
                       right_aligned=True, formatter=money_fr),
                status_column("claim_status"),
                sync_column(),
            ),
            (
                status_filter("claim_status"),
                Filter("school_year", QCoreApplication.translate("areas", "Année scolaire"),
                       "values"),
            ),
            default_sort=2, default_descending=True,  # school year, the latest first
        ),
        *case_areas(),
    )
