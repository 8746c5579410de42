"""A proven Lagrangian bound on the best score, from any solve's column prices.

See `lagrangian_bound`.
"""

from __future__ import annotations

import itertools

import numpy as np

from .assign import opening_prices
from .side_rules import FULL_GRAPH_PAIRS, SideRuleModel

__all__ = ["lagrangian_bound"]

#: Exact assignment solves at the best multipliers found, each followed by a new
#: local search from its prices, to tighten the bound.
BOUND_REFINEMENTS = 1
#: Beyond this many eligible pairs the bound's multipliers are searched on a coarser
#: grid and with fewer pattern steps (each try reads every pair: 0.3 ms at 145,000).
COARSE_BOUND_PAIRS = 100_000
#: A bound this close to the objective (relative) is not refined further.
BOUND_CLOSE_ENOUGH = 1e-5


def lagrangian_bound(model: SideRuleModel, restricted, matched: int, objective: float):
    """Proven bound on total score for `matched` matches, from a solve's column prices.

    Returns ``(bound, lagrangian)``: the bound, and the assignment solved at
    the best multipliers (``None`` if none was), which may break the rules.

    The capped assignment `restricted` is optimal for its capacities, so
    its lowest column prices are exact there. Shifting each price with its
    column's change in weight (match value ``theta`` instead of the solve's,
    side-rule charges ``lam`` and ``mu``) and clamping at zero keeps them
    feasible for the dual of the full problem (all eligible pairs, all
    seats) once each candidate's own term is recomputed over all their
    pairs; every such point is a valid Lagrangian bound. A grid and a
    pattern search over (theta, lam, mu) keep the smallest. Shifted prices
    drift from the optimal ones the further the point is from where they
    were solved, so unless the bound is already within `BOUND_CLOSE_ENOUGH`
    of `objective`, the assignment is solved exactly at the best point
    (`BOUND_REFINEMENTS` times, unless the graph is pruned) and the search
    resumes from its prices.
    """
    edges, graph, weight, assigned, per_match = restricted
    prices = opening_prices(model.cand[edges], model.opening[edges], weight, assigned,
                            graph.capacity, lowest=True)
    search = _BoundSearch(model, matched)
    best, point = search.grid(prices, (per_match, 0.0, 0.0))
    lagrangian = None
    # On pruned instances a solve takes seconds: the bound stays as the search left it.
    refinements = BOUND_REFINEMENTS if len(model.cand) <= FULL_GRAPH_PAIRS else 0
    for _ in range(refinements):
        if best - objective <= BOUND_CLOSE_ENOUGH * max(abs(best), 1.0):
            break
        theta, lam, mu = point
        weight = (theta + model.score - lam * model.edge_alpha - mu * model.edge_beta)[model.kept]
        lagrangian = model.graph.solve(weight)
        prices = opening_prices(model.cand[model.kept], model.opening[model.kept], weight, lagrangian,
                                model.graph.capacity, lowest=True)
        value, point = search.pattern(prices, point, point)
        if value >= best - 1e-6:
            break
        best = value
    return best, lagrangian


class _BoundSearch:
    """Lagrangian bounds from one set of column prices, shifted to other multipliers."""

    def __init__(self, model: SideRuleModel, matched: int):
        self.model = model
        self.matched = matched
        self.starts = (np.r_[0, np.nonzero(np.diff(model.cand))[0] + 1] if len(model.cand)
                       else np.zeros(0, int))
        self.unit = [1.0, 1.0 / max(model.alpha.max(), 1.0), 1.0 / model.refund_unit]
        self.large = len(model.cand) > COARSE_BOUND_PAIRS

    def value(self, prices, base, theta, lam, mu) -> float:
        """The bound at (theta, lam, mu) from `prices` solved at multipliers `base`."""
        model = self.model
        theta0, lam0, mu0 = base
        shifted = np.maximum(prices - (theta0 - theta) - (lam - lam0) * model.alpha
                             - (mu - mu0) * model.beta, 0.0)
        # Everything but the score is per opening: one gather instead of four passes.
        per_opening = theta - lam * model.alpha - mu * model.beta - shifted
        margin = model.score + per_opening[model.opening]
        own = np.maximum.reduceat(margin, self.starts) if len(self.starts) else np.zeros(0)
        slack = 0.0 if model.share_blocked else model.slack
        return float(np.maximum(own, 0.0).sum() + np.dot(model.capacity, shifted)
                     + lam * slack + mu * model.budget - theta * self.matched)

    def grid(self, prices, base):
        """A coarse grid over (theta, mu), a sweep over lam, then `pattern`: (bound, point)."""
        unit, large = self.unit, self.large
        best, point = self.value(prices, base, *base), list(base)

        def scan(thetas, mus, lam):
            nonlocal best, point
            for theta in thetas:
                for mu in mus:
                    value = self.value(prices, base, theta, lam, mu * unit[2])
                    if value < best:
                        best, point = value, [theta, lam, mu * unit[2]]

        # Multipliers live on the score scale: a match is worth up to 100 points.
        coarse = np.arange(0.0, 301.0, 50.0 if not large else 75.0)
        scan(coarse, np.arange(0.0, 601.0, 50.0 if not large else 100.0), 0.0)
        for lam in [float(v) for v in np.geomspace(1.0, 400.0, 9)]:
            value = self.value(prices, base, point[0], lam * unit[1], point[2])
            if value < best:
                best, point = value, [point[0], lam * unit[1], point[2]]
        return self.pattern(prices, base, point)

    def pattern(self, prices, base, point):
        """Pattern search from `point` with `prices` solved at `base`: (bound, point)."""
        unit = self.unit
        point = list(point)
        best = self.value(prices, base, *point)
        steps = [5.0, max(point[1], unit[1]) * 0.25, 5.0 * unit[2]]
        # Along single axes and pairs of axes: the valley often runs diagonally
        # (a higher value per match needs a higher charge per refund).
        directions = [(t, 0.0, m) for t, m in itertools.product((-1.0, 0.0, 1.0), repeat=2) if t or m]
        if point[1] > 0:
            directions += [(0.0, 1.0, 0.0), (0.0, -1.0, 0.0)]
        for _ in range(25 if not self.large else 8):
            improved = False
            for direction in directions:
                trial = [max(0.0, point[axis] + direction[axis] * steps[axis]) for axis in range(3)]
                value = self.value(prices, base, *trial)
                if value < best - 1e-9:
                    best, point, improved = value, trial, True
            if not improved:
                steps = [step / 2.0 for step in steps]
                if steps[0] < 1e-3 and steps[1] < 1e-3 * unit[1] and steps[2] < 1e-3 * unit[2]:
                    break
        return best, point
