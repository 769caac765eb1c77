"""Free texts: every Unicode control character (category Cc) refused, line breaks and tabs
admitted where notes allow them; the regular expression of texts.py against unicodedata."""

from __future__ import annotations

import sys
import unicodedata

from offa_desktop.domain.texts import LONGTEXT_MAX, text_problem

CONTROL = "contient un caractère de contrôle non admis."


def test_control_characters_are_unicodes_category_cc() -> None:
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:  # surrogates: not text
            continue
        char = chr(code)
        control = unicodedata.category(char) == "Cc"
        assert (text_problem(f"a{char}b") == CONTROL) is control, hex(code)
        lines_ok = control and char not in "\n\r\t"
        assert (text_problem(f"a{char}b", LONGTEXT_MAX, newlines=True) == CONTROL) is lines_ok


def test_plain_text_and_its_limits() -> None:
    assert text_problem("Rue de l'Église 12") is None
    assert text_problem("ligne 1\nligne 2", LONGTEXT_MAX, newlines=True) is None
    assert text_problem("ligne 1\nligne 2") == CONTROL
    assert text_problem("   ") == "ne peut pas être vide."
    assert text_problem(12) == "du texte est attendu."
    assert text_problem("x" * 201) == "200 caractères au maximum (201 donnés)."
