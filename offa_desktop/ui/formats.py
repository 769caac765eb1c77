"""fr_BE display formats for list cells (31/08/2026, 1 234,56 €) and French names of codes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication

NARROW_NBSP = "\u202f"


def date_fr(value: Any) -> str:
    """``"2026-08-31"`` -> ``"31/08/2026"``; anything else as text."""
    text = str(value)
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
    return text


def money_fr(value: Any) -> str:
    """``"1234.5"`` -> ``"1 234,50 €"`` (narrow no-break space between thousands)."""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(value)
    sign = "-" if amount < 0 else ""
    units, cents = f"{abs(amount):.2f}".split(".")
    groups: list[str] = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return sign + NARROW_NBSP.join(groups) + "," + cents + "\u00a0€"


def level_fr(value: Any) -> str:
    return str(value).upper()


@cache
def _names() -> dict[str, dict[str, str]]:
    return {
        "contract_status": {
            "draft": QCoreApplication.translate("formats", "projet"),
            "signed": QCoreApplication.translate("formats", "signé"),
            "active": QCoreApplication.translate("formats", "en cours"),
            "suspended": QCoreApplication.translate("formats", "suspendu"),
            "terminated": QCoreApplication.translate("formats", "rompu"),
            "ended": QCoreApplication.translate("formats", "terminé"),
        },
        "approval_status": {
            "requested": QCoreApplication.translate("formats", "demandé"),
            "under_review": QCoreApplication.translate("formats", "en instruction"),
            "granted": QCoreApplication.translate("formats", "octroyé"),
            "refused": QCoreApplication.translate("formats", "refusé"),
            "suspended": QCoreApplication.translate("formats", "suspendu"),
            "withdrawn": QCoreApplication.translate("formats", "retiré"),
        },
        "visit_status": {
            "planned": QCoreApplication.translate("formats", "prévue"),
            "done": QCoreApplication.translate("formats", "effectuée"),
            "cancelled": QCoreApplication.translate("formats", "annulée"),
        },
        "visit_kind": {
            "approval": QCoreApplication.translate("formats", "agrément"),
            "follow_up": QCoreApplication.translate("formats", "suivi"),
        },
        "claim_status": {
            "to_check": QCoreApplication.translate("formats", "à vérifier"),
            "eligible": QCoreApplication.translate("formats", "éligible"),
            "not_eligible": QCoreApplication.translate("formats", "non éligible"),
            "approved": QCoreApplication.translate("formats", "approuvée"),
            "paid": QCoreApplication.translate("formats", "payée"),
        },
        "sync_state": {
            "synced": QCoreApplication.translate("formats", "synchronisé"),
            "pending": QCoreApplication.translate("formats", "en attente"),
            "conflict": QCoreApplication.translate("formats", "conflit"),
            "rejected": QCoreApplication.translate("formats", "refusé"),
        },
        "opinion": {
            "favourable": QCoreApplication.translate("formats", "favorable"),
            "unfavourable": QCoreApplication.translate("formats", "défavorable"),
            "conditional": QCoreApplication.translate("formats", "sous conditions"),
        },
        "incentive_kind": {
            "wal_p1": QCoreApplication.translate("formats", "P1 (Wallonie)"),
            "wal_p2": QCoreApplication.translate("formats", "P2 (Wallonie)"),
            "wal_learner": QCoreApplication.translate("formats", "apprenant (Wallonie)"),
            "bxl_tutor": QCoreApplication.translate("formats", "tuteur (Bruxelles)"),
            "bxl_learner": QCoreApplication.translate("formats", "apprenant (Bruxelles)"),
        },
        "offer_status": {
            "draft": QCoreApplication.translate("formats", "en préparation"),
            "published": QCoreApplication.translate("formats", "publiée"),
            "closed": QCoreApplication.translate("formats", "clôturée"),
        },
        "referral_status": {
            "referred": QCoreApplication.translate("formats", "saisie"),
            "in_mediation": QCoreApplication.translate("formats", "en médiation"),
            "settled": QCoreApplication.translate("formats", "conciliée"),
            "decided": QCoreApplication.translate("formats", "tranchée"),
        },
        "transfer_status": {
            "requested": QCoreApplication.translate("formats", "demandée"),
            "accepted": QCoreApplication.translate("formats", "acceptée"),
            "refused": QCoreApplication.translate("formats", "refusée"),
            "cancelled": QCoreApplication.translate("formats", "annulée"),
        },
        "referral_subject": {
            "contract": QCoreApplication.translate("formats", "contrat"),
            "approval": QCoreApplication.translate("formats", "agrément"),
        },
        "region": {
            "wal": QCoreApplication.translate("formats", "Wallonie"),
            "bxl": QCoreApplication.translate("formats", "Bruxelles"),
        },
        "condition": {
            "experience": QCoreApplication.translate("formats", "expérience"),
            "diploma": QCoreApplication.translate("formats", "diplôme"),
            "validation": QCoreApplication.translate("formats", "validation"),
        },
    }


def name_of(kind: str, code: Any) -> str:
    """The French name of an enumeration value (``name_of("contract_status", "active")``)."""
    return _names().get(kind, {}).get(str(code), str(code))


def namer(kind: str) -> Any:
    """A formatter for a :class:`~offa_desktop.ui.table_model.Column` of codes of ``kind``."""
    return lambda code: name_of(kind, code)


def choices(kind: str) -> list[tuple[str, str]]:
    """``[(code, French name)]`` of an enumeration, in declaration order."""
    return list(_names().get(kind, {}).items())
