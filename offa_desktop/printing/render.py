"""One entry point: a :class:`PrintData` in, the PDF's bytes out."""

from __future__ import annotations

from collections.abc import Callable

from offa_desktop.domain.documents import KINDS
from offa_desktop.printing import approval, contract, notices, visit
from offa_desktop.printing.data import PrintData

_RENDERERS: dict[str, Callable[[PrintData], bytes]] = {
    "contract": contract.render,
    "blank-contract": contract.render,
    "amendment": notices.render,
    "suspension": notices.render,
    "termination": notices.render,
    "approval": approval.render,
    "visit": visit.render,
    "blank-visit": visit.render,
}
assert set(_RENDERERS) == set(KINDS)


def render(data: PrintData) -> bytes:
    """The document of ``data.kind`` as PDF bytes; KeyError for an unknown kind."""
    return _RENDERERS[data.kind](data)
