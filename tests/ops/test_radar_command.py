"""``offa-desktop radar``: the JSON lines and the summary, exactly, on a copy filled through the
store as the server sends records (and a draft made through the unit of work)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.printing.store_fill import fill

KEYS = ["rule", "label", "severity", "collection", "id", "due", "record"]


def radar(data_dir: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    done = subprocess.run(
        [sys.executable, "-m", "offa_desktop", "--data-dir", str(data_dir), "radar", *args],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    # a run that printed nothing says why (its standard error), not only that a list differed
    assert done.stdout.strip(), f"radar {args} exited {done.returncode}: {done.stderr[-2000:]}"
    return done.returncode, [json.loads(line) for line in done.stdout.splitlines()]


def test_radar_json_lines_then_summary(tmp_path: Path) -> None:
    ids = fill(tmp_path)
    code, lines = radar(tmp_path, "--json", "--today", "2026-09-05")
    assert code == 0
    *items, summary = lines
    assert [list(i) for i in items] == [KEYS, KEYS]
    words = ("Wiśniewski Łukasz — Boulangerie Erdős & Fils, artisans du pain au levain depuis "
             "trois générations — Boulanger-pâtissier")
    # the draft started on 01/09 (overdue: first), the notice given on 01/09 runs to 15/09
    assert items == [
        {"rule": "draft_start", "label": "Projets de contrat dont le début approche ou est passé",
         "severity": "high", "collection": "contracts", "id": ids["draft"],
         "due": "2026-09-01", "record": words},
        {"rule": "notice_running", "label": "Préavis en cours", "severity": "medium",
         "collection": "contracts", "id": ids["active"], "due": "2026-09-15", "record": words},
    ]
    assert summary == {"ok": True, "items": 2,
                       "by_rule": {"draft_start": 1, "notice_running": 1}}


def test_radar_within_and_other_days(tmp_path: Path) -> None:
    ids = fill(tmp_path)
    _code, lines = radar(tmp_path, "--json", "--today", "2026-09-05", "--within", "5")
    assert [(i["rule"], i["id"]) for i in lines[:-1]] == [("draft_start", ids["draft"])]
    assert lines[-1] == {"ok": True, "items": 1, "by_rule": {"draft_start": 1}}
    # before the draft's window and the notice: nothing; the learner turns 18 on 14/03/2027
    # but holds no running contract then: not listed
    assert radar(tmp_path, "--json", "--today", "2026-08-20")[1] == [
        {"ok": True, "items": 0, "by_rule": {}}]
    lines = radar(tmp_path, "--json", "--today", "2027-02-20")[1]
    assert "turns_18" not in lines[-1]["by_rule"]


def test_radar_bad_date_and_no_copy(tmp_path: Path) -> None:
    code, lines = radar(tmp_path, "--json")
    assert code == 1 and lines[-1]["error"] == "no_working_copy"
    fill(tmp_path)
    code, lines = radar(tmp_path, "--json", "--today", "2026-02-30")
    assert code == 1 and lines == [{"ok": False, "error": "bad_date",
                                    "message": "Date invalide : « 2026-02-30 » (attendu "
                                               "AAAA-MM-JJ)."}]



def test_lines_come_in_order_key_then_rule_order(tmp_path: Path) -> None:
    """compute sorts by a string written from order_key (overdue first, due date, id) and the
    rule: the same order as sorting by the domain's order_key, then the rule."""
    from datetime import date

    from offa_desktop.domain.radar import Finding, order_key
    from offa_desktop.ops.radar import compute
    from offa_desktop.store.db import WorkingCopy
    from offa_desktop.store.demo_fill import fill_working_copy

    today = date(2026, 12, 6)
    path = tmp_path / "wc.sqlite3"
    wc = WorkingCopy.open(path)
    fill_working_copy(wc, 800, seed=5, today=today)
    wc.close()
    items = compute(path, today).items
    assert len({i.rule for i in items}) >= 5 and any(i.due < today for i in items)
    expected = sorted(items, key=lambda i: (
        order_key(Finding(i.rule, i.collection, i.id, i.due, i.detail), today), i.rule))
    assert [i.key for i in items] == [i.key for i in expected]


def test_the_radar_loads_no_record_checks() -> None:
    """The home screen's radar runs right after the first paint: what it imports (its rules,
    the P2 forecast, its reads) loads neither the record checks nor the schema, the status
    machines, the shapes and identifiers they need (they load with the store afterwards)."""
    probe = (
        "import sys\n"
        "import offa_desktop.ops.radar, offa_desktop.domain.deadlines\n"
        "import offa_desktop.store.radar_rows, offa_desktop.store.radar_lines\n"
        "import offa_desktop.domain.forecast\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=True)
    loaded = set(done.stdout.split())
    assert "offa_desktop.domain.deadlines" in loaded
    heavy = {"offa_desktop.domain." + m for m in (
        "schema", "specs", "problems", "rules", "shapes", "identifiers", "transitions",
        "contracts", "cases")}
    assert sorted(loaded & heavy) == []
