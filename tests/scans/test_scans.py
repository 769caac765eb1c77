"""Scans on a real working copy (no server): the QR text printed and parsed back, versions that
differ said in the issue's words, pages that need a person kept and assigned, unreadable files
named, the command's one JSON line and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from offa_desktop import paths
from offa_desktop.domain.documents import KINDS
from offa_desktop.ops.attachments import pending
from offa_desktop.ops.printing import rendering as print_commands
from offa_desktop.ops.scans import inbox as scan_inbox
from offa_desktop.ops.scans.importing import import_scans, version_warning
from offa_desktop.printing import facts
from offa_desktop.printing.data import PrintData
from offa_desktop.scans.qr import parse
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.records import get_record
from tests.printing.store_fill import fill
from tests.store.server_rows import put_server_record

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / ".venv" / "bin" / "offa-desktop"
RID = "0a000000-0000-4000-8000-000000000007"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("version", [None, 1834])
def test_every_printed_qr_text_parses_back(kind: str, version: int | None) -> None:
    data = PrintData(kind=kind, record_id=None if kind.startswith("blank") else RID,
                     version=version)  # fmt: skip
    copies = [c for c, _ in facts.COPIES] if kind in ("contract", "blank-contract") else [None]
    for copy in copies:
        ref = parse(facts.qr_text(data, copy))
        assert ref is not None
        assert ref.collection == data.collection and ref.copy == copy
        if data.blank:
            assert ref.blank and ref.record_id is None
        else:
            assert ref.record_id == RID and ref.version == version
            assert ref.doc == (None if copy else kind)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/",
        "offa:contracts/not-a-uuid?v=3&copy=apprenant",
        f"offa:contracts/{RID.upper()}?v=3&copy=apprenant",
        f"offa:contracts/{RID}?v=three&copy=apprenant",
        f"offa:contracts/{RID}?copy=apprenant",
        f"offa:contracts/{RID}?v=3&copy=voisin",
        f"offa:contracts/{RID}?v=3",
        f"offa:trades/{RID}?v=3&doc=x",
        f"offa:nothing/{RID}?v=3&doc=x",
        f"offa:contracts/{RID}?v=3&copy=apprenant&x=<script>",
    ],
)
def test_damaged_or_foreign_qr_texts_are_not_ours(text: str) -> None:
    assert parse(text) is None


def test_version_warning_in_the_issues_words() -> None:
    assert version_warning(3, 5) == "signé sur la version 3, la fiche est en version 5 : vérifiez"
    assert version_warning(None, 7) == (
        "signé sur la version locale, la fiche est en version 7 : vérifiez"
    )
    assert version_warning(5, 5) is None and version_warning(None, None) is None


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, WorkingCopy, dict[str, str]]:
    folder = tmp_path / "data"
    folder.mkdir()
    ids = fill(folder)
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    yield folder, wc, ids
    wc.close()


def _server_version(wc: WorkingCopy, collection: str, record_id: str, version: int) -> None:
    """The record as the server would send it back at ``version`` (same data)."""
    with wc.session() as db:
        stored = get_record(db, collection, record_id)
    assert stored is not None
    with wc.unit_of_work() as uow:
        put_server_record(uow, collection, record_id, version, False, stored.data,
                          stored.updated_at, stored.updated_by)  # fmt: skip


def test_a_copy_signed_on_an_older_version_says_so(
    copy: tuple[Path, WorkingCopy, dict[str, str]], tmp_path: Path
) -> None:
    folder, wc, ids = copy
    cid = ids["active"]
    pdf = print_commands.render("contract", cid, wc)
    with wc.session() as db:
        printed = get_record(db, "contracts", cid)
    assert printed is not None and printed.version is not None
    newer = printed.version + 7
    _server_version(wc, "contracts", cid, newer)  # edited by someone since it was printed
    scan = tmp_path / "contrat signé.pdf"
    scan.write_bytes(pdf)

    report = import_scans(wc, folder, [scan])

    words = f"signé sur la version {printed.version}, la fiche est en version {newer} : vérifiez"
    assert len(report.warnings) == 1 and report.warnings[0].endswith(words)
    assert report.warnings[0].startswith("Contrat Wiśniewski Łukasz")
    # the three copies are three documents of the contract, not signed again (it is running)
    names = sorted(n["file_name"] for n in pending(folder).values())
    assert names == [f"contrat-signé-exemplaire-{c}-v{printed.version}.pdf"
                     for c in ("apprenant", "entreprise", "référent")]  # fmt: skip
    assert report.signed == [] and report.matched == report.pages == 12


def test_a_signed_draft_and_its_event_get_their_marks(
    copy: tuple[Path, WorkingCopy, dict[str, str]], tmp_path: Path
) -> None:
    folder, wc, ids = copy
    scan = tmp_path / "rupture.pdf"
    scan.write_bytes(print_commands.render("termination", ids["termination"], wc))
    report = import_scans(wc, folder, [scan], signed_on=__import__("datetime").date(2026, 9, 2))
    assert report.signed == [ids["termination"]] and report.warnings == []
    with wc.session() as db:
        event = queries.get(db, "contract_events", ids["termination"])
    assert event is not None and event["signed_on"] == "2026-09-02"
    with wc.session() as db:
        version = get_record(db, "contract_events", ids["termination"])
    assert version is not None
    names = [n["file_name"] for n in pending(folder).values()]
    assert names == [f"rupture-signée-v{version.version}.pdf"]
    # the draft: rules still refuse signing it, so the document is kept and the reason given
    draft = tmp_path / "projet.pdf"
    draft.write_bytes(print_commands.render("contract", ids["draft"], wc))
    report = import_scans(wc, folder, [draft])
    with wc.session() as db:
        data = queries.get(db, "contracts", ids["draft"])
    assert data is not None
    if report.signed:
        assert data["status"] == "signed" and data["signed_on"] is not None
    else:
        assert data["status"] == "draft"
        assert any("pas marqué signé" in w for w in report.warnings), report.warnings
    assert report.matched == report.pages


@pytest.mark.parametrize(
    ("kind", "collection", "name"),
    [
        ("amendment", "contract_events", "avenant-signé"),
        ("suspension", "contract_events", "suspension-signée"),
        ("approval", "approvals", "décision-d-agrément-signée"),
    ],
)
def test_each_signed_document_gets_its_own_mark(
    copy: tuple[Path, WorkingCopy, dict[str, str]], tmp_path: Path, kind: str, collection: str,
    name: str,
) -> None:
    """An amendment, a suspension, an approval decision: its own signed_on,
    its own document; the contract it belongs to keeps its status and its documents."""
    folder, wc, ids = copy
    rid = ids[kind]
    with wc.session() as db:
        contract_before = queries.get(db, "contracts", ids["active"])
        stored = get_record(db, collection, rid)
    assert stored is not None and stored.data.get("signed_on") is None
    scan = tmp_path / f"{kind}.pdf"
    scan.write_bytes(print_commands.render(kind, rid, wc))
    day = __import__("datetime").date(2026, 9, 3)
    report = import_scans(wc, folder, [scan], signed_on=day)
    assert report.signed == [rid] and report.warnings == [] and report.to_assign == []
    assert report.matched == report.pages > 0
    with wc.session() as db:
        marked = queries.get(db, collection, rid)
        contract_after = queries.get(db, "contracts", ids["active"])
    assert marked is not None and marked["signed_on"] == "2026-09-03"
    assert contract_after == contract_before
    notes = list(pending(folder).values())
    assert [(n["record"], n["file_name"]) for n in notes] == [
        (f"{collection}/{rid}", f"{name}-v{stored.version}.pdf")
    ]


def _blank_page() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (1240, 1754), 255).save(buffer, "PNG")
    return buffer.getvalue()


def test_pages_without_our_code_wait_for_a_person_who_assigns_them(
    copy: tuple[Path, WorkingCopy, dict[str, str]], tmp_path: Path
) -> None:
    folder, wc, ids = copy
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blanche.png").write_bytes(_blank_page())
    form = print_commands.render("blank-visit", None, None)
    (tmp_path / "in" / "vierge.pdf").write_bytes(form)
    form_pages = print_commands.page_count(form)
    (tmp_path / "in" / "notes.txt").write_text("pas un scan")  # not a scan's suffix: not taken
    damaged = tmp_path / "abîmé.pdf"
    damaged.write_bytes(b"%PDF-1.4\n garbage")

    report = import_scans(wc, folder, [tmp_path / "in", damaged, tmp_path / "absent.jpg"])

    assert report.pages == 1 + form_pages and report.matched == 0
    assert len(report.to_assign) == report.pages
    reasons = {p.label: p.reason for p in report.to_assign}
    assert reasons["blanche.png"] == "aucun code QR lisible"
    assert reasons["vierge.pdf, page 1"].startswith("formulaire vierge")
    assert len(report.errors) == 2 and not report.ok
    assert any("abîmé.pdf" in e for e in report.errors)
    assert any("absent.jpg" in e and "introuvable" in e for e in report.errors)
    # imported again: kept once
    import_scans(wc, folder, [tmp_path / "in"])
    waiting = scan_inbox.pages(folder)
    assert [p.label for p in waiting] == ["blanche.png"] + [
        f"vierge.pdf, page {n}" for n in range(1, form_pages + 1)
    ]
    # a person finds the contract by search and attaches the page to it
    found = scan_inbox.candidates(wc, "wisniewski")
    assert found[0].record == f"learners/{ids['learner']}"
    contract = next(c for c in found if c.record == f"contracts/{ids['active']}")
    assert contract.title.startswith("Contrat Wiśniewski Łukasz")
    attached = scan_inbox.assign(folder, waiting[1].id, contract.record)
    assert attached.file_name == "vierge-page-1.pdf"
    note = pending(folder)[attached.id]
    assert note["record"] == contract.record
    scan_inbox.discard(folder, waiting[0].id)
    assert [p.id for p in scan_inbox.pages(folder)] == [p.id for p in waiting[2:]]
    with pytest.raises(LookupError):
        scan_inbox.assign(folder, waiting[0].id, contract.record)


def _cli(folder: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    cmd = [str(CLI)] if CLI.exists() else [sys.executable, "-m", "offa_desktop"]
    done = subprocess.run([*cmd, "--data-dir", str(folder), "scans", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)  # fmt: skip
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, (done.stdout, done.stderr)
    return done.returncode, json.loads(lines[0]), done.stderr


def test_command_prints_the_summary_only(
    copy: tuple[Path, WorkingCopy, dict[str, str]], tmp_path: Path
) -> None:
    folder, wc, ids = copy
    scan = tmp_path / "visite.pdf"
    scan.write_bytes(print_commands.render("visit", ids["visit"], wc))
    wc.close()
    code, summary, stderr = _cli(folder, str(scan), "--signed-on", "2026-05-04")
    assert code == 0, stderr
    assert summary == {"ok": True, "pages": summary["pages"], "matched": summary["pages"],
                       "to_assign": 0, "duplicates": 0, "signed": [ids["visit"]]}  # fmt: skip
    assert "rapport-de-visite-signé" in stderr
    blank = tmp_path / "blanche.png"
    blank.write_bytes(_blank_page())
    code, summary, stderr = _cli(folder, str(scan), str(blank))
    assert code == 2 and summary["to_assign"] == 1 and summary["duplicates"] >= 1
    assert "À attribuer : blanche.png (aucun code QR lisible)" in stderr
    code, summary, _ = _cli(folder, str(scan), "--signed-on", "04/05/2026")
    assert code == 1 and summary["ok"] is False and summary["error"] == "bad_date"
    code, summary, _ = _cli(tmp_path / "vide", str(scan))
    assert code == 1 and summary["error"] == "no_working_copy"
