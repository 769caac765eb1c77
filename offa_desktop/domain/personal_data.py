"""What is « about » a person, for a request of their data (GDPR art. 15, issue 16): one rule
for the server's full history and the client's ZIP.

From a learner: the learner, their contracts, those contracts' events, visits, the incentive
claims and referrals to the Commission naming them, the mobility requests naming the learner's
NISS, and the documents of each of those records. From a tutor: the tutor, the
contracts, approvals and incentive claims naming them, and the documents of each. ``about``
walks these steps with a ``find(collection, field, value) -> ids`` of the caller's store (the
server's index, the client's tables); a document's ``record`` is ``<collection>/<id>``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

PERSON_COLLECTIONS = ("learners", "tutors")
# collection -> the (collection, field) that name one of its records and are about the person
_DOCS = ("documents", "record")
_STEPS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "learners": {
        "learners": (("contracts", "learner_id"), _DOCS),
        "contracts": (
            ("contract_events", "contract_id"),
            ("visits", "contract_id"),
            ("incentive_claims", "contract_ids"),
            ("mediation_referrals", "contract_id"),
            _DOCS,
        ),
        "contract_events": (_DOCS,),
        "visits": (_DOCS,),
        "incentive_claims": (_DOCS,),
        "mediation_referrals": (_DOCS,),
        "learner_transfers": (_DOCS,),
    },
    "tutors": {
        "tutors": (
            ("contracts", "tutor_id"),
            ("approvals", "tutor_ids"),
            ("incentive_claims", "tutor_id"),
            _DOCS,
        ),
    },
}
# The order of a file's sections (and of its JSON).
ORDER = (
    "learners", "tutors", "contracts", "contract_events", "visits", "approvals",
    "incentive_claims", "mediation_referrals", "learner_transfers", "documents",
)  # fmt: skip
# Records that name a learner by NISS rather than by id (a mobility asked by another operator).
_BY_NISS = (("learner_transfers", "niss"),)

Find = Callable[[str, str, str], Iterable[str]]


def about(
    collection: str, person_id: str, find: Find, person: Mapping[str, Any] | None = None
) -> dict[str, list[str]]:
    """Every record about the person ``collection/person_id`` (its data ``person``, for the
    records naming a learner by NISS): collection -> sorted ids (the person included),
    whichever records ``find`` can see."""
    steps = _STEPS[collection]
    found: dict[str, set[str]] = {collection: {person_id}}
    todo = [(collection, person_id)]
    niss = (person or {}).get("niss") if collection == "learners" else None
    if isinstance(niss, str) and niss:
        for target, field in _BY_NISS:
            for other in find(target, field, niss):
                if other not in found.setdefault(target, set()):
                    found[target].add(other)
                    todo.append((target, other))
    while todo:
        coll, rid = todo.pop()
        for target, field in steps.get(coll, ()):
            value = f"{coll}/{rid}" if (target, field) == _DOCS else rid
            for other in find(target, field, value):
                if other not in found.setdefault(target, set()):
                    found[target].add(other)
                    todo.append((target, other))
    return {c: sorted(found[c]) for c in ORDER if found.get(c)}
