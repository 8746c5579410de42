"""Turn an assignment into the exchange format's result, with reasons."""

from __future__ import annotations

import numpy as np

from .eligibility import RULES
from .lagrange import Outcome
from .types import APPRENTICESHIP, OTHER_LEISURE, PRIVATE_LEISURE, REFUND_LEISURE, Pairs, Problem

__all__ = ["build_result"]


def _reasons(problem: Problem, pairs: Pairs, edges) -> list[list[str]]:
    """Each assigned pair's short reasons: interest, commute, hours, waiting, priority."""
    cand, opening = pairs.cand[edges], pairs.opening[edges]
    sectors = [problem.sectors[k] for k in problem.open_sector[opening].tolist()]
    hours = (problem.weekly_minutes[opening] / 60).tolist()
    reasons = []
    for sector, interest, km, weekly, waited, share in zip(
            sectors, pairs.interest[edges].tolist(), pairs.distance_km[edges].tolist(), hours,
            problem.waiting_days[cand].tolist(), problem.priority_share[cand].tolist()):
        why = [f"interest: {sector} {interest:g}"] if interest > 0 else []
        why += [f"{km:.1f} km", f"{weekly:g} h a week"]
        if waited > 0:
            why.append(f"waited {waited} days")
        if share > 0:
            why.append("priority")
        reasons.append(why)
    return reasons


def build_result(problem: Problem, pairs: Pairs, outcome: Outcome, seconds: float) -> dict:
    """Build the format-1 result dict for an assignment.

    Parameters
    ----------
    problem : Problem
    pairs : Pairs
        Eligible pairs (scores, distances, rule counts).
    outcome : Outcome
        The assignment and its bound.
    seconds : float
        Wall time to report.

    Returns
    -------
    dict
        ``format``, ``assignments`` (by candidate id), ``unmatched`` (by
        candidate id) and ``stats``.

    Examples
    --------
    >>> from matcher import solve
    >>> from matcher.generate import example_instance
    >>> sorted(solve(example_instance()))
    ['assignments', 'format', 'stats', 'unmatched']
    """
    policy = problem.policy
    assigned = outcome.assigned
    rows = np.nonzero(assigned >= 0)[0]
    taken = assigned[rows]  # each matched candidate's opening
    key_all = pairs.cand * (problem.m + 1) + pairs.opening
    edges = np.searchsorted(key_all, rows * (problem.m + 1) + taken)
    assignments = []
    total = 0.0
    refund_total = 0
    for i, j, score, refund, why in zip(rows.tolist(), taken.tolist(), pairs.score[edges].tolist(),
                                        problem.refund[taken].tolist(), _reasons(problem, pairs, edges)):
        score = round(score, 2)
        total += score
        refund_total += refund
        assignments.append({
            "candidate": problem.candidate_ids[i],
            "opening": problem.opening_ids[j],
            "score": score,
            "refund_ore": refund,
            "why": why,
        })

    klass = problem.open_class
    usage = np.bincount(taken, minlength=problem.m)
    free = usage < problem.seats
    has_edge = np.zeros(problem.n, dtype=bool)
    has_edge[pairs.cand] = True
    refund_left = policy.refund_budget_ore - refund_total
    private_after = policy.leisure_private_before + int((klass[taken] == PRIVATE_LEISURE).sum())
    leisure_after = policy.leisure_total_before + int((klass[taken] != APPRENTICESHIP).sum())
    share_room = 100 * private_after - policy.min_private_share_pct * leisure_after
    unmatched = []
    for i in np.nonzero(assigned < 0)[0].tolist():
        entry = {"candidate": problem.candidate_ids[i]}
        if not has_edge[i]:
            entry["reason"] = "no_eligible_opening"
            entry["blocked_by"] = {
                rule: int(count) for rule, count in zip(RULES, pairs.blocked_by[i]) if count
            }
        else:
            entry["reason"] = _side_reason(problem, pairs, i, free, outcome, refund_left, share_room)
        unmatched.append(entry)

    objective = round(total, 2)
    bound = round(max(outcome.upper_bound, objective), 2)
    stats = {
        "matched": len(assignments),
        "objective": objective,
        "upper_bound": bound,
        "gap": round((bound - objective) / bound, 6) if bound > 0 else 0.0,
        "private_share_pct_after": round(100.0 * private_after / leisure_after, 1) if leisure_after else 100.0,
        "refund_ore": refund_total,
        "refund_remaining_ore": refund_left,
        "seconds": round(seconds, 3),
        "method": outcome.method,
    }
    return {"format": 1, "assignments": assignments, "unmatched": unmatched, "stats": stats}


def _side_reason(problem, pairs, i, free, outcome, refund_left, share_room):
    """Why an eligible candidate stayed unmatched: a side rule or plain capacity.

    A free seat they could take that only a side rule blocks names that
    rule; otherwise, if they were matched when both rules were ignored, the
    rule their seat there falls under; otherwise the seats went to others.
    """
    lo, hi = np.searchsorted(pairs.cand, [i, i + 1])
    openings = pairs.opening[lo:hi]
    klass = problem.open_class
    pct = problem.policy.min_private_share_pct
    for j in openings[free[openings]].tolist():
        public = klass[j] in (OTHER_LEISURE, REFUND_LEISURE)
        if public and (outcome.share_blocked or share_room - pct < 0):
            return "private_share_rule"
        if problem.refund[j] > refund_left:
            return "refund_budget"
    j = int(outcome.unconstrained[i])
    if j >= 0:
        if klass[j] == REFUND_LEISURE and problem.refund[j] > refund_left:
            return "refund_budget"
        if klass[j] in (OTHER_LEISURE, REFUND_LEISURE):
            return "private_share_rule"
    return "capacity"
