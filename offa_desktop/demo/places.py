"""Word pools for demo data: real Belgian postal codes of French-speaking Wallonia and Brussels,
and names drawn once from Faker fr_BE (drawing from pools is what makes 100,000 contracts fast)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from faker import Faker

# (postal code, locality, region) - French-speaking Wallonia and the Brussels Region.
LOCALITIES: tuple[tuple[str, str, str], ...] = (
    ("1000", "Bruxelles", "bxl"), ("1020", "Laeken", "bxl"), ("1030", "Schaerbeek", "bxl"),
    ("1040", "Etterbeek", "bxl"), ("1050", "Ixelles", "bxl"), ("1060", "Saint-Gilles", "bxl"),
    ("1070", "Anderlecht", "bxl"), ("1080", "Molenbeek-Saint-Jean", "bxl"),
    ("1081", "Koekelberg", "bxl"), ("1082", "Berchem-Sainte-Agathe", "bxl"),
    ("1083", "Ganshoren", "bxl"), ("1090", "Jette", "bxl"), ("1140", "Evere", "bxl"),
    ("1150", "Woluwe-Saint-Pierre", "bxl"), ("1160", "Auderghem", "bxl"),
    ("1170", "Watermael-Boitsfort", "bxl"), ("1180", "Uccle", "bxl"), ("1190", "Forest", "bxl"),
    ("1200", "Woluwe-Saint-Lambert", "bxl"), ("1210", "Saint-Josse-ten-Noode", "bxl"),
    ("1300", "Wavre", "wal"), ("1348", "Louvain-la-Neuve", "wal"), ("1400", "Nivelles", "wal"),
    ("1410", "Waterloo", "wal"), ("1480", "Tubize", "wal"), ("4000", "Liège", "wal"),
    ("4020", "Liège", "wal"), ("4100", "Seraing", "wal"), ("4500", "Huy", "wal"),
    ("4800", "Verviers", "wal"), ("5000", "Namur", "wal"), ("5100", "Jambes", "wal"),
    ("5300", "Andenne", "wal"), ("5500", "Dinant", "wal"), ("6000", "Charleroi", "wal"),
    ("6001", "Marcinelle", "wal"), ("6700", "Arlon", "wal"), ("6800", "Libramont-Chevigny", "wal"),
    ("6900", "Marche-en-Famenne", "wal"), ("7000", "Mons", "wal"), ("7100", "La Louvière", "wal"),
    ("7500", "Tournai", "wal"), ("7700", "Mouscron", "wal"), ("7800", "Ath", "wal"),
)  # fmt: skip

LEGAL_FORMS = ("SRL", "SRL", "SRL", "SA", "SC", "SNC", "Personne physique")
# A few names from Belgium's many communities, with letters the search must fold (ł, ș, ø...).
EXTRA_LAST_NAMES = (
    "Wałęsa", "Kowalczyk", "Nowak", "Ionescu", "Popescu", "Țurcanu", "Ștefănescu", "Øvergaard",
    "Yılmaz", "Öztürk", "El Amrani", "Benali", "Nguyễn", "Da Silva", "Peeters", "Janssens",
)  # fmt: skip
EXTRA_FIRST_NAMES = (
    "Łucja", "Małgorzata", "Ștefan", "Ioana", "Bjørn", "Zoë", "Anaïs", "Noël", "Hélène", "Inès",
    "Mehmet", "Aïcha", "Youssef", "Chloé", "Thaïs", "François",
)  # fmt: skip


@cache
def ascii_slug(text: str) -> str:
    """Lower-case ASCII for e-mail addresses (Hélène Wałęsa -> helene.walesa)."""
    folded = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    plain = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum() or c in ".-")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# Words that start a company name, by sector.
TRADE_WORDS: dict[str, tuple[str, ...]] = {
    "construction": ("Construction", "Entreprise générale", "Menuiserie", "Toitures",
                     "Électricité", "Chauffage"),
    "horeca": ("Restaurant", "Brasserie", "Taverne", "Hôtel", "Friterie"),
    "commerce": ("Magasin", "Boutique", "Comptoir", "Librairie"),
    "automobile": ("Garage", "Carrosserie", "Auto-Service"),
    "alimentation": ("Boulangerie", "Boucherie", "Pâtisserie", "Traiteur"),
    "coiffure": ("Salon", "Coiffure", "Institut de beauté"),
    "industrie": ("Ateliers", "Métallerie", "Industries", "Soudure"),
    "soins": ("Résidence", "Maison de repos", "Crèche", "Soins à domicile"),
}  # fmt: skip


@dataclass(frozen=True)
class Pools:
    """Names and streets drawn once from Faker fr_BE for a seed."""

    men: tuple[str, ...]
    women: tuple[str, ...]
    last_names: tuple[str, ...]
    streets: tuple[str, ...]
    company_names: tuple[str, ...]


def make_pools(seed: int) -> Pools:
    fake = Faker("fr_BE")
    fake.seed_instance(seed)
    addresses = Faker("fr_FR")  # fr_BE has no French street names
    addresses.seed_instance(seed)
    men = {fake.first_name_male() for _ in range(400)}
    women = {fake.first_name_female() for _ in range(400)}
    last = {fake.last_name() for _ in range(1200)} | set(EXTRA_LAST_NAMES)
    streets = {_capital(addresses.street_name()) for _ in range(800)}
    companies = {fake.last_name() for _ in range(1500)}
    return Pools(
        men=tuple(sorted(men)) + EXTRA_FIRST_NAMES[2::2],
        women=tuple(sorted(women)) + EXTRA_FIRST_NAMES[::2],
        last_names=tuple(sorted(last)),
        streets=tuple(sorted(streets)),
        company_names=tuple(sorted(companies)),
    )
