"""``offa-desktop export``: the file read back with openpyxl and ``csv`` holds every live record
of the collection, by id, each field under its French label, linked records by name, typed cells
(dates as dates, money as numbers with the euro format), accents intact; compared with the
records read another way (the store's SQLAlchemy side, API-shaped)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from offa_desktop import paths
from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.ops.export import EURO_FORMAT
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.export_rows import _label
from tests.keyed import unlock


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("export-data")
    wc = WorkingCopy.open(unlock(paths.working_copy_path(data)))  # encrypted, as the app makes it
    try:
        fill_working_copy(wc, 200, seed=5)
    finally:
        wc.close()
    return data


def export(folder: Path, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "offa_desktop", "--data-dir", str(folder), "export", *args],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return found


def expected_rows(folder: Path, collection: str, **equal: str) -> list[list[Any]]:
    """What the export must hold, from the records as the store's SQLAlchemy side reads them."""
    spec = COLLECTIONS[collection]
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    try:
        with wc.session() as db:
            records = sorted(queries.page(db, collection, limit=10**6), key=lambda r: r.id)
            names: dict[str, str] = {}
            for f in spec.fields:
                if f.ref:
                    for r in queries.page(db, f.ref, limit=10**6):
                        names[r.id] = r.id if f.ref == "contracts" else (
                            _label(f.ref, r.data) or r.id)
    finally:
        wc.close()
    rows = []
    for r in records:
        if any(str(r.data.get(k)) != v for k, v in equal.items()):
            continue
        row: list[Any] = [r.id]
        for f in spec.fields:
            value = r.data.get(f.name)
            if value is None:
                row.append(None)
            elif f.kind is Kind.REF:
                row.append(names.get(value, value))
            elif f.kind is Kind.DATE:
                row.append(date.fromisoformat(value))
            elif f.kind is Kind.MONEY:
                row.append(Decimal(value))
            elif f.kind is Kind.JSON:
                row.append(json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                                      sort_keys=True))
            elif f.kind is Kind.BOOL:
                row.append("oui" if value else "non")
            elif f.kind in (Kind.REFS, Kind.STRINGS):
                row.append(", ".join(str(names.get(v, v)) for v in value))
            else:
                row.append(value)
        rows.append(row)
    return rows


def test_xlsx_holds_the_records_typed(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "contrats.xlsx"
    expected = expected_rows(folder, "contracts")
    assert export(folder, "contracts", "--format", "xlsx", "--out", str(out)) == {
        "ok": True, "rows": len(expected), "out": str(out)}
    sheet = openpyxl.load_workbook(out).active
    got = list(sheet.iter_rows())
    spec = COLLECTIONS["contracts"]
    assert [c.value for c in got[0]] == ["Identifiant", *(
        (f.label or f.name)[0].upper() + (f.label or f.name)[1:] for f in spec.fields)]
    assert len(got) - 1 == len(expected)
    kinds = [None, *(f.kind for f in spec.fields)]
    for cells, want in zip(got[1:], expected, strict=True):
        for cell, value, kind in zip(cells, want, kinds, strict=True):
            if value is None or value == "":
                assert cell.value is None  # an empty value leaves the cell empty
            elif kind is Kind.DATE:
                assert cell.value == datetime(value.year, value.month, value.day)
                assert cell.number_format == "dd/mm/yyyy"
            elif kind is Kind.MONEY:
                assert isinstance(cell.value, float | int)
                assert Decimal(str(cell.value)).quantize(Decimal("0.01")) == value
                assert cell.number_format == EURO_FORMAT
            elif kind in (Kind.INT, Kind.PERCENT, Kind.HOURS):
                assert float(cell.value) == float(value)
            else:
                assert cell.value == value, (cell.coordinate, cell.value, value)
    # linked records by name: the learner "Nom Prénom", accents kept
    learner_column = 1 + [f.name for f in spec.fields].index("learner_id")
    assert all(" " in str(c[learner_column].value) for c in got[1:])


def test_csv_for_excel_fr_be(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "contrats.csv"
    expected = expected_rows(folder, "contracts", status="active")
    summary = export(folder, "contracts", "--filter", "status=active", "--format", "csv",
                     "--out", str(out))
    assert summary["rows"] == len(expected) > 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    spec = COLLECTIONS["contracts"]
    assert [r[0] for r in rows[1:]] == [r[0] for r in expected]  # same records, same order
    for got, want in zip(rows[1:], expected, strict=True):
        for text, value, f in zip(got[1:], want[1:], spec.fields, strict=True):
            if value is None:
                assert text == ""
            elif f.kind is Kind.DATE:
                assert text == value.strftime("%d/%m/%Y")
            elif f.kind is Kind.MONEY:
                assert text == f"{value:.2f}".replace(".", ",")
            elif f.kind in (Kind.INT, Kind.PERCENT, Kind.HOURS):
                assert Decimal(text.replace(",", ".")) == Decimal(str(value))
            else:
                assert text == str(value)
    text = raw.decode("utf-8-sig")
    accented = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    assert accented  # French labels and names: é, è, ç… read back as written
    assert "Date de début" in rows[0]
