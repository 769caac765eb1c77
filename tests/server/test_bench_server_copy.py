"""The sync benchmarks' server database built at bulk speed (tests/benchmarks/server_copy.py) is
the one ``setup.put_records`` builds: every table, row for row."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from offa_desktop import reference_data
from sync.server import clock, setup
from sync.server.db import make_engine
from tests.benchmarks import server_copy
from tests.benchmarks.bench_sync import _companies

FROZEN = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)


def _items(count: int) -> list[tuple[str, str, dict[str, Any]]]:
    """The benchmark's companies, and units and tutors under some of them (their keys follow
    their company's sectors: lookups of records written in the same load)."""
    rng = random.Random(3)
    companies = _companies(count, rng)
    items = list(companies)
    for n, (_c, company_id, _data) in enumerate(companies[: count // 4]):
        unit = f"00000000-0000-4000-8000-{n:012d}"
        items.append(("establishment_units", unit, {"company_id": company_id, "name": f"U{n}"}))
        items.append(
            (
                "tutors",
                f"00000000-0000-4000-9000-{n:012d}",
                {"company_id": company_id, "last_name": f"Tuteur {n}"},
            )
        )
    return items


def _database(path: Path) -> Any:
    engine = make_engine(f"sqlite:///{path}")
    setup.upgrade(engine)
    setup.load_reference(engine, reference_data.load())
    setup.put_user(
        engine,
        username="bench",
        password="x" * 12,
        role="offa",
        user_id="00000000-0000-4000-a000-000000000001",
    )
    return engine


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    db = sqlite3.connect(path)
    names = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    out = {}
    for name in names:
        columns = [r[1] for r in db.execute(f'PRAGMA table_info("{name}")')]
        order = ", ".join(f'"{c}"' for c in columns)
        where = " WHERE key != 'token_secret'" if name == "server_meta" else ""
        skip = {"password_hash"} if name == "users" else set()  # salted
        kept = ", ".join(f'"{c}"' for c in columns if c not in skip)
        out[name] = db.execute(f'SELECT {kept} FROM "{name}"{where} ORDER BY {order}').fetchall()
    db.close()
    return out


def test_a_bulk_built_copy_equals_one_put_record_by_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "now", lambda: FROZEN)
    items = _items(1200)
    slow_path, fast_path = tmp_path / "slow.sqlite3", tmp_path / "fast.sqlite3"
    slow, fast = _database(slow_path), _database(fast_path)
    for start in range(0, len(items), 500):  # in batches, as the benchmark did
        setup.put_records(slow, items[start : start + 500], user_id=None)
    assert server_copy.put_records(fast, items, user_id=None) == len(items)
    slow.dispose()
    fast.dispose()
    slow_tables, fast_tables = _tables(slow_path), _tables(fast_path)
    assert set(slow_tables) == set(fast_tables)
    assert len(slow_tables["records"]) > len(items)  # the reference data and the user too
    assert len(slow_tables["record_keys"]) > 2 * len(items)
    for name, rows in slow_tables.items():
        assert fast_tables[name] == rows, name


def test_it_refuses_what_it_cannot_write_as_put_records_would(tmp_path: Path) -> None:
    engine = _database(tmp_path / "s.sqlite3")
    contract = ("contracts", "00000000-0000-4000-8000-000000000001", {"operator_code": "X"})
    with pytest.raises(ValueError, match="contracts"):
        server_copy.put_records(engine, [contract], user_id=None)
    server_copy.put_records(engine, _items(4), user_id=None)
    with pytest.raises(ValueError, match="without working records"):  # a later state
        server_copy.put_records(engine, _items(4), user_id=None)
    engine.dispose()
