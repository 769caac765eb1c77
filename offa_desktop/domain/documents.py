"""The kinds of printed documents, as the command line and the printing package name them (a
leaf: ``cli.py`` lists them without loading the printing package)."""

from __future__ import annotations

KINDS = (
    "contract",
    "amendment",
    "suspension",
    "termination",
    "approval",
    "visit",
    "blank-contract",
    "blank-visit",
)
BLANK_KINDS = ("blank-contract", "blank-visit")
