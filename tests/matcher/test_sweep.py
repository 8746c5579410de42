import pytest

from matcher.sweep import main, random_case


def test_random_case_is_the_same_for_the_same_seed():
    """Does a seed always give the same instance, so a reported seed can be solved again?"""
    assert random_case(41, (5, 30)) == random_case(41, (5, 30))


def test_random_case_stays_within_the_young_range():
    """Does every instance have as many young people as the range allows?"""
    sizes = {len(random_case(seed, (3, 6))["candidates"]) for seed in range(40)}
    assert sizes <= {3, 4, 5, 6} and len(sizes) > 1


def test_sweep_of_small_instances_finds_none_short(capsys):
    """Do fifty small instances all reach the MILP, and does the sweep say so?"""
    assert main(["--count", "50", "--young", "5-40"]) == 0
    assert "50 instances of 5-40 young people from seed 0: 0 short" in capsys.readouterr().out


@pytest.mark.parametrize("bad", ["x", "0-10", "9-3", "1-"])
def test_sweep_refuses_a_malformed_young_range(bad, capsys):
    """Is a --young that is not LOW-HIGH with 1 <= LOW <= HIGH refused with a message?"""
    with pytest.raises(SystemExit) as exit_info:
        main(["--young", bad])
    assert exit_info.value.code == 2
    assert "not a range like 1-120" in capsys.readouterr().err
