"""Released migrations go on making what they made: the schema of a fresh copy after each of
0001-0014, every ``sqlite_master`` row in creation order (tables, indexes, triggers and their
SQL to the letter), against ``released_schema.json``, written once from the migrations as they
were released (a SHA-256 of each revision's rows, and the rows after 0014 in full, to read a
difference). Those migrations may be rewritten (shared helpers) but never changed: a
difference here is a change to existing working copies. Never regenerate the file; a new
migration (0015 on) is not part of it."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import create_engine

from offa_desktop.store import cipher
from offa_desktop.store.db import alembic_config

SNAPSHOT = Path(__file__).with_name("released_schema.json")
RELEASED = [f"{n:04d}" for n in range(1, 15)]


def schemas(path: Path) -> dict[str, list[list[Any]]]:
    """``sqlite_master`` after each released migration, upgraded one at a time from empty."""
    engine = create_engine(f"sqlite:///{path}", module=cipher.driver)
    cfg = alembic_config()
    found: dict[str, list[list[Any]]] = {}
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for revision in RELEASED:
            command.upgrade(cfg, revision)
            rows = conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
            ).all()
            found[revision] = [list(row) for row in rows]
    engine.dispose()
    return found


def snapshot(found: dict[str, list[list[Any]]]) -> dict[str, Any]:
    """What the file keeps of ``schemas``: each revision's digest, the last one's rows."""
    return {
        "sha256": {
            revision: hashlib.sha256(json.dumps(rows).encode()).hexdigest()
            for revision, rows in found.items()
        },
        RELEASED[-1]: found[RELEASED[-1]],
    }


def test_released_migrations_make_the_schema_they_made(tmp_path: Path) -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    got = snapshot(schemas(tmp_path / "wc.sqlite3"))
    assert got[RELEASED[-1]] == expected[RELEASED[-1]]
    assert got["sha256"] == expected["sha256"]


if __name__ == "__main__":  # written once, from the released migrations (see above)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        found = snapshot(schemas(Path(folder) / "wc.sqlite3"))
    SNAPSHOT.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.exit(0)
