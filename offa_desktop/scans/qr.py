"""The QR code of a printed page: decoded from a scan (zxing-cpp) and parsed back.

Printed by ``printing/facts.qr_text`` (one per page, the same on every page of a copy):
- a contract pack copy: ``offa:contracts/<id>?v=<version|local>&copy=<apprenant|entreprise|
  referent>``;
- any other record: ``offa:<collection>/<id>?v=<version|local>&doc=<kind>``;
- a blank form: ``offa:blank/<collection>?doc=<kind>`` (plus ``&copy=…``).
``tests/scans/test_scans.py`` pins the parser to the printer for every kind.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

import zxingcpp

from offa_desktop.domain.schema import COLLECTIONS

PREFIX = "offa:"
COPIES = ("apprenant", "entreprise", "referent")
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
_QUERY = re.compile(r"^[a-z_]+=[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class PaperRef:
    """What a page's QR code names: a record (or a blank form), its version, its copy."""

    collection: str
    record_id: str | None  # None: a blank form
    version: int | None  # None: printed before the record's first sync («version locale»)
    copy: str | None  # the contract pack's copy, else None
    doc: str | None  # the document kind of non-pack prints (``termination``, ``visit``…)

    @property
    def record(self) -> str | None:
        """``collection/id`` as documents name their record."""
        return None if self.record_id is None else f"{self.collection}/{self.record_id}"

    @property
    def blank(self) -> bool:
        return self.record_id is None


def parse(text: str) -> PaperRef | None:
    """The reference a QR text holds, or None when it is not one of ours (or is damaged)."""
    if not text.startswith(PREFIX):
        return None
    path, _, query = text[len(PREFIX) :].partition("?")
    params: dict[str, str] = {}
    for item in filter(None, query.split("&")):
        if not _QUERY.match(item):
            return None
        key, _, value = item.partition("=")
        params[key] = value
    head, _, tail = path.partition("/")
    copy = params.get("copy")
    if copy is not None and copy not in COPIES:
        return None
    if head == "blank":
        if tail not in COLLECTIONS:
            return None
        return PaperRef(tail, None, None, copy, params.get("doc"))
    if head not in COLLECTIONS or COLLECTIONS[head].reference:
        return None
    try:
        record_id = str(uuid.UUID(tail))
    except ValueError:
        return None
    if record_id != tail:
        return None
    raw = params.get("v")
    if raw is None:
        return None
    if raw == "local":
        version = None
    elif raw.isdigit():
        version = int(raw)
    else:
        return None
    if copy is None and params.get("doc") is None:
        return None
    return PaperRef(head, record_id, version, copy, params.get("doc"))


@dataclass(frozen=True)
class Decoded:
    """One QR code found on a page: its text, and how far the page is turned (0, 90, 180,
    270: the clockwise rotation that puts it upright)."""

    text: str
    turn: int


def decode(image: Any) -> list[Decoded]:
    """The QR codes of a page image (a PIL image, grayscale is best), ours first.

    zxing-cpp looks at every orientation and at downscaled copies (a photo of a page is
    large); its local binariser copes with uneven light and JPEG noise."""
    found = zxingcpp.read_barcodes(image, formats=QR_ONLY)
    out = [Decoded(b.text, _turn(b.orientation)) for b in found if b.valid and b.text]
    return sorted(out, key=lambda d: not d.text.startswith(PREFIX))


def _turn(orientation: int) -> int:
    """zxing's orientation (degrees the code is turned clockwise) to the clockwise quarter
    turn that puts the page upright."""
    return (-round(orientation / 90) * 90) % 360
