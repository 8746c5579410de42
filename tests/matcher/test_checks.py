import copy

from matcher import check_result, example_instance, solve


def feasible_pair():
    instance = example_instance()
    return instance, solve(instance)


def test_feasible_result_has_no_violations():
    """Does a correct result pass the checker?"""
    instance, result = feasible_pair()
    assert check_result(instance, result) == []


def test_over_full_opening_is_reported():
    """Is an opening with more people than seats reported?"""
    instance, result = feasible_pair()
    instance["openings"][1]["seats"] = 0  # o-3 now has no seat for c-205
    assert any("o-3: 1 assigned > 0 seats" in p for p in check_result(instance, result))


def test_candidate_left_out_is_reported():
    """Is a candidate neither assigned nor unmatched reported?"""
    instance, result = feasible_pair()
    broken = copy.deepcopy(result)
    broken["assignments"].pop()
    assert any("appears 0 times" in p for p in check_result(instance, broken))


def test_refund_cap_breach_is_reported():
    """Is a result over the refund budget reported?"""
    instance, result = feasible_pair()
    instance["policy"]["refund_budget_ore"] = 1
    assert any("budget" in p for p in check_result(instance, result))


def test_young_worker_breach_is_reported():
    """Is a pupil on a shift past 20:00 reported by the checker?"""
    instance, result = feasible_pair()
    instance["openings"][0]["shifts"][0]["end"] = "20:30"
    instance["candidates"][0]["availability"][0]["end"] = "21:00"
    assert any("young worker" in p for p in check_result(instance, result))


def test_private_share_breach_is_reported():
    """Is a result that pushes the share under target reported?"""
    instance, result = feasible_pair()
    instance["policy"]["leisure_private_before"] = 10
    instance["policy"]["leisure_total_before"] = 19
    instance["openings"][1]["employer_kind"] = "public_other"
    assert any("private share" in p for p in check_result(instance, result))
