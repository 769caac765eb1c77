"""fr_BE display formats for list cells (31/08/2026, 1 234,56 €) and French names of codes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication

NARROW_NBSP = "\u202f"


def _t(text: str) -> str:
    return QCoreApplication.translate("formats", text)


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
    groups = []
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
            "draft": _t("projet"),
            "signed": _t("signé"),
            "active": _t("en cours"),
            "suspended": _t("suspendu"),
            "terminated": _t("rompu"),
            "ended": _t("terminé"),
        },
        "approval_status": {
            "requested": _t("demandé"),
            "under_review": _t("en instruction"),
            "granted": _t("octroyé"),
            "refused": _t("refusé"),
            "suspended": _t("suspendu"),
            "withdrawn": _t("retiré"),
        },
        "visit_status": {
            "planned": _t("prévue"),
            "done": _t("effectuée"),
            "cancelled": _t("annulée"),
        },
        "visit_kind": {"approval": _t("agrément"), "follow_up": _t("suivi")},
        "claim_status": {
            "to_check": _t("à vérifier"),
            "eligible": _t("éligible"),
            "not_eligible": _t("non éligible"),
            "approved": _t("approuvée"),
            "paid": _t("payée"),
        },
        "sync_state": {
            "synced": _t("synchronisé"),
            "pending": _t("en attente"),
            "conflict": _t("conflit"),
            "rejected": _t("refusé"),
        },
        "opinion": {
            "favourable": _t("favorable"),
            "unfavourable": _t("défavorable"),
            "conditional": _t("sous conditions"),
        },
        "incentive_kind": {
            "wal_p1": _t("P1 (Wallonie)"),
            "wal_p2": _t("P2 (Wallonie)"),
            "wal_learner": _t("apprenant (Wallonie)"),
            "bxl_tutor": _t("tuteur (Bruxelles)"),
            "bxl_learner": _t("apprenant (Bruxelles)"),
        },
        "region": {"wal": _t("Wallonie"), "bxl": _t("Bruxelles")},
        "condition": {
            "experience": _t("expérience"),
            "diploma": _t("diplôme"),
            "validation": _t("validation"),
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
