"""The lists of issue 18's cases, after Indicateurs: Stage+ offers, referrals to the Commission
and learners' mobility (``ops/cases.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from offa_desktop.domain.identifiers import format_niss
from offa_desktop.ui.area_kinds import (
    Area,
    Filter,
    date_column,
    named_column,
    status_column,
    sync_column,
)
from offa_desktop.ui.formats import date_fr, level_fr, namer
from offa_desktop.ui.table_model import Column


def case_areas() -> tuple[Area, ...]:
    """Offers, referrals and transfers (built after translators are installed)."""
    return (
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
                date_column("start_date", QCoreApplication.translate("areas", "Début")),
                Column(
                    "places",
                    QCoreApplication.translate("areas", "Places"),
                    right_aligned=True,
                    width=60,
                ),
                status_column("offer_status"),
                Column("operator_code", QCoreApplication.translate("areas", "Opérateur")),
                sync_column(),
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
                named_column(
                    "subject", QCoreApplication.translate("areas", "Objet"), "referral_subject", 80
                ),
                Column("operator_code", QCoreApplication.translate("areas", "Opérateur")),
                status_column("referral_status"),
                date_column("referred_on", QCoreApplication.translate("areas", "Saisie le")),
                date_column("closed_on", QCoreApplication.translate("areas", "Clôturée le")),
                sync_column(),
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
                sync_column(),
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
