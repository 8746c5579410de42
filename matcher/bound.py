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
#: grid and with fewer pattern steps (a try evaluated exactly reads every pair: 0.2 ms at
#: 145,000; most are ruled out by a lower bound first, see `_ScreenedBound`).
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
    """Lagrangian bounds from one set of column prices, shifted to other multipliers.

    A point is ``(theta, lam, mu)``. The bound there takes each candidate's
    best margin over all their pairs: that pass over every eligible pair is
    nearly all the cost of a point. The searches only ask whether a point
    beats the best so far, and `_ScreenedBound` answers most of those
    questions from a cheap lower bound instead.
    """

    def __init__(self, model: SideRuleModel, matched: int):
        self.model = model
        self.matched = matched
        self.starts = (np.r_[0, np.nonzero(np.diff(model.cand))[0] + 1] if len(model.cand)
                       else np.zeros(0, int))
        self.degree = np.diff(np.r_[self.starts, len(model.cand)])
        self.capacity = model.capacity.astype(float)  # np.dot casts to this anyway
        self.slack = 0.0 if model.share_blocked else model.slack
        self.budget = model.budget
        self.unit = [1.0, 1.0 / max(model.alpha.max(), 1.0), 1.0 / model.refund_unit]
        self.large = len(model.cand) > COARSE_BOUND_PAIRS

    def charges(self, prices, base, theta, lam, mu):
        """Shifted prices, and each opening's charged weight less its price, at multipliers.

        `theta`, `lam` and `mu` are floats (one point: rows of length m) or
        (k, 1) columns (k points: (k, m) arrays). A batch row goes through
        the same operations as the single point, so its values are the same.
        """
        model = self.model
        theta0, lam0, mu0 = base
        shifted = prices - (theta0 - theta)
        shifted -= (lam - lam0) * model.alpha
        shifted -= (mu - mu0) * model.beta
        np.maximum(shifted, 0.0, out=shifted)
        # Everything but the score is per opening: one gather per pair instead of four passes.
        per_opening = theta - lam * model.alpha
        per_opening -= mu * model.beta
        per_opening -= shifted
        return shifted, per_opening

    def own_terms(self, per_opening):
        """Every pair's margin at one point, and each candidate's best (their own term)."""
        margin = self.model.score + np.take(per_opening, self.model.opening)
        own = np.maximum.reduceat(margin, self.starts) if len(self.starts) else np.zeros(0)
        return margin, own

    def totals(self, own, shifted, points) -> list:
        """The bounds (floats) from each point's candidate terms `own` (k, n) and `shifted` prices (k, m).

        Row sums of a C-ordered array, one `np.dot` per row and float
        arithmetic: the order of operations of a single point, whatever the
        batch.
        """
        held = np.maximum(own, 0.0).sum(axis=1).tolist()
        return [total + float(np.dot(self.capacity, row)) + lam * self.slack + mu * self.budget
                - theta * self.matched
                for total, row, (theta, lam, mu) in zip(held, shifted, points)]

    def value(self, prices, base, theta, lam, mu) -> float:
        """The bound at (theta, lam, mu) from `prices` solved at multipliers `base`."""
        return self.evaluate(prices, base, (theta, lam, mu))[0]

    def evaluate(self, prices, base, point):
        """The bound at `point` over every pair: (bound, pair margins, candidate terms)."""
        theta, lam, mu = (float(x) for x in point)
        shifted, per_opening = self.charges(prices, base, theta, lam, mu)
        margin, own = self.own_terms(per_opening)
        return self.totals(own[None, :], shifted[None, :], [(theta, lam, mu)])[0], margin, own

    def grid(self, prices, base):
        """A coarse grid over (theta, mu), a sweep over lam, then `pattern`: (bound, point)."""
        unit, large = self.unit, self.large
        bound = _ScreenedBound(self, prices, base)
        best, point = bound.at(base), list(base)
        # Multipliers live on the score scale: a match is worth up to 100 points.
        coarse = np.arange(0.0, 301.0, 50.0 if not large else 75.0)
        mus = np.arange(0.0, 601.0, 50.0 if not large else 100.0)
        scan = [[float(theta), 0.0, float(mu * unit[2])] for theta in coarse for mu in mus]
        best, point = _walk(bound, scan, best, point)
        # theta and mu stay put along the lam sweep.
        lams = [float(lam) * unit[1] for lam in np.geomspace(1.0, 400.0, 9)]
        best, point = _walk(bound, [[point[0], lam, point[2]] for lam in lams], best, point)
        return self._pattern(bound, point)

    def pattern(self, prices, base, point):
        """Pattern search from `point` with `prices` solved at `base`: (bound, point)."""
        return self._pattern(_ScreenedBound(self, prices, base), point)

    def _pattern(self, bound, point):
        unit = self.unit
        point = list(point)
        best = bound.at(point)
        steps = [5.0, max(point[1], unit[1]) * 0.25, 5.0 * unit[2]]
        # Along single axes and pairs of axes: the valley often runs diagonally
        # (a higher value per match needs a higher charge per refund).
        directions = [(t, 0.0, m) for t, m in itertools.product((-1.0, 0.0, 1.0), repeat=2) if t or m]
        if point[1] > 0:
            directions += [(0.0, 1.0, 0.0), (0.0, -1.0, 0.0)]

        def trial_at(index, centre):
            return [max(0.0, centre[axis] + directions[index][axis] * steps[axis]) for axis in range(3)]

        for _ in range(25 if not self.large else 8):
            best, point, improved = _sweep(bound, len(directions), trial_at, best, point, 1e-9)
            if not improved:
                steps = [step / 2.0 for step in steps]
                if steps[0] < 1e-3 and steps[1] < 1e-3 * unit[1] and steps[2] < 1e-3 * unit[2]:
                    break
        return best, point


def _walk(bound, trials, best: float, point):
    """Walk the fixed list `trials` in order, moving to each below the best so far: (best, point).

    Bounds screened from an earlier point's pairs stay valid after a move,
    only looser: the rest are screened again from the new point's pairs
    when one of them fails to rule its trial out.
    """
    lowers, fresh = bound.screen(trials), True
    for index, trial in enumerate(trials):
        if not fresh and not bound.rules_out(lowers[index], best):
            lowers[index:] = bound.screen(trials[index:])
            fresh = True
        value = bound.beats(trial, best, lowers[index])
        if value is not None:
            best, point, fresh = value, trial, False
    return best, point


def _sweep(bound, count: int, trial_at, best: float, point, tolerance: float):
    """Try ``trial_at(index, point)`` for index 0..count-1 in turn: (best, point, moved).

    Moves to every trial whose bound is below ``best - tolerance``; the
    later trials are taken from the point moved to. The trials left from
    one point are screened in one batch, so a move means screening the rest
    again, from the new point.
    """
    moved = False
    index = 0
    while index < count:
        trials = [trial_at(later, point) for later in range(index, count)]
        for trial, lower in zip(trials, bound.screen(trials)):
            index += 1
            value = bound.beats(trial, best - tolerance, lower)
            if value is not None:
                best, point, moved = value, trial, True
                break
    return best, point, moved


class _ScreenedBound:
    """The bound at any point, for one set of prices, computed exactly only where it matters.

    A candidate's term is their best margin over all their pairs. The margin
    of any one of those pairs, computed by the same floating-point
    operations, is never above it, and every later step (clamp at zero, row
    sum in the same order, the same price terms) is monotone. So the bound
    with one *reference pair* per candidate (their best pair at the search's
    current point, which stays best or nearly at the points tried next to
    it) is a lower bound on the exact value, at a cost per candidate rather
    than per pair. A trial whose lower bound already reaches the limit cannot
    beat it and is skipped; the others are evaluated exactly, as before. The
    searches take the same decisions with the same values: only evaluations
    that could not change a decision are left out.
    """

    #: A lower bound must clear the limit by this much (relative: a few units in the
    #: last place) for a trial to be skipped, so no skip rests on the last bit. It
    #: must stay well under the pattern search's 1e-9, or a trial that merely
    #: returns to the current point would be evaluated again.
    CLEARANCE = 8 * np.finfo(float).eps

    def __init__(self, search: _BoundSearch, prices, base):
        self.search = search
        self.prices = prices
        self.base = base
        self.last = None  # (margin, own) of the latest exact evaluation
        self.reference_opening = self.reference_score = None

    def at(self, point) -> float:
        """The exact bound at `point`, whose best pairs become the reference."""
        value = self._evaluate(point)
        self._centre()
        return value

    def screen(self, points) -> list:
        """Lower bounds on the bound at `points`, from the reference pairs, in one batch."""
        columns = np.array(points, dtype=float).T[:, :, None]
        shifted, per_opening = self.search.charges(self.prices, self.base, *columns)
        own = np.take(per_opening, self.reference_opening, axis=1)
        own += self.reference_score
        return self.search.totals(own, shifted, points)

    def beats(self, point, limit: float, lower: float):
        """The bound at `point` if it is below `limit` (``None`` if not), given a `lower` bound on it.

        The search moves to a point that beats its limit, so that point's
        best pairs become the reference.
        """
        if self.rules_out(lower, limit):
            return None
        value = self._evaluate(point)
        if value >= limit:
            return None
        self._centre()
        return value

    def rules_out(self, lower: float, limit: float) -> bool:
        """Whether a point with this `lower` bound surely is not below `limit`."""
        return lower - limit >= self.CLEARANCE * max(abs(limit), 1.0)

    def _evaluate(self, point) -> float:
        value, *self.last = self.search.evaluate(self.prices, self.base, point)
        return value

    def _centre(self) -> None:
        """Make each candidate's best pair at the last point evaluated their reference pair."""
        margin, own = self.last
        search = self.search
        # The first pair reaching the candidate's best margin (any would do); every
        # candidate has one, at or after the start of their run of pairs.
        reaching = np.flatnonzero(margin == np.repeat(own, search.degree))
        best_pair = reaching[np.searchsorted(reaching, search.starts)]
        self.reference_opening = search.model.opening[best_pair]
        self.reference_score = search.model.score[best_pair]
