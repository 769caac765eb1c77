"""The collections of API v1 and their fields: the data model shared by every layer.

This is the single place that says which collections exist, which fields each one has, their
kind, and which are required (``*`` in API.md) or required even in a draft contract (``*d``).
The store, the reference server, the demo generator, printing and sync all read it; nothing
else spells out field lists. The reference collections are written in ``reference_specs.py``,
the values of enumerated fields in ``choices.py``; the working collections here.
"""

from __future__ import annotations

from offa_desktop.domain.choices import (
    APPROVAL_STATUSES,
    CLAIM_STATUSES,
    CONTRACT_STATUSES,
    EVENT_KINDS,
    INCENTIVE_KIND_CODES,
    LEVELS,
    OFFER_STATUSES,
    REFERRAL_STATUSES,
    REFERRAL_SUBJECTS,
    REGIONS,
    TRANSFER_STATUSES,
    TUTOR_CONDITIONS,
)
from offa_desktop.domain.reference_specs import REFERENCE_SPECS

# The types of the table, read by every layer from here.
from offa_desktop.domain.specs import CollectionSpec as CollectionSpec
from offa_desktop.domain.specs import FieldSpec as FieldSpec
from offa_desktop.domain.specs import Kind as Kind
from offa_desktop.domain.specs import collection

# What an approval is for, and a Stage+ offer of that approval too: a unit, a trade, an operator.
_UNIT_TRADE_OPERATOR = """
    establishment_unit_id | ref:establishment_units | * | unité d'établissement
    trade_code            | code                    | * | métier
    operator_code         | code                    | * | opérateur
"""

# The working collections, a table of fields each (the form is ``specs.collection``'s).
# fmt: off
_SPECS: tuple[CollectionSpec, ...] = (
    *REFERENCE_SPECS,
    collection("companies", "entreprises", """
        enterprise_number | enterprise_number | * | numéro d'entreprise
        name              | text              | * | nom
        legal_form        | text              | * | forme juridique
        employee_count    | int               | * | nombre de travailleurs
        sector            | code              | * | secteur
        email             | text              |   | courriel
        phone             | text              |   | téléphone
    """),
    collection("establishment_units", "unités d'établissement", """
        company_id  | ref:companies | * | entreprise
        unit_number | unit_number   | * | numéro d'unité d'établissement
        name        | text          | * | nom
        street      | text          | * | rue
        postal_code | postal_code   | * | code postal
        city        | text          | * | localité
        region      | enum          | * | région
    """, choices={"region": REGIONS}),
    collection("tutors", "tuteurs", """
        company_id           | ref:companies | * | entreprise
        first_name           | text          | * | prénom
        last_name            | text          | * | nom
        birth_date           | date          |   | date de naissance
        condition            | enum          | * | condition de tuteur
        experience_years     | int           |   | années d'expérience
        entrepreneur_title   | bool          |   | titre de chef d'entreprise
        training_hours       | hours         |   | heures de formation de tuteur
        criminal_record_date | date          |   | date de l'extrait de casier judiciaire
        certified            | bool          |   | tuteur agréé
        email                | text          |   | courriel
        phone                | text          |   | téléphone
    """, choices={"condition": TUTOR_CONDITIONS}),
    collection("approvals", "agréments", _UNIT_TRADE_OPERATOR + """
        status                | enum                    | * | statut
        requested_on          | date                    | * | date de la demande
        decided_on            | date                    |   | date de la décision
        decision_note         | longtext                |   | motivation de la décision
        tutor_ids             | refs:tutors             |   | tuteurs
        referred_on           | date                    |   | date de saisine de la Commission
        # Additive (issue 17): the day the signed decision came back (scan matched by QR).
        signed_on             | date                    |   | date de signature de la décision
    """, choices={"status": APPROVAL_STATUSES}),
    collection("visits", "visites", """
        kind           | enum          | * | type de visite
        approval_id    | ref:approvals |   | agrément
        contract_id    | ref:contracts |   | contrat
        visitor_id     | ref:users     | * | visiteur
        status         | enum          | * | statut
        planned_on     | date          |   | date prévue
        visit_date     | date          |   | date de la visite
        checklist_code | code          |   | grille
        answers        | json          |   | réponses
        opinion        | enum          |   | avis
        comments       | longtext      |   | commentaires
        # Additive (issue 17): the day the signed visit report came back.
        signed_on      | date          |   | date de signature du rapport
    """, choices={
        "kind": ("approval", "follow_up"),
        "status": ("planned", "done", "cancelled"),
        "opinion": ("favourable", "unfavourable", "conditional"),
    }),
    collection("learners", "apprenants", """
        niss           | niss        | * | NISS
        first_name     | text        | * | prénom
        last_name      | text        | * | nom
        birth_date     | date        | * | date de naissance
        street         | text        | * | rue
        postal_code    | postal_code | * | code postal
        city           | text        | * | localité
        operator_code  | code        | * | opérateur
        email          | text        |   | courriel
        phone          | text        |   | téléphone
        iban           | iban        |   | IBAN
        representative | json        |   | représentant légal
    """),
    collection("contracts", "contrats", """
        learner_id            | ref:learners             | *d | apprenant
        establishment_unit_id | ref:establishment_units  | *d | unité d'établissement
        approval_id           | ref:approvals            | *  | agrément
        tutor_id              | ref:tutors               | *  | tuteur
        operator_code         | code                     | *d | opérateur
        referent_name         | text                     | *  | nom du référent
        referent_email        | text                     |    | courriel du référent
        referent_phone        | text                     |    | téléphone du référent
        company_signatory     | text                     | *  | signataire pour l'entreprise
        workplace_ids         | refs:establishment_units |    | autres lieux de formation
        trade_code            | code                     | *d | métier
        start_date            | date                     | *d | date de début
        end_date              | date                     | *  | date de fin
        level                 | enum                     | *  | niveau
        monthly_pay           | money                    | *  | rétribution mensuelle
        schedule              | json                     | *  | horaire hebdomadaire
        status                | enum                     | *d | statut
        signed_on             | date                     |    | date de signature
        supersedes_id         | ref:contracts            |    | contrat remplacé
        # Additive (issue 17): rules set aside with a reason (domain.overrides).
        overrides             | json                     |    | dérogations
    """, choices={"level": LEVELS, "status": CONTRACT_STATUSES}),
    collection("contract_events", "événements de contrat", """
        contract_id    | ref:contracts | * | contrat
        kind           | enum          | * | type d'événement
        effective_date | date          | * | date d'effet
        reason_code    | code          |   | motif
        details        | json          | * | détails
        # Additive (issue 17): the day the signed amendment/termination came back.
        signed_on      | date          |   | date de signature
    """, choices={"kind": EVENT_KINDS}),
    collection("incentive_claims", "demandes d'incitants", """
        kind_code    | enum           | * | type d'incitant
        company_id   | ref:companies  | * | entreprise
        contract_ids | refs:contracts | * | contrats
        tutor_id     | ref:tutors     |   | tuteur
        school_year  | school_year    | * | année scolaire
        amount       | money          | * | montant
        status       | enum           | * | statut
        checks       | json           |   | contrôles d'éligibilité
        iban         | iban           |   | IBAN
        paid_on      | date           |   | date de paiement
        # Additive to API v1 (issue 12): rules set aside by a person, with their reason.
        overrides    | json           |   | dérogations
    """, choices={"kind_code": INCENTIVE_KIND_CODES, "status": CLAIM_STATUSES}),
    # Additive (issue 18): Stage+ offers, per granted approval (unit x trade).
    collection("stage_offers", "offres Stage+", """
        approval_id           | ref:approvals           | * | agrément
    """ + _UNIT_TRADE_OPERATOR + """
        title                 | text                    | * | intitulé
        description           | longtext                | * | description
        start_date            | date                    | * | date de début
        places                | int                     | * | places
        status                | enum                    | * | statut
        published_on          | date                    |   | date de publication
        closed_on             | date                    |   | date de clôture
        contact               | text                    |   | contact
    """, choices={"status": OFFER_STATUSES}),
    # Additive (issue 18): a contract or approval disagreement referred to the Commission
    # d'agrément et de médiation.
    collection("mediation_referrals", "saisines de la Commission", """
        subject       | enum          | * | objet
        contract_id   | ref:contracts |   | contrat
        approval_id   | ref:approvals |   | agrément
        operator_code | code          | * | opérateur
        reason        | longtext      | * | motif
        status        | enum          | * | statut
        referred_on   | date          | * | date de saisine
        mediation_on  | date          |   | date de la médiation
        closed_on     | date          |   | date de clôture
        outcome       | longtext      |   | issue
    """, choices={"subject": REFERRAL_SUBJECTS, "status": REFERRAL_STATUSES}),
    # Additive (issue 18): a learner moving from one operator to another (mobility).
    collection("learner_transfers", "mobilités d'apprenants", """
        niss          | niss     | * | NISS de l'apprenant
        from_operator | code     | * | opérateur d'origine
        to_operator   | code     | * | opérateur d'accueil
        status        | enum     | * | statut
        requested_on  | date     | * | date de la demande
        decided_on    | date     |   | date de la décision
        level_reached | enum     |   | niveau atteint
        note          | longtext |   | motif
    """, choices={"status": TRANSFER_STATUSES, "level_reached": LEVELS}),
    collection("snoozes", "reports d'échéances", """
        user_id | ref:users | * | utilisateur
        rule    | code      | * | échéance
        record  | text      | * | fiche
        until   | date      | * | reporté jusqu'au
        reason  | text      | * | motif du report
    """),
    collection("documents", "documents", """
        record     | text    | * | fiche
        file_name  | text    | * | nom du fichier
        media_type | enum    | * | type
        size       | int     | * | taille
        sha256     | text    | * | empreinte SHA-256
        created_at | instant | * | créé le
    """, choices={"media_type": ("application/pdf", "image/jpeg", "image/png")}),
)
# fmt: on

COLLECTIONS: dict[str, CollectionSpec] = {spec.name: spec for spec in _SPECS}
REFERENCE_COLLECTIONS: tuple[str, ...] = tuple(s.name for s in _SPECS if s.reference)
WORKING_COLLECTIONS: tuple[str, ...] = tuple(s.name for s in _SPECS if not s.reference)
# Order in which records may be created so that references resolve (parents first).
CREATION_ORDER: tuple[str, ...] = (
    *REFERENCE_COLLECTIONS,
    "companies",
    "establishment_units",
    "tutors",
    "approvals",
    "learners",
    "contracts",
    "contract_events",
    "visits",
    "incentive_claims",
    "stage_offers",
    "mediation_referrals",
    "learner_transfers",
    "documents",
    "snoozes",
)
