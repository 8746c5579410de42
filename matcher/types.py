"""Frozen records the matcher passes between its stages."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import numpy as np

__all__ = ["Policy", "Problem", "Pairs"]

#: Opening classes for the side rules.
PRIVATE_LEISURE, OTHER_LEISURE, REFUND_LEISURE, APPRENTICESHIP = 0, 1, 2, 3
CLASS_NAMES = ("private_leisure", "other_leisure", "refund_leisure", "apprenticeship")


@dataclass(frozen=True)
class Policy:
    """The programme's settings for one run (see the exchange format).

    Attributes mirror the instance's ``policy`` object; dates are parsed.
    """

    run_date: _dt.date
    min_private_share_pct: int
    leisure_private_before: int
    leisure_total_before: int
    refund_budget_ore: int
    refund_minutes_cap: int
    refund_weeks_cap: int
    age_min: int
    age_max: int

    @property
    def share_slack(self) -> int:
        """``100 P - pct L`` before this run; the share rule asks it stays >= 0.

        Examples
        --------
        >>> import datetime as dt
        >>> Policy(dt.date(2026, 1, 1), 50, 12, 20, 0, 300, 22, 15, 24).share_slack
        200
        """
        return 100 * self.leisure_private_before - self.min_private_share_pct * self.leisure_total_before


@dataclass(frozen=True, eq=False)
class Problem:
    """A validated instance as arrays, candidates and openings sorted by id.

    Sorting by id is what makes the result independent of input order.
    Candidate arrays have length ``n``, opening arrays length ``m``.
    """

    policy: Policy
    candidate_ids: tuple[str, ...]
    opening_ids: tuple[str, ...]
    # candidates
    birth_year: np.ndarray
    birth_monthday: np.ndarray
    in_school: np.ndarray
    cand_lat: np.ndarray
    cand_lon: np.ndarray
    max_commute_km: np.ndarray
    max_weekly_minutes: np.ndarray
    availability: tuple[tuple[tuple[int, int, int], ...], ...]  # merged (day_index, start, end)
    offered_minutes: np.ndarray
    cand_tracks: np.ndarray  # bitmask: 1 leisure, 2 apprenticeship
    interest: np.ndarray  # (n, n_sectors)
    cand_languages: np.ndarray  # (n, words) uint64 bitmask
    cand_education: np.ndarray  # int code, -1 for null
    priority_share: np.ndarray
    waiting_days: np.ndarray
    # openings
    sectors: tuple[str, ...]
    open_track: np.ndarray  # 1 leisure, 2 apprenticeship
    open_class: np.ndarray  # PRIVATE_LEISURE..APPRENTICESHIP
    open_sector: np.ndarray
    legal_category: tuple[str, ...]
    serves_alcohol: np.ndarray
    open_lat: np.ndarray
    open_lon: np.ndarray
    seats: np.ndarray
    ref_date: tuple[_dt.date, ...]  # max(start_date, run_date): ages and rules counted on it
    ref_year: np.ndarray
    ref_monthday: np.ndarray
    shifts: tuple[tuple[tuple[int, int, int], ...], ...]  # (day_index, start, end)
    weekly_minutes: np.ndarray
    min_age: np.ndarray
    max_age: np.ndarray
    required_languages: np.ndarray  # (m, words) uint64
    open_education: np.ndarray
    refund: np.ndarray  # øre per placement, 0 when no refund applies
    excluded: tuple[np.ndarray, np.ndarray]  # candidate and opening indices

    @property
    def n(self) -> int:
        """Number of candidates."""
        return len(self.candidate_ids)

    @property
    def m(self) -> int:
        """Number of openings."""
        return len(self.opening_ids)


@dataclass(frozen=True, eq=False)
class Pairs:
    """Eligible candidate-opening pairs, sorted by candidate then opening.

    Attributes
    ----------
    cand, opening : numpy.ndarray of int
        Indices into the problem's candidates and openings.
    score : numpy.ndarray of float
        0-100 per pair.
    distance_km, interest : numpy.ndarray of float
        Parts of the score kept for explanations.
    blocked_by : numpy.ndarray of int
        ``(n, 9)``: per candidate, openings ruled out by each hard rule
        (first failing rule in the format's order).
    """

    cand: np.ndarray
    opening: np.ndarray
    score: np.ndarray
    distance_km: np.ndarray
    interest: np.ndarray
    blocked_by: np.ndarray
