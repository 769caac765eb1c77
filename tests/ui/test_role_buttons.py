"""Issue 12, situation 5, in the window: « Nouvelle fiche » follows the role of the copy's
account (API.md's matrix, the domain's function): off where the role creates nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from offa_desktop.ops.sync.adapter import StoreSyncAdapter
from offa_desktop.ui.context import AppContext


def test_new_record_follows_the_role(qtbot: Any, demo_copy: Path) -> None:
    context = AppContext.open(demo_copy)
    try:
        profile = {"id": "u-sec", "role": "secretariat", "operator_code": "ifapme",
                   "sectors": []}  # fmt: skip
        with StoreSyncAdapter(context.working_copy).transaction() as tx:
            tx.state.put("user", json.dumps(profile))
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        new = window.findChild(type(context.extras["action_new"]), "action-new")
        window.show_area("incentives")
        assert not new.isEnabled() and "rôle" in new.toolTip()
        window.show_area("learners")
        assert new.isEnabled()
        profile["role"] = "coach"
        with StoreSyncAdapter(context.working_copy).transaction() as tx:
            tx.state.put("user", json.dumps(profile))
        window.show_area("learners")
        assert not new.isEnabled()  # a coach reads three fields of a learner, creates none
        window.show_area("companies")
        assert new.isEnabled()
        qtbot.waitUntil(lambda: not context.tasks.busy, timeout=20_000)
    finally:
        context.close()
