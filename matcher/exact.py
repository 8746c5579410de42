"""REFERENCE ONLY: the exact optimum by mixed-integer programming (HiGHS).

Not the production path: it is far too slow beyond a few hundred
candidates. Tests and the benchmark use it to measure how close `solve`
comes. It reads the same eligible pairs and the same side rules.
"""

from __future__ import annotations

import time

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .eligibility import eligible_pairs
from .types import OTHER_LEISURE, PRIVATE_LEISURE, REFUND_LEISURE
from .validate import validate_instance

__all__ = ["solve_exact"]


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
    pairs = eligible_pairs(problem)
    policy = problem.policy
    pct = policy.min_private_share_pct
    klass = problem.open_class[pairs.opening]
    public_leisure = (klass == OTHER_LEISURE) | (klass == REFUND_LEISURE)
    usable = ~public_leisure if policy.share_slack < 0 else np.ones(len(klass), dtype=bool)
    cand, opening, score = pairs.cand[usable], pairs.opening[usable], pairs.score[usable]
    klass = klass[usable]
    n_edges = len(cand)
    result = {"status": "optimal", "matched": 0, "objective": 0.0, "assignments": {}, "seconds": 0.0}
    if n_edges == 0:
        result["seconds"] = time.perf_counter() - started
        return result
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
    matrix = sparse.vstack(rows).tocsr()
    upper = np.concatenate(upper)
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
