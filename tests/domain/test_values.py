from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offa_desktop.domain.values import (
    NBSP,
    brussels_today,
    format_date_fr,
    format_money_fr,
    instant_str,
    money_str,
    parse_date,
    parse_date_fr,
    parse_instant,
    parse_money,
)


def test_parse_money_accepts_two_decimals_only() -> None:
    assert parse_money("612.34") == Decimal("612.34")
    assert parse_money("0.00") == Decimal("0")
    for bad in ["612.3", "612", "612,34", "1e3", " 612.34", "612.345", "", "abc"]:
        with pytest.raises(ValueError):
            parse_money(bad)
    with pytest.raises(ValueError):
        parse_money(612.34)  # type: ignore[arg-type]


def test_money_str() -> None:
    assert money_str(Decimal("612.3")) == "612.30"
    assert money_str(Decimal("1842")) == "1842.00"
    with pytest.raises(ValueError):
        money_str(Decimal("1.005"))
    with pytest.raises(ValueError):
        money_str(1.5)  # type: ignore[arg-type]


def test_format_money_fr_uses_no_break_spaces() -> None:
    assert format_money_fr(Decimal("1234.56")) == f"1{NBSP}234,56{NBSP}€"
    assert format_money_fr(Decimal("313.19")) == f"313,19{NBSP}€"
    assert format_money_fr(Decimal("1234567.5")) == f"1{NBSP}234{NBSP}567,50{NBSP}€"
    assert format_money_fr(Decimal("-0.5")) == f"-0,50{NBSP}€"


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_money_round_trip(amount: Decimal) -> None:
    assert parse_money(money_str(amount)) == amount


def test_dates() -> None:
    assert format_date_fr(date(2026, 8, 31)) == "31/08/2026"
    assert parse_date("2026-08-31") == date(2026, 8, 31)
    assert parse_date_fr("31/08/2026") == date(2026, 8, 31)
    for bad in ["2026-8-31", "31/08/2026", "2026-02-30", "2026-08-31T00:00", "20260831"]:
        with pytest.raises(ValueError):
            parse_date(bad)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("04/01/2027", date(2027, 1, 4)),
        ("04012027", date(2027, 1, 4)),  # issue 15: refused before, with two messages
        ("040127", date(2027, 1, 4)),
        ("4/1/27", date(2027, 1, 4)),
        ("4-1-2027", date(2027, 1, 4)),
        ("4.1.2027", date(2027, 1, 4)),
        (" 4 1 2027 ", date(2027, 1, 4)),
        ("4/1", date(2026, 1, 4)),
        ("2027-01-04", date(2027, 1, 4)),
        ("demain", date(2026, 11, 24)),
        ("Aujourd’hui", date(2026, 11, 23)),
        ("après-demain", date(2026, 11, 25)),
        ("hier", date(2026, 11, 22)),
        ("12/5/65", date(1965, 5, 12)),  # a tutor's birth: 20 years ahead at most
        ("1/9/46", date(2046, 9, 1)),
    ],
)
def test_dates_typed_any_common_way(typed: str, expected: date) -> None:
    assert parse_date_fr(typed, today=date(2026, 11, 23)) == expected


@pytest.mark.parametrize("bad", ["31/02/2027", "32012027", "4/13/27", "0401202", "bientôt", "",
                                 "4//1/27", "04-01-2027x"])
def test_dates_that_are_not_dates(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_date_fr(bad, today=date(2026, 11, 23))


def test_brussels_today_is_brussels_date() -> None:
    now = datetime.now(UTC)
    # Brussels is UTC+1 in winter, UTC+2 in summer
    expected = {(now + timedelta(hours=1)).date(), (now + timedelta(hours=2)).date()}
    assert brussels_today() in expected


def test_instants() -> None:
    moment = parse_instant("2026-11-23T09:15:00Z")
    assert moment == datetime(2026, 11, 23, 9, 15, tzinfo=UTC)
    assert instant_str(moment) == "2026-11-23T09:15:00Z"
    cet = timezone(timedelta(hours=1))
    assert instant_str(datetime(2026, 11, 23, 10, 15, tzinfo=cet)) == "2026-11-23T09:15:00Z"
    for bad in ["2026-11-23T09:15:00", "2026-11-23T09:15:00+01:00", "2026-11-23"]:
        with pytest.raises(ValueError):
            parse_instant(bad)
    with pytest.raises(ValueError):
        instant_str(datetime(2026, 1, 1))
