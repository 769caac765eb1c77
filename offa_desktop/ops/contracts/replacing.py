"""Cancel and replace ("Annuler et remplacer"): a signed contract with an error is not retyped.

Its data are copied into a new draft that names it in ``supersedes_id``; the user corrects the
draft and has it signed. When it is signed the server (the domain's side effect) ends the old
contract with reason ``replaced`` («remplacé»); the overlap and capacity rules ignore the pair.
The chain (what a contract replaces, what replaced it) is shown on screen, in the history and on
the prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from offa_desktop.domain.contracts import RUNNING, STATUS_FR
from offa_desktop.domain.validation import Problem, ValidationError
from offa_desktop.domain.values import format_date_fr, parse_date
from offa_desktop.ops.records import writes
from offa_desktop.ops.records.history import RecordHistory, record_history
from offa_desktop.ops.records.writes import Saved
from offa_desktop.printing.facts import reference
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext
from offa_desktop.store.search import describe

# What the replacement does not take over: its own life starts again as a draft.
NOT_COPIED = ("status", "signed_on", "supersedes_id")


def can_replace(contract: dict[str, Any]) -> bool:
    """Only a signed contract (signed, active, suspended) is replaced; a draft is edited."""
    return contract.get("status") in RUNNING


def replace(wc: WorkingCopy, contract_id: str) -> Saved:
    """A new draft with the contract's data, naming it in ``supersedes_id``. ValidationError
    (French) when the contract is not signed or already has a replacement in the copy."""
    with wc.session() as db:
        contract = queries.get(db, "contracts", contract_id)
        existing = StoreContext(db).find("contracts", supersedes_id=contract_id)
    if contract is None:
        raise ValidationError([Problem("", "not_found", "Ce contrat n'existe plus.")])
    if not can_replace(contract):
        raise ValidationError([Problem("status", "invalid",
                                       "Seul un contrat signé s'annule et se remplace ; un projet "
                                       "se corrige directement.")])  # fmt: skip
    if existing:
        message = "Ce contrat a déjà un remplaçant : ouvrez-le plutôt."
        raise ValidationError([Problem("supersedes_id", "already_replaced", message)])
    data = {k: v for k, v in contract.items() if k not in NOT_COPIED}
    data.update({"status": "draft", "signed_on": None, "supersedes_id": contract_id})
    return writes.create(wc, "contracts", data)


@dataclass(frozen=True)
class Link:
    """One contract of a replacement chain, in words."""

    id: str
    title: str
    status: str | None
    start_date: str | None
    signed_on: str | None


def chain(wc: WorkingCopy, contract_id: str) -> tuple[list[Link], list[Link]]:
    """(the contracts this one replaces, oldest first; those that replace it, in order)."""
    before: list[Link] = []
    after: list[Link] = []
    with wc.session() as db:
        ctx = StoreContext(db)
        seen = {contract_id}
        current = queries.get(db, "contracts", contract_id) or {}
        while (
            isinstance(current.get("supersedes_id"), str) and current["supersedes_id"] not in seen
        ):
            old_id = current["supersedes_id"]
            seen.add(old_id)
            old = queries.get(db, "contracts", old_id)
            if old is None:
                break
            before.insert(0, _link(db, old_id, old))
            current = old
        following = contract_id
        while True:
            nxt = [
                (i, d) for i, d in ctx.find("contracts", supersedes_id=following) if i not in seen
            ]
            if not nxt:
                break
            next_id, data = sorted(nxt, key=lambda item: str(item[1].get("status") == "draft"))[0]
            seen.add(next_id)
            after.append(_link(db, next_id, dict(data)))
            following = next_id
    return before, after


def _link(db: Any, record_id: str, data: dict[str, Any]) -> Link:
    """A contract of the chain by its name and its printed reference (a contract and its
    replacement have the same learner and company: the name alone does not tell them apart)."""
    title = f"{describe(db, 'contracts', record_id)}, réf. {reference(record_id)}"
    return Link(record_id, title, data.get("status"), data.get("start_date"),
                data.get("signed_on"))  # fmt: skip


def chain_lines(wc: WorkingCopy, contract_id: str) -> list[str]:
    """The chain in French, oldest first, this contract marked: «Contrat … (rompu) — remplacé
    par», «→ ce contrat», «Contrat … (signé le 20/08/2025) — remplaçant»."""
    before, after = chain(wc, contract_id)
    if not before and not after:
        return []
    lines = [f"{_words(link)} — remplacé" for link in before]
    lines.append("→ ce contrat" + (" — remplacé" if after else ""))
    lines += [f"{_words(link)} — remplaçant" for link in after]
    return lines


def _words(link: Link) -> str:
    status = STATUS_FR.get(str(link.status), str(link.status))
    signed = f", signé le {format_date_fr(parse_date(link.signed_on))}" if link.signed_on else ""
    return f"{link.title} ({status}{signed})"


def history_with_chain(session: Any, collection: str, record_id: str) -> RecordHistory:
    """A record's history (server audit and unsent edits) and, for a contract, its chain of
    replacements."""
    found = record_history(session, collection, record_id)
    if collection == "contracts":
        found.chain = chain_lines(session.wc, record_id)
    return found
