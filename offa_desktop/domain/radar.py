"""The deadline radar's vocabulary: its rules (code, French label, severity, legal reference),
what a rule finds, and the records the rules read.

The rules themselves are pure functions in ``deadlines.py`` (records and a date in, findings
out). ``RULES`` is the catalogue in the order the home screen and ``offa-desktop radar`` use;
rule codes are stable (scripts and snoozes refer to them).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, TypeVar

Record = Mapping[str, Any]
T = TypeVar("T")

HIGH = "high"
MEDIUM = "medium"
LOW = "low"
SEVERITY_ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2}
SEVERITY_FR = {HIGH: "urgent", MEDIUM: "important", LOW: "à suivre"}


@dataclass(frozen=True)
class Rule:
    """One deadline rule: a stable ``code``, the French ``label`` of its group, a ``severity``
    (``high``, ``medium``, ``low``), the ``legal`` ground it rests on (DOMAIN.md) and the
    collection of the records it lists."""

    code: str
    label: str
    severity: str
    legal: str
    collection: str


RULES: tuple[Rule, ...] = (
    Rule("approval_suspended", "Contrats en cours sur un agrément suspendu", HIGH,
         "Agrément : une suspension ou un retrait touche les contrats de l'unité pour ce métier "
         "(un retrait les rompt)", "contracts"),
    Rule("draft_start", "Projets de contrat dont le début approche ou est passé", HIGH,
         "Contrat commun : signé en 3 exemplaires avant le début de la formation, "
         "le référent ayant marqué son accord", "contracts"),
    Rule("pay_below_minimum", "Rétribution sous le minimum après indexation du RMMMG", HIGH,
         "Rétribution : minimum mensuel de 17 / 24 / 32 % du RMMMG indexé (niveaux A / B / C)",
         "contracts"),
    Rule("approval_decision_late", "Demandes d'agrément sans décision depuis plus de 3 mois",
         HIGH, "Agrément : l'opérateur décide dans les 3 mois de la demande", "approvals"),
    Rule("notice_running", "Préavis en cours", MEDIUM,
         "Fin du contrat : préavis de 7 jours pendant l'essai, 14 jours après, "
         "après consultation du référent", "contracts"),
    Rule("trial_end", "Périodes d'essai qui se terminent dans les 7 jours", MEDIUM,
         "Contrat commun : période d'essai d'un mois (préavis de 7 jours pendant l'essai)",
         "contracts"),
    Rule("turns_18", "Apprenants qui auront 18 ans dans les 30 jours", MEDIUM,
         "Apprenant mineur : représentant légal partie au contrat jusqu'à 18 ans ; "
         "ensuite l'apprenant signe seul", "learners"),
    Rule("approval_decision_due", "Demandes d'agrément sans décision après 10 semaines", MEDIUM,
         "Agrément : l'opérateur décide dans les 3 mois de la demande", "approvals"),
    Rule("visit_unreported", "Visites d'agrément sans rapport 7 jours après leur date", MEDIUM,
         "Agrément : visite du coach sectoriel et avis (obligatoire en Wallonie)", "visits"),
    Rule("contract_end", "Contrats qui se terminent dans les 60 jours sans suite prévue",
         MEDIUM, "Contrat commun : au plus 6 ans ; un nouveau métier demande un nouveau contrat, "
         "une prolongation un avenant", "contracts"),
    Rule("p2_at_risk", "Prime P2 en danger", MEDIUM,
         "Incitant wallon P2 : 270 jours sous contrat la première année (au 31 août) "
         "depuis le niveau A, tuteur agréé", "contracts"),
    Rule("criminal_record_old", "Extraits de casier judiciaire de tuteurs trop anciens", MEDIUM,
         "Tuteur : extrait de casier judiciaire modèle II requis", "tutors"),
    Rule("referral_waiting", "Saisines de la Commission en attente", MEDIUM,
         "Commission d'agrément et de médiation : les opérateurs lui soumettent les problèmes "
         "de contrat et les désaccords sur un agrément", "mediation_referrals"),
    Rule("claim_unchecked", "Demandes d'incitants à vérifier depuis plus de 30 jours", LOW,
         "Incitants : la demande passe de « à vérifier » à « éligible » ou « non éligible »",
         "incentive_claims"),
)
RULE_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}


class Finding(NamedTuple):
    """What a rule found: the record (collection, id), the date it is about (``due``: the
    deadline, or the day the situation began when it is already late) and a French detail.
    (Immutable; a named tuple rather than a frozen dataclass: a radar makes 10,000 of them,
    at a fifth of the cost.)"""

    rule: str
    collection: str
    id: str
    due: date
    detail: str = ""

    def overdue(self, today: date) -> bool:
        return self.due < today


@dataclass
class Facts:
    """The records the rules read, API-shaped, by id. The store fills it with candidates only
    (records a rule could list, plus those they refer to); a test fills it with everything and
    must find the same. ``events`` are contract events by contract id; ``claim_since`` the day
    each claim last changed (the API has no creation date); ``learner_contracts`` every
    contract id of each learner present (to tell whether a follow-up contract exists; the
    store: of the learners whose contract_end candidates it read).

    ``candidates`` (``{rule key: ids}``, None = every record) names the records each rule
    looks at: the store's indexed date ranges, per rule, so that a rule does not examine the
    records read for another one (nor those read only to be referred to). A rule still decides
    on each of them; a key absent means "every record"."""

    contracts: dict[str, Record] = field(default_factory=dict)
    learners: dict[str, Record] = field(default_factory=dict)
    units: dict[str, Record] = field(default_factory=dict)
    approvals: dict[str, Record] = field(default_factory=dict)
    tutors: dict[str, Record] = field(default_factory=dict)
    visits: dict[str, Record] = field(default_factory=dict)
    claims: dict[str, Record] = field(default_factory=dict)
    referrals: dict[str, Record] = field(default_factory=dict)
    events: dict[str, list[Record]] = field(default_factory=dict)
    claim_since: dict[str, date] = field(default_factory=dict)
    learner_contracts: dict[str, list[str]] = field(default_factory=dict)
    wage_references: Sequence[Record] = ()
    pay_rates: Sequence[Record] = ()
    limits: Sequence[Record] = ()
    candidates: dict[str, set[str]] | None = None
    # the tutors in charge (of a running contract, or named by an approval being instructed
    # or granted) among the candidates of criminal_record_old, as the store found them; None:
    # the rule finds them in ``contracts`` and ``approvals``
    tutors_in_charge: set[str] | None = None
    # the learners with a running contract among the candidates of turns_18, as the store
    # found them; None: the rule finds them in ``contracts``
    learners_running: set[str] | None = None

    def look_at(self, key: str, records: Mapping[str, T]) -> Iterator[tuple[str, T]]:
        """``(id, record)`` of ``records`` the rule ``key`` must examine."""
        wanted = None if self.candidates is None else self.candidates.get(key)
        if wanted is None:
            yield from records.items()
            return
        for record_id in wanted:
            record = records.get(record_id)
            if record is not None:
                yield record_id, record


def order_key(finding: Finding, today: date) -> tuple[int, date, str]:
    """Overdue first, then the nearest due date, then the id (a stable order)."""
    return (0 if finding.overdue(today) else 1, finding.due, finding.id)
