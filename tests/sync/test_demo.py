"""``offa-desktop --demo``'s sync side: the embedded server on a seeded database, a demo
account logged in, a first sync done; started twice on the same folder, it picks up again."""

from __future__ import annotations

from pathlib import Path

from offa_desktop.ops.sync.session import start_demo


def test_demo_starts_logs_in_and_syncs(tmp_path: Path) -> None:
    demo = start_demo(tmp_path, size=3)
    try:
        assert demo.base_url.startswith("http://127.0.0.1:")
        records, _ = _count(demo)
        assert records["companies"] >= 1 and records["sectors"] >= 8
        account = demo.session.account()
        assert account is not None and account.server == demo.base_url
    finally:
        demo.stop()
    again = start_demo(tmp_path, size=3)  # another free port, same data: no re-download
    try:
        records2, report = _count(again)
        assert records2 == records and not report.everything
    finally:
        again.stop()


def _count(demo: object) -> tuple[dict[str, int], object]:
    from offa_desktop.store import queries

    session = demo.session  # type: ignore[attr-defined]
    report = session.engine().sync_once()
    with session.wc.session() as db:
        counts = {c: queries.count(db, c) for c in ("contracts", "sectors", "companies")}
    return counts, report
