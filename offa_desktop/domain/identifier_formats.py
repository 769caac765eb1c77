"""How people read the identifiers (wire form -> dotted form), re-exported by identifiers.py.

Apart from identifiers.py so that the window's lists, which show them before the first paint,
load neither the checks (python-stdnum) nor the schema and problems they import.
"""

from __future__ import annotations


def format_niss(niss: str) -> str:
    """``85073003328`` -> ``85.07.30-033.28`` (how people read it: python-stdnum's format)."""
    if len(niss) != 11 or not niss.isdigit():
        return niss
    return f"{niss[:2]}.{niss[2:4]}.{niss[4:6]}-{niss[6:9]}.{niss[9:]}"


def format_enterprise_number(number: str) -> str:
    """``0428759497`` -> ``0428.759.497`` (the BCE's way); a unit number likewise
    ``2.123.456.789``."""
    if len(number) != 10 or not number.isdigit():
        return number
    if number[0] in "01":
        return f"{number[:4]}.{number[4:7]}.{number[7:]}"
    return f"{number[0]}.{number[1:4]}.{number[4:7]}.{number[7:]}"


def format_iban(iban: str) -> str:
    """``BE71096123456769`` -> ``BE71 0961 2345 6769``."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
