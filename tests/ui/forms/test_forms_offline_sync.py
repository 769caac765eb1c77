"""What people type in the forms while offline reaches the server: a coach's visit report
(checklist, opinion, comments) and a secretariat's new learner, saved with the server stopped,
synced once it is back, then read back by a fresh OFFA client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from offa_desktop import paths
from offa_desktop.demo.accounts import account
from offa_desktop.ops.records import editing
from offa_desktop.ops.sync.actions import sync_now
from offa_desktop.ops.sync.session import MemoryKeyring, SyncSession
from offa_desktop.store.db import WorkingCopy
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.forms.learner import LearnerForm
from offa_desktop.ui.forms.visit import VisitForm
from offa_desktop.ui.tasks import TaskManager
from sync.client import RetryPolicy
from sync.creds import CredentialStore
from sync.errors import NetworkError
from tests.ui.forms.conftest import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def server_db(tmp_path: Path) -> Iterator[str]:
    from sync.server import setup
    from sync.server.db import make_engine
    from sync.server.seed import seed_demo

    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    setup.upgrade(engine)
    seed_demo(engine, 30)
    engine.dispose()
    yield url


def _app(folder: Path, url: str, username: str) -> AppContext:
    folder.mkdir(exist_ok=True)
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    session = SyncSession(
        folder, wc, creds=CredentialStore(MemoryKeyring()),
        retry=RetryPolicy(attempts=5, base_delay=0.05, max_delay=0.4),  # offline fails fast
    )
    previous = session.account()
    if previous is not None and previous.username == username:
        with session.store.transaction() as tx:  # the same server, back at another address
            tx.state.put("server", url)
    session.login(url, username, account(username).password)
    sync_now(session)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(folder, wc, TaskManager(), settings, session)


def test_forms_typed_offline_reach_the_server(qtbot: Any, server_db: str, tmp_path: Path) -> None:
    from sync.server.embedded import EmbeddedServer

    server = EmbeddedServer(server_db)
    url = server.start()
    coach = _app(tmp_path / "coach", url, "coach")
    secretariat = _app(tmp_path / "secretariat", url, "secretariat")
    server.stop()  # the network goes away
    try:
        approval_id = sorted(editing.find(coach.working_copy, "approvals"))[0][0]
        visit = VisitForm(coach, None, None, initial={"approval_id": approval_id})
        qtbot.addWidget(visit)
        assert visit.fields["visitor_id"].value() == account("coach").id  # the logged-in coach
        visit.fields["status"].set_value("done")  # the date of the visit becomes today
        visit.fields["visit_date"].set_value(None)
        type_text(visit.fields["visit_date"].editor, "20/11/2026")
        for answer, _note in visit.answer_fields.values():
            answer.set_value("yes")
        visit.fields["opinion"].set_value("favourable")
        type_text(visit.fields["comments"].editor, "Atelier conforme ; tutrice présente — accueil "
                  "très soigné.")
        assert not visit.validate_now().blocking
        with qtbot.waitSignal(visit.saved, timeout=10_000):
            visit.save()
        typed_visit = editing.load(coach.working_copy, "visits", visit.record_id or "")

        learner = LearnerForm(secretariat, None, None)
        qtbot.addWidget(learner)
        niss = "050607123" + f"{97 - int('2050607123') % 97:02d}"
        type_text(learner.fields["niss"].editor, niss)
        learner.validate_now()
        for name, text in (("last_name", "Ærtsen-Łukasz"), ("first_name", "Zoë"),
                           ("street", "Rue de l'Église 3"), ("postal_code", "4000"),
                           ("city", "Liège")):
            type_text(learner.fields[name].editor, text)
        assert learner.fields["operator_code"].value() == "ifapme"  # the secretariat's operator
        assert not learner.validate_now().blocking
        with qtbot.waitSignal(learner.saved, timeout=10_000):
            learner.save()
        typed_learner = editing.load(secretariat.working_copy, "learners",
                                       learner.record_id or "")
        for app in (coach, secretariat):
            with pytest.raises(NetworkError) as failed:  # offline: the edits wait
                sync_now(app.session)
            assert str(failed.value)  # a message for people
            assert app.session.unsent() == 1
            app.close()
    finally:
        server.stop()

    back = EmbeddedServer(server_db)
    url = back.start()
    try:
        for folder, username in (("coach", "coach"), ("secretariat", "secretariat")):
            app = _app(tmp_path / folder, url, username)  # restart, log in again, sync
            assert app.session.unsent() == 0
            app.close()
        reader = _app(tmp_path / "offa", url, "offa")
        got_visit = editing.load(reader.working_copy, "visits", visit.record_id or "")
        got_learner = editing.load(reader.working_copy, "learners", learner.record_id or "")
        reader.close()
    finally:
        back.stop()
    assert typed_visit is not None and got_visit == typed_visit
    assert typed_learner is not None and got_learner == typed_learner
    assert got_learner["last_name"] == "Ærtsen-Łukasz"
