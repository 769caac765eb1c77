"""Free text as API.md allows it: 1 to 200 characters (notes and comments 5,000), no control
characters (notes and comments may hold line breaks and tabs)."""

from __future__ import annotations

import unicodedata

TEXT_MAX = 200
LONGTEXT_MAX = 5000
_LONGTEXT_CONTROLS = {"\n", "\r", "\t"}


def text_problem(value: object, maximum: int = TEXT_MAX, *, newlines: bool = False) -> str | None:
    """Why a free text is not acceptable (French, without the field's label), or None."""
    if not isinstance(value, str):
        return "du texte est attendu."
    if not value.strip():
        return "ne peut pas être vide."
    if len(value) > maximum:
        return f"{maximum} caractères au maximum ({len(value)} donnés)."
    for char in value:
        if unicodedata.category(char) == "Cc" and not (newlines and char in _LONGTEXT_CONTROLS):
            return "contient un caractère de contrôle non admis."
    return None
