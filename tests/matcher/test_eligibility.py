import pytest

from matcher.eligibility import RULES, eligible_pairs
from matcher.validate import validate_instance

from .builders import make_candidate, make_instance, make_opening


def pair_status(candidate, opening, **policy):
    problem = validate_instance(make_instance([candidate], [opening], **policy))
    pairs = eligible_pairs(problem)
    blocked = {rule: int(n) for rule, n in zip(RULES, pairs.blocked_by[0]) if n}
    return len(pairs.cand) == 1, blocked


PUPIL = dict(birth_date="2010-06-01", in_compulsory_school=True)


def test_pupil_may_take_a_shift_ending_at_eight():
    """Is a 16-year-old pupil eligible for a shift ending at 20:00?"""
    shifts = [{"day": "mon", "start": "18:00", "end": "20:00"}]
    assert pair_status(make_candidate(**PUPIL), make_opening(shifts=shifts)) == (True, {})


def test_pupil_may_not_take_a_shift_ending_at_eight_past_one():
    """Is a 16-year-old pupil ruled out by young-worker rules at 20:01?"""
    shifts = [{"day": "mon", "start": "18:01", "end": "20:01"}]
    assert pair_status(make_candidate(**PUPIL), make_opening(shifts=shifts)) == (False, {"young_worker": 1})


def test_adult_may_take_a_late_shift():
    """Do young-worker rules leave an 18-year-old alone?"""
    shifts = [{"day": "mon", "start": "20:00", "end": "23:00"}]
    adult = make_candidate(birth_date="2008-12-01")
    assert pair_status(adult, make_opening(shifts=shifts, start_date="2026-12-01")) == (True, {})


def test_turning_eighteen_on_the_start_date_lifts_young_worker_rules():
    """Is someone whose 18th birthday is the start date treated as an adult?"""
    shifts = [{"day": "mon", "start": "20:00", "end": "23:00"}]
    day_before = make_candidate(birth_date="2008-12-02")
    on_the_day = make_candidate(birth_date="2008-12-01")
    opening = make_opening(shifts=shifts, start_date="2026-12-01")
    assert pair_status(on_the_day, opening)[0] is True
    assert pair_status(day_before, opening) == (False, {"young_worker": 1})


def test_turning_fifteen_on_the_start_date_is_old_enough():
    """Is someone who turns 15 on the start date eligible, and not a day younger?"""
    opening = make_opening(start_date="2026-12-01")
    assert pair_status(make_candidate(birth_date="2011-12-01", in_compulsory_school=True), opening)[0]
    assert pair_status(make_candidate(birth_date="2011-12-02", in_compulsory_school=True), opening) == (
        False, {"age": 1})


def test_leap_day_birthday_counts_from_first_of_march():
    """Is a 29 February baby still 14 on 28 February and 15 on 1 March of a common year?"""
    leap = make_candidate(birth_date="2012-02-29", in_compulsory_school=True)
    assert pair_status(leap, make_opening(start_date="2027-02-28"))[0] is False
    assert pair_status(leap, make_opening(start_date="2027-03-01"))[0] is True


def test_age_is_counted_on_run_date_when_start_is_earlier():
    """Does an opening that already started count age on the run date?"""
    candidate = make_candidate(birth_date="2011-11-23", in_compulsory_school=True)
    assert pair_status(candidate, make_opening(start_date="2026-01-01"))[0] is True


@pytest.mark.parametrize("field, value, rule", [
    ("tracks", ["apprenticeship"], "track"),
    ("max_commute_km", 0.01, "distance"),
    ("availability", [{"day": "tue", "start": "10:00", "end": "20:00"}], "availability"),
    ("max_weekly_minutes", 60, "weekly_minutes"),
    ("languages", ["en"], "language"),
])
def test_each_rule_reports_its_own_block(field, value, rule):
    """Is the opening counted against the rule that ruled it out?"""
    opening = make_opening(required_languages=["da"])
    assert pair_status(make_candidate(**{field: value}), opening) == (False, {rule: 1})


def test_education_must_match_for_apprenticeships():
    """Is an apprenticeship open only to candidates of the same education?"""
    opening = make_opening(track="apprenticeship", education="chef")
    chef = make_candidate(tracks=["apprenticeship"], education="chef")
    carpenter = make_candidate(tracks=["apprenticeship"], education="carpenter")
    assert pair_status(chef, opening)[0]
    assert pair_status(carpenter, opening) == (False, {"education": 1})


def test_excluded_pair_is_ruled_out():
    """Is a pair in excluded_pairs never eligible?"""
    problem = validate_instance(make_instance(excluded_pairs=[["c-1", "o-1"]]))
    pairs = eligible_pairs(problem)
    assert len(pairs.cand) == 0
    assert pairs.blocked_by[0].tolist() == [0, 0, 0, 0, 0, 0, 0, 0, 1]


def test_touching_windows_join():
    """Does a shift fit two availability windows that touch at 17:00?"""
    windows = [{"day": "mon", "start": "15:00", "end": "17:00"},
               {"day": "mon", "start": "17:00", "end": "20:00"}]
    assert pair_status(make_candidate(availability=windows), make_opening())[0]
