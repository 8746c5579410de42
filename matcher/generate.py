"""Seeded Copenhagen-like instances for tests, examples and the benchmark."""

from __future__ import annotations

import datetime as _dt

import numpy as np

__all__ = ["example_instance", "random_instance"]


def example_instance() -> dict:
    """Return a small hand-made instance in the exchange format (a fresh dict each call).

    Two candidates and two openings; ``o-3`` runs to 21:00, which young
    workers in school may not work.

    Returns
    -------
    dict

    Examples
    --------
    >>> instance = example_instance()
    >>> [c["id"] for c in instance["candidates"]], [o["id"] for o in instance["openings"]]
    (['c-101', 'c-205'], ['o-7', 'o-3'])
    """
    return {
        "format": 1,
        "policy": {
            "run_date": "2026-11-23",
            "min_private_share_pct": 50,
            "leisure_private_before": 12,
            "leisure_total_before": 20,
            "refund_budget_ore": 31500000,
            "refund_minutes_cap": 300,
            "refund_weeks_cap": 22,
            "age_min": 15,
            "age_max": 24,
        },
        "candidates": [
            {
                "id": "c-101",
                "birth_date": "2010-04-02",
                "in_compulsory_school": True,
                "lat": 55.7008, "lon": 12.5414,
                "max_commute_km": 6.0,
                "max_weekly_minutes": 600,
                "availability": [{"day": "mon", "start": "15:00", "end": "20:00"},
                                 {"day": "sat", "start": "09:00", "end": "17:00"}],
                "tracks": ["leisure"],
                "interests": {"retail": 1.0, "care": 0.4},
                "languages": ["da", "ar"],
                "education": None,
                "priority": ["housing_area"],
                "waiting_days": 34,
            },
            {
                "id": "c-205",
                "birth_date": "2004-02-29",
                "in_compulsory_school": False,
                "lat": 55.6890, "lon": 12.5590,
                "max_commute_km": 2.0,
                "max_weekly_minutes": 900,
                "availability": [{"day": "mon", "start": "16:00", "end": "22:00"}],
                "tracks": ["leisure", "apprenticeship"],
                "interests": {"food": 0.8},
                "languages": ["da", "so"],
                "education": "chef",
                "priority": ["newly_arrived"],
                "waiting_days": 200,
            },
        ],
        "openings": [
            {
                "id": "o-7",
                "track": "leisure",
                "employer_kind": "municipal",
                "sector": "care",
                "legal_category": "general",
                "serves_alcohol": False,
                "lat": 55.6912, "lon": 12.5533,
                "seats": 2,
                "start_date": "2026-12-01",
                "weeks": 20,
                "shifts": [{"day": "mon", "start": "16:00", "end": "18:00"},
                           {"day": "sat", "start": "10:00", "end": "13:00"}],
                "hourly_wage_ore": 9850,
                "refund": True,
                "min_age": 15,
                "max_age": None,
                "required_languages": [],
                "education": None,
            },
            {
                "id": "o-3",
                "track": "leisure",
                "employer_kind": "private",
                "sector": "retail",
                "legal_category": "shop_office",
                "serves_alcohol": False,
                "lat": 55.6950, "lon": 12.5500,
                "seats": 1,
                "start_date": "2026-12-01",
                "weeks": 20,
                "shifts": [{"day": "mon", "start": "17:00", "end": "21:00"}],
                "hourly_wage_ore": 11000,
                "refund": False,
                "min_age": 15,
                "max_age": None,
                "required_languages": ["da"],
                "education": None,
            },
        ],
        "excluded_pairs": [],
    }


# Priority housing areas and the busier parts of the city, (lat, lon, spread in degrees).
_HOUSING_AREAS = [
    (55.6995, 12.5420, 0.006),  # Mjølnerparken / Nørrebro
    (55.7170, 12.4830, 0.006),  # Tingbjerg
    (55.6500, 12.6100, 0.006),  # Urbanplanen
    (55.7090, 12.5330, 0.006),  # Bispebjerg
    (55.6480, 12.5300, 0.006),  # Sydhavn
    (55.6640, 12.4900, 0.006),  # Valby / Folehaven
]
_CITY = (55.6800, 12.5600, 0.030)
_SECTORS = {
    "retail": ("shop_office", 0.25),
    "food": ("hotel_restaurant_cinema", 0.18),
    "bakery": ("bakery", 0.05),
    "care": ("general", 0.14),
    "sports": ("general", 0.10),
    "culture": ("general", 0.08),
    "office": ("shop_office", 0.08),
    "logistics": ("general", 0.08),
    "newspaper": ("newspaper", 0.04),
}
_LANGUAGES = ["da", "en", "ar", "so", "tr", "ur", "fa", "uk"]
_EDUCATIONS = ["electrician", "carpenter", "chef", "retail", "care_helper", "mechanic"]
_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
#: How much longer each window is at either end in a `wide` instance.
_WIDER_MINUTES = 60


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _iso(day: _dt.date) -> str:
    return day.isoformat()


def random_instance(rng: np.random.Generator, n_candidates: int, n_seats: int, *,
                    tight: bool = False, wide: bool = False,
                    run_date: _dt.date = _dt.date(2026, 11, 23)) -> dict:
    """Return a random Copenhagen-like instance in the exchange format.

    Candidates cluster around priority housing areas; openings spread over
    the city with realistic shifts, wages and legal categories.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness (the caller seeds it).
    n_candidates : int
        Number of young people.
    n_seats : int
        Total seats over all openings (about 2.7 seats an opening).
    tight : bool, optional
        Make both side rules bind: fewer private openings, a share just met
        by earlier placements, and a refund budget for about a third of the
        municipal refund seats. Otherwise both rules leave room.
    wide : bool, optional
        Young people who travel twice as far and are free an hour longer
        at each end of every window: more than twice the eligible pairs,
        as hard for the exact MILP as the issue's reference instances. The
        same draws as without it, so seed for seed the same people and
        openings.
    run_date : datetime.date, optional
        The policy's run date.

    Returns
    -------
    dict
        A fresh instance; ``json.dumps`` can write it as is.

    Examples
    --------
    >>> import numpy as np
    >>> instance = random_instance(np.random.default_rng(1), 30, 20)
    >>> len(instance["candidates"]), sum(o["seats"] for o in instance["openings"])
    (30, 20)
    """
    longer = _WIDER_MINUTES if wide else 0
    reach = 2.0 if wide else 1.0
    candidates = []
    for k in range(n_candidates):
        age = int(rng.choice(np.arange(15, 25), p=_normalised([14, 14, 13, 12, 11, 9, 8, 7, 6, 6])))
        birth = run_date - _dt.timedelta(days=int(age * 365.25 + rng.integers(0, 365)))
        in_school = bool(age <= 15 or (age == 16 and rng.random() < 0.6))
        if rng.random() < 0.6:
            lat0, lon0, spread = _HOUSING_AREAS[rng.integers(len(_HOUSING_AREAS))]
            priority = ["housing_area"]
        else:
            lat0, lon0, spread = _CITY
            priority = []
        if rng.random() < 0.15:
            priority.append("newly_arrived")
        availability = []
        for day in _DAYS[:5]:
            if rng.random() < 0.6:
                start = int(rng.choice([14 * 60, 15 * 60, 15 * 60 + 30, 16 * 60]))
                end = int(rng.choice([19 * 60, 20 * 60, 21 * 60, 22 * 60] if age >= 16 else [19 * 60, 20 * 60]))
                availability.append({"day": day, "start": _hhmm(start - longer), "end": _hhmm(end + longer)})
        for day in _DAYS[5:]:
            if rng.random() < 0.55:
                start = int(rng.choice([5 * 60, 8 * 60, 9 * 60, 10 * 60]))
                end = int(rng.choice([14 * 60, 16 * 60, 18 * 60, 22 * 60]))
                availability.append({"day": day, "start": _hhmm(start - longer), "end": _hhmm(end + longer)})
        if age >= 18:
            tracks = ["leisure"] if rng.random() < 0.7 else (["apprenticeship"] if rng.random() < 0.5 else ["leisure", "apprenticeship"])
        else:
            tracks = ["leisure"] if rng.random() < 0.93 else ["leisure", "apprenticeship"]
        sectors = list(_SECTORS)
        chosen = rng.choice(len(sectors), size=int(rng.integers(1, 4)), replace=False)
        interests = {sectors[s]: round(float(rng.uniform(0.2, 1.0)), 2) for s in sorted(chosen)}
        languages = ["da"] if rng.random() < 0.88 else []
        if rng.random() < 0.5:
            languages.append(_LANGUAGES[int(rng.integers(1, len(_LANGUAGES)))])
        if not languages:
            languages = ["en"]
        candidates.append({
            "id": f"c-{k:05d}",
            "birth_date": _iso(birth),
            "in_compulsory_school": in_school,
            "lat": round(float(lat0 + rng.normal(0, spread)), 5),
            "lon": round(float(lon0 + rng.normal(0, spread * 1.7)), 5),
            "max_commute_km": float(rng.choice([3.0, 4.0, 5.0, 6.0, 8.0, 10.0])) * reach,
            "max_weekly_minutes": int(rng.choice([240, 360, 480, 600, 720, 900])),
            "availability": availability,
            "tracks": tracks,
            "interests": interests,
            "languages": sorted(set(languages)),
            "education": _EDUCATIONS[int(rng.integers(len(_EDUCATIONS)))] if "apprenticeship" in tracks else None,
            "priority": sorted(set(priority)),
            "waiting_days": int(rng.integers(0, 250)),
        })

    sector_names = list(_SECTORS)
    sector_p = _normalised([weight for _, weight in _SECTORS.values()])
    kind_p = [0.30, 0.55, 0.15] if tight else [0.55, 0.35, 0.10]
    private_sector_p = 0.5 if tight else 0.85
    openings = []
    seats_left = n_seats
    k = 0
    while seats_left > 0:
        seats = int(min(seats_left, 1 + rng.poisson(1.7)))
        seats_left -= seats
        apprenticeship = rng.random() < 0.08
        sector = sector_names[int(rng.choice(len(sector_names), p=sector_p))]
        legal = _SECTORS[sector][0]
        kind = ["private", "municipal", "public_other"][int(rng.choice(3, p=kind_p))]
        if sector in ("food", "bakery", "newspaper", "retail", "office"):
            kind = "private" if rng.random() < private_sector_p else kind
        shifts = _shifts(rng, legal)
        alcohol = bool(sector == "food" and rng.random() < 0.4)
        lat0, lon0, spread = _CITY if rng.random() < 0.7 else _HOUSING_AREAS[rng.integers(len(_HOUSING_AREAS))]
        openings.append({
            "id": f"o-{k:05d}",
            "track": "apprenticeship" if apprenticeship else "leisure",
            "employer_kind": kind,
            "sector": sector,
            "legal_category": legal,
            "serves_alcohol": alcohol,
            "lat": round(float(lat0 + rng.normal(0, spread)), 5),
            "lon": round(float(lon0 + rng.normal(0, spread * 1.7)), 5),
            "seats": seats,
            "start_date": _iso(run_date + _dt.timedelta(days=int(rng.integers(0, 35)))),
            "weeks": int(rng.choice([12, 16, 20, 22, 26])),
            "shifts": shifts,
            "hourly_wage_ore": int(rng.integers(80, 131) * 100),
            "refund": bool(kind == "municipal" and rng.random() < 0.85),
            "min_age": 18 if alcohol and rng.random() < 0.5 else (16 if rng.random() < 0.1 else 15),
            "max_age": None if rng.random() < 0.85 else 17,
            "required_languages": ["da"] if rng.random() < 0.25 else [],
            "education": _EDUCATIONS[int(rng.integers(len(_EDUCATIONS)))] if apprenticeship else None,
        })
        k += 1

    leisure_before = max(4, n_candidates // 10)
    if tight:
        private_before = (leisure_before + 1) // 2  # the share is just met before the run
        refund_seats = sum(o["seats"] for o in openings
                           if o["employer_kind"] == "municipal" and o["refund"] and o["track"] == "leisure")
        budget = int(refund_seats * 0.33) * (10500 * 300 * 20 // 60)  # a third of them at 105 DKK/h
    else:
        private_before = int(leisure_before * 0.7)
        budget = 10**12
    excluded = []
    for _ in range(n_candidates // 50 if openings else 0):
        excluded.append([candidates[int(rng.integers(n_candidates))]["id"],
                         openings[int(rng.integers(len(openings)))]["id"]])
    return {
        "format": 1,
        "policy": {
            "run_date": _iso(run_date),
            "min_private_share_pct": 50,
            "leisure_private_before": private_before,
            "leisure_total_before": leisure_before,
            "refund_budget_ore": budget,
            "refund_minutes_cap": 300,
            "refund_weeks_cap": 22,
            "age_min": 15,
            "age_max": 24,
        },
        "candidates": candidates,
        "openings": openings,
        "excluded_pairs": excluded,
    }


def _normalised(weights):
    weights = np.asarray(weights, dtype=np.float64)
    return weights / weights.sum()


def _shifts(rng, legal):
    count = int(rng.integers(1, 4))
    days = sorted(rng.choice(7, size=count, replace=False))
    shifts = []
    for day in days:
        weekend = day >= 5
        if legal == "bakery" and weekend:
            start = int(rng.choice([5 * 60, 6 * 60, 7 * 60]))
        elif legal == "newspaper":
            start = int(rng.choice([5 * 60 + 30, 6 * 60, 15 * 60]))
        elif weekend:
            start = int(rng.choice([9 * 60, 10 * 60, 11 * 60, 12 * 60]))
        elif legal in ("hotel_restaurant_cinema", "shop_office") and rng.random() < 0.35:
            start = int(rng.choice([17 * 60, 18 * 60]))
        else:
            start = int(rng.choice([15 * 60, 15 * 60 + 30, 16 * 60, 16 * 60 + 30]))
        length = int(rng.choice([90, 120, 120, 180, 240] if not weekend else [180, 240, 300]))
        end = min(start + length, 24 * 60)
        shifts.append({"day": _DAYS[day], "start": _hhmm(start), "end": _hhmm(end)})
    return shifts
