"""Fixed wording printed on the documents (rights and duties, notices' legal reminders).

Kept apart from the layout so that a jurist can review the words in one place.
"""

from __future__ import annotations

RIGHTS_AND_DUTIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "L'entreprise s'engage à",
        (
            "former l'apprenant au métier dans les conditions du plan de formation annexé, sous "
            "la conduite du tuteur désigné ;",
            "respecter l'horaire de référence, les durées maximales de travail (38 heures par "
            "semaine et 8 heures par jour, formation chez l'opérateur comprise) et les règles "
            "de protection des jeunes au travail ;",
            "payer chaque mois la rétribution convenue, au moins égale au minimum du niveau "
            "atteint, et la rétribution des sept premiers jours d'une suspension ;",
            "permettre à l'apprenant de suivre la formation chez l'opérateur et accueillir le "
            "référent et le coach sectoriel lors de leurs visites ;",
            "assurer l'apprenant contre les accidents du travail et sur le chemin du travail.",
        ),
    ),
    (
        "L'apprenant s'engage à",
        (
            "suivre la formation en entreprise et chez l'opérateur avec assiduité ;",
            "exécuter le travail confié selon les consignes du tuteur et respecter le règlement "
            "de travail, la sécurité et la discrétion due à l'entreprise ;",
            "prévenir sans délai l'entreprise et le référent de toute absence.",
        ),
    ),
    (
        "L'opérateur de formation s'engage à",
        (
            "assurer la formation chez l'opérateur et l'évaluation des compétences ;",
            "accompagner l'apprenant et le tuteur par son référent, décider des passages aux "
            "niveaux B et C après avis du tuteur ;",
            "être consulté avant toute rupture et proposer, s'il le faut, une médiation par la "
            "Commission d'agrément et de médiation de l'OFFA.",
        ),
    ),
)

CONTRACT_TERMS = (
    "La période d'essai est d'un mois. Pendant celle-ci, chaque partie peut mettre fin au contrat "
    "moyennant un préavis de 7 jours ; après, le préavis est de 14 jours (ou une indemnité "
    "équivalente), après consultation du référent. Le contrat prend fin de plein droit au retrait "
    "de l'agrément de l'unité d'établissement pour le métier."
)

HONOUR_DECLARATION = (
    "Le tuteur déclare sur l'honneur remplir la condition cochée ci-dessous et disposer d'un "
    "extrait de casier judiciaire (modèle II)."
)

PAY_METHOD = (
    "La rétribution est payée mensuellement, au plus tard le quatrième jour ouvrable du mois "
    "suivant, par virement sur le compte de l'apprenant."
)

SUSPENSION_TERMS = (
    "Pendant la suspension, l'exécution du contrat est interrompue. L'entreprise paie la "
    "rétribution des premiers jours indiqués ci-dessus ; une suspension due à un manquement de "
    "l'entreprise laisse la rétribution due pendant toute sa durée."
)

TERMINATION_TERMS = (
    "Le préavis prend cours le lendemain de la notification. Il est de 7 jours pendant la période "
    "d'essai et de 14 jours après celle-ci ; il peut être remplacé par une indemnité équivalente. "
    "Le référent est consulté avant la rupture."
)

APPROVAL_TERMS = (
    "L'agrément vaut pour l'unité d'établissement et le métier indiqués, pour tous les opérateurs "
    "de formation, sans limite de durée tant que les conditions restent remplies. Un refus ou un "
    "retrait empêche une nouvelle demande pendant un an. En cas de désaccord, la Commission "
    "d'agrément et de médiation de l'OFFA peut être saisie."
)
