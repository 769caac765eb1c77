"""Use cases of the incentive claims: a company's claims of a school year with their
eligibility checks (the domain's ``incentives``), and their status changes (OFFA staff)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from offa_desktop.domain.incentives import all_passed, checks_to_api, claim_checks
from offa_desktop.domain.record_rules import CLAIM_TRANSITIONS
from offa_desktop.ops import workflows
from offa_desktop.ops.records import Saved
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext

CHECK_NAMES_FR = {
    "region": "région de l'unité d'établissement",
    "no_staff": "indépendant sans personnel",
    "first_contract": "premier contrat",
    "certified_tutor": "tuteur agréé",
    "once": "une seule prime P1",
    "starts_level_a": "début au niveau A",
    "days_270": "270 jours la première année",
    "passed_or_level_b": "année réussie ou passage au niveau B",
    "learners_1_to_4": "1 à 4 apprenants",
    "six_months": "6 mois de tutorat",
    "contract": "contrat",
    "tutor": "tuteur",
    "start": "date de début",
}


@dataclass
class ClaimRow:
    """A claim as the view shows it: learners' names, and the checks computed now on the
    local copy (``checks``: name -> (passed, note))."""

    id: str
    data: dict[str, Any]
    learners: str
    checks: dict[str, tuple[bool, str]] = field(default_factory=dict)

    @property
    def eligible(self) -> bool:
        return all_passed(self.checks)


def school_years(wc: WorkingCopy, company_id: str) -> list[str]:
    """School years in which the company has claims, latest first."""
    years = {str(c.get("school_year")) for _, c in workflows.find(
        wc, "incentive_claims", company_id=company_id)}
    return sorted(years, reverse=True)


def claims(wc: WorkingCopy, company_id: str, school_year: str | None) -> list[ClaimRow]:
    """The company's claims of ``school_year`` (all years when None), checks computed."""
    with wc.session() as db:
        ctx = StoreContext(db)
        found = ctx.find("incentive_claims", company_id=company_id)
        out = []
        for claim_id, claim in sorted(found, key=lambda c: (str(c[1].get("kind_code")), c[0])):
            if school_year is not None and claim.get("school_year") != school_year:
                continue
            names = []
            for contract_id in claim.get("contract_ids") or []:
                contract = ctx.get("contracts", contract_id) or {}
                learner = ctx.get("learners", str(contract.get("learner_id"))) or {}
                names.append(f"{learner.get('last_name') or ''} {learner.get('first_name') or ''}"
                             .strip())
            out.append(ClaimRow(claim_id, dict(claim), ", ".join(names),
                                claim_checks(ctx, claim)))
    return out


def next_statuses(claim: Mapping[str, Any]) -> list[str]:
    """The statuses a claim may move to (Brussels kinds stop at eligible / not eligible)."""
    status = str(claim.get("status"))
    allowed = sorted(CLAIM_TRANSITIONS.get(status, frozenset()))
    if str(claim.get("kind_code")).startswith("bxl_"):
        allowed = [s for s in allowed if s not in ("approved", "paid")]
    return allowed


def set_status(
    wc: WorkingCopy, claim_id: str, status: str, *, paid_on: str | None = None
) -> Saved:
    """Move a claim to ``status``, storing the checks as computed now (and the payment
    date of a paid claim)."""
    with wc.session() as db:
        ctx = StoreContext(db)
        claim = ctx.get("incentive_claims", claim_id) or {}
        checks = claim_checks(ctx, claim)
    fields: dict[str, Any] = {"status": status}
    if checks:
        fields["checks"] = checks_to_api(checks)
    if paid_on is not None:
        fields["paid_on"] = paid_on
    return workflows.save(wc, "incentive_claims", claim_id, fields)
