import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.assign import (
    MoveGraph,
    SeatGraph,
    dual_bound,
    opening_prices,
    prune_edges,
    seat_move_values,
)

SMALL = settings(max_examples=60, deadline=None)


@st.composite
def small_graphs(draw):
    n = draw(st.integers(1, 5))
    m = draw(st.integers(1, 3))
    capacity = np.array(draw(st.lists(st.integers(0, 2), min_size=m, max_size=m)))
    pairs = sorted(draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, m - 1)), min_size=1)))
    weight = np.array(draw(st.lists(st.integers(-20, 100), min_size=len(pairs), max_size=len(pairs))), float)
    cand = np.array([i for i, _ in pairs])
    opening = np.array([j for _, j in pairs])
    return n, capacity, cand, opening, weight


def brute_force(n, capacity, cand, opening, weight):
    """Best total weight over every way to give each candidate one of its edges or nothing."""
    options = [[-1] + [e for e in range(len(cand)) if cand[e] == i] for i in range(n)]
    best = 0.0
    for choice in itertools.product(*options):
        used = np.zeros(len(capacity), int)
        total = 0.0
        for e in choice:
            if e >= 0:
                used[opening[e]] += 1
                total += weight[e]
        if (used <= capacity).all():
            best = max(best, total)
    return best


def value(assigned, cand, opening, weight):
    return sum(weight[(cand == i) & (opening == j)][0] for i, j in enumerate(assigned) if j >= 0)


@pytest.mark.parametrize("dense", [True, False], ids=["dense", "sparse"])
@SMALL
@given(graph=small_graphs())
def test_seat_graph_finds_the_brute_force_optimum(graph, dense):
    """Does the seat assignment, dense or sparse, reach the best total weight found by brute force?"""
    n, capacity, cand, opening, weight = graph
    assigned = SeatGraph(cand, opening, capacity, n, dense=dense).solve(weight)
    assert (np.bincount(assigned[assigned >= 0], minlength=len(capacity)) <= capacity).all()
    assert abs(value(assigned, cand, opening, weight) - brute_force(*graph)) < 1e-9


@pytest.mark.parametrize("dense", [True, False], ids=["dense", "sparse"])
@SMALL
@given(graph=small_graphs(), other=st.lists(st.integers(0, 2), min_size=3, max_size=3))
def test_seat_graph_with_other_capacity_finds_its_optimum(graph, other, dense):
    """Does a graph re-expanded with other seats per opening solve as well as one built for them?"""
    n, capacity, cand, opening, weight = graph
    other = np.array(other[: len(capacity)])
    assigned = SeatGraph(cand, opening, capacity, n, dense=dense).with_capacity(other).solve(weight)
    assert (np.bincount(assigned[assigned >= 0], minlength=len(capacity)) <= other).all()
    assert abs(value(assigned, cand, opening, weight) - brute_force(n, other, cand, opening, weight)) < 1e-9


@SMALL
@given(small_graphs())
def test_prices_give_a_tight_valid_bound(graph):
    """Do the optimal assignment's prices bound it from above, with no gap?"""
    n, capacity, cand, opening, weight = graph
    assigned = SeatGraph(cand, opening, capacity, n).solve(weight)
    usable = np.minimum(capacity, np.bincount(opening, minlength=len(capacity)))
    for lowest in (False, True):
        prices = opening_prices(cand, opening, weight, assigned, usable, lowest=lowest)
        bound = dual_bound(cand, weight, n, usable, (prices[opening], prices))
        assert bound >= brute_force(*graph) - 1e-9
        assert abs(bound - brute_force(*graph)) < 1e-6


def _seat_move_gain(graph, closed, opened):
    """The best weight with one seat moved from `closed` to `opened`, minus the best before."""
    n, capacity, cand, opening, weight = graph
    usable = np.minimum(capacity, np.bincount(opening, minlength=len(capacity)))
    moved = usable.copy()
    moved[closed] -= 1
    moved[opened] += 1
    return brute_force(n, moved, cand, opening, weight) - brute_force(n, usable, cand, opening, weight)


def _solved(graph):
    """Seats each opening can use, and the optimal assignment on them."""
    n, capacity, cand, opening, weight = graph
    usable = np.minimum(capacity, np.bincount(opening, minlength=len(capacity)))
    return usable, SeatGraph(cand, opening, usable, n).solve(weight)


@SMALL
@given(small_graphs())
def test_seat_move_values_equal_brute_force(graph):
    """Is the value of moving one seat from k to j what re-solving with those seats gives?"""
    _, _, cand, opening, weight = graph
    usable, assigned = _solved(graph)
    for target in range(len(usable)):
        values = seat_move_values(cand, opening, weight, assigned, usable, target)
        assert values[target] == 0.0
        for k in np.nonzero(usable > 0)[0]:
            if k != target:
                assert abs(values[k] - _seat_move_gain(graph, k, target)) < 1e-6


@SMALL
@given(small_graphs())
def test_seat_move_values_closing_equal_brute_force(graph):
    """Is the value of closing a seat at j to open one at k what re-solving with those seats gives?"""
    _, _, cand, opening, weight = graph
    usable, assigned = _solved(graph)
    for closed in np.nonzero(usable > 0)[0]:
        values = seat_move_values(cand, opening, weight, assigned, usable, closed, closing=True)
        for k in range(len(usable)):
            if k != closed:
                assert abs(values[k] - _seat_move_gain(graph, closed, k)) < 1e-6


@SMALL
@given(small_graphs())
def test_seat_move_table_searches_every_closed_seat_at_once_as_brute_force_does(graph):
    """Does one batched search give, per closed seat, what re-solving with those seats gives?"""
    _, _, cand, opening, weight = graph
    usable, assigned = _solved(graph)
    closed = np.nonzero(usable > 0)[0]
    table = MoveGraph(cand, opening, weight, assigned, usable).seat_move_table(closed, closing=True)
    assert table.shape == (len(closed), len(usable))
    for row, k in zip(table, closed):
        for j in range(len(usable)):
            if j != k:
                assert abs(row[j] - _seat_move_gain(graph, k, j)) < 1e-6


@SMALL
@given(small_graphs(), st.lists(st.floats(0, 50), min_size=3, max_size=3))
def test_any_prices_give_a_valid_bound(graph, raw_prices):
    """Is the bound from arbitrary non-negative prices still never below the optimum?"""
    n, capacity, cand, opening, weight = graph
    prices = np.array(raw_prices[: len(capacity)])
    assert dual_bound(cand, weight, n, capacity, (prices[opening], prices)) >= brute_force(*graph) - 1e-9


def test_pruning_keeps_the_best_per_candidate_and_group():
    """Does pruning keep each candidate's best edges within each group?"""
    cand = np.array([0, 0, 0, 0, 1])
    opening = np.array([0, 1, 2, 3, 0])
    weight = np.array([10.0, 30.0, 20.0, 5.0, 1.0])
    group = np.array([0, 0, 1, 1, 0])
    assert prune_edges(cand, opening, weight, group, 1).tolist() == [1, 2, 4]
