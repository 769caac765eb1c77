"""Working copies on real SQLite files, with the shipped reference data loaded as server records."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from offa_desktop import reference_data
from offa_desktop.store.db import WorkingCopy
from tests.store.server_rows import put_server_record

_versions = itertools.count(1)


def next_version() -> int:
    return next(_versions)


def load_reference(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        for collection, rows in reference_data.load().items():
            for record_id, data in rows:
                put_server_record(
                    uow,
                    collection, record_id, next_version(), False, data, "2026-01-01T00:00:00Z"
                )


@pytest.fixture(scope="session")
def template_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated working copy holding the reference data, copied by each test (fast)."""
    path = tmp_path_factory.mktemp("template") / "working-copy.sqlite3"
    copy = WorkingCopy.open(path)
    load_reference(copy)
    with copy.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copy.close()
    return path


@pytest.fixture
def wc(tmp_path: Path, template_copy: Path) -> Iterator[WorkingCopy]:
    path = tmp_path / "working-copy.sqlite3"
    shutil.copyfile(template_copy, path)
    copy = WorkingCopy.open(path)
    yield copy
    copy.close()


def niss(birth: str, serial: int) -> str:
    """A valid NISS for a birth date ``YYYY-MM-DD`` (born 2000 or later) and a serial 1-997."""
    first = birth[2:4] + birth[5:7] + birth[8:10] + f"{serial:03d}"
    check = 97 - int("2" + first) % 97
    return first + f"{check:02d}"


def enterprise_number(base: int) -> str:
    first = f"0{base:07d}"
    return first + f"{97 - int(first) % 97:02d}"


def learner(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "niss": niss("2004-03-12", 123),
        "first_name": "Hélène",
        "last_name": "Wałęsa",
        "birth_date": "2004-03-12",
        "street": "Rue de l'Étuve 12",
        "postal_code": "1000",
        "city": "Bruxelles",
        "operator_code": "sfpme",
    }
    data.update(changes)
    return data


def company(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "enterprise_number": enterprise_number(4031707),
        "name": "Boulangerie Ștefan",
        "legal_form": "SRL",
        "employee_count": 4,
        "sector": "alimentation",
    }
    data.update(changes)
    return data
