"""The indicators' counts without filters (every contract counted in index order, the deleted
ones taken away) equal the counts of the live contracts alone, deleted contracts included in
the copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from offa_desktop.store import cipher, indicator_rows, plain_sql
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.indicator_rows import Filters

TODAY = date(2026, 12, 6)


def test_counts_without_filters_leave_out_the_deleted_contracts(tmp_path: Path) -> None:
    path = tmp_path / "wc.sqlite3"
    wc = WorkingCopy.open(path)
    fill_working_copy(wc, 600, seed=7, today=TODAY)
    wc.close()
    conn = cipher.connect(path)
    try:
        # tombstones: some contracts, among them terminated ones of the last 24 months
        terminated = [r[0] for r in conn.execute(
            "SELECT DISTINCT contract_id FROM contract_events WHERE kind = 'termination'"
            " AND deleted IS 0 AND effective_date >= '2025-01-01' LIMIT 5")]
        others = [r[0] for r in conn.execute("SELECT id FROM contracts LIMIT 40 OFFSET 100")]
        assert len(terminated) == 5
        conn.executemany("UPDATE contracts SET deleted = 1 WHERE id = ?",
                         [(i,) for i in terminated + others])
        conn.commit()
        live = conn.execute("SELECT count(*) FROM contracts WHERE deleted IS 0").fetchone()[0]
    finally:
        conn.close()
    conn = plain_sql.connect(path)
    try:
        figures = indicator_rows.contract_figures(conn, Filters())
        one_pass = indicator_rows.contract_counts(conn, Filters())  # live contracts alone
        span, new, ended = indicator_rows.new_and_ended_per_month(conn, Filters(), TODAY)
        expected: dict[str, dict[str, int]] = {}
        for month, reason, n in conn.execute(
            "SELECT substr(e.effective_date, 1, 7), coalesce(e.reason_code, ''), count(*)"
            " FROM contract_events e JOIN contracts c ON c.id = e.contract_id"
            " WHERE e.deleted IS 0 AND e.kind = 'termination' AND c.deleted IS 0"
            " AND e.effective_date BETWEEN ? AND ? GROUP BY 1, 2",
            (f"{span[0]}-01", f"{span[-1]}-31"),
        ):
            expected.setdefault(month, {})[reason] = n
    finally:
        conn.close()
    for key in indicator_rows.KEYS:
        assert figures[key] == indicator_rows.contracts_by(None, Filters(), key, one_pass), key
        assert sum(n for _v, n in figures[key]) == live
    assert ended == expected and ended
