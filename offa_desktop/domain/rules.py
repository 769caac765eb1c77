"""The rules of DOMAIN.md as named functions on plain values (dates, Decimals, dicts).

Each returns the Problems it finds (empty when the rule holds), with French messages naming the
field; ``contract_rules``, ``learner_rules`` and friends feed them from records and a context.
Codes: ``too_young``, ``under_16`` (warning), ``too_old``, ``representative_required``,
``before_start``, ``too_long``, ``too_many_hours``, ``too_few_hours``, ``day_too_long``,
``below_minimum``, ``overlap``, ``approval_not_granted``, ``approval_mismatch``, ``capacity``,
``tutor_capacity``, ``tutor_conditions``, ``criminal_record``, ``tutor_other_company``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from offa_desktop.domain.access import get_number
from offa_desktop.domain.choices import WEEKDAYS
from offa_desktop.domain.dates import age_on, latest_end_date
from offa_desktop.domain.problems import Problem, problem
from offa_desktop.domain.shapes import DAY_NAMES_FR, schedule_hours
from offa_desktop.domain.tutor_conditions import (  # (re-exported: the checks' vocabulary)
    CERTIFIED_TRAINING_HOURS as CERTIFIED_TRAINING_HOURS,
)
from offa_desktop.domain.tutor_conditions import DESIGNATED_YEARS as DESIGNATED_YEARS
from offa_desktop.domain.tutor_conditions import (
    DESIGNATED_YEARS_WITH_TITLE as DESIGNATED_YEARS_WITH_TITLE,
)
from offa_desktop.domain.tutor_conditions import tutor_is_certified as tutor_is_certified
from offa_desktop.domain.tutor_conditions import tutor_is_designated as tutor_is_designated
from offa_desktop.domain.values import format_date_fr, format_money_fr

MIN_AGE = 15
WARN_AGE = 16
MAJORITY = 18
DEFAULT_MAX_AGE = 25
DEFAULT_MAX_WEEKLY_HOURS = Decimal(38)
DEFAULT_MAX_DAILY_HOURS = Decimal(8)
MIN_COMPANY_HOURS = Decimal(20)

C = "contracts"


def _hours_fr(hours: Decimal) -> str:
    text = f"{hours.normalize():f}".replace(".", ",")
    return f"{text}\u00a0h"


def learner_age_problems(born: date, start: date, max_age: int | None) -> list[Problem]:
    """At least 15 (a warning under 16) and at most the trade's max_age (25 by default) on the
    contract's start date; reported on ``learner_id``."""
    age = age_on(born, start)
    limit = max_age if max_age is not None else DEFAULT_MAX_AGE
    if age < MIN_AGE:
        return [
            problem(
                C, "learner_id", "too_young", f"{age} ans au début du contrat (15 ans au moins)."
            )
        ]
    if age > limit:
        return [
            problem(
                C,
                "learner_id",
                "too_old",
                f"{age} ans au début du contrat ({limit} ans au plus pour ce métier).",
            )
        ]
    if age < WARN_AGE:
        return [
            problem(
                C,
                "learner_id",
                "under_16",
                "moins de 16 ans au début : vérifier deux années d'enseignement secondaire à "
                "temps plein.",
                warning=True,
            )
        ]
    return []


def is_minor(born: date, on: date) -> bool:
    """Under 18 on ``on``."""
    return age_on(born, on) < MAJORITY


def representative_problems(
    born: date, on: date, representative: Mapping[str, Any] | None, *, collection: str = "learners"
) -> list[Problem]:
    """A minor (under 18 on ``on``) needs a legal representative."""
    if representative or not is_minor(born, on):
        return []
    if collection == "learners":
        return [
            problem("learners", "representative", "required", "requis pour un apprenant mineur.")
        ]
    return [
        problem(
            collection,
            "learner_id",
            "representative_required",
            "apprenant mineur au début du contrat : indiquer son représentant légal.",
        )
    ]


def contract_dates_problems(start: date, end: date) -> list[Problem]:
    """The end comes after the start, and before the start + 6 years."""
    if end <= start:
        return [
            problem(
                C,
                "end_date",
                "before_start",
                f"doit suivre la date de début ({format_date_fr(start)}).",
            )
        ]
    latest = latest_end_date(start)
    if end > latest:
        return [
            problem(
                C,
                "end_date",
                "too_long",
                f"un contrat dure moins de 6 ans : au plus tard le {format_date_fr(latest)}.",
            )
        ]
    return []


def schedule_limits(trade: Mapping[str, Any] | None) -> tuple[Decimal, Decimal]:
    """(max weekly hours, max daily hours) of a trade (38 and 8 when it sets none)."""
    trade = trade or {}
    weekly = get_number(trade, "max_weekly_hours") or DEFAULT_MAX_WEEKLY_HOURS
    daily = get_number(trade, "max_daily_hours") or DEFAULT_MAX_DAILY_HOURS
    return weekly, daily


def schedule_problems(
    schedule: Mapping[str, Any], trade: Mapping[str, Any] | None
) -> list[Problem]:
    """Company + courses at most 38 h a week (or the trade's), company at least 20 h a week, at
    most 8 h a day (or the trade's) company and courses together."""
    max_weekly, max_daily = schedule_limits(trade)
    hours = schedule_hours(schedule)
    company = sum((h[0] for h in hours.values()), Decimal(0))
    total = sum((h[0] + h[1] for h in hours.values()), Decimal(0))
    out: list[Problem] = []
    if total > max_weekly:
        out.append(
            problem(
                C,
                "schedule",
                "too_many_hours",
                f"{_hours_fr(total)} par semaine en entreprise et aux cours "
                f"({_hours_fr(max_weekly)} au plus).",
            )
        )
    if company < MIN_COMPANY_HOURS:
        out.append(
            problem(
                C,
                "schedule",
                "too_few_hours",
                f"{_hours_fr(company)} par semaine en entreprise ({_hours_fr(MIN_COMPANY_HOURS)} "
                "au moins).",
            )
        )
    long_days = [day for day in WEEKDAYS if sum(hours[day]) > max_daily]
    if long_days:
        names = ", ".join(DAY_NAMES_FR[d] for d in long_days)
        out.append(
            problem(
                C, "schedule", "day_too_long", f"plus de {_hours_fr(max_daily)} par jour ({names})."
            )
        )
    return out


def pay_problems(
    monthly_pay: Decimal, minimum: Decimal, *, collection: str = C, field: str = "monthly_pay"
) -> list[Problem]:
    """``below_minimum`` when the pay is under the minimum of the level."""
    if monthly_pay < minimum:
        return [
            problem(
                collection,
                field,
                "below_minimum",
                f"{format_money_fr(monthly_pay)} est sous le minimum de "
                f"{format_money_fr(minimum)}.",
            )
        ]
    return []


# --- tutors ---------------------------------------------------------------------------------


def tutor_record_problems(tutor: Mapping[str, Any]) -> list[Problem]:
    """What a tutor record declares must hold: the experience condition needs the years, and
    "agréé" needs its own conditions."""
    out: list[Problem] = []
    if tutor.get("condition") == "experience" and not tutor_is_designated(tutor):
        out.append(
            problem(
                "tutors",
                "experience_years",
                "tutor_conditions",
                "5 ans d'expérience dans le métier (2 avec un titre de chef d'entreprise) sont "
                "requis.",
            )
        )
    if tutor.get("certified") is True and not tutor_is_certified(tutor):
        out.append(
            problem(
                "tutors",
                "certified",
                "tutor_conditions",
                "un tuteur agréé a 5 ans d'expérience et 8 h de formation de tuteur (ou un titre "
                "de validation).",
            )
        )
    return out


def contract_tutor_problems(tutor: Mapping[str, Any], company_id: str | None) -> list[Problem]:
    """The contract's tutor works in the unit's company, is désigné and has a criminal record
    extract."""
    out: list[Problem] = []
    if company_id is not None and tutor.get("company_id") != company_id:
        out.append(
            problem(
                C,
                "tutor_id",
                "tutor_other_company",
                "ce tuteur ne travaille pas dans cette entreprise.",
            )
        )
    if not tutor_is_designated(tutor):
        out.append(
            problem(
                C,
                "tutor_id",
                "tutor_conditions",
                "ce tuteur ne remplit pas les conditions de tuteur désigné.",
            )
        )
    if not tutor.get("criminal_record_date"):
        out.append(
            problem(
                C,
                "tutor_id",
                "criminal_record",
                "l'extrait de casier judiciaire (modèle II) du tuteur manque.",
            )
        )
    return out


def capacity_limit(employee_count: int) -> int:
    """How many learners a company may train at once: its employees, 1 if it has none."""
    return employee_count if employee_count > 0 else 1


def capacity_problems(
    running_at_company: int, employee_count: int, running_with_tutor: int, per_tutor: int | None
) -> list[Problem]:
    """``running_*`` count the OTHER contracts running on the start date; this one adds one."""
    out: list[Problem] = []
    limit = capacity_limit(employee_count)
    if running_at_company + 1 > limit:
        out.append(
            problem(
                C,
                "establishment_unit_id",
                "capacity",
                f"l'entreprise forme déjà {running_at_company} apprenant(s) pour {limit} place(s) "
                "(autant que de travailleurs, 1 sans travailleur).",
            )
        )
    if per_tutor is not None and running_with_tutor + 1 > per_tutor:
        out.append(
            problem(
                C,
                "tutor_id",
                "tutor_capacity",
                f"ce tuteur suit déjà {running_with_tutor} apprenant(s) ({per_tutor} au plus "
                "dans ce métier).",
            )
        )
    return out
