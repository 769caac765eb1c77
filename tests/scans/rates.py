"""The scan matching rate of a run, printed in pytest's closing summary (``tests/conftest.py``)
so ``make test`` and CI show it without ``-s``: the rate and each page left for a person."""

from __future__ import annotations

LINES: list[str] = []


def note(line: str, misses: list[str]) -> None:
    LINES.append(line)
    LINES.extend(f"  to assign: {miss}" for miss in misses)
