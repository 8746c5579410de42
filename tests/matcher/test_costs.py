import pytest

from matcher import SCORE_WEIGHTS, refund_ore


def test_score_weights_add_up_to_100():
    """Do the documented score weights give a 0-100 scale?"""
    assert sum(SCORE_WEIGHTS.values()) == 100


def test_refund_caps_minutes_and_weeks():
    """Are only 300 minutes a week for 22 weeks refunded?"""
    assert refund_ore(10000, 600, 30, 300, 22) == 10000 * 300 * 22 // 60


def test_refund_rounds_half_an_ore_up():
    """Does exactly half an øre round up, and just under half round down?"""
    assert refund_ore(1, 30, 1, 300, 22) == 1  # 30/60 = 0.5
    assert refund_ore(1, 29, 1, 300, 22) == 0  # 29/60 < 0.5
    assert refund_ore(1, 89, 1, 300, 22) == 1  # 89/60 = 1.48
    assert refund_ore(1, 90, 1, 300, 22) == 2  # 90/60 = 1.5


def test_refund_is_exact_for_large_values():
    """Is the formula exact integer arithmetic even past float precision?"""
    wage = 10**15 + 1
    assert refund_ore(wage, 300, 22, 300, 22) == (wage * 300 * 22 + 30) // 60


def test_refund_rejects_floats():
    """Is a float wage refused rather than silently rounded?"""
    with pytest.raises(TypeError):
        refund_ore(98.5, 300, 20, 300, 22)
