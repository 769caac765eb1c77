"""Import benchmark (issue 12): 10,000 learners from a CSV file (the schools' spreadsheets),
through the whole command path in-process: reading, every domain rule, natural keys, the
outbox, one transaction (target <= 10 s).

- ``import_learners_10k``: ``ops.imports`` reading the CSV and importing it into a working copy
  holding the reference data; floor: raw sqlite3 inserting the same 10,000 rows into the same
  table of an identical copy in one transaction (its triggers, search index included, fire too).
- ``import_learners_10k_again``: the same file imported a second time (every row matched by its
  NISS, nothing to change), for information.

Two runs each, the best kept (a shared machine).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.benchmarks.run import result

SIZE = int(os.environ.get("OFFA_BENCH_IMPORT_SIZE", "10000"))
TARGET_S = 10.0
RUNS = 2


def _niss(birth: date, serial: int) -> str:
    first = birth.strftime("%y%m%d") + f"{serial:03d}"
    return first + f"{97 - int('2' + first) % 97:02d}"


def learner_rows(size: int) -> list[dict[str, Any]]:
    rows = []
    for i in range(size):
        born = date(2004, 1, 1) + timedelta(days=i % 1500)
        rows.append({
            "niss": _niss(born, 1 + i // 1500), "first_name": f"Élise{i}", "last_name": "Dupont",
            "birth_date": born, "street": f"Rue des Écoles {i % 200 + 1}", "postal_code": "4000",
            "city": "Liège", "operator_code": "ifapme", "email": f"eleve{i}@exemple.be",
        })  # fmt: skip
    return rows


def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    header = "NISS;Prénom;Nom;Date de naissance;Rue;Code postal;Localité;Opérateur;Courriel"
    lines = [header] + [
        ";".join([r["niss"], r["first_name"], r["last_name"], r["birth_date"].strftime("%d/%m/%Y"),
                  r["street"], r["postal_code"], r["city"], r["operator_code"], r["email"]])
        for r in rows
    ]  # fmt: skip
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")


def template(folder: Path) -> Path:
    """A migrated working copy with the shipped reference data, closed."""
    from offa_desktop.store.db import WorkingCopy
    from tests.store.conftest import load_reference

    path = folder / "template.sqlite3"
    wc = WorkingCopy.open(path)
    load_reference(wc)
    with wc.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    wc.close()
    return path


def timed_import(copy: Path, csv_file: Path) -> tuple[float, float]:
    """(seconds of the first import, of the next one) on ``copy``."""
    from offa_desktop.ops.imports.core import run_import
    from offa_desktop.ops.imports.reading import read
    from offa_desktop.store.db import WorkingCopy

    wc = WorkingCopy.open(copy)
    try:
        figures = []
        for _ in range(2):
            started = time.perf_counter()
            report = run_import(wc, read(csv_file), collection="learners")
            figures.append(time.perf_counter() - started)
            assert report.written and not report.refused, report.refused[:3]
        return figures[0], figures[1]
    finally:
        wc.close()


def timed_floor(copy: Path, rows: list[dict[str, Any]]) -> float:
    from offa_desktop.store import cipher

    conn = cipher.driver.connect(copy)  # the store's SQLite (migration 0027 needs 3.43+)
    conn.execute("PRAGMA journal_mode=WAL")
    try:
        started = time.perf_counter()
        with conn:
            conn.executemany(
                "INSERT INTO learners (id, deleted, niss, first_name, last_name, birth_date, "
                "street, postal_code, city, operator_code, email) "
                "VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(str(uuid.uuid4()), r["niss"], r["first_name"], r["last_name"],
                  r["birth_date"].isoformat(), r["street"], r["postal_code"], r["city"],
                  r["operator_code"], r["email"]) for r in rows],
            )  # fmt: skip
        return time.perf_counter() - started
    finally:
        conn.close()


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="offa-bench-import-") as tmp:
        folder = Path(tmp)
        base = template(folder)
        rows = learner_rows(SIZE)
        csv_file = folder / "apprenants.csv"
        write_csv(csv_file, rows)
        first, again, floor = [], [], []
        for n in range(RUNS):
            copy = folder / f"import-{n}" / "working-copy.sqlite3"
            copy.parent.mkdir()
            shutil.copyfile(base, copy)
            one, two = timed_import(copy, csv_file)
            first.append(one)
            again.append(two)
            plain = folder / f"floor-{n}.sqlite3"
            shutil.copyfile(base, plain)
            floor.append(timed_floor(plain, rows))
    return [
        result(f"import_learners_{SIZE // 1000}k", min(first), "s", min(floor), TARGET_S),
        result(f"import_learners_{SIZE // 1000}k_again", min(again), "s", min(floor), None),
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
