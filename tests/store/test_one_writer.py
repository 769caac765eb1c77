"""One writer in the process: the sync's page transactions (run on the UI's pool lane, since the
sync waits on the network between them) and the writer lane's saves take turns on the working
copy's write lock (``WorkingCopy.unit_of_work``), not on SQLite's busy timeout."""

from __future__ import annotations

import threading
import time

from sqlalchemy import create_engine, event, func, select

from offa_desktop.ops.records import writes
from offa_desktop.ops.sync.adapter import StoreSyncAdapter
from offa_desktop.store import cipher, db
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.records import table
from tests.store.conftest import company


def test_a_sync_page_and_a_form_save_take_turns(wc: WorkingCopy) -> None:
    # The same copy with SQLite's busy timeout cut to 50 ms: a save that reached SQLite while
    # the sync's transaction is open would fail with "database is locked" (the sync below holds
    # it for 400 ms), so a save that succeeds waited on the store's own lock.
    engine = create_engine(
        f"sqlite:///{wc.path}", module=cipher.driver, connect_args={"timeout": 0.05}
    )  # SQLCipher's SQLite, as every copy's (the search indexes need 3.43+: migration 0027)
    event.listen(engine, "connect", db._on_connect)
    event.listen(engine, "begin", db._on_begin)
    copy = WorkingCopy(wc.path, engine=engine)
    inside, release = threading.Event(), threading.Event()
    order: list[str] = []
    failures: list[BaseException] = []

    def sync_page() -> None:
        try:
            with StoreSyncAdapter(copy).transaction() as tx:
                tx.state.put("cursor", "page-1")
                inside.set()
                assert release.wait(10)
                order.append("sync committing")
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    def form_save() -> None:
        try:
            assert inside.wait(10)
            writes.create(copy, "companies", company())
            order.append("save done")
        except BaseException as exc:
            failures.append(exc)

    sync = threading.Thread(target=sync_page)
    save = threading.Thread(target=form_save)
    sync.start()
    save.start()
    assert inside.wait(10)
    time.sleep(0.4)
    assert order == []  # the save waits for the sync's transaction to end
    release.set()
    sync.join(10)
    save.join(10)
    assert failures == []
    assert order == ["sync committing", "save done"]
    with copy.session() as session:
        t = table("companies")
        assert session.execute(select(func.count()).select_from(t)).scalar_one() == 1
    engine.dispose()
