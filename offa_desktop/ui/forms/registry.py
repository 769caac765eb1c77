"""Which form opens a record of which collection: ``open_record`` for the lists' double-click
and Enter, and for the menus' "Nouveau..." actions (``record_id`` None)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

Opener = Callable[[Any, str | None, QWidget | None], QDialog]

# collection -> (module under offa_desktop.ui.forms, class or function taking
# (context, record_id, parent))
FORMS: dict[str, tuple[str, str]] = {
    "learners": ("learner", "LearnerForm"),
    "companies": ("company", "CompanyForm"),
    "establishment_units": ("company", "UnitForm"),
    "tutors": ("company", "TutorForm"),
    "contracts": ("contract_view", "open_contract"),
    "approvals": ("approval", "open_approval"),
    "visits": ("visit", "VisitForm"),
    "incentive_claims": ("incentives", "open_claim"),
    "stage_offers": ("cases", "OfferForm"),
    "mediation_referrals": ("cases", "ReferralForm"),
    "learner_transfers": ("cases", "TransferForm"),
}


def opener(collection: str) -> Opener | None:
    """What opens a record of ``collection``, or None when no form exists."""
    found = FORMS.get(collection)
    if found is None:
        return None
    module = importlib.import_module(f"offa_desktop.ui.forms.{found[0]}")
    made: Opener = getattr(module, found[1])
    return made


def open_record(
    context: Any, collection: str, record_id: str | None, parent: QWidget | None
) -> QDialog | None:
    """Open (show, non-modal) the form of a record, or of a new one when ``record_id`` is None;
    returns it, or None when the collection has no form. Saving goes through
    ``context.tasks``, whose ``data_changed(ChangeSet)`` refreshes the lists."""
    try:
        make = opener(collection)
    except (ImportError, AttributeError):
        return None
    if make is None:
        return None
    dialog = make(context, record_id, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
