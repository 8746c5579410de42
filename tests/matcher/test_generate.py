import numpy as np

from matcher import check_result, random_instance, solve


def test_random_instance_is_the_same_for_the_same_seed():
    """Does one seed always give the same instance?"""
    first = random_instance(np.random.default_rng(5), 40, 30, tight=True)
    assert first == random_instance(np.random.default_rng(5), 40, 30, tight=True)


def test_random_instance_without_seats_has_no_openings_and_solves():
    """With no seats to offer, is there no opening (and no excluded pair), and does nobody get matched?"""
    instance = random_instance(np.random.default_rng(0), 60, 0)
    assert instance["openings"] == [] and instance["excluded_pairs"] == []
    result = solve(instance)
    assert check_result(instance, result) == []
    assert result["stats"]["matched"] == 0
    assert {entry["reason"] for entry in result["unmatched"]} == {"no_eligible_opening"}
