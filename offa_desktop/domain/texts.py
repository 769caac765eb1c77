"""Free text as API.md allows it: 1 to 200 characters (notes and comments 5,000), no control
characters (notes and comments may hold line breaks and tabs)."""

from __future__ import annotations

import re

TEXT_MAX = 200
LONGTEXT_MAX = 5000
# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F; one
# regular expression finds them (a loop over unicodedata.category was most of a push's checks).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text_problem(value: object, maximum: int = TEXT_MAX, *, newlines: bool = False) -> str | None:
    """Why a free text is not acceptable (French, without the field's label), or None."""
    if not isinstance(value, str):
        return "du texte est attendu."
    if not value.strip():
        return "ne peut pas être vide."
    if len(value) > maximum:
        return f"{maximum} caractères au maximum ({len(value)} donnés)."
    if (_CONTROLS_BUT_LINES if newlines else _CONTROLS).search(value):
        return "contient un caractère de contrôle non admis."
    return None
