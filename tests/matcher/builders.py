"""Small instance builders with sensible defaults (no app, no database)."""

import copy


def make_policy(**overrides):
    policy = {
        "run_date": "2026-11-23",
        "min_private_share_pct": 50,
        "leisure_private_before": 12,
        "leisure_total_before": 20,
        "refund_budget_ore": 31500000,
        "refund_minutes_cap": 300,
        "refund_weeks_cap": 22,
        "age_min": 15,
        "age_max": 24,
    }
    policy.update(overrides)
    return policy


def make_candidate(id="c-1", **overrides):
    candidate = {
        "id": id,
        "birth_date": "2005-06-01",
        "in_compulsory_school": False,
        "lat": 55.6800, "lon": 12.5600,
        "max_commute_km": 5.0,
        "max_weekly_minutes": 900,
        "availability": [{"day": day, "start": "06:00", "end": "24:00"}
                         for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")],
        "tracks": ["leisure"],
        "interests": {"retail": 0.5},
        "languages": ["da"],
        "education": None,
        "priority": [],
        "waiting_days": 10,
    }
    candidate.update(overrides)
    return candidate


def make_opening(id="o-1", **overrides):
    opening = {
        "id": id,
        "track": "leisure",
        "employer_kind": "private",
        "sector": "retail",
        "legal_category": "general",
        "serves_alcohol": False,
        "lat": 55.6810, "lon": 12.5610,
        "seats": 1,
        "start_date": "2026-12-01",
        "weeks": 20,
        "shifts": [{"day": "mon", "start": "16:00", "end": "18:00"}],
        "hourly_wage_ore": 10000,
        "refund": False,
        "min_age": 15,
        "max_age": None,
        "required_languages": [],
        "education": None,
    }
    opening.update(overrides)
    return opening


def make_instance(candidates=None, openings=None, excluded_pairs=None, **policy):
    return {
        "format": 1,
        "policy": make_policy(**policy),
        "candidates": copy.deepcopy(candidates if candidates is not None else [make_candidate()]),
        "openings": copy.deepcopy(openings if openings is not None else [make_opening()]),
        "excluded_pairs": copy.deepcopy(excluded_pairs or []),
    }
