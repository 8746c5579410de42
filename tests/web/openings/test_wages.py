"""Hourly wages typed in kroner, stored as whole øre."""
import pytest

from web.openings.wages import (
    APPRENTICE_WAGE_FLOOR_ORE,
    LEISURE_WAGE_FLOOR_ORE,
    format_kroner_input,
    parse_kroner,
)


@pytest.mark.parametrize(
    "typed, ore",
    [("98,50", 9850), ("98.50", 9850), ("98", 9800), ("98,5", 9850), (" 98,50 kr. ", 9850), ("1.000,25", 100025), ("0,10", 10)],
)
def test_kroner_are_read_exactly_into_ore(typed, ore):
    """Are Danish and English decimal marks read exactly, without floating point?"""
    assert parse_kroner(typed) == ore


@pytest.mark.parametrize("typed", ["", "abc", "98,505", "-98", "98,50,10", "1e3", "98 50"])
def test_anything_else_is_not_a_wage(typed):
    """Are three decimals, signs, exponents and words refused?"""
    assert parse_kroner(typed) is None


def test_0_1_plus_0_2_kroner_is_not_a_float_problem():
    """Does "0,30" become exactly 30 øre (no float rounding)?"""
    assert parse_kroner("0,30") == 30


def test_the_form_shows_ore_back_as_kroner():
    """Is a stored wage shown in the form the way a Dane types it?"""
    assert (format_kroner_input(9850), format_kroner_input(10000), format_kroner_input(None)) == ("98,50", "100", "")


def test_floors_are_60_and_40_kroner():
    """Are the floors 60 kr. for leisure jobs and 40 kr. for apprentices?"""
    assert (LEISURE_WAGE_FLOOR_ORE, APPRENTICE_WAGE_FLOOR_ORE) == (6000, 4000)
