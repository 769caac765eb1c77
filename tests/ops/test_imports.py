"""The import use case without the command line (what the window's import dialog will call):
progress reported, natural keys (a tutor by its company, names and birth date), a row naming
a record an earlier row created, duplicates inside one file, and what the core refuses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.ops.imports.columns import CellError, convert, header_map
from offa_desktop.ops.imports.core import run_import
from offa_desktop.ops.imports.reading import read, sniff_delimiter
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext
from tests.store.conftest import company, enterprise_number, load_reference


@pytest.fixture
def wc(tmp_path: Path) -> Iterator[WorkingCopy]:
    copy = WorkingCopy.open(tmp_path / "wc.sqlite3")
    load_reference(copy)
    yield copy
    copy.close()


def _jsonl(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", "utf-8")
    return path


def _find(wc: WorkingCopy, collection: str, **equals: Any) -> list[tuple[str, Any]]:
    with wc.session() as db:
        return StoreContext(db).find(collection, **equals)


def test_rows_name_records_of_earlier_rows_and_tutors_match_by_names(
    wc: WorkingCopy, tmp_path: Path
) -> None:
    number = enterprise_number(4242)
    tutors = tmp_path / "tuteurs.csv"
    tutors.write_text(
        "Entreprise;Prénom;Nom;Date de naissance;Condition de tuteur;Années d'expérience\n"
        f"{number};Marc;Lambert;14/05/1980;experience;10\n"
        f"{number};Anne;Dubois;02/02/1975;diploma;\n", "utf-8")  # fmt: skip
    source = _jsonl(tmp_path / "entreprise.jsonl", [
        {"collection": "companies", "data": company(enterprise_number=number)},
    ])  # fmt: skip
    seen: list[tuple[str, int, int]] = []
    report = run_import(wc, read(source), progress=lambda *step: seen.append(step))
    assert report.written and report.count("create") == 1 and seen[-1] == ("import", 1, 1)
    report = run_import(wc, read(tutors), collection="tutors")
    assert report.written and report.count("create") == 2, report.refused
    ((company_id, _),) = _find(wc, "companies", enterprise_number=number)
    assert {t["last_name"] for _i, t in _find(wc, "tutors", company_id=company_id)} == {
        "Lambert", "Dubois"}  # fmt: skip
    # The same tutors again, names in capitals and one more year of experience: matched.
    tutors.write_text(
        "entreprise;first_name;LAST_NAME;birth_date;condition;experience_years\n"
        f"{number};MARC;LAMBERT;1980-05-14;experience;11\n", "utf-8")  # fmt: skip
    report = run_import(wc, read(tutors), collection="tutors")
    assert report.count("update") == 1 and report.count("create") == 0
    assert len(_find(wc, "tutors", company_id=company_id)) == 2


def test_the_same_record_twice_in_one_file_is_refused(wc: WorkingCopy, tmp_path: Path) -> None:
    first = company(enterprise_number=enterprise_number(7))
    source = _jsonl(tmp_path / "twice.jsonl", [
        {"collection": "companies", "data": first},
        {"collection": "companies", "data": {**first, "name": "Autre nom"}},
    ])  # fmt: skip
    report = run_import(wc, read(source))
    assert not report.written and [o.line for o in report.refused] == [2]
    (refusal,) = report.refused[0].refusals
    assert refusal.column == "enterprise_number" and "qu'à la ligne 1" in refusal.message
    assert _find(wc, "companies", enterprise_number=first["enterprise_number"]) == []


def test_a_dry_run_writes_nothing_and_says_what_it_would_do(
    wc: WorkingCopy, tmp_path: Path
) -> None:
    source = _jsonl(tmp_path / "one.jsonl", [
        {"collection": "companies", "data": company(enterprise_number=enterprise_number(9))},
    ])  # fmt: skip
    report = run_import(wc, read(source), dry_run=True)
    assert [(o.action, o.fields["name"]) for o in report.outcomes] == [
        ("create", "Boulangerie Ștefan")]
    assert not report.written and _find(wc, "companies") == []


def test_headers_and_cells() -> None:
    mapping, unknown = header_map("learners", ["NISS", "Date de naissance", "prenom",
                                               "CODE_POSTAL", "Pointure"])  # fmt: skip
    assert mapping == {"NISS": "niss", "Date de naissance": "birth_date", "prenom": "first_name",
                       "CODE_POSTAL": "postal_code"}  # fmt: skip
    assert unknown == ["Pointure"]
    fields = COLLECTIONS["learners"].by_name
    assert convert(fields["niss"], 4031212339) == "04031212339"  # a spreadsheet number
    assert convert(fields["postal_code"], 1000.0) == "1000"
    assert convert(fields["birth_date"], "3/9/2004") == "2004-09-03"
    money = COLLECTIONS["contracts"].by_name["monthly_pay"]
    assert convert(money, "1 234,5 €") == "1234.50" and convert(money, 612.3) == "612.30"
    assert convert(COLLECTIONS["tutors"].by_name["certified"], "Oui") is True
    with pytest.raises(CellError, match="oui ou non"):
        convert(COLLECTIONS["tutors"].by_name["certified"], "peut-être")
    assert sniff_delimiter('nom;"a;b",c') == ";" and sniff_delimiter('nom,"x;y";z,w') == ","
