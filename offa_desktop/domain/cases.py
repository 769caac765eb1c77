"""The life of a case beyond the contract (issue 18): Stage+ offers and referrals to the
Commission d'agrément et de médiation.

- A **Stage+ offer** is posted per *granted* approval (unit × trade): its unit and trade are the
  approval's; ``draft`` → ``published`` → ``closed`` (a draft may be closed without being
  published); a published offer has its publication date, a closed one its closing date; an
  offer is created, or published, only while its approval is granted.
- A **referral** (saisine) brings a contract problem or an approval disagreement to the
  Commission: ``referred`` → ``in_mediation`` → ``settled`` | ``decided`` (the Commission may
  decide without a mediation: ``referred`` → ``decided``); it names a contract or an approval
  as its ``subject`` says, of the referring operator; a mediation has its date; a settled or
  decided referral has its closing date and its outcome; the dates follow each other.
"""

from __future__ import annotations

from offa_desktop.domain.access import get_date
from offa_desktop.domain.choices import REFERRAL_WAITING
from offa_desktop.domain.problems import Problem, Record, RuleContext, problem
from offa_desktop.domain.transitions import StatusMachine
from offa_desktop.domain.values import format_date_fr

OFFER_STATUS_FR = {"draft": "en préparation", "published": "publiée", "closed": "clôturée"}
OFFERS = StatusMachine(
    "stage_offers",
    {"draft": frozenset({"published", "closed"}), "published": frozenset({"closed"})},
    OFFER_STATUS_FR,
    "une offre",
)
REFERRAL_STATUS_FR = {
    "referred": "saisie",
    "in_mediation": "en médiation",
    "settled": "conciliée",
    "decided": "tranchée",
}
REFERRALS = StatusMachine(
    "mediation_referrals",
    {
        "referred": frozenset({"in_mediation", "decided"}),
        "in_mediation": frozenset({"settled", "decided"}),
    },
    REFERRAL_STATUS_FR,
    "une saisine",
)
TRANSFER_STATUS_FR = {
    "requested": "demandée",
    "accepted": "acceptée",
    "refused": "refusée",
    "cancelled": "annulée",
}
TRANSFERS = StatusMachine(
    "learner_transfers",
    {"requested": frozenset({"accepted", "refused", "cancelled"})},
    TRANSFER_STATUS_FR,
    "une mobilité",
)
# Statuses of a referral still waiting on the Commission (the radar shows them).
WAITING = REFERRAL_WAITING
MAX_PLACES = 99
ELSEWHERE = "l'apprenant n'est pas inscrit chez cet opérateur."
CLOSING = "à remplir pour une saisine conciliée ou tranchée."


def offer_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    old = previous.get("status") if previous else None
    status = data.get("status")
    out = OFFERS.change_problems(data, previous)
    places = data.get("places")
    if isinstance(places, int) and not isinstance(places, bool) and not 1 <= places <= MAX_PLACES:
        out.append(problem("stage_offers", "places", "invalid",
                           f"entre 1 et {MAX_PLACES} places."))  # fmt: skip
    if status == "published" and data.get("published_on") is None:
        out.append(problem("stage_offers", "published_on", "required",
                           "requise pour une offre publiée."))  # fmt: skip
    if status == "closed" and data.get("closed_on") is None:
        out.append(problem("stage_offers", "closed_on", "required",
                           "requise pour une offre clôturée."))  # fmt: skip
    published, closed = get_date(data, "published_on"), get_date(data, "closed_on")
    if published is not None and closed is not None and closed < published:
        out.append(problem("stage_offers", "closed_on", "invalid",
                           f"avant la publication ({format_date_fr(published)})."))  # fmt: skip
    approval_id = data.get("approval_id")
    approval = ctx.get("approvals", approval_id) if isinstance(approval_id, str) else None
    if approval is None:
        return out  # an unknown reference is the reference check's to say
    for name in ("establishment_unit_id", "trade_code"):
        if data.get(name) is not None and data.get(name) != approval.get(name):
            out.append(problem("stage_offers", name, "approval_mismatch",
                               "n'est pas celui de l'agrément de l'offre."))  # fmt: skip
    moved = previous is None or previous.get("approval_id") != approval_id
    publishing = status == "published" and old != "published"
    if (moved or publishing) and status != "closed" and approval.get("status") != "granted":
        out.append(problem("stage_offers", "approval_id", "approval_not_granted",
                           "une offre Stage+ se publie pour un agrément accordé."))  # fmt: skip
    return out


def referral_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    status = data.get("status")
    out = REFERRALS.change_problems(data, previous)
    subject = data.get("subject")
    named, other = ("contract_id", "approval_id") if subject == "contract" else (
        "approval_id", "contract_id")  # fmt: skip
    if subject in ("contract", "approval"):
        if data.get(named) is None:
            out.append(problem("mediation_referrals", named, "required",
                               "requis pour cet objet de saisine."))  # fmt: skip
        if data.get(other) is not None:
            out.append(problem("mediation_referrals", other, "invalid",
                               "une saisine porte sur un contrat ou sur un agrément, "
                               "pas les deux."))  # fmt: skip
        target_id = data.get(named)
        collection = "contracts" if subject == "contract" else "approvals"
        target = ctx.get(collection, target_id) if isinstance(target_id, str) else None
        operator = data.get("operator_code")
        if target is not None and operator is not None and target.get("operator_code") != operator:
            out.append(problem("mediation_referrals", "operator_code", "invalid",
                               "seul l'opérateur du dossier saisit la Commission."))  # fmt: skip
    if status == "in_mediation" and data.get("mediation_on") is None:
        out.append(problem("mediation_referrals", "mediation_on", "required",
                           "requise pour une saisine en médiation."))  # fmt: skip
    if status in ("settled", "decided"):
        for name in ("closed_on", "outcome"):
            if data.get(name) is None:
                out.append(problem("mediation_referrals", name, "required", CLOSING))
    dates = [(n, get_date(data, n)) for n in ("referred_on", "mediation_on", "closed_on")]
    known = [(n, d) for n, d in dates if d is not None]
    for (before_name, before), (name, after) in zip(known, known[1:], strict=False):
        if after < before:
            out.append(problem("mediation_referrals", name, "invalid",
                               f"avant la {_DATE_FR[before_name]} "
                               f"({format_date_fr(before)})."))  # fmt: skip
    return out


_DATE_FR = {"referred_on": "saisine", "mediation_on": "médiation", "closed_on": "clôture"}


def transfer_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """A learner's move between operators: two different operators; the learner (by NISS)
    is the sending operator's while the move is asked and decided (checked where the copy
    holds the learner: the server always does); a decision has its date."""
    old = previous.get("status") if previous else None
    status = data.get("status")
    out = TRANSFERS.change_problems(data, previous)
    source, target = data.get("from_operator"), data.get("to_operator")
    if source is not None and source == target:
        out.append(problem("learner_transfers", "to_operator", "invalid",
                           "doit être un autre opérateur que celui d'origine."))  # fmt: skip
    if status in ("accepted", "refused") and data.get("decided_on") is None:
        out.append(problem("learner_transfers", "decided_on", "required",
                           "requise pour une mobilité acceptée ou refusée."))  # fmt: skip
    niss = data.get("niss")
    asked = status == "requested" or (status == "accepted" and old != status)
    if isinstance(niss, str) and asked:
        found = ctx.find("learners", niss=niss)
        if not found and ctx.full_scope:
            out.append(problem("learner_transfers", "niss", "not_found",
                               "aucun apprenant avec ce NISS."))  # fmt: skip
        for _id, learner in found:
            if learner.get("operator_code") != source:
                out.append(problem("learner_transfers", "from_operator", "invalid", ELSEWHERE))
    return out
