"""Registers the DejaVu fonts shipped in resources/fonts once per process.

reportlab's built-in fonts lack letters such as ł ő ș ț; DejaVu has them all and is embedded
(subset) in every PDF.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from offa_desktop import resources

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"


@cache
def register() -> None:
    """Register the three faces and map bold/italic so ``<b>`` and ``<i>`` work in paragraphs."""
    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resources.path("fonts", f"{name}.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)  # no bold oblique face is shipped
