"""Issue 12, situation 4: imports are all or nothing, repeatable, and read spreadsheets.

On the old code a bad file was half-applied (its good lines written, its bad ones not), a fixed
file imported again made duplicates, and only JSON lines were read. Now the whole file is
checked first and nothing is written when a line is refused (exit 2, every refused line with
its number, column and French reason on standard error); records without an id are matched by
their natural key, so importing a fixed file again is safe; CSV and XLSX are read.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tests.store.conftest import niss
from tests.sync.data import company, enterprise_number, unit_number
from tests.sync.harness import Device, Server, api, server_state

HEADER_FR = "NISS;Prénom;Nom;Date de naissance;Rue;Code postal;Localité;Opérateur"


def _device(server: Server, root: Path) -> Device:
    name = f"imp-{uuid.uuid4().hex[:6]}"
    server.user(name)
    device = Device(root / name, name, server.url)
    device.login()
    device.sync_until_done()
    return device


def _learner_line(i: int, born: date = date(2004, 3, 12)) -> str:
    return ";".join([niss(born.isoformat(), 100 + i), f"Élève{i}", "Wałęsa",
                     born.strftime("%d/%m/%Y"), f"Rue de l'Étuve {i}", "1000", "Bruxelles",
                     "sfpme"])  # fmt: skip


def _records(d: Device, collection: str, **equals: Any) -> dict[str, dict[str, Any]]:
    """The live records of ``collection`` in the copy, those whose fields equal ``equals``
    (the session's server holds other tests' records too)."""
    records, _ops, _ = d.dump(forked=True)
    return {
        rid: r["data"]
        for (c, rid), r in records.items()
        if c == collection and r["data"] and all(r["data"].get(k) == v for k, v in equals.items())
    }


def _file_learners(d: Device) -> dict[str, dict[str, Any]]:
    return {i: x for i, x in _records(d, "learners").items() if x["last_name"] == "Wałęsa"}


def test_a_bad_file_writes_nothing_and_names_every_refused_line(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    d = _device(server, tmp_path)
    known = d.edit(lambda u: u.create("companies", company(rng)))
    d.close()
    lines: list[Any] = [
        {"collection": "companies", "id": str(uuid.uuid4()), "data": company(rng)},
        {"collection": "companies", "id": known, "data": {"name": "Renommée"}},
        {"collection": "companies", "data": company(rng) | {"enterprise_number": "0123456789"}},
        "pas du JSON",
        {"collection": "sectors", "data": {"code": "x", "name": "y"}},
    ]
    source = tmp_path / "import.jsonl"
    source.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines),
                      "utf-8")  # fmt: skip
    before = d.dump(forked=True)
    done = d.run("import", str(source))
    assert done.status == 2, done.stderr
    assert done.summary() == {"ok": False, "created": 1, "updated": 1, "unchanged": 0,
                              "refused": 3, "written": False}  # fmt: skip
    refused = [ln for ln in done.stderr.splitlines() if ln.startswith("ligne ")]
    assert [ln.split()[1].rstrip(",") for ln in refused] == ["3", "4", "5"]
    assert refused[0].startswith("ligne 3, colonne « enterprise_number » : Numéro d'entreprise")
    assert "rien n'a été importé" in done.stderr
    assert d.dump(forked=True) == before  # the old code wrote lines 1 and 2: half-applied
    kept = d.run("import", str(source), "--keep-valid")
    assert kept.status == 2 and kept.summary()["written"] is True
    assert _records(d, "companies")[known]["name"] == "Renommée"
    assert d.run("sync").summary()["applied"] == 3


def test_a_fixed_spreadsheet_imported_again_makes_no_duplicates(
    server: Server, tmp_path: Path
) -> None:
    d = _device(server, tmp_path)
    d.close()
    rows = [_learner_line(i) for i in range(6)]
    rows[3] = rows[3].replace("12/03/2004", "31/02/2004")  # no such date
    rows[4] = rows[4].replace(rows[4].split(";")[0], "12345678901")  # a bad NISS
    source = tmp_path / "apprenants.csv"
    source.write_text("\ufeff" + "\r\n".join([HEADER_FR, *rows]) + "\r\n", "utf-8")  # Excel's CSV
    done = d.run("import", str(source), "--collection", "learners")
    assert done.status == 2 and done.summary()["written"] is False, done.stdout
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("ligne ")]
    assert errors[0] == "ligne 5, colonne « Date de naissance » : « 31/02/2004 » n'est pas une " \
        "date (JJ/MM/AAAA)."
    assert errors[1].startswith("ligne 6, colonne « NISS » : NISS")
    assert _file_learners(d) == {}
    rows[3] = _learner_line(3)
    rows[4] = _learner_line(4)
    source.write_text("\ufeff" + "\r\n".join([HEADER_FR, *rows]) + "\r\n", "utf-8")
    done = d.run("import", str(source), "--collection", "learners")
    assert done.status == 0 and done.summary()["created"] == 6, done.stderr
    again = d.run("import", str(source), "--collection", "learners")
    assert again.summary() == {"ok": True, "created": 0, "updated": 0, "unchanged": 6,
                               "refused": 0, "written": True}  # fmt: skip
    rows[2] = rows[2].replace("Rue de l'Étuve 2", "Place Flagey 7")
    source.write_text("\r\n".join([HEADER_FR, *rows]) + "\r\n", "utf-8")  # without BOM
    moved = d.run("import", str(source), "--collection", "learners")
    assert moved.summary()["updated"] == 1 and moved.summary()["created"] == 0
    learners = _file_learners(d)
    assert len(learners) == 6 and len({x["niss"] for x in learners.values()}) == 6
    assert d.run("sync").summary()["applied"] == 7
    state = server_state(api(server.url, d.username))
    on_server = [v["data"]["niss"] for (c, _i), v in state.items()
                 if c == "learners" and v["data"] and v["data"]["last_name"] == "Wałęsa"]
    assert sorted(on_server) == sorted(x["niss"] for x in learners.values())


def test_csv_with_commas_and_xlsx_with_french_headers_are_read(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    d = _device(server, tmp_path)
    d.close()
    number = enterprise_number(rng)
    csv_file = tmp_path / "entreprises.csv"
    csv_file.write_text(
        "enterprise_number,name,legal_form,employee_count,sector\n"
        f'{number},"Boulangerie Dupont, fils",SRL,12,alimentation\n', "utf-8")  # fmt: skip
    done = d.run("import", str(csv_file), "--collection", "companies")
    assert done.status == 0, done.stderr
    ((company_id, data),) = _records(d, "companies", enterprise_number=number).items()
    assert data["name"] == "Boulangerie Dupont, fils" and data["employee_count"] == 12
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Entreprise", "Numéro d'unité d'établissement", "Nom", "Rue", "Code postal",
                  "Localité", "Région"])  # fmt: skip
    unit = unit_number(rng)
    sheet.append([int(number), int(unit), "Atelier", "Rue Haute 1", 4000, "Liège", "wal"])
    xlsx = tmp_path / "unites.xlsx"
    book.save(xlsx)
    done = d.run("import", str(xlsx), "--collection", "establishment_units")
    assert done.status == 0, done.stderr + done.stdout
    (unit_data,) = _records(d, "establishment_units", unit_number=unit).values()
    assert unit_data["company_id"] == company_id  # named by its enterprise number
    assert unit_data["unit_number"] == unit and unit_data["postal_code"] == "4000"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["NISS", "Prénom", "Nom", "Date de naissance", "Rue", "Code postal", "Localité",
                  "Opérateur"])  # fmt: skip
    born = date(2004, 3, 12)
    code = niss(born.isoformat(), 7)
    sheet.append([int(code), "Zoé", "Lambert", born, "Rue Neuve 2", 1000, "Bruxelles", "sfpme"])
    xlsx = tmp_path / "apprenants.xlsx"
    book.save(xlsx)
    done = d.run("import", str(xlsx), "--collection", "learners", "--dry-run")
    assert done.status == 0, done.stderr
    planned = [json.loads(ln) for ln in done.stdout.splitlines()][:-1]
    assert [(p["action"], p["fields"]["niss"]) for p in planned] == [("create", code)]
    assert done.summary()["written"] is False and _records(d, "learners", niss=code) == {}
    done = d.run("import", str(xlsx), "--collection", "learners")
    assert done.status == 0 and done.summary()["created"] == 1
    (learner,) = _records(d, "learners", niss=code).values()
    assert learner["niss"] == code and learner["birth_date"] == "2004-03-12"


def test_unknown_columns_and_a_file_that_is_not_utf8_are_refused(
    server: Server, tmp_path: Path
) -> None:
    d = _device(server, tmp_path)
    d.close()
    odd = tmp_path / "odd.csv"
    odd.write_text(HEADER_FR + ";Pointure\n" + _learner_line(1) + ";42\n", "utf-8")
    done = d.run("import", str(odd), "--collection", "learners")
    assert done.status == 2
    assert "ligne 2, colonne « Pointure » : colonne inconnue pour les apprenants" in done.stderr
    latin = tmp_path / "latin.csv"
    plain = _learner_line(1).replace("ł", "l").replace("ę", "e")  # Élève: latin-1 bytes
    latin.write_bytes((HEADER_FR + "\n" + plain + "\n").encode("latin-1"))
    done = d.run("import", str(latin), "--collection", "learners")
    assert done.status == 1 and done.summary()["error"] == "unreadable_file"
    assert "UTF-8" in done.summary()["message"]
    _records_, ops, _ = d.dump(forked=True)
    assert ops == []  # neither file wrote anything (other tests' learners are on the server)
