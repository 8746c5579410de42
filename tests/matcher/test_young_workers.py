from dataclasses import replace
from datetime import date

import pytest

from matcher import YOUNG_WORKER_RULES, parse_hhmm, rules_on, young_worker_conflicts

ON = date(2026, 12, 1)


def conflicts(shifts, *, legal_category="general", serves_alcohol=False, min_age=15, on=ON, **kw):
    parsed = [(day, parse_hhmm(start), parse_hhmm(end)) for day, start, end in shifts]
    return young_worker_conflicts(parsed, legal_category=legal_category,
                                  serves_alcohol=serves_alcohol, min_age=min_age, on=on, **kw)


def test_shift_ending_at_eight_pm_is_allowed():
    """May 15-17-year-olds in school work a weekday shift that ends at 20:00?"""
    assert conflicts([("mon", "18:00", "20:00")]) == []


def test_shift_ending_one_minute_after_eight_pm_excludes_the_young():
    """Does ending at 20:01 exclude both 15-17 groups for being too late?"""
    found = [(c.ages, c.in_compulsory_school, c.reason, c.limit)
             for c in conflicts([("mon", "18:01", "20:01")])]
    assert found == [((15, 17), True, "too_late", 1200), ((15, 17), False, "too_late", 1200)]


def test_groups_below_the_minimum_age_are_not_reported():
    """Are 13-14-year-olds left out when the opening's minimum age is 15?"""
    found = conflicts([("mon", "18:01", "20:01")], min_age=13)
    assert (13, 14) in {c.ages for c in found}
    assert (13, 14) not in {c.ages for c in conflicts([("mon", "18:01", "20:01")], min_age=15)}


def test_nothing_reported_when_only_adults_are_admitted():
    """Does an 18+ opening get no young-worker warnings at all?"""
    assert conflicts([("mon", "18:00", "23:00")], serves_alcohol=True, min_age=18) == []


def test_shop_allows_out_of_school_until_ten_pm():
    """May a 16-year-old out of school work in a shop until 22:00?"""
    found = conflicts([("tue", "18:00", "22:00")], legal_category="shop_office")
    assert {(c.in_compulsory_school, c.reason) for c in found} == {(True, "too_late"), (True, "daily_minutes")}


def test_bakery_allows_out_of_school_from_four_am():
    """May a 16-year-old out of school start at a bakery at 04:00 but not 03:59?"""
    ok = conflicts([("sat", "04:00", "08:00")], legal_category="bakery")
    early = conflicts([("sat", "03:59", "08:00")], legal_category="bakery")
    assert all(c.in_compulsory_school for c in ok)
    assert any(c.in_compulsory_school is False and c.reason == "too_early" and c.limit == 240 for c in early)


def test_alcohol_excludes_those_in_school_only():
    """Does serving alcohol exclude group A but not 15-17s out of school?"""
    found = conflicts([("sat", "10:00", "12:00")], serves_alcohol=True)
    assert [(c.ages, c.in_compulsory_school, c.reason) for c in found] == [((15, 17), True, "alcohol")]


def test_weekly_cap_for_pupils_is_twelve_hours():
    """Is 721 minutes a week too much for a pupil and 720 fine?"""
    shifts = [("sat", "08:00", "14:00"), ("sun", "08:00", "14:00")]  # 720
    assert [c.reason for c in conflicts(shifts) if c.in_compulsory_school] == []
    longer = [("sat", "08:00", "14:01"), ("sun", "08:00", "14:00")]
    assert [c.reason for c in conflicts(longer) if c.in_compulsory_school] == ["weekly_minutes"]


def test_school_day_cap_is_two_hours():
    """Is a 121-minute school-day shift too long for a pupil?"""
    found = conflicts([("wed", "16:00", "18:01")])
    assert [(c.reason, c.limit, c.actual, c.day) for c in found] == [("daily_minutes", 120, 121, "wed")]


def test_a_later_rule_set_takes_over_from_its_date():
    """Does a new dated entry (e.g. the 2025 bill) apply from its valid_from on?"""
    current = YOUNG_WORKER_RULES[-1]
    widened = replace(current.groups[2], latest={**current.groups[2].latest, "general": 22 * 60})
    bill = replace(current, valid_from=date(2027, 1, 1), source="test bill",
                   groups=(current.groups[0], current.groups[1], widened))
    table = YOUNG_WORKER_RULES + (bill,)
    late = [("mon", "18:00", "21:00")]
    before = conflicts(late, on=date(2026, 12, 31), table=table)
    after = conflicts(late, on=date(2027, 1, 1), table=table)
    assert any(c.in_compulsory_school is False for c in before)
    assert not any(c.in_compulsory_school is False for c in after)
    assert rules_on(date(2027, 1, 1), table) is bill


def test_unknown_day_is_refused():
    """Is a shift on 'xyz' refused with ValueError?"""
    with pytest.raises(ValueError, match="day"):
        young_worker_conflicts([("xyz", 600, 700)], legal_category="general",
                               serves_alcohol=False, min_age=15, on=ON)
