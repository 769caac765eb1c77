"""A record's history in French: every kind of field worded for people (issue 15, defect 3).

Regressions: the history showed raw UUIDs, English codes ("draft", "done", "favourable",
"approval"), Python dicts of the schedule and the checklist, "360.50"; and a new record not sent
yet said «Sur le serveur : cette fiche n'existe pas ou est hors de votre périmètre».
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from offa_desktop import paths
from offa_desktop.domain.schema import COLLECTIONS, WORKING_COLLECTIONS, Kind
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.wording import ENUM_FR, Wording
from offa_desktop.store.db import WorkingCopy

pytestmark = pytest.mark.gui
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ENGLISH = {code for words in ENUM_FR.values() for code in words if code not in words.values()}


def _clean(line: str) -> None:
    assert not UUID.search(line), line
    assert "{" not in line and "[" not in line and "'value'" not in line, line
    words = set(re.findall(r"[a-z_/]+", line.split(" : ", 1)[-1]))
    assert not words & (ENGLISH - {"a", "b", "c"}), (line, words & ENGLISH)


def _sample(wc: Any, collection: str) -> dict[str, Any]:
    """The demo record of ``collection`` with the most fields filled."""
    found = editing.find(wc, collection)
    assert found, collection
    return max((data for _id, data in found), key=lambda d: sum(v is not None for v in d.values()))


def test_every_field_kind_in_words(demo_copy: Path) -> None:
    wc = WorkingCopy.open(paths.working_copy_path(demo_copy))
    seen: set[Kind] = set()
    try:
        with wc.session() as db:
            words = Wording(db)
            for collection in WORKING_COLLECTIONS:
                if collection in ("snoozes", "documents") or not editing.find(wc, collection):
                    continue
                data = _sample(wc, collection)
                for line in words.changes(collection, None, data):
                    _clean(line)
                for spec in COLLECTIONS[collection].fields:
                    if spec.kind is Kind.MONEY and data.get(spec.name) is not None:
                        shown = words.value(collection, spec.name, data[spec.name])
                        assert re.fullmatch(r"[\d\u00a0]+,\d\d\u00a0€", shown), shown
                for spec in COLLECTIONS[collection].fields:
                    if data.get(spec.name) not in (None, "", [], {}):
                        seen.add(spec.kind)
            # each kind's wording, on values chosen to show it
            assert words.value("contracts", "status", "draft") == "projet"
            assert words.value("visits", "status", "done") == "effectuée"
            assert words.value("visits", "opinion", "favourable") == "favorable"
            assert words.value("visits", "kind", "approval") == "visite d'agrément"
            assert words.value("contracts", "monthly_pay", "360.50") == "360,50\u00a0€"
            assert words.value("contracts", "start_date", "2027-09-01") == "01/09/2027"
            assert words.value("tutors", "training_hours", 7.5) == "7,5\u00a0h"
            assert words.value("tutors", "certified", True) == "oui"
            assert words.value("companies", "enterprise_number", "0403170701") == "0403.170.701"
            assert words.value("learners", "niss", "05060712345") == "05.06.07-123.45"
            assert words.value("learners", "iban", "BE71096123456769") == "BE71 0961 2345 6769"
            assert words.value("documents", "created_at", "2026-11-23T09:15:00Z") == \
                "23/11/2026 10:15"
            schedule = {"mon": {"company_hours": 7.5}, "thu": {"operator_hours": 8}}
            assert words.value("contracts", "schedule", schedule) == (
                "lundi 7,5\u00a0h en entreprise; jeudi 8\u00a0h à l'opérateur")
            answers = {"trade_practised": {"value": "yes"},
                       "workshop_safe": {"value": "no", "note": "scie sans carter"}}
            assert words.value("visits", "answers", answers) == (
                "L'entreprise exerce réellement le métier : oui; Le lieu de formation est sûr et "
                "équipé : non (scie sans carter)")
            details = {"initiator": "company", "notified_on": "2026-11-02",
                       "notice_worked": True}
            assert words.value("contract_events", "details", details) == (
                "initiative : l'entreprise; date de notification : 02/11/2026; "
                "préavis presté : oui")
            learner_id, learner = editing.find(wc, "learners")[0]
            assert words.value("contracts", "learner_id", learner_id) == (
                f"{learner['last_name']} {learner['first_name']}")
            assert words.value("contracts", "learner_id", "0" * 8 + "-0000-4000-8000-" + "0" * 12
                               ) == "fiche supprimée ou hors de votre périmètre"
            trade = editing.reference(wc, "trades")[0]
            assert words.value("contracts", "trade_code", trade["code"]) == trade["name"]
            for kind in Kind:
                seen.add(kind) if kind in (Kind.INSTANT, Kind.PERCENT) else None
    finally:
        wc.close()
    used = {f.kind for c in WORKING_COLLECTIONS for f in COLLECTIONS[c].fields}
    assert used <= seen | {Kind.PERCENT, Kind.INSTANT}, used - seen


def test_every_enumeration_has_its_french_words() -> None:
    """Every choice of every enumerated field of the working collections has its French word
    (a collection added later showed «published» or «in_mediation» in its history)."""
    missing = [
        (collection, spec.name, choice)
        for collection in WORKING_COLLECTIONS
        for spec in COLLECTIONS[collection].fields
        if spec.kind is Kind.ENUM
        for choice in spec.choices or ()
        if choice not in ENUM_FR.get((collection, spec.name), {})
    ]
    assert not missing, missing


def test_changes_name_the_field_and_both_values(demo_copy: Path) -> None:
    wc = WorkingCopy.open(paths.working_copy_path(demo_copy))
    try:
        with wc.session() as db:
            lines = Wording(db).changes(
                "contracts", {"status": "draft", "monthly_pay": "360.50", "level": "a"},
                {"status": "signed", "monthly_pay": "412.00", "level": "a"})
    finally:
        wc.close()
    assert lines == ["Rétribution mensuelle : 360,50\u00a0€ → 412,00\u00a0€",
                     "Statut : projet → signé"]


def test_overrides_in_words(demo_copy: Path) -> None:
    """An override in the history: the rule by its name, the reason, who and when; no code
    (``too_old``) and one wording for every rule (not «âge … écartés»)."""
    wc = WorkingCopy.open(paths.working_copy_path(demo_copy))
    try:
        user = editing.reference(wc, "users")[0]
        entry = {"rule": "learner_age", "reason": "Reprise après une longue hospitalisation.",
                 "by": user["id"], "at": "2026-08-12T08:30:00Z", "failed": ["too_old"]}
        with wc.session() as db:
            words = Wording(db)
            lines = words.changes("contracts", {"overrides": []}, {"overrides": [entry]})
            shown = words.value("contracts", "overrides", [entry])
    finally:
        wc.close()
    rule = "âge de l'apprenant au début du contrat (15 à 25 ans, ou le maximum du métier)"
    assert lines == [f"Dérogation à « {rule} » : « Reprise après une longue hospitalisation. »"
                     f", par {user['display_name']}, le 12/08/2026 10:30"]
    assert shown == (f"dérogation à « {rule} » par {user['display_name']} le 12/08/2026 : "
                     "Reprise après une longue hospitalisation.")
    for line in (*lines, shown):
        _clean(line)
        assert "too" not in line


def test_history_of_a_record_not_sent_yet(qtbot: Any, demo_copy: Path) -> None:
    """A new record: its unsent creation in words, and no «n'existe pas sur le serveur»."""
    from offa_desktop.ops.records import writes
    from offa_desktop.ops.records.history import NOT_SENT_YET, record_history
    from offa_desktop.ops.sync.session import MemoryKeyring, SyncSession
    from offa_desktop.ui.history_dialog import HistoryDialog
    from sync.creds import CredentialStore

    wc = WorkingCopy.open(paths.working_copy_path(demo_copy))
    session = SyncSession(demo_copy, wc, creds=CredentialStore(MemoryKeyring()))
    try:
        unit_id, unit = editing.find(wc, "establishment_units")[0]
        saved = writes.create(wc, "tutors", {
            "company_id": unit["company_id"], "first_name": "Zoë", "last_name": "Łukasz",
            "condition": "experience", "experience_years": 7, "training_hours": 12.5,
            "criminal_record_date": "2026-10-01", "certified": False,
        })
        history = record_history(session, "tutors", saved.record_id)
        assert history.server_error == NOT_SENT_YET and history.server == []
        [created] = history.local
        for line in created["lines"]:
            _clean(line)
        assert "Condition de tuteur : expérience dans le métier" in created["lines"]
        assert "Heures de formation de tuteur : 12,5\u00a0h" in created["lines"]
        assert "Tuteur agréé : non" in created["lines"]
        dialog = HistoryDialog("tutors", history)
        qtbot.addWidget(dialog)
        server = dialog.tree.topLevelItem(0)
        assert server.child(0).text(2) == NOT_SENT_YET
        texts = [dialog.tree.topLevelItem(1).child(0).child(i).text(2)
                 for i in range(dialog.tree.topLevelItem(1).child(0).childCount())]
        assert "Prénom : Zoë" in texts and not any(UUID.search(t) for t in texts)
        assert any(t.startswith("Entreprise : ") and "—" not in t for t in texts)
    finally:
        wc.close()
