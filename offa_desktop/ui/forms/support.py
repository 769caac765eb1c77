"""Small helpers the forms share: who is logged in, choices from reference data, typing in
tests-friendly ways."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from offa_desktop.domain.rules import tutor_is_certified, tutor_is_designated
from offa_desktop.ops.records import editing
from offa_desktop.ui.forms.base import RecordForm
from offa_desktop.ui.forms.fields import tr


def user_profile(context: Any) -> dict[str, Any]:
    """The logged-in user's profile (role, operator_code, id), {} when unknown (offline demo)."""
    profile = context.extras.get("user") if hasattr(context, "extras") else None
    if isinstance(profile, dict):
        return profile
    session = getattr(context, "session", None)
    if session is None:
        return {}
    try:
        account = session.account()
    except Exception:  # noqa: BLE001 - no account yet: forms still work
        return {}
    return dict(account.user) if account is not None else {}


def code_choices(wc: Any, collection: str) -> list[tuple[str, str]]:
    """[(code, name)] of a reference collection, by name."""
    rows = editing.reference(wc, collection)
    pairs = [
        (str(r["code"]), str(r.get("name") or r.get("label") or r.get("title") or r["code"]))
        for r in rows
        if r.get("code")
    ]
    return sorted(pairs, key=lambda p: p[1].casefold())


def operator_choices(wc: Any) -> list[tuple[str, str]]:
    return code_choices(wc, "operators")


def tutor_condition(tutor: dict[str, Any]) -> str:
    """« désigné et agréé », « désigné » or « conditions non remplies » (the company form's
    tutors and the Entreprises area's detail pane)."""
    if tutor_is_certified(tutor) and tutor_is_designated(tutor):
        return tr("désigné et agréé")
    if tutor_is_designated(tutor):
        return tr("désigné")
    return tr("conditions non remplies")


class RequestForm(RecordForm):
    """A request a person makes (an approval, a learner's mobility): a new one starts
    ``requested``, asked today, by the operator of the person logged in (``operator_field``)."""

    operator_field = "operator_code"

    def __init__(self, context: Any, record_id: str | None, parent: QWidget | None = None) -> None:
        initial = None
        if record_id is None:
            operator = user_profile(context).get("operator_code")
            initial = {"status": "requested", self.operator_field: operator}
        super().__init__(context, record_id, parent, initial=initial)
        if record_id is None:
            self.base.setdefault("requested_on", editing.today(self.wc).isoformat())
