"""The reference collections of API v1 (read-only data owned by the server: sectors,
operators, trades, training plans, wages and rates, reasons, visit checklists, incentive kinds,
limits, users), part of ``domain.schema``'s table (its form: ``specs.collection``)."""

from __future__ import annotations

from offa_desktop.domain.choices import INCENTIVE_KIND_CODES, LEVELS, REGIONS, ROLES
from offa_desktop.domain.specs import CollectionSpec, collection

_REASONS = """
    code              | code | * | code
    label             | text | * | libellé
    company_pays_days | int  |   | jours payés par l'entreprise
"""

# fmt: off
REFERENCE_SPECS: tuple[CollectionSpec, ...] = (
    collection("sectors", "secteurs", """
        code | code | * | code
        name | text | * | nom
    """, reference=True),
    collection("operators", "opérateurs", """
        code   | code | * | code
        name   | text | * | nom
        kind   | enum | * | type d'opérateur
        region | enum | * | région
    """, reference=True, choices={"kind": ("cefa", "ifapme", "sfpme"), "region": REGIONS}),
    collection("trades", "métiers", """
        code                   | code  | * | code
        name                   | text  | * | nom
        sector                 | code  | * | secteur
        max_learners_per_tutor | int   |   | apprenants par tuteur au maximum
        max_age                | int   |   | âge maximum
        max_daily_hours        | hours |   | heures par jour au maximum
        max_weekly_hours       | hours |   | heures par semaine au maximum
    """, reference=True),
    collection("training_plans", "plans de formation", """
        trade_code  | code    | * | métier
        level       | enum    | * | niveau
        competences | strings | * | compétences
        valid_from  | date    | * | valable à partir du
    """, reference=True, choices={"level": LEVELS}),
    collection("wage_references", "revenus minimums", """
        valid_from | date  | * | valable à partir du
        rmmmg      | money | * | RMMMG
    """, reference=True),
    collection("pay_rates", "taux de rétribution", """
        level      | enum    | * | niveau
        percent    | percent | * | pourcentage
        valid_from | date    | * | valable à partir du
    """, reference=True, choices={"level": LEVELS}),
    collection("termination_reasons", "motifs de fin", _REASONS, reference=True),
    collection("suspension_reasons", "motifs de suspension", _REASONS, reference=True),
    collection("checklist_templates", "grilles de visite", """
        code  | code | * | code
        title | text | * | titre
        items | json | * | points
    """, reference=True),
    collection("incentive_kinds", "types d'incitants", """
        code       | enum  | * | code
        region     | enum  | * | région
        amount     | money | * | montant
        valid_from | date  | * | valable à partir du
    """, reference=True, choices={"code": INCENTIVE_KIND_CODES, "region": REGIONS}),
    collection("limits", "délais et limites", """
        code       | code | * | code
        label      | text | * | libellé
        value      | int  | * | valeur
        unit       | enum | * | unité
        valid_from | date | * | valable à partir du
    """, reference=True, choices={"unit": ("days", "months")}),
    collection("users", "utilisateurs", """
        display_name  | text    | * | nom
        role          | enum    | * | rôle
        operator_code | code    |   | opérateur
        sectors       | strings |   | secteurs
        email         | text    |   | courriel
        phone         | text    |   | téléphone
    """, reference=True, choices={"role": ROLES}),
)
# fmt: on
