import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from matcher.dates import DAYS
from matcher.checks import _fits, _minutes
from matcher.eligibility import RULES, eligible_pairs, young_worker_exclusions
from matcher.validate import validate_instance
from matcher.young_workers import LEGAL_CATEGORIES, young_worker_conflicts

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


def _clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_shifts(day):
    """One or two shifts on `day` that do not overlap: (day, start, end)."""
    times = st.lists(st.integers(0, 1440), min_size=2, max_size=4, unique=True).map(sorted)
    return times.map(lambda t: [(day, t[k], t[k + 1]) for k in range(0, len(t) - 1, 2)])


_OPENING = st.fixed_dictionaries({
    "shifts": st.lists(st.sampled_from(DAYS), min_size=1, max_size=4, unique=True).flatmap(
        lambda days: st.tuples(*map(_day_shifts, days))).map(lambda per_day: sum(per_day, [])),
    "legal_category": st.sampled_from(LEGAL_CATEGORIES),
    "serves_alcohol": st.booleans(),
})


def _in_every_category(*openings):
    """Each opening's shifts, in every legal category."""
    return [{"shifts": shifts, "legal_category": category, "serves_alcohol": False}
            for shifts in openings for category in LEGAL_CATEGORIES]


@settings(max_examples=150, deadline=None)
@given(st.lists(_OPENING, min_size=1, max_size=6))
# Each limit met exactly, and broken by one minute: a day's minutes at the weekend and on
# a school day, the earliest start and the latest end, the week's minutes.
@example(_in_every_category([("sat", 600, 1020)], [("sun", 600, 1080)], [("sun", 600, 1081)],
                            [("mon", 900, 1020)], [("mon", 900, 1021)]))
@example(_in_every_category([("tue", 360, 420)], [("tue", 359, 420)], [("wed", 240, 300)],
                            [("wed", 239, 300)], [("thu", 1080, 1200)], [("thu", 1080, 1201)],
                            [("fri", 1260, 1320)], [("fri", 1260, 1321)]))
@example(_in_every_category([("sat", 600, 1020), ("sun", 600, 900)],
                            [("sat", 600, 1020), ("sun", 600, 901)],
                            [("sat", 300, 660), ("sat", 700, 1060)]))
def test_young_worker_exclusions_agree_with_the_conflicts_per_opening(drawn):
    """Does every opening exclude exactly the groups `young_worker_conflicts` names for its shifts?"""
    openings = [make_opening(f"o-{j}", legal_category=o["legal_category"],
                             serves_alcohol=o["serves_alcohol"],
                             shifts=[{"day": day, "start": _clock(start), "end": _clock(end)}
                                     for day, start, end in o["shifts"]])
                for j, o in enumerate(drawn)]
    problem = validate_instance(make_instance(openings=openings))
    found = young_worker_exclusions(problem)
    for j, opening_id in enumerate(problem.opening_ids):
        opening = drawn[int(opening_id.removeprefix("o-"))]
        named = {(c.ages, c.in_compulsory_school) for c in young_worker_conflicts(
            opening["shifts"], legal_category=opening["legal_category"],
            serves_alcohol=opening["serves_alcohol"], min_age=0, on=problem.ref_date[j])}
        excluded = {(group.ages, group.in_compulsory_school) for group, mask in found if mask[j]}
        assert excluded == named


def _span(day):
    """One {day, start, end} window or shift on `day`, not crossing midnight."""
    return st.tuples(st.integers(0, 1439), st.integers(1, 600)).map(
        lambda t: {"day": day, "start": _clock(t[0]), "end": _clock(min(t[0] + t[1], 1440))})


_WINDOWS = st.lists(st.sampled_from(DAYS[:3]).flatmap(_span), max_size=8)
_SHIFTS = st.lists(st.sampled_from(DAYS[:3]), min_size=1, max_size=3, unique=True).flatmap(
    lambda days: st.tuples(*map(_span, days))).map(list)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WINDOWS, min_size=1, max_size=4), st.lists(_SHIFTS, min_size=1, max_size=4))
@example([[{"day": "mon", "start": "09:00", "end": "12:00"},
           {"day": "mon", "start": "15:00", "end": "20:00"},
           {"day": "mon", "start": "21:00", "end": "22:00"}]],
         [[{"day": "mon", "start": "16:00", "end": "18:00"}],
          [{"day": "mon", "start": "10:00", "end": "11:00"}],
          [{"day": "mon", "start": "21:00", "end": "22:00"}],
          [{"day": "mon", "start": "11:00", "end": "16:00"}]])
def test_availability_agrees_with_the_checker_with_several_windows_a_day(windows, shifts):
    """Is an opening ruled out for availability exactly when one of its shifts fits no window?"""
    candidates = [make_candidate(f"c-{i}", availability=w) for i, w in enumerate(windows)]
    openings = [make_opening(f"o-{j}", shifts=s) for j, s in enumerate(shifts)]
    problem = validate_instance(make_instance(candidates, openings))
    blocked = eligible_pairs(problem).blocked_by[:, RULES.index("availability")]
    for i, candidate_id in enumerate(problem.candidate_ids):
        spans = [_minutes(w) for w in windows[int(candidate_id.removeprefix("c-"))]]
        misfits = sum(not all(_fits(_minutes(shift), spans) for shift in s) for s in shifts)
        assert blocked[i] == misfits
