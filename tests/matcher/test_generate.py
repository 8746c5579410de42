import numpy as np

from matcher import check_result, random_instance, solve
from matcher.eligibility import eligible_pairs
from matcher.validate import validate_instance


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


def test_wide_instance_has_the_same_people_and_openings_with_more_eligible_pairs():
    """Does `wide` keep seed for seed the same draws and only add eligible pairs?"""
    tight = random_instance(np.random.default_rng(4), 80, 60, tight=True)
    wide = random_instance(np.random.default_rng(4), 80, 60, tight=True, wide=True)
    assert wide["openings"] == tight["openings"] and wide["policy"] == tight["policy"]
    assert [c["birth_date"] for c in wide["candidates"]] == [c["birth_date"] for c in tight["candidates"]]
    pairs = [eligible_pairs(validate_instance(instance)) for instance in (tight, wide)]
    tight_pairs, wide_pairs = ({(int(c), int(o)) for c, o in zip(p.cand, p.opening)} for p in pairs)
    assert tight_pairs < wide_pairs
