"""The demo users: the accounts the embedded server creates and the demo logs in with.

Ids are fixed (UUID 5 of the username) so that demo records (visits' ``visitor_id``) and the
server's ``users`` reference collection agree on every machine.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

_NAMESPACE = uuid.UUID("5b0e3a8c-7f1d-4e0b-9a51-0ffa0de70000")


@dataclass(frozen=True)
class DemoAccount:
    """One demo user account (API.md "Roles and scope")."""

    username: str
    password: str
    role: str  # coach | secretariat | offa
    display_name: str
    operator: str | None = None  # operator code, for secretariats
    sectors: tuple[str, ...] = field(default_factory=tuple)  # for coaches
    email: str | None = None

    @property
    def id(self) -> str:
        return str(uuid.uuid5(_NAMESPACE, self.username))

    def user_record(self) -> dict[str, Any]:
        """The account as a record of the ``users`` reference collection (API-shaped)."""
        return {
            "display_name": self.display_name,
            "role": self.role,
            "operator_code": self.operator,
            "sectors": list(self.sectors) or None,
            "email": self.email,
            "phone": None,
        }


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "secretariat",
        "secretariat-demo",
        "secretariat",
        "Sophie Lambert (IFAPME)",
        operator="ifapme",
        email="sophie.lambert@demo.offa.be",
    ),
    DemoAccount(
        "secretariat-bxl",
        "secretariat-bxl-demo",
        "secretariat",
        "Karim El Amrani (SFPME)",
        operator="sfpme",
        email="karim.elamrani@demo.offa.be",
    ),
    DemoAccount(
        "coach",
        "coach-demo",
        "coach",
        "Julien Dubois (coach sectoriel)",
        sectors=("construction", "alimentation", "horeca"),
        email="julien.dubois@demo.offa.be",
    ),
    DemoAccount(
        "coach-bxl",
        "coach-bxl-demo",
        "coach",
        "Anna Kowalczyk (représentante sectorielle)",
        sectors=("commerce", "coiffure", "automobile", "industrie", "soins"),
        email="anna.kowalczyk@demo.offa.be",
    ),
    DemoAccount(
        "offa",
        "offa-demo",
        "offa",
        "Marie Lejeune (OFFA)",
        email="marie.lejeune@demo.offa.be",
    ),
)

# The account ``offa-desktop --demo`` signs in with.
DEFAULT_ACCOUNT = DEMO_ACCOUNTS[0]


def account(username: str) -> DemoAccount:
    """The demo account of ``username``; KeyError when there is none."""
    for found in DEMO_ACCOUNTS:
        if found.username == username:
            return found
    raise KeyError(username)
