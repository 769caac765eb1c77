"""The incentive forecast on the contract and the company, and the "what if" line of the
termination and suspension dialogs, on the demo copy."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from offa_desktop.domain.dates import school_year_end
from offa_desktop.domain.values import brussels_today
from offa_desktop.ops import forecast
from offa_desktop.store.records import table
from offa_desktop.ui.forms.contract_event import ContractEventForm
from offa_desktop.ui.forms.contract_view import ContractDialog


def first_year_walloon(context: Any) -> tuple[str, date]:
    """An active Walloon contract at level A, in its first school year, tutor agréé."""
    c, u, t = table("contracts"), table("establishment_units"), table("tutors")
    today = brussels_today()
    with context.working_copy.session() as db:
        rows = db.execute(
            select(c.c.id, c.c.start_date).join(u, u.c.id == c.c.establishment_unit_id)
            .join(t, t.c.id == c.c.tutor_id)
            .where(c.c.status == "active", c.c.level == "a", u.c.region == "wal",
                   t.c.condition == "validation", c.c.start_date <= today)
            .order_by(c.c.start_date.desc(), c.c.id)
        ).all()
    for record_id, start in rows:
        if school_year_end(start) >= today:
            return record_id, start
    raise AssertionError("the demo copy should hold such a contract")


def test_termination_and_suspension_say_what_becomes_of_p2(qtbot: Any, context: Any) -> None:
    record_id, start = first_year_walloon(context)
    form = ContractEventForm(
        context, None, initial={"contract_id": record_id, "kind": "termination"}
    )
    qtbot.addWidget(form)
    last = start + timedelta(days=99)
    form.fields["effective_date"].set_value(last.isoformat())
    form.validate_now()
    assert form.what_if.text() == (
        f"Cette rupture au {last:%d/%m} ramène le compte P2 à 100 jours (270 requis) : la prime "
        "P2 est perdue")
    suspension = ContractEventForm(
        context, None, initial={"contract_id": record_id, "kind": "suspension"}
    )
    qtbot.addWidget(suspension)
    suspension.validate_now()
    assert suspension.what_if.text().startswith(
        "Cette suspension ne change pas le compte P2 : les jours de suspension comptent")


def test_contract_and_company_show_the_forecast(qtbot: Any, context: Any) -> None:
    record_id, _start = first_year_walloon(context)
    dialog = ContractDialog(context, record_id)
    qtbot.addWidget(dialog)
    found = forecast.contract_forecasts(context.working_copy, record_id)
    p2 = next(f for f in found if f.kind == "wal_p2")
    assert p2.sentence() in dialog.head.text().replace("&#x27;", "'")
    assert "Prime P2" in dialog.head.text()
    c, u = table("contracts"), table("establishment_units")
    with context.working_copy.session() as db:
        company_id = db.execute(select(u.c.company_id).join(
            c, c.c.establishment_unit_id == u.c.id).where(c.c.id == record_id)).scalar_one()
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show_area("companies")
    window.company_detail.show_company(company_id)
    assert "Primes (contrats en cours)" in window.company_detail.title.text()
    assert "Prime P2" in window.company_detail.title.text()
