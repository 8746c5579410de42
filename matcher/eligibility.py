"""Hard rules, vectorised: which candidate-opening pairs are eligible, and why not.

Work is done on blocks of candidates against all openings so memory stays
bounded on large instances; within a block every rule is a NumPy array
operation (the loops run over rules, shifts and rule-table groups, never
over pairs).
"""

from __future__ import annotations

from itertools import chain

import numpy as np
from scipy import sparse

from .costs import EARTH_RADIUS_KM, haversine_km, score_pairs
from .dates import DAYS, WEEKEND, ages_on
from .types import Pairs, Problem
from .young_workers import LEGAL_CATEGORIES, rules_on

__all__ = ["RULES", "eligible_pairs", "young_worker_exclusions"]

#: Hard rules in the format's order; also the keys of ``blocked_by``.
RULES: tuple[str, ...] = (
    "track",
    "age",
    "distance",
    "availability",
    "weekly_minutes",
    "young_worker",
    "education",
    "language",
    "excluded",
)
_ELIGIBLE = len(RULES)
_BLOCK_CELLS = 4_000_000
_MINUTE_CODES = 24 * 60 + 1  # minutes 0..1440 (24:00 ends a day)


def young_worker_exclusions(problem: Problem):
    """Map each (rule-set, group) to the openings whose shifts exclude that group.

    The same limits `young_worker_conflicts` checks (alcohol, earliest
    start, latest end, minutes per day and per week), read from the same
    dated rule table, compared for all openings at once.

    Parameters
    ----------
    problem : Problem

    Returns
    -------
    list of (YoungWorkerGroup, numpy.ndarray of bool)
        For every group of every rule set in force on some opening's start
        (rule sets in the order of the first opening under each), a
        length-``m`` mask of openings that group may not take (openings
        under another rule set are ``False``).

    Examples
    --------
    >>> from matcher.generate import example_instance
    >>> from matcher.validate import validate_instance
    >>> found = young_worker_exclusions(validate_instance(example_instance()))
    >>> [(group.ages, group.in_compulsory_school, mask.tolist()) for group, mask in found]
    [((13, 14), None, [True, False]), ((15, 17), True, [True, False]), ((15, 17), False, [False, False])]
    """
    m = problem.m
    counts = np.array([len(shifts) for shifts in problem.shifts], dtype=np.int64)
    owner = np.repeat(np.arange(m), counts)
    day, start, end = np.array([shift for shifts in problem.shifts for shift in shifts],
                               dtype=np.int64).reshape(-1, 3).T
    earliest_start = np.full(m, 24 * 60, dtype=np.int64)
    np.minimum.at(earliest_start, owner, start)
    latest_end = np.zeros(m, dtype=np.int64)
    np.maximum.at(latest_end, owner, end)
    per_day = np.bincount(owner * len(DAYS) + day, weights=end - start,
                          minlength=m * len(DAYS)).reshape(m, len(DAYS))
    weekend = np.isin(np.array(DAYS), sorted(WEEKEND))
    school_day_most = per_day[:, ~weekend].max(axis=1)
    weekend_day_most = per_day[:, weekend].max(axis=1)
    weekly = per_day.sum(axis=1)
    category = np.array([LEGAL_CATEGORIES.index(c) for c in problem.legal_category], dtype=np.int64)
    alcohol = np.asarray(problem.serves_alcohol, dtype=bool)

    in_force = {on: rules_on(on) for on in set(problem.ref_date)}
    versions: dict = {}
    for j, on in enumerate(problem.ref_date):
        versions.setdefault(in_force[on].valid_from, (in_force[on], []))[1].append(j)
    found = []
    for rules, members in versions.values():
        under = np.zeros(m, dtype=bool)
        under[members] = True
        for group in rules.groups:
            earliest = np.array([group.earliest[c] for c in LEGAL_CATEGORIES])[category]
            latest = np.array([group.latest[c] for c in LEGAL_CATEGORIES])[category]
            excluded = ((alcohol & (not group.alcohol_allowed))
                        | (earliest_start < earliest) | (latest_end > latest)
                        | (school_day_most > group.school_day_minutes)
                        | (weekend_day_most > group.weekend_day_minutes)
                        | (weekly > group.weekly_minutes))
            found.append((group, excluded & under))
    return found


def _flat_intervals(nested):
    """Every (day, start, end) of a tuple of interval tuples: owner row and (k, 3) array."""
    counts = np.fromiter((len(items) for items in nested), dtype=np.int64, count=len(nested))
    flat = np.fromiter(chain.from_iterable(chain.from_iterable(nested)), dtype=np.int64,
                       count=3 * int(counts.sum()))
    return np.repeat(np.arange(len(nested)), counts), flat.reshape(-1, 3)


def _shift_fit(problem: Problem):
    """Per candidate and opening-shift, whether the shift fits a window: (n, U) and incidence (U, m)."""
    n = problem.n
    shift_owner, all_shifts = _flat_intervals(problem.shifts)
    # One integer per (day, start, end), in the same order: minutes run 0..1440.
    key = (all_shifts[:, 0] * _MINUTE_CODES + all_shifts[:, 1]) * _MINUTE_CODES + all_shifts[:, 2]
    unique, shift_index = np.unique(key, return_inverse=True)
    shift_day, rest = np.divmod(unique, _MINUTE_CODES * _MINUTE_CODES)
    shift_start, shift_end = np.divmod(rest, _MINUTE_CODES)
    # A candidate's windows on one day are disjoint (merged), so a shift fits at most one
    # of them: layer k holds each day's k-th window, and a shift is compared layer by
    # layer with the window of its own day (one layer for nearly everyone). Merged windows
    # come sorted, so a candidate's windows on one day are adjacent.
    owner, windows = _flat_intervals(problem.availability)
    day, start, end = windows.T
    slot = owner * len(DAYS) + day
    position = np.arange(len(slot))
    first_of_slot = np.r_[True, slot[1:] != slot[:-1]]
    layer = position - np.maximum.accumulate(np.where(first_of_slot, position, 0))
    fits = np.zeros((n, len(unique)), dtype=bool)
    for k in range(int(layer.max(initial=-1)) + 1):
        here = layer == k
        # An empty slot starts after any shift ends: it fits nothing.
        window_start = np.full((n, len(DAYS)), _MINUTE_CODES, dtype=np.int64)
        window_end = np.zeros((n, len(DAYS)), dtype=np.int64)
        window_start[owner[here], day[here]] = start[here]
        window_end[owner[here], day[here]] = end[here]
        fits |= (window_start[:, shift_day] <= shift_start) & (window_end[:, shift_day] >= shift_end)
    incidence = sparse.csr_array(
        (np.ones(len(shift_owner), dtype=np.float32), (shift_index, shift_owner)),
        shape=(len(unique), problem.m),
    )
    return fits, incidence


def _unit_vectors(lat, lon):
    lat, lon = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)


def eligible_pairs(problem: Problem) -> Pairs:
    """Apply every hard rule to every pair; return the eligible pairs with scores.

    Parameters
    ----------
    problem : Problem
        A validated instance.

    Returns
    -------
    Pairs
        Eligible pairs sorted by (candidate, opening), their scores, and per
        candidate the number of openings each rule ruled out first.

    Examples
    --------
    >>> from matcher.generate import example_instance
    >>> from matcher.validate import validate_instance
    >>> pairs = eligible_pairs(validate_instance(example_instance()))
    >>> pairs.cand.tolist(), pairs.opening.tolist(), pairs.score.tolist()
    ([0, 1], [1, 0], [47.49, 43.76])
    >>> dict(zip(RULES, pairs.blocked_by[0].tolist()))["availability"]
    1
    """
    n, m = problem.n, problem.m
    policy = problem.policy
    blocked_by = np.zeros((n, len(RULES)), dtype=np.int64)
    if n == 0 or m == 0:
        empty_i = np.zeros(0, dtype=np.int64)
        empty_f = np.zeros(0, dtype=np.float64)
        return Pairs(empty_i, empty_i, empty_f, empty_f, empty_f, blocked_by)
    fits, incidence = _shift_fit(problem)
    incidence_t = incidence.T.tocsr()
    young = young_worker_exclusions(problem)
    apprenticeship = problem.open_track == 2
    excluded_c, excluded_o = problem.excluded

    # A few track combinations (bitmasks): one row of openings per kind, then gathered.
    track_kinds, track_kind = np.unique(problem.cand_tracks, return_inverse=True)
    wrong_track = (track_kinds[:, None] & problem.open_track[None, :]) == 0
    ref_key, ref_of_opening = np.unique(problem.ref_year * 10_000 + problem.ref_monthday,
                                        return_inverse=True)
    ref_year, ref_monthday = np.divmod(ref_key, 10_000)
    cand_unit = _unit_vectors(problem.cand_lat, problem.cand_lon)
    open_unit = _unit_vectors(problem.open_lat, problem.open_lon)
    block = max(1, _BLOCK_CELLS // m)
    out_c, out_o, out_s, out_d, out_i = [], [], [], [], []
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        rows = np.arange(lo, hi)
        first_fail = np.full((hi - lo, m), _ELIGIBLE, dtype=np.int8)

        def rule(k, fails):
            first_fail[(first_fail == _ELIGIBLE) & fails] = k

        rule(0, wrong_track[track_kind[rows]])
        # Openings start on a few dozen dates: ages per date, then one gather per opening.
        age = ages_on(
            problem.birth_year[rows, None], problem.birth_monthday[rows, None],
            ref_year[None, :], ref_monthday[None, :],
        )[:, ref_of_opening]
        rule(1, (age < max(policy.age_min, 13)) | (age > policy.age_max)
             | (age < problem.min_age[None, :]) | (age > problem.max_age[None, :]))
        # Within reach iff the unit vectors' dot product is at least cos(reach / R):
        # one matrix product instead of trigonometry per pair. Pairs near the limit
        # are settled by the haversine formula itself, as the checker does.
        reach = np.cos(np.minimum(problem.max_commute_km[rows], np.pi * EARTH_RADIUS_KM) / EARTH_RADIUS_KM)
        margin = cand_unit[rows] @ open_unit.T
        margin -= reach[:, None]
        too_far = margin < 0
        edge_c, edge_o = np.nonzero(np.abs(margin, out=margin) < 1e-9)
        too_far[edge_c, edge_o] = haversine_km(
            problem.cand_lat[rows[edge_c]], problem.cand_lon[rows[edge_c]],
            problem.open_lat[edge_o], problem.open_lon[edge_o],
        ) > problem.max_commute_km[rows[edge_c]]
        rule(2, too_far)
        misfits = (incidence_t @ (~fits[rows]).T.astype(np.float32)).T
        rule(3, misfits > 0)
        rule(4, problem.weekly_minutes[None, :] > problem.max_weekly_minutes[rows, None])
        young_fail = np.zeros((hi - lo, m), dtype=bool)
        school = problem.in_school[rows, None]
        for group, mask in young:
            if not mask.any():
                continue
            member = (age >= group.ages[0]) & (age <= group.ages[1])
            if group.in_compulsory_school is not None:
                member &= school == group.in_compulsory_school
            young_fail |= member & mask[None, :]
        rule(5, young_fail)
        rule(6, apprenticeship[None, :]
             & (problem.open_education[None, :] != problem.cand_education[rows, None]))
        missing = problem.required_languages[None, :, :] & ~problem.cand_languages[rows, None, :]
        rule(7, (missing != 0).any(axis=2))
        excluded_here = np.zeros((hi - lo, m), dtype=bool)
        here = (excluded_c >= lo) & (excluded_c < hi)
        excluded_here[excluded_c[here] - lo, excluded_o[here]] = True
        rule(8, excluded_here)

        for k in range(len(RULES)):
            blocked_by[lo:hi, k] = (first_fail == k).sum(axis=1)
        local_c, opening = np.nonzero(first_fail == _ELIGIBLE)
        cand = local_c + lo
        interest = problem.interest[cand, problem.open_sector[opening]]
        dist = haversine_km(problem.cand_lat[cand], problem.cand_lon[cand],
                            problem.open_lat[opening], problem.open_lon[opening])
        out_c.append(cand)
        out_o.append(opening)
        out_d.append(dist)
        out_i.append(interest)
        out_s.append(score_pairs(
            interest, dist, problem.max_commute_km[cand], problem.weekly_minutes[opening],
            problem.offered_minutes[cand], problem.waiting_days[cand], problem.priority_share[cand],
        ))
    return Pairs(
        cand=np.concatenate(out_c).astype(np.int64, copy=False),
        opening=np.concatenate(out_o).astype(np.int64, copy=False),
        score=np.concatenate(out_s),
        distance_km=np.concatenate(out_d),
        interest=np.concatenate(out_i),
        blocked_by=blocked_by,
    )
