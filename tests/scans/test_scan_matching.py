"""Signed scans matched by their QR code, with real scans made here: contract packs printed
from a working copy synced with the real reference server, drawn at 150 dpi by pdftoppm, then
degraded as a scanner or a phone would (a slight rotation, some sheets upside down, scale,
JPEG quality, noise) and imported by the real ``offa-desktop scans`` command, as multi-page
PDFs, JPEG photos and PNGs. At least 98 % of the pages must find their record, and every page
that does not is listed for a person. The copies then sync to the server as documents.

How many packs: ``OFFA_SCAN_PACKS``. ``make test`` prints 12 (about 145 pages, every kind of
file; 2-3 minutes on a shared machine would be 7 for 50); the issue's proof is 50 packs,
which ``.ci/run`` asks for and ``make scan-proof`` runs alone. The rate and every miss are
printed at the end of the run (``tests/scans/rates.py``)."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from offa_desktop.ops.printing import rendering as print_commands
from offa_desktop.ops.scans import inbox as scan_inbox
from sync.server.db import make_engine
from sync.server.seed import seed_demo
from tests.scans import rates
from tests.sync.harness import Device, Server

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / ".venv" / "bin" / "offa-desktop"
PACKS = int(os.environ.get("OFFA_SCAN_PACKS", "12"))  # the proof: 50 (make scan-proof)
DPI = 150
SUMMARY_KEYS = {"ok", "pages", "matched", "to_assign", "duplicates", "signed"}

pytestmark = pytest.mark.slow


def run_scans(folder: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    cmd = [str(CLI)] if CLI.exists() else [sys.executable, "-m", "offa_desktop"]
    done = subprocess.run(
        [*cmd, "--data-dir", str(folder), "scans", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, (done.stdout, done.stderr)
    return done.returncode, json.loads(lines[0]), done.stderr


class Degrader:
    """Pages as they come back: turned a little (one in ten upside down), scaled, noisy."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        # One field of Gaussian noise, cut at a random place for each page (drawing a new one
        # per page took most of the test's time).
        self.noise = Image.effect_noise((2200, 2800), 32)

    def __call__(self, image: Image.Image) -> Image.Image:
        rng = self.rng
        angle = rng.uniform(-3.0, 3.0) + (180 if rng.random() < 0.1 else 0)
        out = image.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
        scale = rng.uniform(0.85, 1.1)
        size = (int(out.width * scale), int(out.height * scale))
        out = out.resize(size, Image.Resampling.BILINEAR)
        x = rng.randrange(self.noise.width - out.width + 1)
        y = rng.randrange(self.noise.height - out.height + 1)
        noise = self.noise.crop((x, y, x + out.width, y + out.height))
        return Image.blend(out, noise, rng.uniform(0.06, 0.15))


def jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, dpi=(DPI, DPI))
    return buffer.getvalue()


def scanner_pdf(pages: list[bytes], sizes: list[tuple[int, int]]) -> bytes:
    """A multi-page PDF of JPEG pages, as a document scanner writes one."""
    doc = pdfium.PdfDocument.new()
    for content, (w, h) in zip(pages, sizes, strict=True):
        page = doc.new_page(w * 72 / DPI, h * 72 / DPI)
        image = pdfium.PdfImage.new(doc)
        image.load_jpeg(io.BytesIO(content), inline=False)
        image.set_matrix(pdfium.PdfMatrix().scale(w * 72 / DPI, h * 72 / DPI))
        page.insert_obj(image)
        page.gen_content()
        page.close()
    buffer = io.BytesIO()
    doc.save(buffer)
    doc.close()
    return buffer.getvalue()


@dataclass
class Scans:
    device: Device
    folder: Path  # the scans
    pages: int
    packs: dict[str, dict[str, Any]]  # contract id -> data when printed
    versions: dict[str, int | None]


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scans]:
    root = tmp_path_factory.mktemp("scans")
    url = f"sqlite:///{root / 'server.sqlite3'}"
    server = Server(url)
    engine = make_engine(url)
    seed_demo(engine, 60, seed=17)
    engine.dispose()
    server.start()
    try:
        server.user("scanner", "offa")
        device = Device(root / "client", "scanner", server.url)
        device.login()
        device.sync_here()
        records, _, _ = device.dump()
        contracts = sorted(
            (rid, r) for (c, rid), r in records.items() if c == "contracts" and not r["deleted"]
        )
        assert len(contracts) >= PACKS
        rng = random.Random(17)
        degrade = Degrader(rng)
        chosen = contracts[:PACKS]
        folder = root / "scans"
        folder.mkdir()
        pages = 0
        wc = device.session.wc
        for n, (rid, _record) in enumerate(chosen):
            pdf = print_commands.render("contract", rid, wc)
            path = root / f"pack-{n}.pdf"
            path.write_bytes(pdf)
            prefix = root / f"pack-{n}"
            subprocess.run(
                ["pdftoppm", "-r", str(DPI), "-gray", str(path), str(prefix)], check=True
            )
            drawn = sorted(root.glob(f"pack-{n}-*.pgm"))
            pages += len(drawn)
            images = [degrade(Image.open(p).convert("L")) for p in drawn]
            qualities = [rng.randint(30, 75) for _ in images]
            if n % 2 == 0:  # a scanner's PDF
                contents = [jpeg(im, q) for im, q in zip(images, qualities, strict=True)]
                (folder / f"lot-{n:02d}.pdf").write_bytes(
                    scanner_pdf(contents, [im.size for im in images])
                )
            else:  # photos, some as PNG
                sub = folder / f"photos-{n:02d}"
                sub.mkdir()
                for i, (im, q) in enumerate(zip(images, qualities, strict=True)):
                    if n % 5 == 1:
                        im.save(sub / f"page-{i + 1:02d}.png")
                    else:
                        (sub / f"page-{i + 1:02d}.jpg").write_bytes(jpeg(im, q))
            for p in drawn:
                p.unlink()
        packs = {rid: r["data"] for rid, r in chosen}
        versions = {rid: r["version"] for rid, r in chosen}
        device.close()
        yield Scans(device, folder, pages, packs, versions)
    finally:
        server.stop()


def test_degraded_scans_of_printed_packs_find_their_records(scans: Scans) -> None:
    code, summary, stderr = run_scans(scans.device.folder, str(scans.folder))

    assert set(summary) == SUMMARY_KEYS
    assert summary["ok"] is True and summary["pages"] == scans.pages
    rate = summary["matched"] / summary["pages"]
    waiting = scan_inbox.pages(scans.device.folder)
    misses = [f"{p.label}: {p.reason}" for p in waiting]
    rates.note(
        f"scan matching: {summary['matched']}/{summary['pages']} pages of {PACKS} packs at "
        f"{DPI} dpi = {rate:.2%}; pages to assign: {len(misses)}",
        misses,
    )
    assert rate >= 0.98, misses
    # every page is accounted for, and every miss is listed for a person (and on stderr)
    assert summary["matched"] + summary["to_assign"] + summary["duplicates"] == summary["pages"]
    assert summary["duplicates"] == 0 and len(waiting) == summary["to_assign"]
    for page in waiting:
        assert f"À attribuer : {page.label}" in stderr
    assert code == (2 if waiting else 0)

    # the copies are attached to their contracts and the drafts that may be signed are signed
    records, ops, _ = scans.device.dump()
    documents = [
        r["data"] for (c, _i), r in records.items() if c == "documents"
    ]  # nothing synced yet: the files wait in the attachments queue
    assert documents == []
    from offa_desktop.ops.attachments import pending

    notes = pending(scans.device.folder)
    by_record: dict[str, list[str]] = {}
    for note in notes.values():
        by_record.setdefault(note["record"], []).append(note["file_name"])
    for rid in scans.packs:
        names = by_record.get(f"contracts/{rid}", [])
        copies = [n for n in names if "exemplaire" in n]
        assert len(copies) >= 2, (rid, names)  # 3 unless a whole copy's QR codes were missed
    drafts = {rid for rid, d in scans.packs.items() if d["status"] == "draft"}
    assert set(summary["signed"]) <= drafts
    for rid in summary["signed"]:
        data = records[("contracts", rid)]["data"]
        assert data["status"] == "signed" and data["signed_on"] is not None
    # each draft left unsigned says why (its rules), once
    assert stderr.count("pas marqué signé") == len(drafts - set(summary["signed"]))
    assert all(op["collection"] == "contracts" for op in ops)
    assert len(ops) == len(summary["signed"])

    # one sync: the documents go up and come back as records of the server
    report = scans.device.sync_here()
    assert report.documents == len(notes) and report.documents_refused == 0
    records, ops, _ = scans.device.dump()
    assert ops == []
    synced = [r["data"] for (c, _i), r in records.items() if c == "documents"]
    assert len(synced) == len(notes)
    for rid in summary["signed"]:
        assert records[("contracts", rid)]["data"]["status"] == "signed"

    # imported again: every copy is recognised by its hash, nothing new attached or signed
    code, again, stderr = run_scans(scans.device.folder, str(scans.folder))
    assert again["matched"] == 0 and again["signed"] == []
    assert again["duplicates"] == summary["matched"]
    assert again["to_assign"] == summary["to_assign"]
    assert len(scan_inbox.pages(scans.device.folder)) == len(waiting)  # kept once
    assert pending(scans.device.folder) == {}
    scans.device.close()
    assert os.path.exists(scans.device.folder)
