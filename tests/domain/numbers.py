"""Valid Belgian numbers made with the mod-97 formula (independently of python-stdnum)."""

from __future__ import annotations

from datetime import date


def make_niss(born: date, counter: int = 33, *, bis_offset: int = 0) -> str:
    """A national register number (``bis_offset`` 20 or 40 for a BIS number)."""
    base = f"{born.year % 100:02d}{born.month + bis_offset:02d}{born.day:02d}{counter:03d}"
    checked = int(("2" if born.year >= 2000 else "") + base)
    return f"{base}{97 - checked % 97:02d}"


def make_enterprise_number(body: int) -> str:
    """A BCE enterprise number from an 8-digit body starting with 0 or 1 (e.g. 4287594)."""
    base = f"{body:08d}"
    return f"{base}{97 - int(base) % 97:02d}"


def make_unit_number(body: int) -> str:
    """An establishment unit number from an 8-digit body starting with 2 to 8."""
    base = f"{body:08d}"
    return f"{base}{97 - int(base) % 97:02d}"
