"""The matcher's entry point: validate, normalise, solve, return a new result."""

from __future__ import annotations

import time
from collections.abc import Mapping

from .eligibility import eligible_pairs
from .explain import build_result
from .lagrange import constrained_assignment
from .validate import validate_instance

__all__ = ["solve"]


def solve(instance: Mapping, *, time_limit: float | None = None, keep: int | None = None) -> dict:
    """Match young people to seats: most matches, then best fit, every rule met.

    Parameters
    ----------
    instance : Mapping
        A format-1 instance as parsed JSON (see ``matcher-format.md``). It
        is not modified.
    time_limit : float, optional
        Seconds after which the multiplier search stops early; the result
        is still exactly feasible, just possibly further from the bound.
    keep : int, optional
        Openings per candidate and side-rule class the assignment solver
        sees (``0``: all). The default keeps all on small instances.

    Returns
    -------
    dict
        The format-1 result: ``assignments``, ``unmatched`` and ``stats``
        (``matched``, ``objective``, ``upper_bound``, ``gap``,
        ``private_share_pct_after``, ``refund_ore``,
        ``refund_remaining_ore``, ``seconds``, ``method``). The same
        instance always gives the same result, whatever its order.

    Raises
    ------
    ValueError
        When the instance breaks the format; the message names the record
        and the field.

    Examples
    --------
    >>> from matcher.generate import example_instance
    >>> result = solve(example_instance())
    >>> [(a["candidate"], a["opening"], a["refund_ore"]) for a in result["assignments"]]
    [('c-101', 'o-7', 985000), ('c-205', 'o-3', 0)]
    >>> result["stats"]["matched"], result["stats"]["private_share_pct_after"]
    (2, 59.1)
    """
    started = time.perf_counter()
    deadline = None if time_limit is None else started + time_limit
    problem = validate_instance(instance)
    pairs = eligible_pairs(problem)
    outcome = constrained_assignment(problem, pairs, keep=keep, deadline=deadline)
    return build_result(problem, pairs, outcome, time.perf_counter() - started)
