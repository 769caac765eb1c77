"""The lists of issue 18's cases, after Indicateurs: Stage+ offers, referrals to the Commission
and learners' mobility (``ops/cases.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from offa_desktop.domain.identifier_formats import format_niss
from offa_desktop.ui import area_kinds as kinds
from offa_desktop.ui.table_model import Column


def case_areas() -> tuple[kinds.Area, ...]:
    """Offers, referrals and transfers (built after translators are installed)."""
    return (
        kinds.Area(
            "offers", QCoreApplication.translate("areas", "Offres Stage+"), "stage_offers",
            (
                kinds.name_column("title", QCoreApplication.translate("areas", "Intitulé"), 220),
                kinds.name_column("establishment_unit_id",
                            QCoreApplication.translate("areas", "Unité d'établissement"), 240,
                            sortable=False),
                kinds.name_column("trade_code", QCoreApplication.translate("areas", "Métier"), 200),
                kinds.date_column("start_date", QCoreApplication.translate("areas", "Début")),
                Column("places", QCoreApplication.translate("areas", "Places"),
                       right_aligned=True, width=60),
                kinds.status_column("offer_status"),
                kinds.operator_column(),
                kinds.sync_column(),
            ),
            (kinds.status_filter("offer_status"), kinds.trade_filter(), kinds.operator_filter()),
            default_sort=3, default_descending=True,  # start, the latest first
            late=True,
        ),
        kinds.Area(
            "referrals", QCoreApplication.translate("areas", "Commission"), "mediation_referrals",
            (
                kinds.name_column("about", QCoreApplication.translate("areas", "Dossier"), 280,
                            sortable=False),
                kinds.named_column(
                    "subject", QCoreApplication.translate("areas", "Objet"), "referral_subject", 80
                ),
                kinds.operator_column(),
                kinds.status_column("referral_status"),
                kinds.date_column("referred_on", QCoreApplication.translate("areas", "Saisie le")),
                kinds.date_column("closed_on", QCoreApplication.translate("areas", "Clôturée le")),
                kinds.sync_column(),
            ),
            (
                kinds.status_filter("referral_status"),
                kinds.Filter(
                    "subject", QCoreApplication.translate("areas", "Objet"), "referral_subject"
                ),
                kinds.operator_filter(),
            ),
            default_sort=4, default_descending=True,  # referred on, the latest first
            late=True,
        ),
        kinds.Area(
            "transfers", QCoreApplication.translate("areas", "Mobilités"), "learner_transfers",
            (
                Column("niss", QCoreApplication.translate("areas", "NISS"), formatter=format_niss,
                       width=130),
                Column("from_operator", QCoreApplication.translate("areas", "De")),
                Column("to_operator", QCoreApplication.translate("areas", "Vers")),
                kinds.status_column("transfer_status"),
                kinds.date_column(
                    "requested_on", QCoreApplication.translate("areas", "Demandée le")
                ),
                kinds.date_column("decided_on", QCoreApplication.translate("areas", "Décidée le")),
                kinds.level_column("level_reached", 60),
                kinds.sync_column(),
            ),
            (kinds.status_filter("transfer_status"),),
            default_sort=4, default_descending=True,
            late=True,
        ),
    )
