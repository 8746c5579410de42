"""The constrained problem as arrays, and the edits that keep its side rules.

`SideRuleModel` holds the eligible pairs the solver sees, each opening's
charge under the two side rules and the Lagrangian evaluations made so far;
`repair`, `improve` and `solve_with_caps` turn assignments into feasible
ones without losing what they can keep.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from .assign import SeatGraph, prune_edges
from .types import OTHER_LEISURE, PRIVATE_LEISURE, REFUND_LEISURE, Pairs, Problem

__all__ = ["SideRuleModel", "improve", "repair", "side_rule_seats", "solve_with_caps"]

#: Up to this many eligible pairs the solver sees every pair (no pruning). On every
#: pair the wide 2,500x2,000 instances (about 315,000 pairs) solve in 1.1-1.6 s
#: instead of 0.65 s pruned, with bound gaps of 0.002-0.09 % instead of 0.07-0.23 %
#: and scores 0.04-0.07 % higher.
FULL_GRAPH_PAIRS = 400_000
#: Best openings kept per candidate and side-rule class on larger instances.
KEEP_PER_CLASS = 15
#: Best candidates kept per seat of each opening on larger instances.
KEEP_PER_SEAT = 4
#: Bonuses (score points per private leisure seat) a capped solve that fills too
#: few private seats for the share rule is repeated with, smallest first.
PRIVATE_BONUSES = (2.0, 8.0, 32.0, 128.0)


class SideRuleModel:
    """Edges, side-rule coefficients, and cached Lagrangian evaluations and capped solves."""

    def __init__(self, problem: Problem, pairs: Pairs, keep: int | None):
        self.problem, self.pairs, self.keep = problem, pairs, keep
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
            # A mask: np.union1d would sort millions of already sorted indices again.
            chosen = np.zeros(len(self.cand), dtype=bool)
            chosen[self.kept] = chosen[by_opening] = True
            self.kept = np.flatnonzero(chosen)
        self.graph = SeatGraph(self.cand[self.kept], self.opening[self.kept], self.capacity, self.n)
        self.cache: dict = {}
        self.capped: dict = {}
        self.knapsacks: dict = {}  # the seat search's knapsack moves, by caps and rooms
        refunds = self.beta[self.beta > 0]
        self.refund_unit = float(refunds.mean()) if len(refunds) else 1.0
        self.share_unit = float(self.alpha.max(initial=1.0))
        # The room of each rule, and of both, one seat at each opening uses, in a typical seat's units.
        self.refund_use = self.beta / self.refund_unit
        self.share_use = np.maximum(self.alpha, 0.0) / self.share_unit
        self.room_use = self.refund_use + self.share_use
        self.weight_key = self.cand * (self.m + 1) + self.opening

    def adjusted(self, lam: float, mu: float):
        """Edge weights ``M + score`` less the side rules' charges at multipliers (lam, mu)."""
        return self.base - lam * self.edge_alpha - mu * self.edge_beta

    def rescored(self, score) -> SideRuleModel:
        """The same problem with another score per eligible pair (0-100, in `pairs`' order), nothing cached."""
        return SideRuleModel(self.problem, dataclasses.replace(self.pairs, score=score), self.keep)

    def evaluate(self, lam: float, mu: float):
        """The assignment that is best for the charged weights at (lam, mu), solved once each."""
        key = (lam, mu)
        if key not in self.cache:
            assigned = self.graph.solve(self.adjusted(lam, mu)[self.kept])
            self.cache[key] = assigned
        return self.cache[key]

    def violations(self, assigned):
        """How far `assigned` overruns (share, refund); ``<= 0`` where a rule holds."""
        chosen = assigned[assigned >= 0]
        share = -1.0 if self.share_blocked else float(self.alpha[chosen].sum() - self.slack)
        refund = float(self.beta[chosen].sum() - self.budget)
        return share, refund

    def feasible(self, assigned) -> bool:
        """Whether `assigned` keeps both side rules."""
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


def improve(model: SideRuleModel, assigned, seats):
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


def repair(model: SideRuleModel, assigned):
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


def solve_with_caps(model: SideRuleModel, caps, value_per_match: float | None = None, *,
                    keep_share: bool = False):
    """Best assignment when each opening may take at most ``caps[j]`` people (no side rules).

    Each match is worth ``value_per_match + score`` (``M + score`` by default).
    Caps hold the charged openings to their seats, but nothing holds the
    private seats the share rule counts on: an uncapped apprenticeship may
    win one of their people. With `keep_share`, such a solve is repeated
    with a bonus on private seats (`PRIVATE_BONUSES`, smallest first) until
    the share holds, at most once per bonus. The same caps are solved once
    (a restarted seat search tries some of the first search's caps again).
    """
    per_match = model.big if value_per_match is None else value_per_match
    key = (caps.tobytes(), per_match, keep_share)
    if key not in model.capped:
        graph = model.graph.with_capacity(caps)
        model.capped[key] = (graph, *_solve_with_caps(model, graph, per_match, keep_share))
    graph, weight, assigned = model.capped[key]
    # Edges to closed openings stay in the list (the graph gives them no seat):
    # their prices then say what opening a seat there would be worth.
    return assigned, (model.kept, graph, weight, assigned, per_match)


def _solve_with_caps(model: SideRuleModel, graph, per_match: float, keep_share: bool):
    """`solve_with_caps` on `graph`, not cached: (edge weights used, assignment)."""
    edges = model.kept
    # A hair of bonus on private leisure seats keeps the share from slipping on ties.
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
    return weight, assigned


def side_rule_seats(model: SideRuleModel, assigned):
    """Seats per opening: as many as `assigned` uses where a side rule charges, all elsewhere."""
    charged = (model.alpha > 0) | (model.beta > 0)
    usage = np.bincount(assigned[assigned >= 0], minlength=model.m)
    return np.where(charged, np.minimum(usage, model.capacity), model.capacity)
