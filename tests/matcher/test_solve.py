import copy
import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import matcher
from matcher import check_result, random_instance, refund_ore, relaxation_bounds, solve, solve_exact
from matcher.sweep import random_case

from .builders import make_candidate, make_instance, make_opening

PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

instances = st.builds(
    lambda seed, n, seats, tight: random_instance(np.random.default_rng(seed), n, seats, tight=tight),
    seed=st.integers(0, 10_000),
    n=st.integers(1, 40),
    seats=st.integers(1, 30),
    tight=st.booleans(),
)



def _with_policy(instance, share_pct, budget_fraction, private_before):
    """`instance` with another share target, a smaller refund budget or no earlier private placements."""
    policy = instance["policy"]
    policy["min_private_share_pct"] = share_pct
    if budget_fraction is not None:
        policy["refund_budget_ore"] = int(policy["refund_budget_ore"] * budget_fraction)
    if private_before is not None:
        policy["leisure_private_before"] = private_before
    return instance


other_policies = st.builds(
    _with_policy,
    instances,
    share_pct=st.sampled_from([0, 30, 50, 70, 100]),
    budget_fraction=st.sampled_from([None, 0.0, 0.15]),
    private_before=st.sampled_from([None, 0]),
)


def municipal(id, **kw):
    return make_opening(id, employer_kind="municipal", refund=True, **kw)


def test_solve_does_not_change_its_input():
    """Is the caller's instance left exactly as it was?"""
    instance = random_instance(np.random.default_rng(3), 30, 20, tight=True)
    before = copy.deepcopy(instance)
    solve(instance)
    assert instance == before


def test_result_is_json_serialisable_format_1():
    """Can the result be written as JSON in format 1?"""
    result = solve(matcher.example_instance())
    assert json.loads(json.dumps(result))["format"] == 1


def test_budget_allowing_exactly_one_more_refund_admits_one():
    """With budget for exactly one refund, is exactly one municipal match made?"""
    one = refund_ore(10000, 120, 20, 300, 22)
    candidates = [make_candidate(f"c-{k}") for k in range(3)]
    openings = [municipal("o-1", seats=3)]
    result = solve(make_instance(candidates, openings, refund_budget_ore=one))
    assert result["stats"]["matched"] == 1
    assert result["stats"]["refund_remaining_ore"] == 0
    assert {u["reason"] for u in result["unmatched"]} == {"refund_budget"}


def test_budget_one_ore_short_admits_none():
    """Is a refund that would pass the budget by one øre refused?"""
    one = refund_ore(10000, 120, 20, 300, 22)
    result = solve(make_instance([make_candidate()], [municipal("o-1")], refund_budget_ore=one - 1))
    assert result["stats"]["matched"] == 0
    assert result["unmatched"][0]["reason"] == "refund_budget"


def test_private_share_limits_public_matches():
    """With the share exactly at target, does each public match need a private one?"""
    candidates = [make_candidate(f"c-{k}") for k in range(4)]
    openings = [make_opening("o-private", seats=1), make_opening("o-public", employer_kind="public_other", seats=3)]
    result = solve(make_instance(candidates, openings, leisure_private_before=10, leisure_total_before=20))
    assert result["stats"]["matched"] == 2
    assert result["stats"]["private_share_pct_after"] == 50.0
    assert check_result(make_instance(candidates, openings, leisure_private_before=10,
                                      leisure_total_before=20), result) == []
    assert {u["reason"] for u in result["unmatched"]} == {"private_share_rule"}


def test_share_already_short_closes_public_leisure_openings():
    """When earlier placements miss the share, are only private jobs and apprenticeships made?"""
    candidates = [make_candidate(f"c-{k}") for k in range(2)]
    openings = [make_opening("o-private"), make_opening("o-public", employer_kind="municipal")]
    instance = make_instance(candidates, openings, leisure_private_before=5, leisure_total_before=20)
    result = solve(instance)
    assert [a["opening"] for a in result["assignments"]] == ["o-private"]
    assert check_result(instance, result) == []


def test_no_eligible_opening_lists_the_blocking_rules():
    """Does someone ruled out everywhere get no_eligible_opening with counts per rule?"""
    far = make_candidate("c-far", lat=56.5, lon=10.0)
    result = solve(make_instance([far], [make_opening("o-1"), make_opening("o-2")]))
    assert result["unmatched"] == [{"candidate": "c-far", "reason": "no_eligible_opening",
                                    "blocked_by": {"distance": 2}}]


def test_capacity_is_the_reason_when_seats_run_out():
    """When two compete for one seat, is the loser's reason capacity?"""
    result = solve(make_instance([make_candidate("c-1"), make_candidate("c-2")], [make_opening()]))
    assert [u["reason"] for u in result["unmatched"]] == ["capacity"]


def test_every_assignment_explains_itself():
    """Does each assignment carry a score, a refund and a non-empty why?"""
    for entry in solve(matcher.example_instance())["assignments"]:
        assert 0 <= entry["score"] <= 100 and entry["why"] and "refund_ore" in entry


@pytest.mark.parametrize("path, value, expected", [
    (("candidates", 0, "availability", 0, "day"), "mon ", "candidate 'c-101': availability[0].day"),
    (("openings", 0, "shifts", 0, "end"), "09:00", "opening 'o-7': shifts[0]"),
    (("openings", 0, "seats"), -2, "opening 'o-7': seats"),
    (("candidates", 1, "birth_date"), "2004-02-30", "candidate 'c-205': birth_date"),
    (("openings", 1, "start_date"), "1/12/2026", "opening 'o-3': start_date"),
    (("openings", 1, "legal_category"), "bar", "opening 'o-3': legal_category"),
    (("candidates", 0, "interests", "retail"), 1.5, "candidate 'c-101': interests.retail"),
    (("policy", "run_date"), "tomorrow", "policy: run_date"),
])
def test_bad_input_names_record_and_field(path, value, expected):
    """Does bad input raise ValueError naming the record and the field?"""
    instance = matcher.example_instance()
    target = instance
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValueError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        solve(instance)


def test_missing_field_is_named():
    """Does a missing field name the record and the field?"""
    instance = matcher.example_instance()
    del instance["candidates"][0]["waiting_days"]
    with pytest.raises(ValueError, match="candidate 'c-101': waiting_days: missing"):
        solve(instance)


def test_duplicate_ids_are_refused():
    """Are two openings with the same id refused?"""
    instance = make_instance(openings=[make_opening("o-1"), make_opening("o-1")])
    with pytest.raises(ValueError, match="opening 'o-1': id: duplicate"):
        solve(instance)


@PROPERTY
@given(instance=instances)
def test_every_result_passes_the_independent_check(instance):
    """Is every result feasible when each rule is rechecked from the JSON?"""
    assert check_result(instance, solve(instance)) == []


@PROPERTY
@given(instance=instances, seed=st.integers(0, 1000))
def test_result_does_not_depend_on_input_order(instance, seed):
    """Does shuffling candidates, openings, shifts and windows give the same result?"""
    rng = np.random.default_rng(seed)
    shuffled = copy.deepcopy(instance)
    for key in ("candidates", "openings"):
        shuffled[key] = [shuffled[key][k] for k in rng.permutation(len(shuffled[key]))]
    for candidate in shuffled["candidates"]:
        candidate["availability"] = [candidate["availability"][k]
                                     for k in rng.permutation(len(candidate["availability"]))]
    for opening in shuffled["openings"]:
        opening["shifts"] = [opening["shifts"][k] for k in rng.permutation(len(opening["shifts"]))]
    first, second = solve(instance), solve(shuffled)
    for result in (first, second):
        result["stats"].pop("seconds")
    assert first == second


@PROPERTY
@given(instance=instances)
def test_small_instances_match_the_exact_optimum(instance):
    """Does solve match as many as the MILP, with score within 0.5 % of it?"""
    result = solve(instance)
    exact = solve_exact(instance, time_limit=30)
    assert exact["status"] == "optimal"
    assert result["stats"]["matched"] == exact["matched"]
    assert result["stats"]["objective"] >= exact["objective"] * 0.995 - 1e-6
    assert result["stats"]["upper_bound"] >= exact["objective"] - 0.01 * max(1, exact["matched"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instance=other_policies)
def test_small_instances_under_other_policies_match_the_exact_optimum(instance):
    """With another share target, a small budget or a share already missed, does solve still match the MILP?"""
    result = solve(instance)
    exact = solve_exact(instance, time_limit=30)
    assert check_result(instance, result) == []
    assert exact["status"] == "optimal"
    assert result["stats"]["matched"] == exact["matched"]
    assert result["stats"]["objective"] >= exact["objective"] * 0.995 - 1e-6


@PROPERTY
@given(instance=instances)
def test_relaxation_bounds_lie_on_or_above_the_exact_optimum(instance):
    """Does the LP relaxation bound the MILP's matched count and, at that count, its score?"""
    exact = solve_exact(instance, time_limit=30)
    bounds = relaxation_bounds(instance, matched=exact["matched"])
    assert exact["status"] == "optimal"
    assert bounds["max_matched"] >= exact["matched"]
    assert bounds["score_bound"] >= exact["objective"] - 0.01  # the objective is rounded to 0.01


def _assert_reaches_the_exact_optimum(seed, young, seats, matched, **policy):
    """On this tight generated instance (`policy` changed so) solve is feasible, matches `matched` like the MILP and scores as well."""
    instance = random_instance(np.random.default_rng(seed), young, seats, tight=True)
    instance["policy"].update(policy)
    _assert_solves_like_the_milp(instance, matched)


def _assert_solves_like_the_milp(instance, matched):
    """Solve is feasible on `instance`, matches `matched` like the MILP and scores as well."""
    result = solve(instance)
    exact = solve_exact(instance, time_limit=30)
    assert check_result(instance, result) == []
    assert result["stats"]["matched"] == exact["matched"] == matched
    assert result["stats"]["objective"] >= exact["objective"] - 1e-6


def test_seat_search_swaps_a_cheap_refund_seat_for_a_costly_one():
    """Does the seat search close a cheaper refund seat to open a second costlier one when the budget fits?"""
    # The budget takes two seats of the 939,400 refund opening; the repaired start
    # uses one of them and one 680,000 seat, which the two prices alone never trade.
    _assert_reaches_the_exact_optimum(seed=269, young=30, seats=19, matched=7)


def test_seat_search_keeps_the_private_seats_the_share_needs():
    """Does a capped re-solve keep the private seats the share rule counts on, rather than fill an apprenticeship?"""
    # The exact optimum has the same seats per side-rule opening as the repaired start;
    # the plain capped solve swaps a private seat for the uncapped apprenticeship.
    _assert_reaches_the_exact_optimum(seed=5441, young=40, seats=25, matched=10)


def test_tight_medium_instance_is_feasible_and_bounded():
    """On a 300x220 instance with both rules binding, is the result feasible and under its bound?"""
    instance = random_instance(np.random.default_rng(11), 300, 220, tight=True)
    result = solve(instance)
    assert check_result(instance, result) == []
    assert result["stats"]["objective"] <= result["stats"]["upper_bound"]


def test_seat_search_restarts_from_the_bounds_lagrangian_solution():
    """Does a second seat search, from the bound's Lagrangian solution's seats, reach the score the first one misses?"""
    # The first search stops 1.82 points short; refitting the seats of the Lagrangian
    # solution at the bound's multipliers reaches the MILP's optimum (restarting from
    # that solution's matches, repaired, stopped 0.026 % short).
    _assert_reaches_the_exact_optimum(seed=17, young=300, seats=220, matched=136)


def test_seat_search_makes_a_compound_seat_move_from_a_knapsack():
    """Does the seat search take a compound move of several seats that no single open, close or swap improves on?"""
    _assert_reaches_the_exact_optimum(seed=899, young=40, seats=25, matched=10)


def test_knapsack_move_opens_at_most_one_seat_per_opening():
    """Does the knapsack move avoid counting a second new seat at an opening, which the re-solve cannot fill?"""
    # Offered two new seats per opening, the knapsack kept choosing cheap refund openings
    # whose second seat waited for the same unmatched person; each re-solve then matched
    # no more, and the search stopped 0.14 % below the MILP.
    _assert_reaches_the_exact_optimum(seed=10, young=300, seats=220, matched=163)


def test_seat_search_closes_a_seat_whose_person_moves_to_a_new_seat():
    """Does the seat search close a refund seat whose person moves to a new seat elsewhere, to open one more?"""
    # Neither price pays for it: the new seat adds no match (its person was matched),
    # and closing the refund seat alone loses one. Together they free the budget for a match.
    _assert_reaches_the_exact_optimum(seed=1930, young=40, seats=25, matched=14)


def test_knapsack_move_pairs_a_closed_seat_with_the_new_seat_its_person_takes():
    """Does the knapsack value closing a seat whose person moves to a new seat as the pair, not as a lost match?"""
    # The optimum closes a municipal seat whose person moves on to a private one, whose
    # person takes a new dearer refund seat; paid for by trading a costly refund seat
    # for a cheaper one. Priced apart, the closed seat lost a match and the search
    # stopped 1.1 % below the MILP.
    _assert_reaches_the_exact_optimum(seed=1883, young=40, seats=25, matched=16)


def test_kick_opens_a_refund_seat_past_the_budget_to_reach_one_more_match():
    """Does a search from one refund seat too many find the match the prices never pay for?"""
    # The optimum trades two refund seats for three that cost 17,500 øre more in all. The
    # knapsack moves priced seat by seat counted on one unmatched person for two new
    # seats, and the search stopped a match short; from one seat too many, it fits.
    _assert_reaches_the_exact_optimum(seed=100049, young=68, seats=62, matched=28)


def test_kick_trades_refund_seats_the_knapsack_move_overcloses():
    """Without a share target, does a kicked search reach the score the first searches missed by 4.6 %?"""
    # Every knapsack move closed two seats at three refund openings, each priced as the
    # first, and lost a match; the optimum closes three of them for two dearer seats.
    _assert_reaches_the_exact_optimum(seed=201172, young=64, seats=79, matched=34,
                                      min_private_share_pct=0)


def test_kick_opens_a_second_seat_at_a_refund_opening():
    """Does a kicked search fill a second new seat at one refund opening, which no knapsack move offers?"""
    # The optimum trades two cheaper refund seats for two at one opening (0.71 % more);
    # the knapsack move offers one new seat per opening.
    _assert_reaches_the_exact_optimum(seed=201926, young=118, seats=42, matched=22,
                                      min_private_share_pct=0)


def test_kick_opens_a_non_private_seat_past_the_share_and_moves_an_apprentice_to_a_private_one():
    """Does a search from a non-private seat past the share find the match a private seat pays for?"""
    # The share has no room, so no move opens a non-private seat; the re-solve from one
    # moves a young person from an apprenticeship to a private seat, which makes the room.
    _assert_reaches_the_exact_optimum(seed=203831, young=11, seats=85, matched=4)


def test_kick_closes_a_non_private_seat_to_free_the_share_for_a_refund_seat():
    """Does a search from one non-private seat fewer reach the score the first searches missed by 0.91 %?"""
    _assert_reaches_the_exact_optimum(seed=401166, young=24, seats=66, matched=13)


def test_count_search_trades_seats_for_cheaper_ones_until_the_budget_fits_one_more_match():
    """Does the search for more matches move refund seats to a cheaper opening, at a lower score, to match one more?"""
    # The optimum puts three seats at a cheaper refund opening, where the result had
    # none, closes three dearer ones and opens one elsewhere. Each single trade keeps the
    # count and costs score, so the searches that compare by score never made one, and
    # stopped a match short (77 of 78).
    _assert_reaches_the_exact_optimum(seed=40, young=140, seats=120, matched=78,
                                      min_private_share_pct=30)


def test_paired_search_moves_seats_between_openings_at_their_exact_value():
    """Past 30 side-rule openings, does the last search offer seats moved between openings and reach the MILP's score?"""
    # 237 young people, 49 side-rule openings. The optimum closes two seats at a dear
    # refund opening and a non-private seat, and opens seats at three cheaper refund
    # openings, within the budget's last 63,000 øre; the other searches stopped 0.3
    # points short, offered no pairs at that many openings.
    _assert_solves_like_the_milp(random_case(1495, (120, 300)), matched=159)


@pytest.mark.slow
def test_relocation_search_runs_where_the_bound_leaves_a_wide_gap_and_reaches_the_milps_score():
    """At 600x450, where the bound leaves over 0.5 % open, does the search with relocating pairs come within 0.05 % of the MILP?"""
    # Benchmark seed 35: the searches stopped 0.83 % below the optimum, which moves seats
    # among five refund openings (three closed at one, three opened at a dearer one). The
    # first step closes a seat at no loss, as its person moves to a new seat at a cheaper
    # refund opening that nobody else would fill: a pair worth about a match beyond its two
    # prices, which no knapsack move offered at that size. The bound leaves 1.1 % open.
    instance = random_instance(np.random.default_rng(35), 600, 450, tight=True)
    result = solve(instance)
    exact = solve_exact(instance, time_limit=120)
    assert check_result(instance, result) == []
    assert result["stats"]["matched"] == exact["matched"]
    assert result["stats"]["objective"] >= exact["objective"] * (1 - 0.0005)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [7, 11, 14])
def test_large_tight_instance_restarts_from_the_lagrangian_seats_within_a_tenth_of_a_percent(seed):
    """At 2,500x2,000, does the search from the Lagrangian solution's seats bring the bound gap under 0.1 %?"""
    # The seat search from the bisection's start stopped 0.16 % (seed 7) and 0.14 % (seed 11)
    # below the bound; the optimum (a MILP around the LP solution) is within 0.01 % of it.
    # On seed 14 the restart's first feasible seats score below the first search's result,
    # and it reaches 0.04 % only by climbing on from them.
    instance = random_instance(np.random.default_rng(seed), 2500, 2000, tight=True)
    result = solve(instance)
    assert check_result(instance, result) == []
    stats = result["stats"]
    assert stats["upper_bound"] - stats["objective"] <= 0.001 * stats["upper_bound"]
