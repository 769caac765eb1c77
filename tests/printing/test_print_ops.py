"""Printing from a real working copy: the ``print`` command (a real subprocess, no Qt), ``render``
for the UI, and the batch in a process pool with progress and cancel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from offa_desktop import paths
from offa_desktop.ops.printing import rendering
from offa_desktop.ops.printing.gathering import PrintError, printable_kinds
from offa_desktop.store.db import WorkingCopy
from tests import keyed
from tests.printing import samples as s
from tests.printing.pdfread import pages_text, pypdf_pages, qr_codes
from tests.printing.store_fill import fill

ROOT = Path(__file__).resolve().parents[2]
CLI = str(ROOT / ".venv" / "bin" / "offa-desktop")


def _cli(data_dir: str, *args: str) -> tuple[int, dict[str, Any]]:
    exe = CLI if os.path.exists(CLI) else None
    cmd = [exe] if exe else [sys.executable, "-m", "offa_desktop"]
    done = subprocess.run(
        [*cmd, "--data-dir", data_dir, "print", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, (done.stdout, done.stderr)
    return done.returncode, json.loads(lines[0])


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    folder = tmp_path_factory.mktemp("wc")
    keyed.unlock(folder)  # encrypted, as the print command it is shared with would make it
    return str(folder), fill(folder)


def test_blank_forms_on_an_empty_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    for kind, heading in (
        ("blank-contract", "Exemplaire entreprise"),
        ("blank-visit", "Rapport de visite (formulaire vierge)"),
    ):
        out = tmp_path / f"{kind}.pdf"
        code, answer = _cli(str(folder), kind, "--out", str(out))
        assert code == 0 and answer["ok"] is True, answer
        assert answer["pages"] >= 1 and answer["id"] is None
        text = " ".join(pages_text(out.read_bytes()))
        assert heading in text and "Formulaire vierge à compléter à la main" in text
    assert not paths.working_copy_path(folder).exists(), "printing a form creates no database"


def test_headless_print_loads_no_qt(tmp_path: Path) -> None:
    out = tmp_path / "f.pdf"
    code = (
        "import sys\n"
        "from offa_desktop import cli\n"
        f"rc = cli.main(['--data-dir', {str(tmp_path / 'd')!r}, 'print', 'blank-visit',"
        f" '--out', {str(out)!r}])\n"
        "sys.stderr.write(str(rc) + ' ' + str(any(m.startswith('PySide6') for m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stderr.strip().endswith("0 False"), done.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_cli_prints_a_synced_contract(filled: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    folder, ids = filled
    out = tmp_path / "contrat.pdf"
    code, answer = _cli(folder, "contract", "--id", ids["active"], "--out", str(out))
    assert code == 0, answer
    assert answer == {
        "ok": True,
        "kind": "contract",
        "id": ids["active"],
        "version": 12,
        "out": str(out.resolve()),
        "pages": answer["pages"],
        "bytes": out.stat().st_size,
        "draft": False,
    }
    pdf = out.read_bytes()
    pages = pages_text(pdf)
    assert len(pages) == answer["pages"] and len(pages) % 3 == 0
    text = " ".join(pages)
    for value in (
        "Łukasz Wiśniewski",
        "Ștefan Țăranu",
        "Gábor Erdős",
        "09.03.14-123.84",
        "IFAPME — Institut wallon de formation en alternance (Wallonie)",
        "Boulanger",
        # pay basis of the last level change (B on 01/06/2026), after the 2026 indexation
        "24,00 % du RMMMG de 2 111,89 € (en vigueur depuis le 01/05/2026)",
        "506,85 €",
        "1 400,00 €",
        "Boutique de Saint-Gilles",
        "version 12",
        "Événements enregistrés depuis la signature",
        "changement de niveau",
        "Préavis après la période d'essai",
    ):
        assert value in text, value
    per_copy = len(pages) // 3
    codes = qr_codes(pdf, [1, 1 + per_copy, 1 + 2 * per_copy])
    assert [c[0] for c in codes.values()] == [
        f"offa:contracts/{ids['active']}?v=12&copy={copy}"
        for copy in ("apprenant", "entreprise", "referent")
    ]
    assert not any("PROJET" in p for p in pypdf_pages(pdf))


def test_cli_prints_a_draft_as_projet_with_its_problems(
    filled: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = filled
    out = tmp_path / "projet.pdf"
    code, answer = _cli(folder, "contract", "--id", ids["draft"], "--out", str(out))
    assert code == 0 and answer["draft"] is True and answer["version"] is None
    pdf = out.read_bytes()
    assert all("PROJET" in p for p in pypdf_pages(pdf))
    last = pages_text(pdf)[-1]
    assert "Points à corriger avant signature" in last
    for field in ("Date de fin", "Niveau", "Rétribution mensuelle", "Tuteur", "Agrément"):
        assert f"{field} {field} : ce champ est requis." in last, field
    assert "un seul contrat à la fois" in last  # the learner's running contract overlaps
    assert "pas encore enregistrée sur le serveur" in last


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        ("termination", "termination", ["À l'initiative de l'apprenant", "15/09/2026", "presté"]),
        ("termination", "active", ["Fin du préavis 15/09/2026"]),  # by the contract's id
        ("suspension", "suspension", ["Maladie", "7 premiers jours", "20/04/2026"]),
        ("amendment", "amendment", ["Autres lieux de formation", "Boutique de Saint-Gilles"]),
        ("amendment", "level_change", ["Niveau B", "Rétribution mensuelle 1 400,00 €"]),
        ("approval", "approval", ["accorde l'agrément", "Gábor Erdős", "28/05/2025"]),
        ("visit", "visit", ["Ilona Kovács-Wójcik", "Hotte du four à remplacer", "Țepeș"]),
    ],
)
def test_render_for_the_ui(
    filled: tuple[str, dict[str, str]], kind: str, key: str, expected: list[str]
) -> None:
    folder, ids = filled
    wc = WorkingCopy.open(paths.working_copy_path(Path(folder)))
    try:
        pdf = rendering.render(kind, ids[key], wc)
    finally:
        wc.close()
    text = " ".join(pages_text(pdf))
    assert not [v for v in expected if v not in text]
    assert "Łukasz Wiśniewski" in text or kind in ("approval", "visit")


def test_errors_are_french_and_write_nothing(
    filled: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = filled
    out = tmp_path / "none.pdf"
    code, answer = _cli(folder, "contract", "--id", ids["approval"], "--out", str(out))
    assert code == 1 and answer["error"] == "not_printable"
    assert "Aucune fiche" in answer["message"] and not out.exists()
    code, answer = _cli(folder, "termination", "--id", ids["suspension"], "--out", str(out))
    assert code == 1 and "ne s'imprime pas comme «termination»" in answer["message"]
    code, answer = _cli(
        str(tmp_path / "empty"), "contract", "--id", ids["active"], "--out", str(out)
    )
    assert code == 1 and answer["error"] == "no_working_copy" and not out.exists()
    wc = WorkingCopy.open(paths.working_copy_path(Path(folder)))
    try:
        with pytest.raises(PrintError, match="--id"):
            rendering.render("contract", None, wc)
    finally:
        wc.close()


def test_batch_prints_each_record_with_progress(
    filled: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = filled
    seen: list[tuple[int, int]] = []
    wc = WorkingCopy.open(paths.working_copy_path(Path(folder)))
    try:
        result = rendering.print_batch(
            wc,
            "contract",
            [ids["active"], ids["draft"], "0a000000-0000-4000-8000-0000000000ff"],
            tmp_path / "out",
            progress=lambda done, total: seen.append((done, total)),
            workers=2,
        )
    finally:
        wc.close()
    assert seen == [(1, 3), (2, 3), (3, 3)]
    from offa_desktop.printing import facts

    # named after the learner and the contract's reference
    assert sorted(p.name for p in result.written) == sorted(
        f"contrat-wisniewski-lukasz-{facts.reference(i).replace('-', '')}.pdf"
        for i in (ids["active"], ids["draft"]))
    taken: set[str] = set()  # two documents with one name in a batch: the second is «-2»
    assert [rendering._unique("a.pdf", taken) for _ in range(3)] == ["a.pdf", "a-2.pdf", "a-3.pdf"]
    assert [i for i, _ in result.failed] == ["0a000000-0000-4000-8000-0000000000ff"]
    assert not result.cancelled
    for path in result.written:
        assert "Exemplaire référent" in " ".join(pages_text(path.read_bytes()))
    assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in result.written)


def test_batch_cancel_stops_between_documents(tmp_path: Path) -> None:
    cancel = threading.Event()
    documents = [s.contract_data(record_id=f"00000000-0000-4000-8000-{i:012d}") for i in range(40)]
    done_calls: list[int] = []

    def progress(done: int, total: int) -> None:
        done_calls.append(done)
        cancel.set()

    result = rendering.render_many(
        documents, tmp_path, total=len(documents), progress=progress, cancel=cancel, workers=1
    )
    assert result.cancelled
    assert 1 <= len(result.written) <= 3  # the one that reported, and those already running
    files = sorted(os.listdir(tmp_path))
    assert files == sorted(p.name for p in result.written)  # no half-written file left


def test_every_demo_record_prints_inside_the_margins(tmp_path: Path) -> None:
    from sqlalchemy import select

    from offa_desktop.printing.page import MARGIN, PAGE_WIDTH
    from offa_desktop.store.demo_fill import fill_working_copy
    from offa_desktop.store.records import table
    from tests.printing.pdfread import word_boxes

    wc = WorkingCopy.open(tmp_path / "demo.sqlite3")
    try:
        fill_working_copy(wc, 6)
        with wc.session() as session:
            ids = {
                c: [r[0] for r in session.execute(select(table(c).c.id))]
                for c in ("contracts", "approvals", "visits")
            }
        written: list[Path] = []
        for kind, collection in (
            ("contract", "contracts"),
            ("approval", "approvals"),
            ("visit", "visits"),
        ):
            if collection == "contracts":
                assert ids[collection]  # the demo's size is in contracts
            result = rendering.print_batch(wc, kind, ids[collection], tmp_path, workers=2)
            assert not result.failed and len(result.written) == len(ids[collection])
            written += result.written
    finally:
        wc.close()
    right = PAGE_WIDTH - MARGIN + 1
    for path in written:
        pdf = path.read_bytes()
        assert not [w for w in word_boxes(pdf) if w[2] > right or w[0] < MARGIN - 1], path.name


def test_printable_kinds_for_the_print_menu() -> None:
    assert printable_kinds("contracts") == ["contract"]
    assert printable_kinds("approvals") == ["approval"]
    assert printable_kinds("visits") == ["visit"]
    assert printable_kinds("contract_events", {"kind": "level_change"}) == ["amendment"]
    assert printable_kinds("contract_events", {"kind": "termination"}) == ["termination"]
    assert printable_kinds("contract_events", {"kind": "resumption"}) == []
    assert printable_kinds("learners") == []


def test_batches_can_share_a_warm_pool(tmp_path: Path) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        for n in (1, 2):
            docs = [s.contract_data(record_id=f"00000000-0000-4000-8000-{n:012d}")]
            result = rendering.render_many(
                docs, tmp_path / str(n), total=1, executor=pool, workers=1
            )
            assert [p.parent.name for p in result.written] == [str(n)]
        assert pool.submit(int, "7").result() == 7  # still open: the caller owns it


def test_printed_pages_carry_no_internal_id(
    filled: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    """Issue 15 #4: every page said «Fiche contracts/<uuid> · version locale». Now a reference
    people can read out («Contrat réf. 0A00-0000»), and files named after whose they are."""
    import re

    from offa_desktop.printing import facts

    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    folder, ids = filled
    wc = WorkingCopy.open(paths.working_copy_path(Path(folder)))
    try:
        for kind, key, noun in (("contract", "active", "Contrat"), ("contract", "draft", "Contrat"),
                                ("visit", "visit", "Visite"), ("approval", "approval", "Agrément"),
                                ("termination", "termination", "Événement de contrat")):
            path = rendering.render_to_folder(kind, ids[key], wc, tmp_path)
            text = " ".join(pages_text(path.read_bytes()))
            assert not uuid.search(text), (kind, uuid.search(text))
            for internal in ("contracts/", "visits/", "approvals/", "contract_events/",
                             "version locale"):
                assert internal not in text, (kind, internal)
            assert f"{noun} réf. {facts.reference(ids[key])}" in text, kind
            assert not uuid.search(path.name) and path.name.endswith(
                f"-{facts.reference(ids[key]).replace('-', '')}.pdf"), path.name
        contract = rendering.render_to_folder("contract", ids["active"], wc, tmp_path)
        assert contract.name.startswith("contrat-wisniewski-lukasz-"), contract.name
    finally:
        wc.close()
