"""Which record rules run for which collection (used by ``validation.validate_record``), and the
small rule sets of learners, tutors, establishment units, visits and incentive claims."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from offa_desktop.domain import contract_rules, incentives
from offa_desktop.domain.access import changed, get_date
from offa_desktop.domain.approvals import approval_problems
from offa_desktop.domain.cases import offer_problems, referral_problems, transfer_problems
from offa_desktop.domain.checks import RecordRules
from offa_desktop.domain.contract_rules import contract_problems
from offa_desktop.domain.event_rules import event_problems
from offa_desktop.domain.identifiers import niss_birth_date
from offa_desktop.domain.problems import Problem, Record, RuleContext, problem
from offa_desktop.domain.radar import RULE_BY_CODE
from offa_desktop.domain.rules import representative_problems, tutor_record_problems
from offa_desktop.domain.values import format_date_fr

BRUSSELS_POSTAL_CODES = range(1000, 1300)


def learner_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """The birth date matches the NISS (when it encodes one); a minor today has a
    representative."""
    out: list[Problem] = []
    born = get_date(data, "birth_date")
    niss = data.get("niss")
    if (
        born is not None
        and isinstance(niss, str)
        and changed(data, previous, ("niss", "birth_date"))
    ):
        encoded = niss_birth_date(niss)
        if encoded is not None and encoded != born:
            out.append(
                problem(
                    "learners",
                    "birth_date",
                    "invalid",
                    f"ne correspond pas au NISS (né le {format_date_fr(encoded)}).",
                )
            )
    if born is not None and changed(data, previous, ("birth_date", "representative")):
        rep = data.get("representative")
        out += representative_problems(born, ctx.today(), rep if isinstance(rep, Mapping) else None)
    return out


def tutor_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """What the tutor declares holds (experience condition, "agréé")."""
    reads = ("condition", "experience_years", "entrepreneur_title", "training_hours", "certified")
    return tutor_record_problems(data) if changed(data, previous, reads) else []


def unit_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """A warning when the region does not match the postal code (Brussels: 1000 to 1299)."""
    code, region = data.get("postal_code"), data.get("region")
    if not isinstance(code, str) or not code.isdigit() or region not in ("wal", "bxl"):
        return []
    if not changed(data, previous, ("postal_code", "region")):
        return []
    if (int(code) in BRUSSELS_POSTAL_CODES) != (region == "bxl"):
        return [
            problem(
                "establishment_units",
                "region",
                "region_mismatch",
                f"le code postal {code} n'est pas dans cette région.",
                warning=True,
            )
        ]
    return []


def visit_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """Exactly one of approval and contract, matching the kind; a done visit has its date;
    answers only for points of its checklist; a done approval visit without an opinion is
    warned about."""
    out: list[Problem] = []
    kind = data.get("kind")
    has_approval, has_contract = (
        data.get("approval_id") is not None,
        data.get("contract_id") is not None,
    )
    if has_approval == has_contract:
        out.append(
            problem(
                "visits", "approval_id", "invalid", "indiquer soit un agrément, soit un contrat."
            )
        )
    elif kind == "approval" and not has_approval:
        out.append(
            problem("visits", "approval_id", "required", "requis pour une visite d'agrément.")
        )
    elif kind == "follow_up" and not has_contract:
        out.append(problem("visits", "contract_id", "required", "requis pour une visite de suivi."))
    if data.get("status") == "done" and data.get("visit_date") is None:
        out.append(problem("visits", "visit_date", "required", "requise pour une visite faite."))
    answers, code = data.get("answers"), data.get("checklist_code")
    if isinstance(answers, Mapping) and isinstance(code, str):
        out += _answers_in_checklist(answers, code, ctx)
    if data.get("status") == "done" and kind == "approval" and not data.get("opinion"):
        # the approval's decision rests on this opinion: said, never blocking (a report may
        # be saved on site and completed later)
        out.append(problem("visits", "opinion", "opinion_missing",
                           "à donner : le rapport d'une visite d'agrément faite est incomplet "
                           "sans avis.", warning=True))
    return out


def _answers_in_checklist(answers: Mapping[str, Any], code: str, ctx: RuleContext) -> list[Problem]:
    for template in ctx.reference("checklist_templates"):
        if template.get("code") == code:
            keys = {
                item.get("key") for item in template.get("items") or [] if isinstance(item, Mapping)
            }
            unknown = sorted(set(answers) - keys)
            if unknown:
                what = f"point(s) absent(s) de la grille : {', '.join(unknown)}."
                return [problem("visits", "answers", "invalid", what)]
    return []


CLAIM_TRANSITIONS: dict[str, frozenset[str]] = {
    "to_check": frozenset({"eligible", "not_eligible"}),
    "eligible": frozenset({"approved", "to_check"}),
    "not_eligible": frozenset({"to_check"}),
    "approved": frozenset({"paid"}),
    "paid": frozenset(),
}


def claim_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """Claim statuses: to_check -> eligible | not_eligible -> approved -> paid (Brussels kinds
    stop at eligible / not_eligible: Actiris pays them); a paid claim has its payment date."""
    out: list[Problem] = []
    status, old = data.get("status"), previous.get("status") if previous else None
    if (
        isinstance(old, str)
        and isinstance(status, str)
        and old != status
        and status not in CLAIM_TRANSITIONS.get(old, frozenset())
    ):
        out.append(
            problem(
                "incentive_claims",
                "status",
                "invalid_transition",
                f"passage de {old} à {status} impossible.",
            )
        )
    kind = data.get("kind_code")
    if isinstance(kind, str) and kind.startswith("bxl_") and status in ("approved", "paid"):
        out.append(
            problem(
                "incentive_claims",
                "status",
                "invalid",
                "les primes bruxelloises s'arrêtent à « éligible » : Actiris les paie.",
            )
        )
    if status == "paid" and data.get("paid_on") is None:
        out.append(
            problem("incentive_claims", "paid_on", "required", "requise pour une prime payée.")
        )
    # An override of the checks (rule ``incentive_checks``) is applied by validation, as every
    # override is (``overrides.apply``).
    out += incentives.approval_problems(ctx, data, previous)
    return out


def snooze_problems(
    record_id: str | None, data: Mapping[str, Any], previous: Mapping[str, Any] | None,
    ctx: RuleContext,
) -> list[Problem]:
    """A snooze names a radar rule and a record of that rule's collection."""
    out: list[Problem] = []
    rule = RULE_BY_CODE.get(str(data.get("rule")))
    if data.get("rule") is not None and rule is None:
        out.append(problem("snoozes", "rule", "invalid", "échéance inconnue."))
    record = data.get("record")
    if isinstance(record, str):
        collection, _, rid = record.partition("/")
        if (rule is not None and collection != rule.collection) or not _is_uuid(rid):
            out.append(problem("snoozes", "record", "invalid",
                               "attendu « collection/identifiant » de la fiche de l'échéance."))
    return out


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


RULES: dict[str, RecordRules] = {
    "contracts": contract_problems,
    "contract_events": event_problems,
    "approvals": approval_problems,
    "learners": learner_problems,
    "tutors": tutor_problems,
    "establishment_units": unit_problems,
    "visits": visit_problems,
    "incentive_claims": claim_problems,
    "snoozes": snooze_problems,
    "stage_offers": offer_problems,
    "mediation_referrals": referral_problems,
    "learner_transfers": transfer_problems,
}


def pending(collection: str, data: Mapping[str, Any]) -> list[str]:
    """Checks left to the server for a record of ``collection`` on a client."""
    if collection == "contracts":
        return contract_rules.pending(data)
    return []
