"""The rules of a contract record and when they run (DOMAIN.md "When rules run, and drafts").

- A ``draft`` is saved when each field given is valid alone: formats, date order and length,
  schedule limits, pay not under the minimum when level and start date are known.
- Cross-record rules (learner age and representative, approval granted, tutor, one running
  contract per learner, capacity) and missing fields are checked on the move to ``signed``.
- Rules run on create, on the move out of ``draft``, and on updates that change the fields they
  read: a later indexation, suspension or lower head count never blocks editing or terminating
  an old contract. Cross-record rules run for running contracts (signed/active/suspended) only,
  so history taken over with status terminated or ended is not judged by today's records.
- ``overlap`` and ``capacity`` need every operator's contracts: on a client they run on what the
  local copy holds and ``pending`` names them as checked again at sync.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from offa_desktop.domain import rules
from offa_desktop.domain.access import changed, get_date, get_int, get_money, reference_by_code
from offa_desktop.domain.checks import validate_with
from offa_desktop.domain.contracts import MACHINE, RUNNING, effective_end, running_on
from offa_desktop.domain.pay import minimum_monthly_pay
from offa_desktop.domain.problems import Problem, Record, RuleContext, problem
from offa_desktop.domain.values import format_date_fr

Check = Callable[[str | None, Record, RuleContext], list[Problem]]


@dataclass(frozen=True)
class ContractRule:
    """A named rule, the contract fields it reads, and whether it judges drafts."""

    name: str
    reads: tuple[str, ...]
    check: Check
    draft: bool = False
    full_scope: bool = False  # needs other operators' records
    label_fr: str = ""


def _found(field: str, code: str, what: str) -> list[Problem]:
    """The one problem a rule found, on a field of the contract."""
    return [problem("contracts", field, code, what)]


def _dates(_: str | None, data: Record, __: RuleContext) -> list[Problem]:
    start, end = get_date(data, "start_date"), get_date(data, "end_date")
    if start is None or end is None:
        return []
    return rules.contract_dates_problems(start, end)


def _schedule(_: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    schedule = data.get("schedule")
    if not isinstance(schedule, Mapping):
        return []
    trade = reference_by_code(ctx, "trades", data.get("trade_code"))
    return rules.schedule_problems(schedule, trade)


def _pay(_: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    start, pay, level = (
        get_date(data, "start_date"),
        get_money(data, "monthly_pay"),
        data.get("level"),
    )
    if start is None or pay is None or not isinstance(level, str):
        return []
    minimum = minimum_monthly_pay(ctx, level, start)
    return [] if minimum is None else rules.pay_problems(pay, minimum)


def _learner(_: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    start = get_date(data, "start_date")
    learner = ctx.get("learners", data["learner_id"]) if data.get("learner_id") else None
    born = get_date(learner, "birth_date") if learner else None
    if start is None or learner is None or born is None:
        return []  # a coach's copy holds learners' names only: the server checks
    trade = reference_by_code(ctx, "trades", data.get("trade_code")) or {}
    out = rules.learner_age_problems(born, start, get_int(trade, "max_age"))
    rep = learner.get("representative")
    out += rules.representative_problems(
        born, start, rep if isinstance(rep, Mapping) else None, collection="contracts"
    )
    return out


def _approval(_: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    start = get_date(data, "start_date")
    approval = ctx.get("approvals", data["approval_id"]) if data.get("approval_id") else None
    if approval is None or start is None:
        return []
    if approval.get("establishment_unit_id") != data.get("establishment_unit_id") or approval.get(
        "trade_code"
    ) != data.get("trade_code"):
        return _found(
            "approval_id",
            "approval_mismatch",
            "cet agrément vise une autre unité d'établissement ou un autre métier.",
        )
    decided = get_date(approval, "decided_on")
    if approval.get("status") != "granted" or (decided is not None and decided > start):
        return _found(
            "approval_id",
            "approval_not_granted",
            f"l'agrément n'est pas accordé au {format_date_fr(start)} pour cette unité et ce "
            "métier.",
        )
    return []


def _tutor(_: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    tutor = ctx.get("tutors", data["tutor_id"]) if data.get("tutor_id") else None
    if tutor is None:
        return []
    unit_id = data.get("establishment_unit_id")
    unit = ctx.get("establishment_units", unit_id) if unit_id else None
    company_id = unit.get("company_id") if unit else None
    return rules.contract_tutor_problems(tutor, company_id if isinstance(company_id, str) else None)


def _workplaces(_: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    ids = data.get("workplace_ids") or []
    unit_id = data.get("establishment_unit_id")
    unit = ctx.get("establishment_units", unit_id) if isinstance(unit_id, str) else None
    if unit is None:
        return []
    if unit_id in ids:
        return _found(
            "workplace_ids",
            "invalid",
            "l'unité d'établissement du contrat n'est pas un autre lieu.",
        )
    for other_id in ids:
        other = ctx.get("establishment_units", other_id)
        if other is not None and other.get("company_id") != unit.get("company_id"):
            return _found(
                "workplace_ids",
                "invalid",
                "les autres lieux de formation sont des unités de la même entreprise.",
            )
    return []


def _related(record_id: str | None, data: Record, other_id: str, other: Record) -> bool:
    """The other contract is this one, or one of a chain of superseding contracts."""
    return (
        other_id == record_id
        or other_id == data.get("supersedes_id")
        or (record_id is not None and other.get("supersedes_id") == record_id)
    )


def _supersedes(record_id: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    """A replacement ("Annuler et remplacer") replaces a signed contract of the same learner,
    and a contract is replaced once."""
    old_id = data.get("supersedes_id")
    old = ctx.get("contracts", old_id) if isinstance(old_id, str) else None
    if old is None:
        return []
    if old.get("status") == "draft":
        return _found(
            "supersedes_id",
            "invalid",
            "un projet se corrige, il ne se remplace pas : seul un contrat signé se remplace.",
        )
    if old.get("learner_id") != data.get("learner_id"):
        return _found(
            "supersedes_id", "invalid", "le contrat remplacé est celui d'un autre apprenant."
        )
    if data.get("status") != "draft":
        for other_id, other in ctx.find("contracts", supersedes_id=old_id):
            if other_id != record_id and other.get("status") != "draft":
                return _found(
                    "supersedes_id",
                    "already_replaced",
                    "ce contrat est déjà remplacé par un autre contrat signé.",
                )
    return []


def _overlap(record_id: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    start = get_date(data, "start_date")
    if start is None or not data.get("learner_id"):
        return []
    end = effective_end(ctx, record_id, data) or date.max
    for other_id, other in ctx.find("contracts", learner_id=data["learner_id"]):
        if _related(record_id, data, other_id, other) or other.get("status") == "draft":
            continue
        other_start = get_date(other, "start_date")
        other_end = effective_end(ctx, other_id, other) or date.max
        if other_start is not None and other_start <= end and start <= other_end:
            until = "" if other_end == date.max else f" au {format_date_fr(other_end)}"
            return _found(
                "learner_id",
                "overlap",
                f"cet apprenant a déjà un contrat du {format_date_fr(other_start)}{until} : "
                "un seul contrat à la fois.",
            )
    return []


def _capacity(record_id: str | None, data: Record, ctx: RuleContext) -> list[Problem]:
    start = get_date(data, "start_date")
    unit_id = data.get("establishment_unit_id")
    unit = ctx.get("establishment_units", unit_id) if unit_id else None
    company_id = unit.get("company_id") if unit else None
    company = ctx.get("companies", company_id) if isinstance(company_id, str) else None
    employees = get_int(company, "employee_count") if company else None
    if start is None or company_id is None or employees is None:
        return []
    at_company = with_tutor = 0
    for other_unit_id, _ in ctx.find("establishment_units", company_id=company_id):
        for other_id, other in ctx.find("contracts", establishment_unit_id=other_unit_id):
            if _related(record_id, data, other_id, other) or not running_on(
                ctx, other_id, other, start
            ):
                continue
            at_company += 1
            if data.get("tutor_id") and other.get("tutor_id") == data.get("tutor_id"):
                with_tutor += 1
    trade = reference_by_code(ctx, "trades", data.get("trade_code")) or {}
    return rules.capacity_problems(
        at_company, employees, with_tutor, get_int(trade, "max_learners_per_tutor")
    )


CONTRACT_RULES: tuple[ContractRule, ...] = (
    ContractRule("dates", ("start_date", "end_date"), _dates, draft=True),
    ContractRule("schedule", ("schedule", "trade_code"), _schedule, draft=True),
    ContractRule("pay", ("level", "start_date", "monthly_pay"), _pay, draft=True),
    ContractRule("learner", ("learner_id", "start_date", "trade_code"), _learner),
    ContractRule(
        "approval",
        ("approval_id", "establishment_unit_id", "trade_code", "start_date"),
        _approval,
    ),
    ContractRule("tutor", ("tutor_id", "establishment_unit_id"), _tutor),
    ContractRule("workplaces", ("workplace_ids", "establishment_unit_id"), _workplaces),
    ContractRule("supersedes", ("supersedes_id", "learner_id"), _supersedes, draft=True),
    ContractRule(
        "overlap",
        ("learner_id", "start_date", "end_date", "supersedes_id"),
        _overlap,
        full_scope=True,
        label_fr="un seul contrat à la fois par apprenant (tous opérateurs)",
    ),
    ContractRule(
        "capacity",
        ("establishment_unit_id", "tutor_id", "start_date", "trade_code"),
        _capacity,
        full_scope=True,
        label_fr="capacité d'accueil de l'entreprise et du tuteur (tous opérateurs)",
    ),
)


def contract_problems(
    record_id: str | None, data: Record, previous: Record | None, ctx: RuleContext
) -> list[Problem]:
    """The record rules of a contract after a change (see the module docstring)."""
    status = data.get("status")
    out = MACHINE.change_problems(data, previous)
    leaving_draft = previous is not None and previous.get("status") == "draft" and status != "draft"
    for rule in CONTRACT_RULES:
        if status == "draft" and not rule.draft:
            continue
        if not rule.draft and status not in RUNNING:
            continue
        if leaving_draft or changed(data, previous, rule.reads):
            out += rule.check(record_id, data, ctx)
    if data.get("supersedes_id") is not None and data.get("supersedes_id") == record_id:
        out.append(
            problem(
                "contracts", "supersedes_id", "invalid", "un contrat ne se remplace pas lui-même."
            )
        )
    return out


def signing_problems(
    contract: Mapping[str, Any], ctx: RuleContext, record_id: str | None = None
) -> list[Problem]:
    """Everything that would block the move of ``contract`` to ``signed`` (warnings included)."""
    draft = {**contract, "status": "draft"}
    signed = {**contract, "status": "signed"}
    return validate_with(
        "contracts", signed, previous=draft, ctx=ctx, record_id=record_id, rules=contract_problems
    )


def pending(data: Mapping[str, Any]) -> list[str]:
    """Names of the contract checks a client leaves to the server."""
    if data.get("status") == "draft":
        return []
    return [rule.label_fr for rule in CONTRACT_RULES if rule.full_scope]


__all__ = ["CONTRACT_RULES", "ContractRule", "contract_problems", "pending", "signing_problems"]
