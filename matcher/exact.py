"""REFERENCE ONLY: the exact optimum by mixed-integer programming, and LP bounds (HiGHS).

Not the production path: the MILP is far too slow beyond a few hundred
candidates, and the LP relaxation takes seconds where `solve`'s own
Lagrangian bound takes a fraction of one. Tests and the benchmark use them
to measure how close `solve` comes. They read the same eligible pairs and
the same side rules.
"""

from __future__ import annotations

import time

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from .eligibility import eligible_pairs
from .types import OTHER_LEISURE, PRIVATE_LEISURE, REFUND_LEISURE
from .validate import validate_instance

__all__ = ["relaxation_bounds", "solve_exact"]


def _side_rule_model(problem):
    """The eligible pairs as LP columns and the constraint rows: people, seats, share, refund.

    Returns ``(cand, opening, score, matrix, upper)``; with an empty pair
    list, ``matrix`` is ``None``.
    """
    pairs = eligible_pairs(problem)
    policy = problem.policy
    pct = policy.min_private_share_pct
    klass = problem.open_class[pairs.opening]
    public_leisure = (klass == OTHER_LEISURE) | (klass == REFUND_LEISURE)
    usable = ~public_leisure if policy.share_slack < 0 else np.ones(len(klass), dtype=bool)
    cand, opening, score = pairs.cand[usable], pairs.opening[usable], pairs.score[usable]
    klass = klass[usable]
    n_edges = len(cand)
    if n_edges == 0:
        return cand, opening, score, None, None
    columns = np.arange(n_edges)
    rows = [sparse.csr_array((np.ones(n_edges), (cand, columns)), shape=(problem.n, n_edges)),
            sparse.csr_array((np.ones(n_edges), (opening, columns)), shape=(problem.m, n_edges))]
    upper = [np.ones(problem.n), problem.seats.astype(np.float64)]
    if policy.share_slack >= 0:
        share = np.where(klass == PRIVATE_LEISURE, -(100 - pct),
                         np.where((klass == OTHER_LEISURE) | (klass == REFUND_LEISURE), pct, 0))
        rows.append(sparse.csr_array(share.astype(np.float64).reshape(1, -1)))
        upper.append(np.array([float(policy.share_slack)]))
    rows.append(sparse.csr_array(problem.refund[opening].astype(np.float64).reshape(1, -1)))
    upper.append(np.array([float(policy.refund_budget_ore)]))
    return cand, opening, score, sparse.vstack(rows).tocsr(), np.concatenate(upper)


def solve_exact(instance, *, time_limit: float = 120.0) -> dict:
    """Solve an instance exactly: most matches, then the best total score.

    Two MILPs over the eligible pairs: first the largest number of matches
    under capacities, the private-share rule and the refund cap; then, with
    that many matches required, the highest total score.

    Parameters
    ----------
    instance : Mapping
        A format-1 instance.
    time_limit : float, optional
        Seconds HiGHS may spend on both solves together.

    Returns
    -------
    dict
        ``status`` ("optimal", or "time_limit"/"failed" when not proven),
        ``matched``, ``objective``, ``assignments`` (candidate id -> opening
        id) and ``seconds``.

    Examples
    --------
    >>> from matcher.generate import example_instance
    >>> exact = solve_exact(example_instance())
    >>> exact["status"], exact["matched"], exact["assignments"]
    ('optimal', 2, {'c-101': 'o-7', 'c-205': 'o-3'})
    """
    started = time.perf_counter()
    problem = validate_instance(instance)
    cand, opening, score, matrix, upper = _side_rule_model(problem)
    n_edges = len(cand)
    result = {"status": "optimal", "matched": 0, "objective": 0.0, "assignments": {}, "seconds": 0.0}
    if n_edges == 0:
        result["seconds"] = time.perf_counter() - started
        return result
    constraints = [LinearConstraint(matrix, -np.inf, upper)]
    def options(seconds_left):
        return {"time_limit": max(seconds_left, 1.0), "disp": False, "mip_rel_gap": 0.0}

    common = {"integrality": np.ones(n_edges), "bounds": Bounds(0, 1)}
    first = milp(-np.ones(n_edges), constraints=constraints, options=options(time_limit), **common)
    if first.x is None:
        result.update(status="failed", seconds=time.perf_counter() - started)
        return result
    most = int(round(-first.fun))
    count_row = LinearConstraint(np.ones((1, n_edges)), most - 0.5, np.inf)
    left = time_limit - (time.perf_counter() - started)
    second = milp(-score, constraints=constraints + [count_row], options=options(left), **common)
    chosen = second.x if second.x is not None else first.x
    status = "optimal" if first.status == 0 and second.status == 0 else (
        "time_limit" if 1 in (first.status, second.status) else "failed")
    picked = np.nonzero(chosen > 0.5)[0]
    result.update(
        status=status,
        matched=len(picked),
        objective=round(float(score[picked].sum()), 2),
        assignments={problem.candidate_ids[cand[e]]: problem.opening_ids[opening[e]] for e in picked},
        seconds=time.perf_counter() - started,
    )
    return result


def relaxation_bounds(instance, matched: int | None = None) -> dict:
    """Bounds from the LP relaxation (HiGHS): fast where the MILP is out of reach.

    The largest number of matches of the relaxation, rounded down, bounds
    the exact maximum, so a result with that many matches has the most
    possible. With `matched`, also the relaxation's best total score with at
    least that many matches: the tightest bound any Lagrangian multipliers
    on the side rules can prove, so ``(score_bound - objective)`` splits a
    reported gap into the result's distance and the bound's own slack.

    Parameters
    ----------
    instance : Mapping
        A format-1 instance.
    matched : int, optional
        Matches of the result to bound the score for.

    Returns
    -------
    dict
        ``max_matched`` (int), ``score_bound`` (float or ``None``) and
        ``seconds``.

    Examples
    --------
    >>> from matcher.generate import example_instance
    >>> bounds = relaxation_bounds(example_instance(), matched=2)
    >>> bounds["max_matched"], round(bounds["score_bound"], 2)
    (2, 91.25)
    """
    started = time.perf_counter()
    problem = validate_instance(instance)
    cand, _, score, matrix, upper = _side_rule_model(problem)
    bounds = {"max_matched": 0, "score_bound": 0.0 if matched == 0 else None, "seconds": 0.0}
    if matrix is not None:
        most = linprog(-np.ones(len(cand)), A_ub=matrix, b_ub=upper, bounds=(0, 1), method="highs")
        bounds["max_matched"] = int(np.floor(-most.fun + 1e-6))
        if matched:
            at_least = sparse.vstack([matrix, sparse.csr_array(-np.ones((1, len(cand))))]).tocsr()
            best = linprog(-score, A_ub=at_least, b_ub=np.r_[upper, -float(matched)],
                           bounds=(0, 1), method="highs")
            bounds["score_bound"] = float(-best.fun) if best.status == 0 else None
    bounds["seconds"] = time.perf_counter() - started
    return bounds
