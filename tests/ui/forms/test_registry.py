"""open_record: the right form for every collection, for an existing record and a new one."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.approval import ApprovalForm
from offa_desktop.ui.forms.cases import OfferForm, ReferralForm, TransferForm
from offa_desktop.ui.forms.company import CompanyForm, TutorForm, UnitForm
from offa_desktop.ui.forms.conflicts import open_conflicts, open_rejected
from offa_desktop.ui.forms.contract_view import ContractDialog
from offa_desktop.ui.forms.contract_wizard import ContractWizard
from offa_desktop.ui.forms.incentives import IncentiveClaimForm, IncentivesDialog
from offa_desktop.ui.forms.learner import LearnerForm
from offa_desktop.ui.forms.registry import FORMS, open_record
from offa_desktop.ui.forms.visit import VisitForm
from tests.ui.forms.conftest import shoot

pytestmark = pytest.mark.gui

EXPECTED = {
    "learners": (LearnerForm, LearnerForm),
    "companies": (CompanyForm, CompanyForm),
    "establishment_units": (UnitForm, UnitForm),
    "tutors": (TutorForm, TutorForm),
    "contracts": (ContractDialog, ContractWizard),
    "approvals": (ApprovalForm, ApprovalForm),
    "visits": (VisitForm, VisitForm),
    "incentive_claims": (IncentivesDialog, IncentiveClaimForm),
    "stage_offers": (OfferForm, OfferForm),
    "mediation_referrals": (ReferralForm, ReferralForm),
    "learner_transfers": (TransferForm, TransferForm),
}


@pytest.mark.parametrize("collection", sorted(FORMS))
def test_every_collection_opens(qtbot: Any, context: Any, collection: str) -> None:
    existing, new = EXPECTED[collection]
    found = editing.find(context.working_copy, collection)
    if found:
        record_id, record = sorted(found)[0]
        dialog = open_record(context, collection, record_id, None)
        assert isinstance(dialog, existing)
        qtbot.addWidget(dialog)
        assert dialog.isVisible()
        if hasattr(dialog, "dirty"):
            assert not dialog.dirty  # opening changes nothing
            assert not dialog.last_check.blocking, dialog.last_check.blocking
        shoot(dialog, f"open-{collection}")
    dialog = open_record(context, collection, None, None)
    assert isinstance(dialog, new)
    qtbot.addWidget(dialog)


def test_unknown_collection_has_no_form(qtbot: Any, context: Any) -> None:
    assert open_record(context, "documents", None, None) is None


def test_conflict_and_rejected_lists_open_empty(qtbot: Any, context: Any) -> None:
    conflicts = open_conflicts(context, None)
    qtbot.addWidget(conflicts)
    rejected = open_rejected(context, None)
    qtbot.addWidget(rejected)
    assert conflicts.list.count() == 0 and rejected.list.count() == 0


def test_a_record_gone_is_said_so(qtbot: Any, context: Any) -> None:
    form = open_record(context, "learners", "00000000-0000-4000-8000-000000000000", None)
    assert isinstance(form, LearnerForm)
    qtbot.addWidget(form)
    assert "n'existe plus" in form.summary.text()
    assert not form.save_button.isEnabled()
