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
from offa_desktop.domain.specs import spec_field as _f

K = Kind
# What an approval is for, and a Stage+ offer of that approval too: a unit, a trade, an operator.
_UNIT_TRADE_OPERATOR = (
    _f("establishment_unit_id", K.REF, "unité d'établissement", "*", ref="establishment_units"),
    _f("trade_code", K.CODE, "métier", "*"),
    _f("operator_code", K.CODE, "opérateur", "*"),
)

_SPECS: tuple[CollectionSpec, ...] = (
    *REFERENCE_SPECS,
    # --- working data -----------------------------------------------------------------------
    CollectionSpec(
        "companies",
        (
            _f("enterprise_number", K.ENTERPRISE_NUMBER, "numéro d'entreprise", "*"),
            _f("name", K.TEXT, "nom", "*"),
            _f("legal_form", K.TEXT, "forme juridique", "*"),
            _f("employee_count", K.INT, "nombre de travailleurs", "*"),
            _f("sector", K.CODE, "secteur", "*"),
            _f("email", K.TEXT, "courriel"),
            _f("phone", K.TEXT, "téléphone"),
        ),
        label="entreprises",
    ),
    CollectionSpec(
        "establishment_units",
        (
            _f("company_id", K.REF, "entreprise", "*", ref="companies"),
            _f("unit_number", K.UNIT_NUMBER, "numéro d'unité d'établissement", "*"),
            _f("name", K.TEXT, "nom", "*"),
            _f("street", K.TEXT, "rue", "*"),
            _f("postal_code", K.POSTAL_CODE, "code postal", "*"),
            _f("city", K.TEXT, "localité", "*"),
            _f("region", K.ENUM, "région", "*", REGIONS),
        ),
        label="unités d'établissement",
    ),
    CollectionSpec(
        "tutors",
        (
            _f("company_id", K.REF, "entreprise", "*", ref="companies"),
            _f("first_name", K.TEXT, "prénom", "*"),
            _f("last_name", K.TEXT, "nom", "*"),
            _f("birth_date", K.DATE, "date de naissance"),
            _f("condition", K.ENUM, "condition de tuteur", "*", TUTOR_CONDITIONS),
            _f("experience_years", K.INT, "années d'expérience"),
            _f("entrepreneur_title", K.BOOL, "titre de chef d'entreprise"),
            _f("training_hours", K.HOURS, "heures de formation de tuteur"),
            _f("criminal_record_date", K.DATE, "date de l'extrait de casier judiciaire"),
            _f("certified", K.BOOL, "tuteur agréé"),
            _f("email", K.TEXT, "courriel"),
            _f("phone", K.TEXT, "téléphone"),
        ),
        label="tuteurs",
    ),
    CollectionSpec(
        "approvals",
        (
            *_UNIT_TRADE_OPERATOR,
            _f("status", K.ENUM, "statut", "*", APPROVAL_STATUSES),
            _f("requested_on", K.DATE, "date de la demande", "*"),
            _f("decided_on", K.DATE, "date de la décision"),
            _f("decision_note", K.LONGTEXT, "motivation de la décision"),
            _f("tutor_ids", K.REFS, "tuteurs", ref="tutors"),
            _f("referred_on", K.DATE, "date de saisine de la Commission"),
            # Additive (issue 17): the day the signed decision came back (scan matched by QR).
            _f("signed_on", K.DATE, "date de signature de la décision"),
        ),
        label="agréments",
    ),
    CollectionSpec(
        "visits",
        (
            _f("kind", K.ENUM, "type de visite", "*", ("approval", "follow_up")),
            _f("approval_id", K.REF, "agrément", ref="approvals"),
            _f("contract_id", K.REF, "contrat", ref="contracts"),
            _f("visitor_id", K.REF, "visiteur", "*", ref="users"),
            _f("status", K.ENUM, "statut", "*", ("planned", "done", "cancelled")),
            _f("planned_on", K.DATE, "date prévue"),
            _f("visit_date", K.DATE, "date de la visite"),
            _f("checklist_code", K.CODE, "grille"),
            _f("answers", K.JSON, "réponses"),
            _f("opinion", K.ENUM, "avis", choices=("favourable", "unfavourable", "conditional")),
            _f("comments", K.LONGTEXT, "commentaires"),
            # Additive (issue 17): the day the signed visit report came back.
            _f("signed_on", K.DATE, "date de signature du rapport"),
        ),
        label="visites",
    ),
    CollectionSpec(
        "learners",
        (
            _f("niss", K.NISS, "NISS", "*"),
            _f("first_name", K.TEXT, "prénom", "*"),
            _f("last_name", K.TEXT, "nom", "*"),
            _f("birth_date", K.DATE, "date de naissance", "*"),
            _f("street", K.TEXT, "rue", "*"),
            _f("postal_code", K.POSTAL_CODE, "code postal", "*"),
            _f("city", K.TEXT, "localité", "*"),
            _f("operator_code", K.CODE, "opérateur", "*"),
            _f("email", K.TEXT, "courriel"),
            _f("phone", K.TEXT, "téléphone"),
            _f("iban", K.IBAN, "IBAN"),
            _f("representative", K.JSON, "représentant légal"),
        ),
        label="apprenants",
    ),
    CollectionSpec(
        "contracts",
        (
            _f("learner_id", K.REF, "apprenant", "*d", ref="learners"),
            _f(
                "establishment_unit_id",
                K.REF,
                "unité d'établissement",
                "*d",
                ref="establishment_units",
            ),
            _f("approval_id", K.REF, "agrément", "*", ref="approvals"),
            _f("tutor_id", K.REF, "tuteur", "*", ref="tutors"),
            _f("operator_code", K.CODE, "opérateur", "*d"),
            _f("referent_name", K.TEXT, "nom du référent", "*"),
            _f("referent_email", K.TEXT, "courriel du référent"),
            _f("referent_phone", K.TEXT, "téléphone du référent"),
            _f("company_signatory", K.TEXT, "signataire pour l'entreprise", "*"),
            _f("workplace_ids", K.REFS, "autres lieux de formation", ref="establishment_units"),
            _f("trade_code", K.CODE, "métier", "*d"),
            _f("start_date", K.DATE, "date de début", "*d"),
            _f("end_date", K.DATE, "date de fin", "*"),
            _f("level", K.ENUM, "niveau", "*", LEVELS),
            _f("monthly_pay", K.MONEY, "rétribution mensuelle", "*"),
            _f("schedule", K.JSON, "horaire hebdomadaire", "*"),
            _f("status", K.ENUM, "statut", "*d", CONTRACT_STATUSES),
            _f("signed_on", K.DATE, "date de signature"),
            _f("supersedes_id", K.REF, "contrat remplacé", ref="contracts"),
            # Additive (issue 17): rules set aside with a reason (domain.overrides).
            _f("overrides", K.JSON, "dérogations"),
        ),
        label="contrats",
    ),
    CollectionSpec(
        "contract_events",
        (
            _f("contract_id", K.REF, "contrat", "*", ref="contracts"),
            _f("kind", K.ENUM, "type d'événement", "*", EVENT_KINDS),
            _f("effective_date", K.DATE, "date d'effet", "*"),
            _f("reason_code", K.CODE, "motif"),
            _f("details", K.JSON, "détails", "*"),
            # Additive (issue 17): the day the signed amendment/termination came back.
            _f("signed_on", K.DATE, "date de signature"),
        ),
        label="événements de contrat",
    ),
    CollectionSpec(
        "incentive_claims",
        (
            _f("kind_code", K.ENUM, "type d'incitant", "*", INCENTIVE_KIND_CODES),
            _f("company_id", K.REF, "entreprise", "*", ref="companies"),
            _f("contract_ids", K.REFS, "contrats", "*", ref="contracts"),
            _f("tutor_id", K.REF, "tuteur", ref="tutors"),
            _f("school_year", K.SCHOOL_YEAR, "année scolaire", "*"),
            _f("amount", K.MONEY, "montant", "*"),
            _f("status", K.ENUM, "statut", "*", CLAIM_STATUSES),
            _f("checks", K.JSON, "contrôles d'éligibilité"),
            _f("iban", K.IBAN, "IBAN"),
            _f("paid_on", K.DATE, "date de paiement"),
            # Additive to API v1 (issue 12): rules set aside by a person, with their reason.
            _f("overrides", K.JSON, "dérogations"),
        ),
        label="demandes d'incitants",
    ),
    # Additive (issue 18): Stage+ offers, per granted approval (unit x trade).
    CollectionSpec(
        "stage_offers",
        (
            _f("approval_id", K.REF, "agrément", "*", ref="approvals"),
            *_UNIT_TRADE_OPERATOR,
            _f("title", K.TEXT, "intitulé", "*"),
            _f("description", K.LONGTEXT, "description", "*"),
            _f("start_date", K.DATE, "date de début", "*"),
            _f("places", K.INT, "places", "*"),
            _f("status", K.ENUM, "statut", "*", OFFER_STATUSES),
            _f("published_on", K.DATE, "date de publication"),
            _f("closed_on", K.DATE, "date de clôture"),
            _f("contact", K.TEXT, "contact"),
        ),
        label="offres Stage+",
    ),
    # Additive (issue 18): a contract or approval disagreement referred to the Commission
    # d'agrément et de médiation.
    CollectionSpec(
        "mediation_referrals",
        (
            _f("subject", K.ENUM, "objet", "*", REFERRAL_SUBJECTS),
            _f("contract_id", K.REF, "contrat", ref="contracts"),
            _f("approval_id", K.REF, "agrément", ref="approvals"),
            _f("operator_code", K.CODE, "opérateur", "*"),
            _f("reason", K.LONGTEXT, "motif", "*"),
            _f("status", K.ENUM, "statut", "*", REFERRAL_STATUSES),
            _f("referred_on", K.DATE, "date de saisine", "*"),
            _f("mediation_on", K.DATE, "date de la médiation"),
            _f("closed_on", K.DATE, "date de clôture"),
            _f("outcome", K.LONGTEXT, "issue"),
        ),
        label="saisines de la Commission",
    ),
    # Additive (issue 18): a learner moving from one operator to another (mobility).
    CollectionSpec(
        "learner_transfers",
        (
            _f("niss", K.NISS, "NISS de l'apprenant", "*"),
            _f("from_operator", K.CODE, "opérateur d'origine", "*"),
            _f("to_operator", K.CODE, "opérateur d'accueil", "*"),
            _f("status", K.ENUM, "statut", "*", TRANSFER_STATUSES),
            _f("requested_on", K.DATE, "date de la demande", "*"),
            _f("decided_on", K.DATE, "date de la décision"),
            _f("level_reached", K.ENUM, "niveau atteint", choices=LEVELS),
            _f("note", K.LONGTEXT, "motif"),
        ),
        label="mobilités d'apprenants",
    ),
    CollectionSpec(
        "snoozes",
        (
            _f("user_id", K.REF, "utilisateur", "*", ref="users"),
            _f("rule", K.CODE, "échéance", "*"),
            _f("record", K.TEXT, "fiche", "*"),
            _f("until", K.DATE, "reporté jusqu'au", "*"),
            _f("reason", K.TEXT, "motif du report", "*"),
        ),
        label="reports d'échéances",
    ),
    CollectionSpec(
        "documents",
        (
            _f("record", K.TEXT, "fiche", "*"),
            _f("file_name", K.TEXT, "nom du fichier", "*"),
            _f("media_type", K.ENUM, "type", "*", ("application/pdf", "image/jpeg", "image/png")),
            _f("size", K.INT, "taille", "*"),
            _f("sha256", K.TEXT, "empreinte SHA-256", "*"),
            _f("created_at", K.INSTANT, "créé le", "*"),
        ),
        label="documents",
    ),
)

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
