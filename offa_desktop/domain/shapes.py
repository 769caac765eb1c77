"""Deep shape checks of JSON fields (API.md "Collections of v1").

- contracts.schedule: ``{"mon": {"company_hours": 7.5, "operator_hours": 0}, ...}``, keys ``mon``
  to ``sun`` (absent day = 0 h), hours >= 0 in steps of 0.25, at most 24 a day;
- learners.representative: ``{name, niss, phone, email}`` (name required);
- visits.answers: ``{"<key>": {"value": "yes|no|na", "note": ...}}``;
- contract_events.details: per event kind (``event_details_problems``);
- incentive_claims.checks: ``{"<name>": {"passed": bool, "note": ...}}``;
- checklist_templates.items: ``[{key, label}, ...]``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from offa_desktop.domain import identifiers
from offa_desktop.domain.choices import LEVELS, WEEKDAYS
from offa_desktop.domain.problems import Problem, problem
from offa_desktop.domain.texts import text_problem
from offa_desktop.domain.values import parse_date, parse_money

DAY_NAMES_FR = {
    "mon": "lundi",
    "tue": "mardi",
    "wed": "mercredi",
    "thu": "jeudi",
    "fri": "vendredi",
    "sat": "samedi",
    "sun": "dimanche",
}
HOUR_KEYS = ("company_hours", "operator_hours")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _text_ok(value: Any, maximum: int = 200) -> bool:
    return text_problem(value, maximum, newlines=maximum > 200) is None


def _date_ok(value: Any) -> bool:
    try:
        parse_date(value)
    except ValueError:
        return False
    return True


def schedule_problems(
    value: Any, collection: str = "contracts", field: str = "schedule"
) -> list[Problem]:
    """Shape of a weekly schedule."""
    if not isinstance(value, Mapping):
        return [
            problem(
                collection,
                field,
                "malformed",
                "un horaire par jour (lundi à dimanche) est attendu.",
            )
        ]
    out: list[Problem] = []
    for day, hours in value.items():
        if day not in WEEKDAYS:
            out.append(
                problem(collection, field, "invalid", f"jour inconnu « {day} » (mon à sun).")
            )
            continue
        name = DAY_NAMES_FR[day]
        if not isinstance(hours, Mapping) or set(hours) - set(HOUR_KEYS):
            out.append(
                problem(
                    collection,
                    field,
                    "malformed",
                    f"{name} : seules les heures en entreprise et à l'opérateur sont attendues.",
                )
            )
            continue
        for key in HOUR_KEYS:
            amount = hours.get(key, 0)
            where = "en entreprise" if key == "company_hours" else "à l'opérateur"
            if amount is None:
                continue
            if not _number(amount) or amount < 0 or amount > 24:
                out.append(
                    problem(
                        collection, field, "invalid", f"{name}, heures {where} : entre 0 et 24."
                    )
                )
            elif (Decimal(str(amount)) * 4) % 1 != 0:
                out.append(
                    problem(
                        collection,
                        field,
                        "invalid",
                        f"{name}, heures {where} : par quarts d'heure (0,25).",
                    )
                )
    return out


def schedule_hours(schedule: Mapping[str, Any]) -> dict[str, tuple[Decimal, Decimal]]:
    """``{day: (company_hours, operator_hours)}`` for every weekday (absent = 0), as Decimals."""
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for day in WEEKDAYS:
        hours = schedule.get(day) or {}
        company = hours.get("company_hours") or 0
        operator = hours.get("operator_hours") or 0
        out[day] = (Decimal(str(company)), Decimal(str(operator)))
    return out


def representative_problems(value: Any) -> list[Problem]:
    """Shape of a legal representative ``{name, niss, phone, email}``."""
    collection, field = "learners", "representative"
    if not isinstance(value, Mapping):
        return [
            problem(collection, field, "malformed", "nom, NISS, téléphone et courriel attendus.")
        ]
    out: list[Problem] = []
    unknown = set(value) - {"name", "niss", "phone", "email"}
    if unknown:
        out.append(
            problem(collection, field, "invalid", f"champ inconnu : {', '.join(sorted(unknown))}.")
        )
    if not _text_ok(value.get("name")):
        out.append(problem(collection, field, "required", "le nom du représentant est requis."))
    niss = value.get("niss")
    if niss is not None:
        found = identifiers.identifier_problem("niss", niss, field, "NISS du représentant légal")
        if found:
            out.append(found)
    for key, what in (("phone", "téléphone"), ("email", "courriel")):
        if value.get(key) is not None and not _text_ok(value[key]):
            out.append(problem(collection, field, "invalid", f"{what} du représentant invalide."))
    return out


# What is wrong with one entry of a JSON object (code, French message), or None.
EntryCheck = Callable[[str, Any], tuple[str, str] | None]


def _entries_problems(
    collection: str, field: str, value: Any, expected: str, check: EntryCheck
) -> list[Problem]:
    """Shape of a JSON object ``{key: entry}``: an object (else ``malformed``, ``expected``),
    and what ``check`` finds wrong in each entry."""
    if not isinstance(value, Mapping):
        return [problem(collection, field, "malformed", expected)]
    out: list[Problem] = []
    for key, entry in value.items():
        wrong = check(str(key), entry)
        if wrong is not None:
            out.append(problem(collection, field, *wrong))
    return out


def _answer_problem(key: str, answer: Any) -> tuple[str, str] | None:
    if not isinstance(answer, Mapping) or set(answer) - {"value", "note"}:
        return "malformed", f"« {key} » : réponse et note attendues."
    if answer.get("value") not in ("yes", "no", "na"):
        return "invalid", f"« {key} » : oui, non ou sans objet."
    if answer.get("note") is not None and not _text_ok(answer["note"], 5000):
        return "invalid", f"« {key} » : note invalide."
    return None


def answers_problems(value: Any) -> list[Problem]:
    """Shape of visit answers ``{key: {value: yes|no|na, note}}``."""
    expected = "une réponse par point de la grille est attendue."
    return _entries_problems("visits", "answers", value, expected, _answer_problem)


def _check_problem(name: str, outcome: Any) -> tuple[str, str] | None:
    if (
        not isinstance(outcome, Mapping)
        or set(outcome) - {"passed", "note"}
        or not isinstance(outcome.get("passed"), bool)
    ):
        return "malformed", f"« {name} » : résultat (vrai/faux) attendu."
    if outcome.get("note") is not None and not isinstance(outcome["note"], str):
        return "invalid", f"« {name} » : note invalide."
    return None


def checks_problems(value: Any) -> list[Problem]:
    """Shape of claim checks ``{name: {passed: bool, note}}``."""
    expected = "un résultat par contrôle est attendu."
    return _entries_problems("incentive_claims", "checks", value, expected, _check_problem)


def items_problems(value: Any) -> list[Problem]:
    """Shape of checklist items ``[{key, label}]``."""
    collection, field = "checklist_templates", "items"
    if not isinstance(value, list):
        return [problem(collection, field, "malformed", "une liste de points est attendue.")]
    keys: set[str] = set()
    for item in value:
        if (
            not isinstance(item, Mapping)
            or not isinstance(item.get("key"), str)
            or not _text_ok(item.get("label"))
        ):
            return [
                problem(collection, field, "malformed", "chaque point a une clé et un libellé.")
            ]
        if item["key"] in keys:
            return [problem(collection, field, "invalid", f"clé « {item['key']} » en double.")]
        keys.add(item["key"])
    return []


_JSON_CHECKS: dict[tuple[str, str], Callable[[Any], list[Problem]]] = {
    ("contracts", "schedule"): schedule_problems,
    ("learners", "representative"): representative_problems,
    ("visits", "answers"): answers_problems,
    ("incentive_claims", "checks"): checks_problems,
    ("checklist_templates", "items"): items_problems,
}


def json_problems(collection: str, field: str, value: Any) -> list[Problem]:
    """Shape problems of a JSON field (an object or a list; deep checks where known)."""
    check = _JSON_CHECKS.get((collection, field))
    if check is not None:
        return check(value)
    if not isinstance(value, Mapping | list):
        return [problem(collection, field, "malformed", "un objet JSON est attendu.")]
    return []


# --- contract event details, by event kind -------------------------------------------------

_DETAIL_KEYS: dict[str, dict[str, str]] = {
    # key -> kind of value: date, bool, level, money, initiator, int, changes
    "termination": {
        "initiator": "initiator",
        "notified_on": "date",
        "notice_start": "date",
        "notice_end": "date",
        "notice_worked": "bool",
        "referent_consulted_on": "date",
    },
    "suspension": {"end_date": "date", "company_pays_days": "int"},
    "level_change": {
        "from_level": "level",
        "to_level": "level",
        "monthly_pay": "money",
        "tutor_opinion_on": "date",
    },
    "resumption": {},
    "amendment": {"changes": "changes"},
}
_DETAIL_REQUIRED = {"level_change": ("to_level", "monthly_pay"), "amendment": ("changes",)}
_DETAIL_NAMES_FR = {
    "initiator": "initiative",
    "notified_on": "date de notification",
    "notice_start": "début du préavis",
    "notice_end": "fin du préavis",
    "notice_worked": "préavis presté",
    "referent_consulted_on": "date de consultation du référent",
    "end_date": "date de fin de suspension",
    "company_pays_days": "jours payés par l'entreprise",
    "from_level": "niveau de départ",
    "to_level": "nouveau niveau",
    "monthly_pay": "nouvelle rétribution mensuelle",
    "tutor_opinion_on": "date de l'avis du tuteur",
    "changes": "modifications",
}
# public: how a record's history names and words the details (ops/records/wording.py)
DETAIL_NAMES_FR = _DETAIL_NAMES_FR
DETAIL_KINDS_BY_NAME = {k: kind for kinds in _DETAIL_KEYS.values() for k, kind in kinds.items()}


def _detail_ok(kind: str, value: Any) -> bool:
    if kind == "date":
        return _date_ok(value)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "level":
        return value in LEVELS
    if kind == "initiator":
        return value in ("learner", "company", "both")
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if kind == "money":
        try:
            return parse_money(value) >= 0
        except ValueError:
            return False
    return isinstance(value, Mapping) and len(value) > 0  # changes


def event_details_problems(event_kind: str, details: Any) -> list[Problem]:
    """Shape of ``contract_events.details`` for an event kind (API.md)."""
    collection, field = "contract_events", "details"
    if not isinstance(details, Mapping):
        return [problem(collection, field, "malformed", "un objet JSON est attendu.")]
    allowed = _DETAIL_KEYS.get(event_kind)
    if allowed is None:
        return []  # the kind itself is reported by its own field check
    out: list[Problem] = []
    for key, value in details.items():
        if key not in allowed:
            out.append(
                problem(
                    collection,
                    field,
                    "invalid",
                    f"« {key} » n'est pas prévu pour ce type d'événement.",
                )
            )
        elif value is not None and not _detail_ok(allowed[key], value):
            out.append(problem(collection, field, "invalid", f"{_DETAIL_NAMES_FR[key]} invalide."))
    for key in _DETAIL_REQUIRED.get(event_kind, ()):
        if details.get(key) is None:
            out.append(problem(collection, field, "required", f"{_DETAIL_NAMES_FR[key]} requis."))
    return out
