"""The bound's multiplier search: screening trials by a lower bound changes none of its answers."""

import itertools

import numpy as np
import pytest

import matcher.lagrange
from matcher import random_instance, solve
from matcher.bound import _BoundSearch, _ScreenedBound
from matcher.assign import opening_prices


def plain_grid(search, prices, base):
    """The grid and pattern search as first written: every trial evaluated over every pair."""
    unit, large = search.unit, search.large
    best, point = search.value(prices, base, *base), list(base)
    for theta in np.arange(0.0, 301.0, 50.0 if not large else 75.0):
        for mu in np.arange(0.0, 601.0, 50.0 if not large else 100.0):
            value = search.value(prices, base, theta, 0.0, mu * unit[2])
            if value < best:
                best, point = value, [theta, 0.0, mu * unit[2]]
    for lam in [float(v) for v in np.geomspace(1.0, 400.0, 9)]:
        value = search.value(prices, base, point[0], lam * unit[1], point[2])
        if value < best:
            best, point = value, [point[0], lam * unit[1], point[2]]
    return plain_pattern(search, prices, base, point)


def plain_pattern(search, prices, base, point):
    unit = search.unit
    point = list(point)
    best = search.value(prices, base, *point)
    steps = [5.0, max(point[1], unit[1]) * 0.25, 5.0 * unit[2]]
    directions = [(t, 0.0, m) for t, m in itertools.product((-1.0, 0.0, 1.0), repeat=2) if t or m]
    if point[1] > 0:
        directions += [(0.0, 1.0, 0.0), (0.0, -1.0, 0.0)]
    for _ in range(25 if not search.large else 8):
        improved = False
        for direction in directions:
            trial = [max(0.0, point[axis] + direction[axis] * steps[axis]) for axis in range(3)]
            value = search.value(prices, base, *trial)
            if value < best - 1e-9:
                best, point, improved = value, trial, True
        if not improved:
            steps = [step / 2.0 for step in steps]
            if steps[0] < 1e-3 and steps[1] < 1e-3 * unit[1] and steps[2] < 1e-3 * unit[2]:
                break
    return best, point


def bound_inputs(monkeypatch, n, seats, seed):
    """The (search, prices, base) of each bound a tight solve asks for."""
    calls = []
    real = matcher.lagrange.lagrangian_bound

    def recording(model, restricted, matched, objective):
        calls.append((model, restricted, matched))
        return real(model, restricted, matched, objective)

    monkeypatch.setattr(matcher.lagrange, "lagrangian_bound", recording)
    solve(random_instance(np.random.default_rng(seed), n, seats, tight=True))
    inputs = []
    for model, (edges, graph, weight, assigned, per_match), matched in calls:
        prices = opening_prices(model.cand[edges], model.opening[edges], weight, assigned,
                                graph.capacity, lowest=True)
        inputs.append((_BoundSearch(model, matched), prices, (per_match, 0.0, 0.0)))
    assert inputs
    return inputs


@pytest.mark.parametrize("n, seats, seed", [(120, 80, 1), (120, 80, 5), (300, 220, 3)])
def test_screened_search_finds_the_same_bound_and_point_as_evaluating_every_trial(monkeypatch, n, seats, seed):
    """Do the grid and pattern searches give the very same bound and multipliers as the plain search?"""
    for search, prices, base in bound_inputs(monkeypatch, n, seats, seed):
        best, point = search.grid(prices, base)
        assert (best, point) == plain_grid(search, prices, base)
        # From its own point as base too, as the refinement runs it (lam > 0 adds two directions).
        start = [point[0], max(point[1], search.unit[1]), point[2]]
        assert search.pattern(prices, start, start) == plain_pattern(search, prices, start, start)


def test_screened_lower_bounds_never_exceed_the_bound_and_are_exact_at_the_reference_point(monkeypatch):
    """Is every screened bound at most the exact one, and equal to it where its pairs were chosen?"""
    search, prices, base = bound_inputs(monkeypatch, 300, 220, 3)[0]
    rng = np.random.default_rng(0)
    points = np.c_[rng.uniform(0, 300, 60), rng.uniform(0, 4 * search.unit[1], 60),
                   rng.uniform(0, 600 * search.unit[2], 60)].tolist()
    for reference in points[:5]:
        bound = _ScreenedBound(search, prices, base)
        assert bound.at(reference) == search.value(prices, base, *reference)
        lowers = bound.screen(points)
        exact = [search.value(prices, base, *point) for point in points]
        assert all(lower <= value for lower, value in zip(lowers, exact))
        assert bound.screen([reference]) == [search.value(prices, base, *reference)]
