"""Valid, unique Belgian identifiers for demo data (checked against python-stdnum in tests)."""

from __future__ import annotations

import random
from datetime import date
from typing import Any


class FastRandom(random.Random):
    """random.Random with cheaper ``randint`` and ``choice`` (from one ``random()`` each):
    demo data needs speed, not the last bit of uniformity. Deterministic for a seed."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]


def niss(born: date, serial: int) -> str:
    """The national register number of someone born on ``born`` with serial 1-997 (odd: man,
    even: woman); the check digits include the leading 2 for births from 2000."""
    first = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial:03d}"
    number = int(("2" if born.year >= 2000 else "") + first)
    return first + f"{97 - number % 97:02d}"


def mod97_number(lead: str, base: int, width: int = 7) -> str:
    """``lead`` + ``base`` on ``width`` digits + two check digits (97 - n mod 97): BCE enterprise
    numbers (lead 0 or 1) and establishment unit numbers (lead 2 to 8)."""
    first = f"{lead}{base:0{width}d}"
    return first + f"{97 - int(first) % 97:02d}"


# Bank codes (first 3 digits of a Belgian account) that python-stdnum's registry knows: BNP
# Paribas Fortis, Belfius, ING, KBC/CBC, Crelan, Argenta, Keytrade, Van Breda.
BANK_CODES = (1, 10, 63, 68, 96, 140, 143, 310, 320, 340, 363, 370, 630, 645, 651, 732, 734,
              735, 736, 737, 738, 739, 750, 751, 850, 973, 979)  # fmt: skip


def iban_be(rng: random.Random) -> str:
    """A Belgian IBAN of a real bank code, with valid account (mod 97) and IBAN check digits."""
    account = rng.choice(BANK_CODES) * 10**7 + rng.randrange(10**7)
    check = account % 97 or 97
    bban = f"{account:010d}{check:02d}"
    digits = int(bban + "1114" + "00")  # B=11, E=14
    return f"BE{98 - digits % 97:02d}{bban}"


class Serials:
    """Unique NISS: one serial counter per birth date and sex."""

    def __init__(self) -> None:
        self._next: dict[tuple[date, int], int] = {}

    def niss(self, born: date, woman: bool) -> str:
        key = (born, int(woman))
        serial = self._next.get(key, 2 if woman else 1)
        if serial > 997:
            raise ValueError("no serial left for this birth date")
        self._next[key] = serial + 2
        return niss(born, serial)


def uuid4_from(rng: random.Random) -> str:
    """A version 4 UUID drawn from ``rng`` (deterministic for a seed), as lowercase text."""
    value = (rng.getrandbits(128) & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC << 60) | (0x8 << 60)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
