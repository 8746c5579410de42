"""An independent feasibility checker for results.

It re-derives every hard rule for each assigned pair with plain scalar
Python straight from the instance's JSON (not from the vectorised arrays
the solver uses), then checks capacities, the side rules and the
bookkeeping. Tests, the benchmark and the web app use it.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping

from .costs import refund_ore
from .dates import age_on, parse_hhmm
from .young_workers import rules_on

__all__ = ["check_result"]


def _minutes(window):
    return window["day"], parse_hhmm(window["start"]), parse_hhmm(window["end"])


def _fits(shift, windows):
    """Shift inside one window, after joining windows that touch or overlap."""
    day, start, end = shift
    spans = sorted((s, e) for d, s, e in windows if d == day)
    joined: list[list[int]] = []
    for s, e in spans:
        if joined and s <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], e)
        else:
            joined.append([s, e])
    return any(s <= start and end <= e for s, e in joined)


def _distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(h, 1.0)))


def _young_worker_problems(age, candidate, opening, shifts, on):
    group = rules_on(on).group_for(age, candidate["in_compulsory_school"])
    if group is None:
        return []
    problems = []
    if opening["serves_alcohol"] and not group.alcohol_allowed:
        problems.append("serves alcohol")
    earliest = group.earliest[opening["legal_category"]]
    latest = group.latest[opening["legal_category"]]
    per_day: dict[str, int] = {}
    for day, start, end in shifts:
        if start < earliest or end > latest:
            problems.append(f"shift on {day} outside {earliest // 60:02d}:{earliest % 60:02d}-"
                            f"{latest // 60:02d}:{latest % 60:02d}")
        per_day[day] = per_day.get(day, 0) + end - start
    for day, minutes in per_day.items():
        cap = group.weekend_day_minutes if day in ("sat", "sun") else group.school_day_minutes
        if minutes > cap:
            problems.append(f"{minutes} minutes on {day} > {cap}")
    if sum(per_day.values()) > group.weekly_minutes:
        problems.append(f"{sum(per_day.values())} minutes a week > {group.weekly_minutes}")
    return problems


def _pair_problems(policy, candidate, opening, excluded):
    """Every hard rule the pair breaks, as text."""
    problems = []
    if opening["track"] not in candidate["tracks"]:
        problems.append("track")
    run_date = _dt.date.fromisoformat(policy["run_date"])
    on = max(_dt.date.fromisoformat(opening["start_date"]), run_date)
    age = age_on(_dt.date.fromisoformat(candidate["birth_date"]), on)
    if not (policy["age_min"] <= age <= policy["age_max"]) or age < 13 or age < opening["min_age"] or (
        opening["max_age"] is not None and age > opening["max_age"]
    ):
        problems.append(f"age {age}")
    distance = _distance_km(candidate, opening)
    if distance > candidate["max_commute_km"]:
        problems.append(f"distance {distance:.2f} km > {candidate['max_commute_km']}")
    shifts = [_minutes(s) for s in opening["shifts"]]
    windows = [_minutes(w) for w in candidate["availability"]]
    for shift in shifts:
        if not _fits(shift, windows):
            problems.append(f"availability: {shift[0]} shift not inside a window")
    weekly = sum(end - start for _, start, end in shifts)
    if weekly > candidate["max_weekly_minutes"]:
        problems.append(f"weekly minutes {weekly} > {candidate['max_weekly_minutes']}")
    if age < 18:
        problems.extend(f"young worker: {p}" for p in _young_worker_problems(age, candidate, opening, shifts, on))
    if opening["track"] == "apprenticeship" and opening["education"] != candidate["education"]:
        problems.append("education")
    missing = set(opening["required_languages"]) - set(candidate["languages"])
    if missing:
        problems.append(f"languages {sorted(missing)}")
    if (candidate["id"], opening["id"]) in excluded:
        problems.append("excluded pair")
    return problems


def check_result(instance: Mapping, result: Mapping) -> list[str]:
    """List every way a result breaks the instance's rules (empty: feasible).

    Parameters
    ----------
    instance : Mapping
        A valid format-1 instance.
    result : Mapping
        A format-1 result for it.

    Returns
    -------
    list of str
        Human-readable violations: a hard rule broken by an assigned pair,
        an over-full opening, a candidate assigned twice or neither
        assigned nor unmatched, the private share or refund cap broken,
        or stats that do not add up.

    Notes
    -----
    When earlier placements already put the private share below target,
    a run cannot repair the past; the share rule then counts as met if
    this run adds no non-private leisure match (the matcher closes those
    openings in that case).

    Examples
    --------
    >>> from matcher import solve
    >>> from matcher.generate import example_instance
    >>> instance = example_instance()
    >>> result = solve(instance)
    >>> check_result(instance, result)
    []
    >>> result["assignments"][0]["opening"] = "o-3"
    >>> check_result(instance, result)[:2]
    ['c-101 -> o-3: availability: mon shift not inside a window', 'c-101 -> o-3: young worker: shift on mon outside 06:00-20:00']
    """
    policy = instance["policy"]
    candidates = {c["id"]: c for c in instance["candidates"]}
    openings = {o["id"]: o for o in instance["openings"]}
    excluded = {tuple(pair) for pair in instance.get("excluded_pairs", [])}
    problems: list[str] = []
    seen: dict[str, int] = {}
    used: dict[str, int] = {}
    private = leisure = public_leisure = 0
    refund_sum = 0
    score_sum = 0.0
    for entry in result.get("assignments", []):
        cid, oid = entry.get("candidate"), entry.get("opening")
        seen[cid] = seen.get(cid, 0) + 1
        if cid not in candidates or oid not in openings:
            problems.append(f"unknown pair {cid} -> {oid}")
            continue
        candidate, opening = candidates[cid], openings[oid]
        problems.extend(f"{cid} -> {oid}: {p}" for p in _pair_problems(policy, candidate, opening, excluded))
        used[oid] = used.get(oid, 0) + 1
        weekly = sum(parse_hhmm(s["end"]) - parse_hhmm(s["start"]) for s in opening["shifts"])
        refunded = opening["track"] == "leisure" and opening["employer_kind"] == "municipal" and opening["refund"]
        expected = refund_ore(opening["hourly_wage_ore"], weekly, opening["weeks"],
                              policy["refund_minutes_cap"], policy["refund_weeks_cap"]) if refunded else 0
        if entry.get("refund_ore") != expected:
            problems.append(f"{cid} -> {oid}: refund_ore {entry.get('refund_ore')} != {expected}")
        refund_sum += expected
        score = entry.get("score")
        if not isinstance(score, (int, float)) or not 0 <= score <= 100:
            problems.append(f"{cid} -> {oid}: score {score!r} not in 0-100")
        else:
            score_sum += score
        if not entry.get("why"):
            problems.append(f"{cid} -> {oid}: no reasons given")
        if opening["track"] == "leisure":
            leisure += 1
            if opening["employer_kind"] == "private":
                private += 1
            else:
                public_leisure += 1
    for entry in result.get("unmatched", []):
        cid = entry.get("candidate")
        seen[cid] = seen.get(cid, 0) + 1
        if entry.get("reason") not in ("no_eligible_opening", "capacity", "private_share_rule", "refund_budget"):
            problems.append(f"{cid}: unknown reason {entry.get('reason')!r}")
    for cid in candidates:
        if seen.get(cid, 0) != 1:
            problems.append(f"{cid}: appears {seen.get(cid, 0)} times (assigned or unmatched), not once")
    for cid in seen:
        if cid not in candidates:
            problems.append(f"{cid}: not a candidate of the instance")
    for oid, count in sorted(used.items()):
        if count > openings[oid]["seats"]:
            problems.append(f"{oid}: {count} assigned > {openings[oid]['seats']} seats")
    pct = policy["min_private_share_pct"]
    p_after = policy["leisure_private_before"] + private
    l_after = policy["leisure_total_before"] + leisure
    already_short = 100 * policy["leisure_private_before"] < pct * policy["leisure_total_before"]
    if 100 * p_after < pct * l_after and not (already_short and public_leisure == 0):
        problems.append(f"private share {p_after}/{l_after} below {pct}%")
    if refund_sum > policy["refund_budget_ore"]:
        problems.append(f"refunds {refund_sum} > budget {policy['refund_budget_ore']}")
    stats = result.get("stats", {})
    if stats.get("matched") != len(result.get("assignments", [])):
        problems.append("stats.matched does not count the assignments")
    if stats.get("refund_ore") != refund_sum:
        problems.append(f"stats.refund_ore {stats.get('refund_ore')} != {refund_sum}")
    if stats.get("refund_remaining_ore") != policy["refund_budget_ore"] - refund_sum:
        problems.append("stats.refund_remaining_ore does not add up")
    if abs(stats.get("objective", 0.0) - score_sum) > 0.01 * max(1, len(result.get("assignments", []))):
        problems.append(f"stats.objective {stats.get('objective')} != sum of scores {score_sum:.2f}")
    if stats.get("upper_bound", math.inf) < stats.get("objective", 0.0) - 1e-6:
        problems.append("stats.upper_bound below the objective")
    return problems
