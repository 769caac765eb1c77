"""One copy's pages as one PDF, byte for byte the same for the same pages (so an import made
twice finds its documents by their hash).

PDF pages are imported from their file as they are (a scanner's images are not re-encoded);
a JPEG photo is embedded as it is, a PNG as pixels. A page that went through the scanner upside
down or sideways is turned upright (its QR code says how). pdfium writes the time and a random
file identifier: they are replaced by a fixed time and an identifier derived from the content.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence

import pypdfium2 as pdfium
from PIL import Image, ImageOps

from offa_desktop.scans.pages import JPEG, ScanPage

A4_WIDTH, A4_HEIGHT = 595.28, 841.89
_CREATED = re.compile(rb"/CreationDate\(D:(\d{14})")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def build(pages: Sequence[ScanPage]) -> bytes:
    """The PDF of ``pages``, in order."""
    out = pdfium.PdfDocument.new()
    try:
        for page in pages:
            index = len(out)
            source = page.file
            if source.pdf is not None:
                out.import_pages(source.pdf, [page.number - 1])
            else:
                _image_page(out, page)
            if page.turn:
                added = out[index]
                added.set_rotation((added.get_rotation() + page.turn) % 360)
                added.close()
        buffer = io.BytesIO()
        out.save(buffer)
    finally:
        out.close()
    return _fixed_id(buffer.getvalue())


def _image_page(doc: pdfium.PdfDocument, page: ScanPage) -> None:
    """A photo on a page of A4 width (height as the photo's proportions)."""
    source = page.file
    assert source.image is not None
    upright = ImageOps.exif_transpose(source.image)
    width, height = upright.size
    w = A4_WIDTH if width <= height else A4_HEIGHT
    h = w * height / width
    new = doc.new_page(w, h)
    image = pdfium.PdfImage.new(doc)
    if source.kind == JPEG and upright is source.image:
        image.load_jpeg(io.BytesIO(source.content), inline=False)
    else:
        mode = "L" if upright.mode in ("L", "1", "LA", "P") and _gray(upright) else "RGB"
        bitmap = pdfium.PdfBitmap.from_pil(upright.convert(mode))
        image.set_bitmap(bitmap)
        bitmap.close()
    image.set_matrix(pdfium.PdfMatrix().scale(w, h))
    new.insert_obj(image)
    new.gen_content()
    new.close()


def _gray(image: Image.Image) -> bool:
    """A palette image whose colours are all greys (a scanner's grey PNG)."""
    if image.mode != "P":
        return True
    colours = image.convert("RGB").getcolors(1 << 16) or []
    return bool(colours) and all(
        isinstance(rgb, tuple) and rgb[0] == rgb[1] == rgb[2] for _, rgb in colours
    )


def _fixed_id(pdf: bytes) -> bytes:
    """Replace pdfium's creation time and random ``/ID`` by a fixed time and a hash of the
    rest (same lengths: the offsets of the cross-reference table hold)."""
    pdf = _CREATED.sub(b"/CreationDate(D:19700101000000", pdf, count=1)
    found = list(_ID.finditer(pdf))
    if not found:
        return pdf
    last = found[-1]
    digest = hashlib.sha256(pdf[: last.start()] + pdf[last.end() :]).hexdigest().upper()
    out = bytearray(pdf)
    for group in (1, 2):
        start, end = last.span(group)
        out[start:end] = digest[: end - start].ljust(end - start, "0").encode()
    return bytes(out)
