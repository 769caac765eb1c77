"""The areas of the main window and the columns and filters of their lists.

Column keys are the sort keys of the store's list queries (a field of the collection, or a
display field the query joins in such as ``learner_name``); ``sync_state`` is the sync-state
column every list carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from offa_desktop.domain.identifiers import format_enterprise_number, format_niss
from offa_desktop.ui.formats import date_fr, level_fr, money_fr, namer
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


def _sync(sortable: bool = False) -> Column:
    return Column(
        "sync_state",
        QCoreApplication.translate("areas", "Synchro"),
        sortable=sortable,
        formatter=namer("sync_state"),
        width=105,
    )


def _date(key: str, title: str, width: int = 95) -> Column:
    """A date, shown 31/08/2026."""
    return Column(key, title, formatter=date_fr, width=width)


def _named(key: str, title: str, kind: str, width: int = 130) -> Column:
    """A code shown by its French name (``formats.namer(kind)``)."""
    return Column(key, title, formatter=namer(kind), width=width)


def _status(kind: str, width: int = 130) -> Column:
    return _named("status", QCoreApplication.translate("areas", "Statut"), kind, width)


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
                _sync(),
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
                _status("approval_status"),
                _date("requested_on", QCoreApplication.translate("areas", "Demandé le")),
                _date("decided_on", QCoreApplication.translate("areas", "Décidé le")),
                _sync(),
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
                _named("kind", QCoreApplication.translate("areas", "Type"), "visit_kind"),
                _status("visit_status"),
                _date("planned_on", QCoreApplication.translate("areas", "Prévue le")),
                _date("visit_date", QCoreApplication.translate("areas", "Visitée le")),
                _named("opinion", QCoreApplication.translate("areas", "Avis"), "opinion"),
                _sync(),
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
                _date("birth_date", QCoreApplication.translate("areas", "Naissance")),
                Column(
                    "city",
                    QCoreApplication.translate("areas", "Localité"),
                    width=160,
                    grow=True,
                ),
                Column("operator_code", QCoreApplication.translate("areas", "Opérateur")),
                _sync(),
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
                _date("start_date", QCoreApplication.translate("areas", "Début")),
                _date("end_date", QCoreApplication.translate("areas", "Fin"), width=90),
                Column(
                    "level",
                    QCoreApplication.translate("areas", "Niveau"),
                    formatter=level_fr,
                    width=55,
                ),
                _status("contract_status", width=90),
                _sync(sortable=True),
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
                _named("kind_code", QCoreApplication.translate("areas", "Type"), "incentive_kind"),
                Column("school_year", QCoreApplication.translate("areas", "Année scolaire")),
                Column(
                    "amount",
                    QCoreApplication.translate("areas", "Montant"),
                    right_aligned=True,
                    formatter=money_fr,
                ),
                _status("claim_status"),
                _sync(),
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
        Area(
            "offers",
            QCoreApplication.translate("areas", "Offres Stage+"),
            "stage_offers",
            (
                Column(
                    "title",
                    QCoreApplication.translate("areas", "Intitulé"),
                    width=220,
                    grow=True,
                ),
                Column(
                    "establishment_unit_id",
                    QCoreApplication.translate("areas", "Unité d'établissement"),
                    sortable=False,
                    width=240,
                    grow=True,
                ),
                Column(
                    "trade_code",
                    QCoreApplication.translate("areas", "Métier"),
                    width=200,
                    grow=True,
                ),
                _date("start_date", QCoreApplication.translate("areas", "Début")),
                Column(
                    "places",
                    QCoreApplication.translate("areas", "Places"),
                    right_aligned=True,
                    width=60,
                ),
                _status("offer_status"),
                Column("operator_code", QCoreApplication.translate("areas", "Opérateur")),
                _sync(),
            ),
            (
                Filter("status", QCoreApplication.translate("areas", "Statut"), "offer_status"),
                Filter(
                    "trade_code", QCoreApplication.translate("areas", "Métier"), "reference:trades"
                ),
                Filter(
                    "operator_code",
                    QCoreApplication.translate("areas", "Opérateur"),
                    "reference:operators",
                ),
            ),
            default_sort=3,  # start, the latest first
            default_descending=True,
            late=True,
        ),
        Area(
            "referrals",
            QCoreApplication.translate("areas", "Commission"),
            "mediation_referrals",
            (
                Column(
                    "about",
                    QCoreApplication.translate("areas", "Dossier"),
                    sortable=False,
                    width=280,
                    grow=True,
                ),
                _named(
                    "subject", QCoreApplication.translate("areas", "Objet"), "referral_subject", 80
                ),
                Column("operator_code", QCoreApplication.translate("areas", "Opérateur")),
                _status("referral_status"),
                _date("referred_on", QCoreApplication.translate("areas", "Saisie le")),
                _date("closed_on", QCoreApplication.translate("areas", "Clôturée le")),
                _sync(),
            ),
            (
                Filter(
                    "status", QCoreApplication.translate("areas", "Statut"), "referral_status"
                ),
                Filter(
                    "subject", QCoreApplication.translate("areas", "Objet"), "referral_subject"
                ),
                Filter(
                    "operator_code",
                    QCoreApplication.translate("areas", "Opérateur"),
                    "reference:operators",
                ),
            ),
            default_sort=4,  # referred on, the latest first
            default_descending=True,
            late=True,
        ),
        Area(
            "transfers",
            QCoreApplication.translate("areas", "Mobilités"),
            "learner_transfers",
            (
                Column(
                    "niss",
                    QCoreApplication.translate("areas", "NISS"),
                    formatter=format_niss,
                    width=130,
                ),
                Column("from_operator", QCoreApplication.translate("areas", "De")),
                Column("to_operator", QCoreApplication.translate("areas", "Vers")),
                Column(
                    "status",
                    QCoreApplication.translate("areas", "Statut"),
                    formatter=namer("transfer_status"),
                ),
                Column(
                    "requested_on",
                    QCoreApplication.translate("areas", "Demandée le"),
                    formatter=date_fr,
                    width=95,
                ),
                Column(
                    "decided_on",
                    QCoreApplication.translate("areas", "Décidée le"),
                    formatter=date_fr,
                    width=95,
                ),
                Column("level_reached", QCoreApplication.translate("areas", "Niveau"),
                       formatter=level_fr, width=60),
                _sync(),
            ),
            (
                Filter(
                    "status", QCoreApplication.translate("areas", "Statut"), "transfer_status"
                ),
            ),
            default_sort=4,
            default_descending=True,
            late=True,
        ),
    )
