"""Issue 12, situation 6, on the client: a claim failing a check was accepted as ``approved``
with ``checks`` null. Now the working copy refuses it before the outbox with a field-named
French message, and OFFA staff approve it only through an override with a reason, stored on
the claim with the checks computed at that change."""

from __future__ import annotations

from typing import Any

import pytest

from offa_desktop.domain.problems import ValidationError
from offa_desktop.ops import incentives
from offa_desktop.ops.records import editing
from offa_desktop.store.tables import OUTBOX
from offa_desktop.ui.forms.incentives import IncentivesDialog, OverrideDialog
from offa_desktop.ui.forms.registry import open_record
from tests.ui.forms.test_incentives import _claim
from tests.ui.typing_helper import type_text

pytestmark = pytest.mark.gui
USER = "3f1d8a52-4b1e-4f7e-9a55-0c2d7e1b9a10"


def _ops(wc: Any, claim_id: str) -> list[dict[str, Any]]:
    with wc.session() as db:
        rows = db.execute(
            OUTBOX.select().where(OUTBOX.c.record_id == claim_id).order_by(OUTBOX.c.seq)
        ).mappings()
        return [dict(r) for r in rows]


def _failing_eligible_claim(context: Any) -> str:
    wc = context.working_copy
    claim_id, _ = _claim(context, "wal_p2")  # no move to level B recorded: that check fails
    claim = editing.load(wc, "incentive_claims", claim_id) or {}
    assert claim["checks"]["passed_or_level_b"]["passed"] is False  # stored at creation
    editing.save(wc, "incentive_claims", claim_id, {"status": "eligible"})
    return claim_id


def test_the_copy_refuses_approving_a_claim_that_fails_a_check(context: Any) -> None:
    wc = context.working_copy
    claim_id = _failing_eligible_claim(context)
    queued = len(_ops(wc, claim_id))
    with pytest.raises(ValidationError) as caught:
        incentives.set_status(wc, claim_id, "approved")  # the old client queued it
    (p,) = caught.value.problems
    assert p.field == "status" and p.code == "checks_failed"
    assert "année réussie ou passage au niveau B" in p.message
    assert len(_ops(wc, claim_id)) == queued  # nothing reached the outbox
    assert (editing.load(wc, "incentive_claims", claim_id) or {})["status"] == "eligible"


def test_offa_approves_over_a_failing_check_with_a_reason(qtbot: Any, context: Any) -> None:
    wc = context.working_copy
    wc.user_id = USER
    context.extras["user"] = {"role": "offa", "id": USER}
    claim_id = _failing_eligible_claim(context)
    dialog = open_record(context, "incentive_claims", claim_id, None)
    assert isinstance(dialog, IncentivesDialog)
    qtbot.addWidget(dialog)
    dialog.action_buttons["approved"].click()
    ask = next(c for c in dialog.open_children if isinstance(c, OverrideDialog))
    assert not ask.ok.isEnabled()  # no reason yet
    reason = "Bulletin de réussite reçu par courrier le 2 juillet."
    type_text(ask.text, reason)
    assert ask.ok.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        ask.ok.click()
    saved = editing.load(wc, "incentive_claims", claim_id) or {}
    assert saved["status"] == "approved"
    (entry,) = saved["overrides"]
    assert entry["rule"] == "incentive_checks" and entry["reason"] == reason
    assert entry["by"] == USER and entry["at"] and "passed_or_level_b" in entry["failed"]
    assert saved["checks"]["passed_or_level_b"]["passed"] is False
    last = _ops(wc, claim_id)[-1]
    assert set(last["fields"]) >= {"status", "overrides"}  # checks: unchanged since
