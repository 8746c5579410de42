"""Hourly wages, stored as whole øre, and their floors (reading kroner: tests/web/test_numbers.py)."""
from web.openings.wages import APPRENTICE_WAGE_FLOOR_ORE, LEISURE_WAGE_FLOOR_ORE


def test_floors_are_60_and_40_kroner():
    """Are the floors 60 kr. for leisure jobs and 40 kr. for apprentices?"""
    assert (LEISURE_WAGE_FLOOR_ORE, APPRENTICE_WAGE_FLOOR_ORE) == (6000, 4000)
