"""Constrained assignment: Lagrange multipliers on the side rules, repair, seat search, bound.

The two side rules are linear in the matches:

- private share: ``sum(alpha_j x_ij) <= share_slack`` with ``alpha_j =
  pct`` for a non-private leisure opening, ``pct - 100`` for a private one
  and 0 for an apprenticeship (``share_slack = 100 P0 - pct L0``);
- refund cap: ``sum(refund_j x_ij) <= budget``.

Each match is worth ``M + score`` with ``M`` larger than any total score, so
more matches always win. The steps:

1. **Multipliers.** Moving the side rules into the weights with
   multipliers ``lam`` and ``mu`` leaves a plain assignment problem (one
   `SeatGraph.solve`). Starting from no charge, the multiplier of a broken
   rule is raised (first guess read off the column prices, then bracketed
   and bisected) until the assignment obeys it.
2. **Repair and improve.** The assignments seen are made exactly feasible
   by dropping the matches that use most of a broken rule per point, then
   improved by filling free seats and moving people to better free seats
   without breaking a rule.
3. **Seat search.** With side-rule openings capped at the seats in use the
   assignment is re-solved exactly; its lowest and highest column prices
   say what one more seat at an opening would add and one fewer would
   cost, so seats are opened, closed or swapped within the room both rules
   leave, and re-solved while that helps. (Multipliers alone cannot do this
   when many openings share one refund amount: they all switch at once.)
   Each round may first try a compound move chosen by a small knapsack
   over the same prices (close three cheap refund seats, open two dear
   ones).
4. **Bound.** The prices of the last capped solve, shifted by the
   multipliers and clamped at zero, are feasible for the dual of the full
   problem, so they give a proven Lagrangian bound; the multipliers are
   chosen on a grid and by pattern search, then the assignment is solved
   once more at the best multipliers and the search resumes from its
   exact prices.
5. **Restart.** The Lagrangian solution at those multipliers is often
   near the LP optimum, so the seat search runs again from it: from its
   matches, repaired, or from its seats per side-rule opening, which the
   knapsack move fits to the rules' room.

How much of this an instance gets depends on its size (`_effort`): where a
solve takes milliseconds, all of it, with long searches; around 2,500×2,000
the bisection and the first search are skipped for the restart from the
Lagrangian seats, which gets closer in fewer solves; where the graph is
pruned, no restart.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from .assign import MoveGraph, SeatGraph, opening_prices, prune_edges
from .types import OTHER_LEISURE, PRIVATE_LEISURE, REFUND_LEISURE, Pairs, Problem

__all__ = ["Outcome", "constrained_assignment"]

#: Below this many eligible pairs the solver sees every pair (no pruning).
FULL_GRAPH_PAIRS = 150_000
#: Best openings kept per candidate and side-rule class on larger instances.
KEEP_PER_CLASS = 15
#: Best candidates kept per seat of each opening on larger instances.
KEEP_PER_SEAT = 4
#: Openings per seat-search round whose exact seat-swap values are computed (one
#: shortest-path search each, to or from them) when prices alone do not pay for a swap.
SWAP_TARGETS = 3
#: Bonuses (score points per private leisure seat) a capped solve that fills too
#: few private seats for the share rule is repeated with, smallest first.
PRIVATE_BONUSES = (2.0, 8.0, 32.0, 128.0)
#: Exact assignment solves at the best multipliers found, each followed by a new
#: local search from its prices, to tighten the bound.
BOUND_REFINEMENTS = 1
#: Beyond this many eligible pairs the bound's multipliers are searched on a coarser
#: grid and with fewer pattern steps (each try reads every pair: 0.3 ms at 145,000).
COARSE_BOUND_PAIRS = 100_000
#: A bound this close to the objective (relative) is not refined further.
BOUND_CLOSE_ENOUGH = 1e-5
#: Up to this many eligible pairs (where a solve takes milliseconds) the search is
#: thorough: a multiplier bisection, long seat searches and a restart (see `_effort`).
THOROUGH_PAIRS = 50_000
#: Seats a side-rule opening may lose in one knapsack move of the seat search (it may
#: gain one: its lowest price values the first new seat only).
KNAPSACK_CLOSED_SEATS = 2
#: Most side-rule openings a knapsack move takes every item of (600x450 has 70-85):
#: beyond that HiGHS's branch and bound may take seconds, so it keeps a core.
KNAPSACK_OPENINGS = 120
#: Beyond `KNAPSACK_OPENINGS` side-rule openings a knapsack move keeps this many items
#: of each kind (new seats, closed seats): those nearest the margin.
KNAPSACK_CORE = 40
#: New seats per opening a knapsack move over its core may offer.
KNAPSACK_CORE_NEW_SEATS = 3
#: Up to this many side-rule openings a knapsack move also offers exactly valued seat
#: moves between two openings (one shortest-path search per opening with a seat to close).
PAIRED_KNAPSACK_OPENINGS = 30
#: Seat moves offered per opening a seat leaves, the best first.
PAIRS_PER_CLOSED_SEAT = 3


@dataclass(frozen=True)
class Outcome:
    """What the constrained assignment found.

    Attributes
    ----------
    assigned : numpy.ndarray of int
        Opening index per candidate, ``-1`` if unmatched.
    unconstrained : numpy.ndarray of int
        The same ignoring both side rules (for explanations).
    upper_bound : float
        Proven bound on the total score of any feasible result with as
        many matches as `assigned`.
    share_blocked : bool
        Earlier placements already put the private share below target, so
        non-private leisure openings were closed for this run.
    method : str
        How the result was reached.
    evaluations : int
        Assignment problems solved.
    """

    assigned: np.ndarray
    unconstrained: np.ndarray
    upper_bound: float
    share_blocked: bool
    method: str
    evaluations: int


class _Model:
    """Edges, side-rule coefficients and cached Lagrangian evaluations."""

    def __init__(self, problem: Problem, pairs: Pairs, keep: int | None):
        policy = problem.policy
        pct = policy.min_private_share_pct
        klass = problem.open_class
        self.n, self.m = problem.n, problem.m
        self.klass = klass
        self.alpha = np.where(
            klass == PRIVATE_LEISURE, pct - 100,
            np.where((klass == OTHER_LEISURE) | (klass == REFUND_LEISURE), pct, 0),
        ).astype(np.float64)
        self.beta = problem.refund.astype(np.float64)
        self.share_blocked = policy.share_slack < 0
        self.slack = float(policy.share_slack)
        self.budget = float(policy.refund_budget_ore)
        usable = np.ones(len(pairs.cand), dtype=bool)
        if self.share_blocked:
            # Earlier placements already miss the target; a run cannot undo them, so it
            # only adds private leisure jobs and apprenticeships (see check_result).
            usable = self.alpha[pairs.opening] <= 0
        self.cand = pairs.cand[usable]
        self.opening = pairs.opening[usable]
        self.score = pairs.score[usable]
        degree = np.bincount(self.opening, minlength=self.m)
        self.capacity = np.minimum(problem.seats, degree)
        reachable = len(np.unique(self.cand))
        self.big = 100.0 * (min(reachable, int(self.capacity.sum())) + 1)
        self.base = self.big + self.score
        self.edge_alpha = self.alpha[self.opening]
        self.edge_beta = self.beta[self.opening]
        if keep is None:
            keep = 0 if len(self.cand) <= FULL_GRAPH_PAIRS else KEEP_PER_CLASS
        self.kept = prune_edges(self.cand, self.opening, self.score, klass[self.opening], keep)
        if keep:
            # Each opening also keeps its best few candidates per seat, so no seat is
            # cut off because it is nobody's top choice (that would cost matches).
            by_opening = prune_edges(self.opening, self.cand, self.score,
                                     np.zeros(len(self.cand), dtype=np.int64), 0,
                                     limit=KEEP_PER_SEAT * self.capacity[self.opening])
            self.kept = np.union1d(self.kept, by_opening)
        self.graph = SeatGraph(self.cand[self.kept], self.opening[self.kept], self.capacity, self.n)
        self.cache: dict = {}
        refunds = self.beta[self.beta > 0]
        self.refund_unit = float(refunds.mean()) if len(refunds) else 1.0
        self.weight_key = self.cand * (self.m + 1) + self.opening

    def adjusted(self, lam: float, mu: float):
        return self.base - lam * self.edge_alpha - mu * self.edge_beta

    def evaluate(self, lam: float, mu: float):
        key = (lam, mu)
        if key not in self.cache:
            assigned = self.graph.solve(self.adjusted(lam, mu)[self.kept])
            self.cache[key] = assigned
        return self.cache[key]

    def violations(self, assigned):
        chosen = assigned[assigned >= 0]
        share = -1.0 if self.share_blocked else float(self.alpha[chosen].sum() - self.slack)
        refund = float(self.beta[chosen].sum() - self.budget)
        return share, refund

    def feasible(self, assigned) -> bool:
        share, refund = self.violations(assigned)
        return share <= 0 and refund <= 0

    def edge_index(self, cands, openings):
        """Edge positions of (candidate, opening) pairs; edges are sorted by both."""
        return np.searchsorted(self.weight_key, cands * (self.m + 1) + openings)

    def value(self, assigned):
        """(matches, total score) - compared lexicographically."""
        rows = np.nonzero(assigned >= 0)[0]
        if len(rows) == 0:
            return 0, 0.0
        return len(rows), float(self.score[self.edge_index(rows, assigned[rows])].sum())


def _estimate(model: _Model, lam: float, mu: float):
    """Next multipliers from one evaluation, read off its column prices.

    A seat's lowest column price is what it adds to the assignment; with
    the multipliers' charge added back it is the seat's worth. A charge of
    ``c`` per unit of a broken rule empties the seats worth less than
    ``c`` per unit they use, so sorting the filled seats by worth per unit
    and taking enough to clear the excess gives the multiplier a bisection
    would converge to, to first order.
    """
    weight = model.adjusted(lam, mu)[model.kept]
    assigned = model.evaluate(lam, mu)
    prices = opening_prices(model.cand[model.kept], model.opening[model.kept], weight, assigned,
                            model.graph.capacity, lowest=True)
    worth = prices + lam * model.alpha + mu * model.beta
    usage = np.bincount(assigned[assigned >= 0], minlength=model.m)
    share, refund = model.violations(assigned)
    estimates = []
    for multiplier, excess, charge in ((lam, share, model.alpha), (mu, refund, model.beta)):
        seats = np.nonzero((charge > 0) & (usage > 0))[0]
        if excess <= 0 or len(seats) == 0:
            estimates.append(multiplier)
            continue
        ratio = worth[seats] / charge[seats]
        order = np.lexsort((seats, ratio))
        cleared = np.cumsum((usage[seats] * charge[seats])[order])
        k = min(int(np.searchsorted(cleared, excess)), len(order) - 1)
        estimates.append(max(multiplier, float(ratio[order[k]]) * 1.02 + 1e-9))
    return estimates[0], estimates[1]


def _search(model: _Model, which: int, lam: float, mu: float, budget: list[int]):
    """Smallest multiplier `which` (0: share, 1: refund) that meets that rule; the other fixed.

    The first guess comes from `_estimate`; then the bracket is widened
    (x4) until the rule holds and bisected until it is narrower than a
    quarter of a score point per match. Returns ``(low, high)``: the rule is
    broken at ``low`` and holds at ``high``.
    """
    def broken(value):
        point = (value, mu) if which == 0 else (lam, value)
        budget[0] -= 1
        return model.violations(model.evaluate(*point))[which] > 0

    start = lam if which == 0 else mu
    unit = 1.0 / model.alpha.max() if which == 0 else 1.0 / model.refund_unit
    guess = _estimate(model, lam, mu)[which]
    low, high = start, max(guess, start + unit)
    while broken(high):
        low, high = high, high + 4.0 * (high - start)
        if budget[0] <= 0:
            return low, high
    while (high - low) > 0.25 * unit and budget[0] > 0:
        middle = (low + high) / 2.0
        if broken(middle):
            low = middle
        else:
            high = middle
    return low, high


def _improve(model: _Model, assigned, seats):
    """Fill free seats and move people to better free seats while both rules hold."""
    assigned = assigned.copy()
    usage = np.bincount(assigned[assigned >= 0], minlength=model.m)
    share, refund = model.violations(assigned)
    current = np.full(model.n, -1.0)
    rows = np.nonzero(assigned >= 0)[0]
    current[rows] = model.score[model.edge_index(rows, assigned[rows])]
    # The moves are taken one at a time in plain Python: lists index far faster than arrays.
    alpha, beta, seat_list = model.alpha.tolist(), model.beta.tolist(), seats.tolist()
    watch_share = not model.share_blocked
    for _ in range(4):
        free = usage[model.opening] < seats[model.opening]
        mine = assigned[model.cand]
        gain = np.where(mine < 0, model.big + model.score, model.score - current[model.cand])
        options = np.nonzero(free & (mine != model.opening) & (gain > 1e-9))[0]
        if len(options) == 0:
            break
        # A person moves at most once a pass: their three best options are plenty.
        options = options[prune_edges(model.cand[options], model.opening[options],
                                      np.where(mine[options] < 0, model.score[options], gain[options]),
                                      np.zeros(len(options), dtype=np.int64), 3)]
        # Private seats first: they make room under the share rule for the rest.
        order = options[np.lexsort((model.opening[options], model.cand[options],
                                    -gain[options], model.edge_alpha[options] > 0))]
        places, used, fit = assigned.tolist(), usage.tolist(), current.tolist()
        changed = False
        for i, j, score in zip(model.cand[order].tolist(), model.opening[order].tolist(),
                               model.score[order].tolist()):
            old = places[i]
            if used[j] >= seat_list[j] or score - (fit[i] if old >= 0 else -model.big) <= 1e-9:
                continue
            d_share = alpha[j] - (alpha[old] if old >= 0 else 0.0)
            d_refund = beta[j] - (beta[old] if old >= 0 else 0.0)
            if (watch_share and share + d_share > 0 and d_share > 0) or (
                refund + d_refund > 0 and d_refund > 0
            ):
                continue
            if old >= 0:
                used[old] -= 1
            used[j] += 1
            places[i] = j
            fit[i] = score
            share += d_share if watch_share else 0.0
            refund += d_refund
            changed = True
        if not changed:
            break
        assigned = np.array(places, dtype=np.int64)
        usage = np.array(used, dtype=np.int64)
        current = np.array(fit)
    return assigned


def _repair(model: _Model, assigned):
    """Drop the matches that cost most rule per point of score until both rules hold."""
    assigned = assigned.copy()
    share, refund = model.violations(assigned)
    rows = np.nonzero(assigned >= 0)[0]
    if share <= 0 and refund <= 0:
        return assigned
    score = model.score[model.edge_index(rows, assigned[rows])]
    alpha = model.alpha[assigned[rows]]
    beta = model.beta[assigned[rows]]
    # How much of each broken rule a match uses, per point it is worth.
    pressure = (np.maximum(alpha, 0) * (share > 0) / max(abs(model.alpha).max(), 1.0)
                + beta * (refund > 0) / model.refund_unit)
    order = np.lexsort((rows, -pressure / (model.big + score)))
    for k in order:
        if share <= 0 and refund <= 0:
            break
        if pressure[k] <= 0:
            continue
        assigned[rows[k]] = -1
        share -= 0.0 if model.share_blocked else alpha[k]
        refund -= beta[k]
    return assigned


def _solve_with_caps(model: _Model, caps, value_per_match: float | None = None, *,
                     keep_share: bool = False):
    """Best assignment when each opening may take at most ``caps[j]`` people (no side rules).

    Each match is worth ``value_per_match + score`` (``M + score`` by default).
    Caps hold the charged openings to their seats, but nothing holds the
    private seats the share rule counts on: an uncapped apprenticeship may
    win one of their people. With `keep_share`, such a solve is repeated
    with a bonus on private seats (`PRIVATE_BONUSES`, smallest first) until
    the share holds, at most once per bonus.
    """
    # Edges to closed openings stay in the list (the graph gives them no seat):
    # their prices then say what opening a seat there would be worth.
    edges = model.kept
    graph = model.graph.with_capacity(caps)
    # A hair of bonus on private leisure seats keeps the share from slipping on ties.
    per_match = model.big if value_per_match is None else value_per_match
    weight = per_match + model.score[edges] + np.where(model.edge_alpha[edges] < 0, 1e-3, 0.0)
    assigned = graph.solve(weight)
    if keep_share and not model.share_blocked and model.violations(assigned)[0] > 0:
        private = model.edge_alpha[edges] < 0
        for bonus in PRIVATE_BONUSES:
            trial_weight = weight + np.where(private, bonus, 0.0)
            trial = graph.solve(trial_weight)
            if model.violations(trial)[0] <= 0:
                weight, assigned = trial_weight, trial
                break
    return assigned, (edges, graph, weight, assigned, per_match)


def _knapsack_caps(model: _Model, lam: float, mu: float):
    """Seats for side-rule openings chosen by value per unit of rule, from a breaking solution.

    Starting from the seats the (rule-breaking) Lagrangian solution at
    ``(lam, mu)`` uses, close the seats whose column price (their marginal
    worth, with the multipliers' charge added back) is lowest per unit of
    the rule they overrun, until the refunds of all open seats fit the
    budget and the share holds even if every open seat is filled.
    """
    assigned = model.evaluate(lam, mu)
    weight = model.adjusted(lam, mu)[model.kept]
    prices = opening_prices(model.cand[model.kept], model.opening[model.kept], weight,
                            assigned, model.graph.capacity)
    worth = prices + lam * model.alpha + mu * model.beta
    charged = (model.alpha > 0) | (model.beta > 0)
    caps = _side_rule_seats(model, assigned)
    private_used = float((model.alpha[assigned[assigned >= 0]] < 0).sum() * -model.alpha[model.klass == PRIVATE_LEISURE].max(initial=0))
    share_over = (0.0 if model.share_blocked
                  else float(np.dot(np.maximum(model.alpha, 0), caps)) - private_used - model.slack)
    refund_over = float(np.dot(model.beta, caps)) - model.budget
    units = np.repeat(np.nonzero(charged & (caps > 0))[0], caps[charged & (caps > 0)])
    alpha_scale = max(model.alpha.max(), 1.0)
    while (share_over > 0 or refund_over > 0) and len(units):
        use = (np.maximum(model.alpha[units], 0) / alpha_scale * (share_over > 0)
               + model.beta[units] / model.refund_unit * (refund_over > 0))
        ratio = np.where(use > 0, worth[units] / np.maximum(use, 1e-12), np.inf)
        order = np.lexsort((units, ratio))
        progressed = False
        for k in order:
            if not (share_over > 0 or refund_over > 0) or ratio[k] == np.inf:
                break
            j = units[k]
            if caps[j] == 0:
                continue
            caps[j] -= 1
            share_over -= max(model.alpha[j], 0.0)
            refund_over -= model.beta[j]
            progressed = True
        units = units[caps[units] > 0]
        if not progressed:
            break
    return caps


def _side_rule_seats(model: _Model, assigned):
    """Seats per opening: as many as `assigned` uses where a side rule charges, all elsewhere."""
    charged = (model.alpha > 0) | (model.beta > 0)
    usage = np.bincount(assigned[assigned >= 0], minlength=model.m)
    return np.where(charged, np.minimum(usage, model.capacity), model.capacity)


def _capacity_search(model: _Model, assigned, rounds: int, *, caps=None, knapsack: bool = False):
    """Improve a feasible assignment by moving seats between side-rule openings.

    Starts from the seats `assigned` uses at side-rule openings, or from
    `caps` (which may break a rule: the result is still compared with
    `assigned` and only kept if better and feasible).

    The capped re-solve's column prices tell, for each opening a side rule
    charges, what one more seat would add (lowest optimal price) and what
    one seat fewer would cost (highest). Open the best seats that fit the
    remaining room under both rules (as if every open seat were filled, so
    the rules hold whatever the re-solve does), or swap a seat from a
    costly opening to a better one (valued exactly for the pair by
    `seat_move_values` when the two prices alone do not pay for it);
    re-solve and keep the result if it is better and feasible. With
    `knapsack`, each round first tries a compound move (`_knapsack_moves`).
    """
    charged = (model.alpha > 0) | (model.beta > 0)
    best = assigned
    alpha_pos = np.maximum(model.alpha, 0.0)
    private_weight = -model.alpha.min(initial=0.0)
    given_caps = caps
    if caps is None:
        caps = _side_rule_seats(model, best)
    current, restricted = _solve_with_caps(model, caps, keep_share=True)
    # Where the search stands: it moves on from any feasible trial better than that,
    # though only one better than `best` replaces it (a restart climbs from below).
    position, standing = (best, model.value(best)) if given_caps is None else (current, (-1, 0.0))
    if model.feasible(current) and model.value(current) > standing:
        position = _improve(model, current, model.capacity)
        standing = model.value(position)
        best = max(best, position, key=model.value)
    tried_caps = [caps]
    for _ in range(rounds):
        edges, _, weight, solved, _ = restricted
        chains = MoveGraph(model.cand[edges], model.opening[edges], weight, solved, caps)
        gain, loss = chains.prices(lowest=True), chains.prices()
        private_used = float((model.klass[position[position >= 0]] == PRIVATE_LEISURE).sum())
        share_room = np.inf if model.share_blocked else (
            model.slack + private_weight * private_used - float(np.dot(alpha_pos, caps)))
        refund_room = model.budget - float(np.dot(model.beta, caps))
        openable = np.nonzero(charged & (caps < model.capacity) & (gain > 1e-6))[0]
        closable = np.nonzero(charged & (caps > 0))[0]
        if len(openable) == 0:
            break
        swap_values = _swap_values(chains)
        batch = _seat_moves(model, caps, openable, closable, gain, loss, share_room, refund_room,
                            swap_values)
        trials = []
        if knapsack:
            # First a compound move chosen by a small knapsack.
            trials.append(_knapsack_moves(model, caps, charged, gain, loss, share_room, refund_room,
                                          _swap_values(chains, limit=None)))
        # All greedy moves together, then the best one alone (prices are exact for one seat only).
        for moves in (batch, batch[:1]) if len(batch) > 1 else (batch,) if batch else ():
            new_caps = caps.copy()
            for open_j, close_k in moves:
                new_caps[open_j] += 1
                if close_k >= 0:
                    new_caps[close_k] -= 1
            trials.append(new_caps)
        improved = False
        for new_caps in trials:
            if new_caps is None or any(np.array_equal(new_caps, other) for other in tried_caps):
                continue
            tried_caps.append(new_caps)
            trial, tried = _solve_with_caps(model, new_caps, keep_share=True)
            if model.feasible(trial) and model.value(trial) > standing:
                position = _improve(model, trial, model.capacity)
                standing = model.value(position)
                best = max(best, position, key=model.value)
                caps, restricted = new_caps, tried
                improved = True
                break
        if not improved:
            break
    return best, restricted


def _knapsack_moves(model: _Model, caps, charged, gain, loss, share_room, refund_room,
                    swap_values=None):
    """Seats to open and close at side-rule openings at once: a small knapsack over the prices.

    Each side-rule opening may gain one seat, worth its lowest price, or
    lose up to `KNAPSACK_CLOSED_SEATS`, each costing its highest price. (A second
    new seat is not offered: the price values the first only, and two new
    seats at one opening usually wait for the same unmatched person, so a
    knapsack counting both promises a match the re-solve cannot make.)
    The best combination that fits the room both rules leave is a 0-1
    knapsack with two constraints over a few hundred items, solved exactly
    by HiGHS (no time limit, so the result stays deterministic). It finds
    compound moves, e.g. close three cheaper refund seats to open two
    costlier ones and a third elsewhere, that no single open, close or swap
    improves on. The values are first-seat prices, so the re-solve decides.

    Prices value each seat apart, so closing a seat whose person would move
    to a new seat elsewhere looks as costly as losing them. With
    `swap_values` (``swap_values(k, closing=True)[j]``: the exact value of
    moving a seat from ``k`` to ``j``, see `_swap_values`) and at most
    `PAIRED_KNAPSACK_OPENINGS` side-rule openings, such moves are items of
    their own, the `PAIRS_PER_CLOSED_SEAT` best per closed opening among
    those worth more than their two prices say.

    Over more than `KNAPSACK_OPENINGS` side-rule openings (2,500x2,000 has
    about 350) only a core of the items goes to HiGHS: the `KNAPSACK_CORE`
    new seats with the best value per unit of rule and the closed seats
    with the least. There the move starts from a Lagrangian solution's
    seats, often several seats away from the rules' room at one cheap
    refund opening, so up to `KNAPSACK_CORE_NEW_SEATS` new seats per
    opening are offered, each at the first one's price.

    Returns the new caps, or ``None`` when no combination gains (and the
    caps already fit the rules' room).
    """
    openings = np.nonzero(charged)[0]
    core = len(openings) > KNAPSACK_OPENINGS
    up = np.minimum(model.capacity - caps, KNAPSACK_CORE_NEW_SEATS if core else 1)
    down = np.minimum(caps, KNAPSACK_CLOSED_SEATS)
    # Item i opens a seat at opened[i] and closes one at closed[i] (-1: neither).
    opened = np.r_[np.repeat(openings, up[openings]), np.full(down[openings].sum(), -1)]
    closed = np.r_[np.full(up[openings].sum(), -1), np.repeat(openings, down[openings])]
    value = np.where(opened >= 0, gain[opened], -loss[closed])
    if swap_values is not None and len(openings) <= PAIRED_KNAPSACK_OPENINGS:
        targets = openings[up[openings] > 0]
        for k in openings[caps[openings] > 0]:
            exact = swap_values(k, closing=True)[targets]
            worth_more = np.nonzero((targets != k) & np.isfinite(exact)
                                    & (exact > gain[targets] - loss[k] + 1e-6))[0]
            best = worth_more[np.argsort(-exact[worth_more], kind="stable")[:PAIRS_PER_CLOSED_SEAT]]
            opened = np.r_[opened, targets[best]]
            closed = np.r_[closed, np.full(len(best), k)]
            value = np.r_[value, exact[best]]
    useful = (opened < 0) | (value > 1e-6) | (closed >= 0)
    opened, closed, value = opened[useful], closed[useful], value[useful]
    if core:
        # The items nearest the margin: best value per unit of rule for new seats, least
        # for closed ones; the rest would rarely change the choice.
        touched = np.where(opened >= 0, opened, closed)
        use = (model.beta[touched] / model.refund_unit
               + np.maximum(model.alpha[touched], 0.0) / max(model.alpha.max(), 1.0))
        ratio = np.abs(value) / np.maximum(use, 1e-12)
        ups = np.nonzero(opened >= 0)[0]
        downs = np.nonzero(opened < 0)[0]
        near = np.sort(np.r_[ups[np.lexsort((ups, -ratio[ups]))[:KNAPSACK_CORE]],
                             downs[np.lexsort((downs, ratio[downs]))[:KNAPSACK_CORE]]])
        opened, closed, value = opened[near], closed[near], value[near]
    if not (opened >= 0).any():
        return None
    # Seats each item adds per opening; each rule in units of a typical seat, values in
    # units of the largest, so that HiGHS's tolerances and branching see numbers near one.
    items = np.arange(len(value))
    change = np.zeros((len(value), model.m))
    change[items[opened >= 0], opened[opened >= 0]] += 1.0
    change[items[closed >= 0], closed[closed >= 0]] -= 1.0
    change = change[:, openings]
    rows = [change @ model.beta[openings] / model.refund_unit]
    upper = [refund_room / model.refund_unit]
    if np.isfinite(share_room):
        share_unit = max(model.alpha.max(), 1.0)
        rows.append(change @ np.maximum(model.alpha[openings], 0.0) / share_unit)
        upper.append(share_room / share_unit)
    # Each opening gains at most `up` seats and loses at most `down`, whichever items do
    # it: a row where its items could do more (only paired items make that possible).
    for seats, limit in ((np.maximum(change, 0.0), up[openings]), (np.maximum(-change, 0.0), down[openings])):
        crowded = seats.sum(axis=0) > limit
        rows.append(seats[:, crowded].T)
        upper.append(limit[crowded])
    rows, upper = np.vstack(rows), np.concatenate([np.atleast_1d(u) for u in upper]).astype(float)
    chosen = milp(-value / max(np.abs(value).max(), 1.0),
                  constraints=LinearConstraint(rows, -np.inf, upper + 1e-9),
                  integrality=np.ones(len(value)), bounds=Bounds(0, 1),
                  options={"disp": False})
    if chosen.x is None:
        return None
    picked = chosen.x > 0.5
    if value[picked].sum() <= 1e-6 and refund_room >= 0 and share_room >= 0:
        return None
    new_caps = caps.copy()
    new_caps[openings] += np.rint(change[picked].sum(axis=0)).astype(np.int64)
    return new_caps


def _swap_values(chains: MoveGraph, *, limit: int | None = SWAP_TARGETS):
    """Exact values of moving one seat to an opening, from every other: ``values(j)[k]``.

    ``values(k, closing=True)[j]`` is the other direction: a seat of ``k``
    moved to each opening ``j``. At most `limit` searches are made (one
    shortest-path search each, cached; both directions count), ``None``
    after that.
    """
    cache: dict = {}

    def values(j, closing=False):
        if (j, closing) not in cache:
            if limit is not None and len(cache) >= limit:
                return None
            cache[j, closing] = chains.seat_move_values(j, closing=closing)
        return cache[j, closing]

    return values


def _seat_moves(model, caps, openable, closable, gain, loss, share_room, refund_room,
                swap_values=None):
    """Seat openings (and swaps) that fit the rules' room, best gain first: [(open, close or -1)].

    A swap is taken when the seat opened is worth more than the one closed,
    or when the room it frees lets another seat open that makes up the
    difference (close one costly seat, open two cheaper ones). The two
    prices value the seats apart, which undercounts a swap whose closed
    seat's person can take the opened one; when they do not pay for it,
    `swap_values` (exact value of closing each seat to open this one)
    picks the best seat to close that fits, e.g. a cheaper refund seat
    closed for a second seat at a costlier refund opening; when no single
    seat pays, `_relocating_close` looks for one whose person can move to
    a new seat elsewhere.
    """
    alpha_pos = np.maximum(model.alpha, 0.0)
    beta = model.beta
    new_caps = caps.copy()
    moves = []
    ranked = openable[np.argsort(-gain[openable], kind="stable")]
    repeats = np.minimum(model.capacity[ranked] - caps[ranked], 3)

    def fits(j, share, refund):
        return alpha_pos[j] <= share + 1e-9 and beta[j] <= refund + 1e-9

    for j in np.repeat(ranked, repeats):
        if new_caps[j] >= model.capacity[j]:
            continue
        if fits(j, share_room, refund_room):
            new_caps[j] += 1
            share_room -= alpha_pos[j]
            refund_room -= beta[j]
            moves.append((j, -1))
            continue
        # Swap: close the cheapest-to-lose seat that makes room for this one.
        usable = closable[(new_caps[closable] > 0) & (closable != j)
                          & (alpha_pos[j] - alpha_pos[closable] <= share_room + 1e-9)
                          & (beta[j] - beta[closable] <= refund_room + 1e-9)]
        if len(usable) == 0:
            continue
        k = usable[np.argmin(loss[usable])]
        share_after = share_room - alpha_pos[j] + alpha_pos[k]
        refund_after = refund_room - beta[j] + beta[k]
        follow = -1
        if loss[k] >= gain[j] - 1e-6:
            # Worth it only if the freed room admits one more seat that pays for it.
            for j2 in ranked:
                if (j2 != k and new_caps[j2] + (j2 == j) < model.capacity[j2]
                        and fits(j2, share_after, refund_after)
                        and gain[j] + gain[j2] > loss[k] + 1e-6):
                    follow = j2
                    break
            if follow < 0:
                exact = swap_values(j) if swap_values is not None and new_caps[j] == caps[j] else None
                if exact is None:
                    continue
                # Exact for this pair against the round's seats; seats already moved are left alone.
                usable = usable[(new_caps[usable] == caps[usable])]
                paying = usable[exact[usable] > 1e-6]
                if len(paying) == 0:
                    k, follow = _relocating_close(model, j, usable, new_caps, caps, gain, loss,
                                                  share_room, refund_room, swap_values)
                    if k < 0:
                        continue
                    share_after = share_room - alpha_pos[j] + alpha_pos[k] - alpha_pos[follow]
                    refund_after = refund_room - beta[j] + beta[k] - beta[follow]
                    new_caps[k] -= 1
                    new_caps[j] += 1
                    new_caps[follow] += 1
                    share_room, refund_room = share_after, refund_after
                    moves += [(j, k), (follow, -1)]
                    continue
                usable = paying
                k = usable[np.argmax(exact[usable])]
                share_after = share_room - alpha_pos[j] + alpha_pos[k]
                refund_after = refund_room - beta[j] + beta[k]
        new_caps[k] -= 1
        new_caps[j] += 1
        share_room, refund_room = share_after, refund_after
        moves.append((j, k))
        if follow >= 0:
            new_caps[follow] += 1
            share_room -= alpha_pos[follow]
            refund_room -= beta[follow]
            moves.append((follow, -1))
    return moves


def _relocating_close(model, j, usable, new_caps, caps, gain, loss, share_room, refund_room,
                      swap_values):
    """A seat to close for `j` whose person moves to a new seat elsewhere: ``(close, move_to)``.

    Closing a seat loses its person's match unless they can sit elsewhere,
    and the seat that would take them may be worth nothing on its own
    price (they are already matched). So for the cheapest seats to close
    that make room for `j`, the exact value of closing each and opening a
    seat at every other opening is searched (`swap_values` in the closing
    direction); the best such pair that still leaves room for `j` is taken
    if, together with `j`'s own gain, it pays. ``(-1, -1)`` if none does.
    """
    alpha_pos = np.maximum(model.alpha, 0.0)
    beta = model.beta
    for k in usable[np.argsort(loss[usable], kind="stable")]:
        values = swap_values(int(k), closing=True)
        if values is None:
            break
        share_after = share_room - alpha_pos[j] + alpha_pos[k]
        refund_after = refund_room - beta[j] + beta[k]
        # Openings without a side rule are never capped below their seats.
        room = ((new_caps == caps) & (new_caps < model.capacity)
                & (alpha_pos <= share_after + 1e-9) & (beta <= refund_after + 1e-9))
        room[[j, k]] = False
        if not room.any():
            continue
        follow = int(np.argmax(np.where(room, values, -np.inf)))
        if values[follow] + gain[j] > 1e-6:
            return int(k), follow
    return -1, -1


def _bound(model: _Model, restricted, matched: int, objective: float):
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

    def __init__(self, model: _Model, matched: int):
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


@dataclass(frozen=True)
class _Effort:
    """How much searching an instance's size pays for (see `_effort`).

    Attributes
    ----------
    evaluations : int
        Assignment problems the multiplier bisection may solve (0: none;
        the seat search starts from the repaired unconstrained solution).
    seat_rounds : int
        Rounds of the seat search from that start.
    restart : str or None
        How the seat search starts again from the Lagrangian solution the
        bound finds: ``"repaired"`` (its matches, made feasible),
        ``"seats"`` (its seats per side-rule opening, fitted to the rules'
        room by a knapsack move) or ``None`` (no restart).
    restart_rounds : int
        Rounds of that second search.
    knapsack : bool
        Each round of either search first tries a knapsack move.
    """

    evaluations: int
    seat_rounds: int
    restart: str | None
    restart_rounds: int
    knapsack: bool


def _effort(pairs: int) -> _Effort:
    """The search for an instance with this many eligible pairs."""
    if pairs <= THOROUGH_PAIRS:
        # A solve takes milliseconds: bisect the multipliers, search long, with knapsack moves.
        return _Effort(evaluations=2, seat_rounds=6, restart="repaired", restart_rounds=6,
                       knapsack=True)
    if pairs <= FULL_GRAPH_PAIRS:
        # A solve takes a tenth of a second. The bound's multipliers are better than a
        # bisection's, and their Lagrangian solution uses nearly the seats per side-rule
        # opening the optimum does: fitting those seats to the rules' room (a knapsack
        # over the moves nearest the margin) gets closer in two rounds than the seat
        # search gets from the bisection in three (2,500x2,000: bound gaps 0.01-0.09 %
        # where they were 0.03-0.16 %).
        return _Effort(evaluations=0, seat_rounds=0, restart="seats", restart_rounds=2,
                       knapsack=True)
    # Pruned: a solve takes seconds, and the bound finds no Lagrangian solution.
    return _Effort(evaluations=1, seat_rounds=2, restart=None, restart_rounds=0, knapsack=False)


def _bisection_start(model: _Model, seats, evaluations: int, deadline: float | None):
    """A feasible start: the best repaired solution the multiplier bisection sees.

    Each broken rule's multiplier is raised until the assignment obeys it
    (`_search`), the other's in turn, within `evaluations` solves; every
    assignment seen is repaired and improved, and also the seats of the
    last one that broke a rule, trimmed by `_knapsack_caps` and re-solved.
    With no evaluations, the unconstrained solution repaired.
    """
    lam = mu = 0.0
    lows = []
    budget = [evaluations]
    for _ in range(3 if evaluations else 0):
        share, refund = model.violations(model.evaluate(lam, mu))
        if share > 0:
            low, lam = _search(model, 0, lam, mu, budget)
            lows.append((low, mu))
        share, refund = model.violations(model.evaluate(lam, mu))
        if refund > 0:
            low, mu = _search(model, 1, lam, mu, budget)
            lows.append((lam, low))
        if model.feasible(model.evaluate(lam, mu)) or budget[0] <= 0:
            break
        if deadline is not None and time.perf_counter() > deadline:
            break
    candidates = [_improve(model, _repair(model, model.evaluate(*point)), seats)
                  for point in [(lam, mu)] + lows]
    for point in lows[-1:]:
        capped, _ = _solve_with_caps(model, _knapsack_caps(model, *point), keep_share=True)
        if model.feasible(capped):
            candidates.append(_improve(model, capped, seats))
    return max(candidates, key=model.value)


def constrained_assignment(problem: Problem, pairs: Pairs, *, keep: int | None = None,
                           deadline: float | None = None) -> Outcome:
    """Assign candidates to seats: most matches, then best score, side rules exactly met.

    Parameters
    ----------
    problem : Problem
        The validated instance.
    pairs : Pairs
        Its eligible pairs.
    keep : int, optional
        Openings kept per candidate and side-rule class in the graph the
        assignment solver sees; ``0`` keeps all. By default all are kept on
        small instances and `KEEP_PER_CLASS` on large ones. The bound always
        covers every eligible pair. How long the search runs depends on the
        size of that graph (`_effort`).
    deadline : float, optional
        ``time.perf_counter()`` value after which the multiplier search
        stops early (the result is still feasible).

    Returns
    -------
    Outcome

    Examples
    --------
    >>> from matcher.generate import example_instance
    >>> from matcher.validate import validate_instance
    >>> from matcher.eligibility import eligible_pairs
    >>> problem = validate_instance(example_instance())
    >>> outcome = constrained_assignment(problem, eligible_pairs(problem))
    >>> outcome.assigned.tolist(), outcome.method
    ([1, 0], 'lagrangian-lsa: no side rule binds')
    """
    model = _Model(problem, pairs, keep)
    effort = _effort(len(model.cand))
    seats = problem.seats
    free_run = model.evaluate(0.0, 0.0)
    binds = not model.feasible(free_run)
    if binds:
        best = _bisection_start(model, seats, effort.evaluations, deadline)
        best, restricted = _capacity_search(model, best, rounds=effort.seat_rounds,
                                            knapsack=effort.knapsack)
        method = "lagrangian-lsa: multipliers, repair, seat search"
    else:
        best = free_run
        restricted = (model.kept, model.graph, model.adjusted(0.0, 0.0)[model.kept], free_run, model.big)
        method = "lagrangian-lsa: no side rule binds"
    matched, total = model.value(best)
    if not binds and len(model.kept) == len(model.cand):
        # The unconstrained optimum over every eligible pair obeys both rules, so it
        # is optimal with them too: its own score is the bound.
        bound, lagrangian = total, None
    else:
        bound, lagrangian = _bound(model, restricted, matched, total)
    if lagrangian is not None and effort.restart is not None:
        # The seat search stops at a local optimum; the Lagrangian solution at the
        # bound's multipliers is a different start, often near the LP optimum.
        if effort.restart == "repaired":
            start = _improve(model, _repair(model, lagrangian), seats)
            second, second_restricted = _capacity_search(model, start, rounds=effort.restart_rounds,
                                                         knapsack=effort.knapsack)
        else:
            second, second_restricted = _capacity_search(
                model, best, rounds=effort.restart_rounds, caps=_side_rule_seats(model, lagrangian),
                knapsack=effort.knapsack)
        count_changed = model.value(second)[0] > matched
        if model.value(second) > model.value(best):
            best = second
            matched, total = model.value(best)
        if count_changed:
            # A bound holds for one count: the second search's prices, solved nearer the
            # new result, give the one for its count.
            bound, _ = _bound(model, second_restricted, matched, total)
        elif effort.restart == "repaired":
            # Any prices give a valid bound: the second search's may give a tighter one
            # (worth its solve only where solves are cheap).
            bound = min(bound, _bound(model, second_restricted, matched, total)[0])
    bound = max(bound, total)
    return Outcome(
        assigned=best,
        unconstrained=free_run,
        upper_bound=bound,
        share_blocked=model.share_blocked,
        method=method,
        evaluations=len(model.cache),
    )
