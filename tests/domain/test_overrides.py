"""The override record (issue 12, situation 6; grows with issue 17): known rule, a reason, past
entries never changed, new ones signed by the writer."""

from __future__ import annotations

from offa_desktop.domain import overrides

IC = "incentive_claims"
ENTRY = {"rule": "incentive_checks", "reason": "Vérifié sur pièces par l'OFFA."}


def codes(data: dict, previous: dict | None = None) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in overrides.shape_problems(IC, data, previous)]


def test_a_new_override_needs_a_known_rule_and_a_reason() -> None:
    assert codes({"overrides": [ENTRY]}) == []
    assert codes({"overrides": [{**ENTRY, "reason": "  court  "}]}) == [
        ("overrides", "reason_required")
    ]
    assert codes({"overrides": [{**ENTRY, "rule": "capacity"}]}) == [("overrides", "invalid")]
    assert codes({"overrides": "oui"}) == [("overrides", "malformed")]
    message = overrides.shape_problems(IC, {"overrides": [{**ENTRY, "reason": ""}]}, None)[0]
    assert message.message.startswith("Dérogations\u00a0: la raison")


def test_past_overrides_never_change() -> None:
    before = {"overrides": [{**ENTRY, "by": "u1", "at": "2026-11-23T09:00:00Z"}]}
    assert codes({"overrides": []}, before) == [("overrides", "invalid")]
    assert codes({"overrides": None}, before) == [("overrides", "invalid")]
    assert codes({"overrides": [{**ENTRY, "reason": "Autre raison, réécrite."}]}, before) == [
        ("overrides", "invalid")
    ]
    assert codes({"overrides": [*before["overrides"], ENTRY]}, before) == []


def test_the_writer_signs_new_entries_and_keeps_past_ones() -> None:
    past = {**ENTRY, "by": "u1", "at": "2026-11-23T09:00:00Z", "failed": ["once"]}
    forged = {**ENTRY, "by": "u9", "at": "1999-01-01T00:00:00Z", "failed": []}
    data = {"overrides": [{**past, "by": "tampered"}, forged]}
    out = overrides.stamp(data, {"overrides": [past]}, by="u2", at="2026-12-06T10:00:00Z",
                          failed={"incentive_checks": ["days_270"]})  # fmt: skip
    assert out == [past, {**ENTRY, "by": "u2", "at": "2026-12-06T10:00:00Z",
                          "failed": ["days_270"]}]  # fmt: skip
    granted = overrides.granted({"overrides": out}, {"overrides": [past]}, "incentive_checks")
    assert granted is not None and granted.by == "u2"
