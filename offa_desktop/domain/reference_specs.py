"""The reference collections of API v1 (read-only data owned by the server: sectors,
operators, trades, training plans, wages and rates, reasons, visit checklists, incentive kinds,
limits, users), part of ``domain.schema``'s table."""

from __future__ import annotations

from offa_desktop.domain.choices import INCENTIVE_KIND_CODES, LEVELS, REGIONS, ROLES
from offa_desktop.domain.specs import CollectionSpec, Kind
from offa_desktop.domain.specs import spec_field as _f

K = Kind

_REASON_FIELDS = (
    _f("code", K.CODE, "code", "*"),
    _f("label", K.TEXT, "libellé", "*"),
    _f("company_pays_days", K.INT, "jours payés par l'entreprise"),
)

REFERENCE_SPECS: tuple[CollectionSpec, ...] = (
    CollectionSpec(
        "sectors",
        (_f("code", K.CODE, "code", "*"), _f("name", K.TEXT, "nom", "*")),
        reference=True,
        label="secteurs",
    ),
    CollectionSpec(
        "operators",
        (
            _f("code", K.CODE, "code", "*"),
            _f("name", K.TEXT, "nom", "*"),
            _f("kind", K.ENUM, "type d'opérateur", "*", ("cefa", "ifapme", "sfpme")),
            _f("region", K.ENUM, "région", "*", REGIONS),
        ),
        reference=True,
        label="opérateurs",
    ),
    CollectionSpec(
        "trades",
        (
            _f("code", K.CODE, "code", "*"),
            _f("name", K.TEXT, "nom", "*"),
            _f("sector", K.CODE, "secteur", "*"),
            _f("max_learners_per_tutor", K.INT, "apprenants par tuteur au maximum"),
            _f("max_age", K.INT, "âge maximum"),
            _f("max_daily_hours", K.HOURS, "heures par jour au maximum"),
            _f("max_weekly_hours", K.HOURS, "heures par semaine au maximum"),
        ),
        reference=True,
        label="métiers",
    ),
    CollectionSpec(
        "training_plans",
        (
            _f("trade_code", K.CODE, "métier", "*"),
            _f("level", K.ENUM, "niveau", "*", LEVELS),
            _f("competences", K.STRINGS, "compétences", "*"),
            _f("valid_from", K.DATE, "valable à partir du", "*"),
        ),
        reference=True,
        label="plans de formation",
    ),
    CollectionSpec(
        "wage_references",
        (
            _f("valid_from", K.DATE, "valable à partir du", "*"),
            _f("rmmmg", K.MONEY, "RMMMG", "*"),
        ),
        reference=True,
        label="revenus minimums",
    ),
    CollectionSpec(
        "pay_rates",
        (
            _f("level", K.ENUM, "niveau", "*", LEVELS),
            _f("percent", K.PERCENT, "pourcentage", "*"),
            _f("valid_from", K.DATE, "valable à partir du", "*"),
        ),
        reference=True,
        label="taux de rétribution",
    ),
    CollectionSpec("termination_reasons", _REASON_FIELDS, reference=True, label="motifs de fin"),
    CollectionSpec(
        "suspension_reasons", _REASON_FIELDS, reference=True, label="motifs de suspension"
    ),
    CollectionSpec(
        "checklist_templates",
        (
            _f("code", K.CODE, "code", "*"),
            _f("title", K.TEXT, "titre", "*"),
            _f("items", K.JSON, "points", "*"),
        ),
        reference=True,
        label="grilles de visite",
    ),
    CollectionSpec(
        "incentive_kinds",
        (
            _f("code", K.ENUM, "code", "*", INCENTIVE_KIND_CODES),
            _f("region", K.ENUM, "région", "*", REGIONS),
            _f("amount", K.MONEY, "montant", "*"),
            _f("valid_from", K.DATE, "valable à partir du", "*"),
        ),
        reference=True,
        label="types d'incitants",
    ),
    CollectionSpec(
        "limits",
        (
            _f("code", K.CODE, "code", "*"),
            _f("label", K.TEXT, "libellé", "*"),
            _f("value", K.INT, "valeur", "*"),
            _f("unit", K.ENUM, "unité", "*", ("days", "months")),
            _f("valid_from", K.DATE, "valable à partir du", "*"),
        ),
        reference=True,
        label="délais et limites",
    ),
    CollectionSpec(
        "users",
        (
            _f("display_name", K.TEXT, "nom", "*"),
            _f("role", K.ENUM, "rôle", "*", ROLES),
            _f("operator_code", K.CODE, "opérateur"),
            _f("sectors", K.STRINGS, "secteurs"),
            _f("email", K.TEXT, "courriel"),
            _f("phone", K.TEXT, "téléphone"),
        ),
        reference=True,
        label="utilisateurs",
    ),
)
