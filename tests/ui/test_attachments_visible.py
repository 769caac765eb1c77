"""An attachment sent at once stays in the list (issue 15 #10: it vanished until the next sync,
the server holding it while the copy had not pulled its documents record yet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from offa_desktop.ops import attachments
from offa_desktop.ops.printing.rendering import render
from offa_desktop.ui.context import AppContext
from tests.ui.test_session_status import SECRETARIAT, context  # noqa: F401 - the fixture
from tests.ui.test_sync_ui import server  # noqa: F401 - the fixture

pytestmark = pytest.mark.gui


def test_attachment_sent_online_is_listed_before_the_next_sync(
    qtbot: Any, server: tuple[str, str], context: AppContext, tmp_path: Path  # noqa: F811
) -> None:
    base_url, _ = server
    session = context.session
    session.login(base_url, SECRETARIAT.username, SECRETARIAT.password)
    session.sync_once()
    with session.wc.engine.connect() as db:
        contract_id = db.exec_driver_sql(
            "select id from contracts where deleted = 0 order by id limit 1").scalar_one()
    record = f"contracts/{contract_id}"
    pdf = tmp_path / "contrat signé.pdf"
    pdf.write_bytes(render("blank-contract", None, None))

    attachments.attach_and_send(session, record, pdf)  # online: sent at once
    assert attachments.pending(session.folder) == {}  # nothing left to send
    listed = attachments.list_attachments(session, record)
    assert [(a.file_name, a.pending) for a in listed] == [("contrat signé.pdf", False)]

    session.sync_once()  # the pull brings its documents record: still one line
    listed = attachments.list_attachments(session, record)
    assert [(a.file_name, a.pending) for a in listed] == [("contrat signé.pdf", False)]
    assert attachments.pending(session.folder, attachments.SENT) == {}  # the note retired
