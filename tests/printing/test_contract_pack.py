"""The contract pack read back: every field in every copy, letters intact, QR codes, PROJET."""

from __future__ import annotations

import re

import pytest

from offa_desktop.printing import facts
from offa_desktop.printing.data import PrintData
from offa_desktop.printing.page import MARGIN, PAGE_WIDTH
from offa_desktop.printing.render import render
from tests.printing import samples as s
from tests.printing.pdfread import (
    norm,
    page_count,
    pages_text,
    pypdf_pages,
    qr_codes,
    word_boxes,
)

COPIES = ("Exemplaire apprenant", "Exemplaire entreprise", "Exemplaire référent")


@pytest.fixture(scope="module")
def draft_pdf() -> bytes:
    return render(s.contract_data(problems=s.DRAFT_PROBLEMS))


@pytest.fixture(scope="module")
def draft_pages(draft_pdf: bytes) -> list[str]:
    return pages_text(draft_pdf)


def _copies(pages: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for text in pages:
        for heading in COPIES:
            if heading in text:
                found.setdefault(heading, []).append(text)
    return found


EXPECTED_VALUES = [
    # parties
    "Łukasz Wiśniewski",
    "09.03.14-123.84",  # the NISS in full
    "14/03/2009",
    "Rue de l'Église 12, 4000 Liège",
    "lukasz.wisniewski@example.be",
    "Ștefan Țăranu",
    "75.06.12-045.48",
    "Boulangerie Erdős & Fils, artisans du pain au levain depuis trois générations SRL",
    "0403.170.701",
    "Małgorzata Erdős-Nowak",
    "Atelier de Herstal",
    "Chaussée de Brunehault 245, 4040 Herstal",
    "Gábor Erdős",
    "0478 11 22 33",
    "Le tuteur déclare sur l'honneur",
    "☒ A. cinq ans d'expérience",
    "IFAPME Liège-Huy-Verviers (Wallonie)",
    "Zoë Dubœuf-Kowalczyk",
    "zoe.duboeuf@ifapme.be",
    # object
    "Boulanger-pâtissier (boulanger)",
    "31/01/2026",
    "31/08/2028",
    "28/02/2026",  # trial period end: February has no 31st
    "Boutique de Saint-Gilles — Parvis de Saint-Gilles 3, 1060 Saint-Gilles",
    # pay
    "17,00 % du RMMMG de 2 070,48 € (en vigueur depuis le 01/05/2024)",
    "351,98 €",
    "1 234,56 €",
    "BE71 0961 2345 6769",
    # rights, signatures, annex
    "Droits et obligations des parties",
    "Fait à",
    "Annexe : plan de formation",
    "Façonner les pains spéciaux",
    "Créer une pâtisserie de saison « Țară »",
]


def test_every_copy_holds_every_field(draft_pages: list[str]) -> None:
    copies = _copies(draft_pages)
    assert list(copies) == list(COPIES)
    sizes = {len(pages) for pages in copies.values()}
    assert len(sizes) == 1, "the three copies have the same pages"
    for heading, pages in copies.items():
        text = " ".join(pages)
        missing = [v for v in EXPECTED_VALUES if v not in text]
        assert not missing, f"{heading}: missing {missing}"
        for signer in ("L'apprenant", "Le représentant légal", "Pour l'entreprise", "Le référent"):
            assert signer in text


def test_schedule_grid_rows() -> None:
    pdf = render(s.contract_data(record=s.SIGNED_CONTRACT))  # no watermark letters in the way
    text = " ".join(pages_text(pdf, layout=True))
    assert "Vendredi 4 2,5 6,5" in text
    assert "Mercredi 8 8" in text
    assert text.count("Total par semaine 27,5 10,5 38") == 3


def test_every_page_is_identified_and_numbered(draft_pdf: bytes, draft_pages: list[str]) -> None:
    assert page_count(draft_pdf) == len(draft_pages)
    numbers = []
    for text in draft_pages:
        assert "Contrat d'alternance" in text
        assert f"Contrat réf. {facts.reference(s.CONTRACT_ID)}" in text
        assert s.CONTRACT_ID not in text and "contracts/" not in text  # no internal id
        assert "pas encore enregistrée sur le serveur" in text
        assert "Imprimé le 31/08/2026" in text
        found = re.findall(r"page (\d+) / (\d+)", text)
        assert len(found) == 1, text
        numbers.append(tuple(int(n) for n in found[0]))
    per_copy = len(draft_pages[:-1]) // 3
    expected = [(i, per_copy) for i in range(1, per_copy + 1)] * 3 + [(1, 1)]
    assert numbers == expected


def test_qr_codes_name_record_and_copy(draft_pdf: bytes, draft_pages: list[str]) -> None:
    per_copy = (len(draft_pages) - 1) // 3
    first_pages = [1, 1 + per_copy, 1 + 2 * per_copy, 3 * per_copy, len(draft_pages)]
    codes = qr_codes(draft_pdf, first_pages)
    base = f"offa:contracts/{s.CONTRACT_ID}?v=local"
    assert codes[1] == [f"{base}&copy=apprenant"]
    assert codes[1 + per_copy] == [f"{base}&copy=entreprise"]
    assert codes[1 + 2 * per_copy] == [f"{base}&copy=referent"]
    assert codes[3 * per_copy] == [f"{base}&copy=referent"]  # last page of the last copy
    assert codes[len(draft_pages)] == [f"{base}&doc=contract"]


def test_draft_has_projet_and_last_page_lists_problems(
    draft_pdf: bytes, draft_pages: list[str]
) -> None:
    assert all("PROJET" in text for text in pypdf_pages(draft_pdf))
    last = draft_pages[-1]
    assert "Points à corriger avant signature" in last
    for problem in s.DRAFT_PROBLEMS:
        assert f"{problem.field} {problem.message}" in last
    assert not any("Points à corriger" in text for text in draft_pages[:-1])


def test_valid_synced_contract_prints_clean_with_its_version() -> None:
    pdf = render(s.contract_data(version=1834, record={**s.SIGNED_CONTRACT}))
    pages = pages_text(pdf)
    assert not any("PROJET" in p or "Points à corriger" in p for p in pypdf_pages(pdf))
    assert all("version 1834" in p and "pas encore" not in p for p in pages)
    assert qr_codes(pdf, [1])[1] == [f"offa:contracts/{s.CONTRACT_ID}?v=1834&copy=apprenant"]


def test_adult_learner_has_no_representative_block() -> None:
    adult = {**s.LEARNER, "birth_date": "2001-02-03", "representative": None}
    text = " ".join(pages_text(render(s.contract_data(learner=adult))))
    assert "représentant légal" not in text.lower()


def test_minor_without_representative_gets_empty_boxes() -> None:
    minor = {**s.LEARNER, "representative": None}
    text = " ".join(pages_text(render(s.contract_data(learner=minor))))
    assert "Le représentant légal (apprenant mineur)" in text
    assert "Le représentant légal" in text.split("6. Signatures")[1]


def test_long_names_wrap_inside_the_margins() -> None:
    long_company = {**s.COMPANY, "name": "Société coopérative " + "Żółć-Ăşţ " * 24}
    long_learner = {**s.LEARNER, "last_name": "Wiśniewska-" + "Grzegorzewska" * 5}
    pdf = render(s.contract_data(company=long_company, learner=long_learner))
    right = PAGE_WIDTH - MARGIN + 1
    over = [w for w in word_boxes(pdf) if w[2] > right or w[0] < MARGIN - 1]
    assert not over, over[:5]
    text = norm(" ".join(pages_text(pdf)))
    assert "Żółć-Ăşţ" in text


def test_missing_reference_data_prints_empty_boxes_not_errors() -> None:
    data = PrintData(
        kind="contract",
        record_id=s.CONTRACT_ID,
        record={"status": "draft", "start_date": "2026-09-01"},
        printed_on=s.PRINTED_ON,
    )
    pages = pages_text(render(data))
    text = " ".join(pages)
    assert "30/09/2026" in text  # trial period end still computed
    assert "Exemplaire référent" in text
    assert "Niveau A" in text  # the annex has its three (empty) levels


@pytest.mark.parametrize(
    ("record_id", "version"),
    [
        ("ffffffff-ffff-4fff-bfff-ffffffffffff", 987654321),
        ("00000000-0000-4000-8000-000000000000", 1),
        ("9e107d9d-372b-4b6f-8a5e-2f3c8a1d0b44", None),
    ],
)
def test_qr_codes_decode_for_any_record(record_id: str, version: int | None) -> None:
    pdf = render(s.contract_data(record_id=record_id, version=version, record=s.SIGNED_CONTRACT))
    per_copy = len(pages_text(pdf)) // 3
    codes = qr_codes(pdf, [per_copy, 2 * per_copy])
    v = "local" if version is None else str(version)
    assert codes == {
        per_copy: [f"offa:contracts/{record_id}?v={v}&copy=apprenant"],
        2 * per_copy: [f"offa:contracts/{record_id}?v={v}&copy=entreprise"],
    }


def test_iban_prints_in_groups_of_four() -> None:
    learner = {**s.LEARNER, "iban": "BE71096123456769"}
    text = " ".join(pages_text(render(s.contract_data(learner=learner))))
    assert "BE71 0961 2345 6769" in text


def test_unit_numbers_print_as_the_bce_writes_them() -> None:
    """An establishment unit's number is ``2.123.456.7xx`` (it printed ``2123.456.7xx``)."""
    text = " ".join(pages_text(render(s.contract_data())))
    number = str(s.UNIT["unit_number"])
    assert f"{number[0]}.{number[1:4]}.{number[4:7]}.{number[7:]}" in text
    assert f"{number[:4]}.{number[4:7]}.{number[7:]}" not in text
