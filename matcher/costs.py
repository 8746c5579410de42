"""Scores and money: the fit of an eligible pair (0-100) and the wage refund.

All score weights live in `SCORE_WEIGHTS`; they add up to 100.
"""

from __future__ import annotations

from types import MappingProxyType

import numpy as np

__all__ = [
    "EARTH_RADIUS_KM",
    "SCORE_WEIGHTS",
    "WAITING_DAYS_FULL",
    "haversine_km",
    "refund_ore",
    "score_pairs",
]

#: Earth radius used by the distance rule (the format fixes it).
EARTH_RADIUS_KM = 6371.0

#: Points each part of the score can give; the total is 100.
#:
#: - ``interest``: the candidate's interest weight (0-1) in the opening's sector.
#: - ``commute``: 1 at the door, falling linearly to 0 at the candidate's own
#:   ``max_commute_km``.
#: - ``schedule``: how much of the time the candidate offers the shifts use:
#:   weekly shift minutes over min(``max_weekly_minutes``, minutes in their
#:   availability windows).
#: - ``waiting``: days waited, full points at `WAITING_DAYS_FULL`.
#: - ``priority``: half for living in a priority housing area, half for being
#:   newly arrived.
#:
#: ``waiting`` and ``priority`` do not depend on the opening: they decide who
#: gets a seat when seats are short, not which seat.
SCORE_WEIGHTS = MappingProxyType(
    {"interest": 35.0, "commute": 20.0, "schedule": 15.0, "waiting": 15.0, "priority": 15.0}
)

#: Waiting this many days or more earns all the waiting points.
WAITING_DAYS_FULL = 180

#: Recognised priority flags and the share of the priority points each gives.
PRIORITY_FLAGS = MappingProxyType({"housing_area": 0.5, "newly_arrived": 0.5})


def refund_ore(
    hourly_wage_ore: int,
    weekly_minutes: int,
    weeks: int,
    refund_minutes_cap: int,
    refund_weeks_cap: int,
) -> int:
    """Return the wage refund for one placement in øre, rounded half up.

    ``(hourly_wage_ore * min(weekly_minutes, refund_minutes_cap) *
    min(weeks, refund_weeks_cap) + 30) // 60``, in exact integer arithmetic.

    Parameters
    ----------
    hourly_wage_ore : int
        Hourly wage in øre.
    weekly_minutes : int
        Minutes of work a week.
    weeks : int
        Length of the placement in weeks.
    refund_minutes_cap, refund_weeks_cap : int
        The programme's caps on refunded minutes a week and refunded weeks.

    Returns
    -------
    int
        Øre (1 DKK = 100 øre).

    Examples
    --------
    >>> refund_ore(9850, 300, 20, 300, 22)
    985000
    >>> refund_ore(1, 30, 1, 300, 22)  # half an øre rounds up
    1
    >>> refund_ore(1, 29, 1, 300, 22)
    0
    """
    values = (hourly_wage_ore, weekly_minutes, weeks, refund_minutes_cap, refund_weeks_cap)
    if any(isinstance(value, bool) or not isinstance(value, (int, np.integer)) for value in values):
        raise TypeError("refund_ore takes integers")
    minutes = min(int(weekly_minutes), int(refund_minutes_cap))
    weeks_paid = min(int(weeks), int(refund_weeks_cap))
    return (int(hourly_wage_ore) * minutes * weeks_paid + 30) // 60


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km on a sphere of radius `EARTH_RADIUS_KM`.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : array_like of float
        Degrees; broadcast together.

    Returns
    -------
    numpy.ndarray
        Distances in km.

    Examples
    --------
    >>> round(float(haversine_km(55.7008, 12.5414, 55.6912, 12.5533)), 2)
    1.3
    """
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(v, dtype=np.float64)) for v in (lat1, lon1, lat2, lon2))
    half_dlat = (lat2 - lat1) / 2.0
    half_dlon = (lon2 - lon1) / 2.0
    a = np.sin(half_dlat) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(half_dlon) ** 2
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def score_pairs(interest, distance_km, max_commute_km, shift_minutes, offered_minutes,
                waiting_days, priority_share):
    """Score eligible pairs from their parts, 0-100, rounded to 0.01.

    Parameters
    ----------
    interest : array_like of float
        Candidate's interest (0-1) in the opening's sector.
    distance_km, max_commute_km : array_like of float
        Commute and the candidate's limit (``distance_km <= max_commute_km``).
    shift_minutes, offered_minutes : array_like of int
        The opening's weekly minutes and the minutes the candidate offers.
    waiting_days : array_like of int
        Days the candidate has waited.
    priority_share : array_like of float
        0-1, from `PRIORITY_FLAGS`.

    Returns
    -------
    numpy.ndarray of float
        Scores, broadcast over the inputs.

    Examples
    --------
    >>> score_pairs(1.0, 0.0, 5.0, 300, 300, 180, 1.0).item()
    100.0
    >>> score_pairs(0.4, 2.5, 5.0, 150, 600, 0, 0.0).item()
    27.75
    """
    commute = 1.0 - np.asarray(distance_km, dtype=np.float64) / np.maximum(
        np.asarray(max_commute_km, dtype=np.float64), 1e-9
    )
    schedule = np.asarray(shift_minutes, dtype=np.float64) / np.maximum(
        np.asarray(offered_minutes, dtype=np.float64), 1.0
    )
    waiting = np.asarray(waiting_days, dtype=np.float64) / WAITING_DAYS_FULL
    total = (
        SCORE_WEIGHTS["interest"] * np.clip(interest, 0.0, 1.0)
        + SCORE_WEIGHTS["commute"] * np.clip(commute, 0.0, 1.0)
        + SCORE_WEIGHTS["schedule"] * np.clip(schedule, 0.0, 1.0)
        + SCORE_WEIGHTS["waiting"] * np.clip(waiting, 0.0, 1.0)
        + SCORE_WEIGHTS["priority"] * np.clip(priority_share, 0.0, 1.0)
    )
    return np.round(total, 2)
