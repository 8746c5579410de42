"""Numbers, kroner, hours, clock times and dates as people type them (web.numbers)."""
from datetime import date
from decimal import Decimal

import pytest

from web.numbers import (
    format_decimal,
    format_kroner_input,
    kroner_to_ore,
    parse_clock,
    parse_date,
    parse_hours,
    parse_kroner,
    parse_whole_number,
)

# -- kroner --


@pytest.mark.parametrize(
    "typed, ore",
    [("98,50", 9850), ("98.50", 9850), ("98", 9800), ("98,5", 9850), (" 98,50 kr. ", 9850), ("1.000,25", 100025), ("0,10", 10)],
)
def test_kroner_are_read_exactly_into_ore(typed, ore):
    """Are Danish and English decimal marks read exactly, without floating point?"""
    assert kroner_to_ore(parse_kroner(typed)) == ore


@pytest.mark.parametrize("typed", ["", "abc", "98,505", "-98", "98,50,10", "1e3", "98 50"])
def test_anything_else_is_not_kroner(typed):
    """Are three decimals, signs, exponents and words refused?"""
    with pytest.raises(ValueError):
        parse_kroner(typed)


def test_0_1_plus_0_2_kroner_is_not_a_float_problem():
    """Does "0,30" become exactly 30 øre (no float rounding)?"""
    assert kroner_to_ore(parse_kroner("0,30")) == 30


@pytest.mark.parametrize(
    "typed, kroner",
    [
        ("600000", Decimal("600000")),
        ("600.000", Decimal("600000")),
        ("600 000 kr.", Decimal("600000")),
        ("1.000.000", Decimal("1000000")),
        ("600000,50", Decimal("600000.50")),
        ("98 kroner", Decimal("98")),
        ("98 DKK", Decimal("98")),
    ],
)
def test_thousands_separators_and_suffixes_are_read(typed, kroner):
    """Are the Danish thousands dot, a space between thousands and "kr."/"DKK" read?"""
    assert parse_kroner(typed) == kroner


@pytest.mark.parametrize("typed", ["600,000", "1.000.50", "60 0000"])
def test_ambiguous_separators_are_refused_not_guessed(typed):
    """Is "600,000" (a comma before three digits) refused rather than guessed?"""
    with pytest.raises(ValueError):
        parse_kroner(typed)


def test_a_minus_is_read_only_when_asked_for():
    """Is "-5" read as minus five only for signed amounts?"""
    assert parse_kroner("-5", signed=True) == Decimal("-5")
    with pytest.raises(ValueError):
        parse_kroner("-5")


def test_the_form_shows_ore_back_as_kroner():
    """Is a stored wage shown in the form the way a Dane types it?"""
    assert (format_kroner_input(9850), format_kroner_input(10000), format_kroner_input(None)) == ("98,50", "100", "")


def test_decimals_are_shown_with_a_comma_and_no_trailing_zeros():
    """Is 600000 shown as "600000" and 2.50 as "2,5"?"""
    assert (format_decimal(Decimal("600000")), format_decimal(Decimal("2.50"))) == ("600000", "2,5")


# -- whole numbers and hours --


@pytest.mark.parametrize("typed, number", [("5", 5), (" 17 ", 17), ("-1", -1), ("0", 0)])
def test_whole_numbers_are_read(typed, number):
    """Are whole numbers, also negative ones, read?"""
    assert parse_whole_number(typed) == number


@pytest.mark.parametrize("typed", ["", "5,5", "to", "+5", "1_000", "١٧", "1e3"])
def test_anything_else_is_not_a_whole_number(typed):
    """Are decimals, words and non-ASCII digits refused?"""
    with pytest.raises(ValueError):
        parse_whole_number(typed)


@pytest.mark.parametrize("typed, hours", [("5", Decimal("5")), ("7,5", Decimal("7.5")), ("2.25", Decimal("2.25")), ("-1", Decimal("-1"))])
def test_hours_are_read_with_a_comma_or_a_point(typed, hours):
    """Are "7,5" and "2.25" read as exact hours?"""
    assert parse_hours(typed) == hours


@pytest.mark.parametrize("typed", ["", "fem", "7,555", "1e1", "NaN", "7,5,0"])
def test_anything_else_is_not_hours(typed):
    """Are words, exponents and more than two decimals refused?"""
    with pytest.raises(ValueError):
        parse_hours(typed)


# -- clock times --


@pytest.mark.parametrize(
    "typed, minutes",
    [("16:00", 960), ("7:30", 450), ("16.30", 990), ("1630", 990), ("16", 960), ("24:00", 1440), ("00:00", 0)],
)
def test_clock_times_are_read_in_the_ways_people_type_them(typed, minutes):
    """Are "16:00", "16.30", "1630" and "16" all read as clock times?"""
    assert parse_clock(typed) == minutes


@pytest.mark.parametrize("typed", ["", "24:01", "25:00", "16:60", "16:5", "kl 16", "-1:00", "123:00"])
def test_things_that_are_not_clock_times_are_refused(typed):
    """Is anything that is not a clock time of one day refused?"""
    with pytest.raises(ValueError):
        parse_clock(typed)


# -- dates --


@pytest.mark.parametrize("typed", ["2008-05-17", "17-05-2008", "17.05.2008", "17/05/2008"])
def test_dates_are_read_from_the_date_input_or_typed_the_danish_way(typed):
    """Are the browser's ISO date and day-month-year all read?"""
    assert parse_date(typed) == date(2008, 5, 17)


@pytest.mark.parametrize("typed", ["", "31-02-2009", "i morgen", "2008-13-01"])
def test_things_that_are_not_dates_are_refused(typed):
    """Are days that do not exist and words refused?"""
    with pytest.raises(ValueError):
        parse_date(typed)
