import collections
import dataclasses
import re
import types

import numpy as np
import pytest

from matcher.exceptions import InvalidInstanceError
from matcher.solve import solve
from matcher.types import Problem
from matcher.validate import validate_instance

from .builders import make_candidate, make_instance, make_opening


def assert_same_problem(first, second):
    for field in dataclasses.fields(Problem):
        a, b = getattr(first, field.name), getattr(second, field.name)
        if field.name == "excluded":
            assert all(np.array_equal(x, y) for x, y in zip(a, b)), field.name
        elif isinstance(a, np.ndarray):
            assert a.dtype == b.dtype and np.array_equal(a, b), field.name
        else:
            assert a == b, field.name


def test_unusual_but_valid_types_read_like_plain_json():
    """Do other mappings, int and numpy numbers give the same arrays as plain JSON values?"""
    plain = make_instance([make_candidate(lat=55.0, interests={"retail": 0.5})], [make_opening()])
    unusual = make_instance([make_candidate(lat=55, interests={"retail": np.float64(0.5)})],
                            [make_opening()])
    candidate = unusual["candidates"][0]
    candidate["availability"] = [types.MappingProxyType(w) for w in candidate["availability"]]
    shifts = unusual["openings"][0]["shifts"]
    shifts[0] = collections.OrderedDict(shifts[0])
    unusual["candidates"][0] = types.MappingProxyType(candidate)
    assert_same_problem(validate_instance(plain), validate_instance(unusual))


def test_bad_interval_after_good_ones_is_named_by_its_index():
    """Is a bad window after good ones reported with its own index and key?"""
    availability = [{"day": "mon", "start": "15:00", "end": "20:00"},
                    {"day": "tue", "start": "15:00", "end": "20:00"},
                    {"day": "wed", "start": "15:00"}]
    instance = make_instance([make_candidate(availability=availability)])
    with pytest.raises(ValueError, match=r"^candidate 'c-1': availability\[2\]\.end: missing$"):
        validate_instance(instance)


@pytest.mark.parametrize("record, field, name", [
    ("candidates", "birth_date", "candidate 'c-1'"),
    ("openings", "start_date", "opening 'o-1'"),
    ("policy", "run_date", "policy"),
])
def test_missing_date_is_named_once(record, field, name):
    """Does a missing date read '<record>: <field>: missing', without the prefix twice?"""
    instance = make_instance()
    target = instance[record] if record == "policy" else instance[record][0]
    del target[field]
    with pytest.raises(InvalidInstanceError, match=rf"^{re.escape(name)}: {field}: missing$"):
        validate_instance(instance)


def set_path(instance, path, value):
    target = instance
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def path_id(param):
    """Name a parametrised case by its path alone (values such as 10**400 make poor ids)."""
    return ".".join(map(str, param)) if isinstance(param, tuple) else ""


@pytest.mark.parametrize("path, value, prefix", [
    (("openings", 0, "track"), ["leisure"], "opening 'o-1': track: "),
    (("openings", 0, "employer_kind"), {"private": 1}, "opening 'o-1': employer_kind: "),
    (("openings", 0, "legal_category"), [["general"]], "opening 'o-1': legal_category: "),
    (("openings", 0, "sector"), ["retail"], "opening 'o-1': sector: "),
    (("openings", 0, "education"), {}, "opening 'o-1': education: "),
    (("openings", 0, "required_languages"), [["da"]], "opening 'o-1': required_languages: "),
    (("openings", 0, "shifts", 0, "day"), ["mon"], "opening 'o-1': shifts[0].day: "),
    (("openings", 0, "shifts", 0, "start"), ["16:00"], "opening 'o-1': shifts[0].start: "),
    (("openings", 0, "shifts", 0, "end"), {}, "opening 'o-1': shifts[0].end: "),
    (("candidates", 0, "availability", 0, "day"), {}, "candidate 'c-1': availability[0].day: "),
    (("candidates", 0, "availability", 0, "start"), [], "candidate 'c-1': availability[0].start: "),
    (("candidates", 0, "tracks"), [["leisure"]], "candidate 'c-1': tracks: "),
    (("candidates", 0, "priority"), [{}], "candidate 'c-1': priority: "),
    (("candidates", 0, "languages"), [["da"]], "candidate 'c-1': languages: "),
    (("candidates", 0, "education"), ["chef"], "candidate 'c-1': education: "),
    (("excluded_pairs",), [[["c-1"], "o-1"]], "excluded_pairs[0]: candidate: "),
    (("excluded_pairs",), [["c-1", {"id": "o-1"}]], "excluded_pairs[0]: opening: "),
], ids=path_id)
def test_unhashable_value_is_refused_naming_record_and_field(path, value, prefix):
    """Is a list or object where a choice, time or id belongs refused, naming record and field?"""
    instance = make_instance()
    set_path(instance, path, value)
    with pytest.raises(InvalidInstanceError, match=f"^{re.escape(prefix)}") as caught:
        validate_instance(instance)
    assert str(caught.value).count(prefix.split(":")[0]) == 1


def test_bad_choice_lists_the_allowed_values():
    """Does a value outside a vocabulary name the allowed values and the value given?"""
    instance = make_instance(openings=[make_opening("o-7", track=["leisure"])])
    with pytest.raises(InvalidInstanceError) as caught:
        validate_instance(instance)
    assert str(caught.value) == "opening 'o-7': track: not one of leisure, apprenticeship: ['leisure']"


def test_bad_clock_time_reads_like_other_bad_times():
    """Is an unhashable clock time reported as 'not a time', not as Python's 'unhashable type'?"""
    instance = make_instance(openings=[make_opening(shifts=[{"day": "mon", "start": ["16:00"],
                                                             "end": "18:00"}])])
    with pytest.raises(InvalidInstanceError) as caught:
        validate_instance(instance)
    assert str(caught.value) == "opening 'o-1': shifts[0].start: not a time 'HH:MM': ['16:00']"


@pytest.mark.parametrize("path, value", [
    (("policy", "leisure_private_before"), 10**30),
    (("policy", "leisure_total_before"), 10**30),
    (("policy", "refund_budget_ore"), 2**63),
    (("policy", "refund_minutes_cap"), 10**30),
    (("policy", "refund_weeks_cap"), 10**30),
    (("policy", "age_max"), 10**400),
    (("candidates", 0, "lat"), 10**400),
    (("candidates", 0, "lon"), -10**400),
    (("candidates", 0, "max_commute_km"), 10**400),
    (("candidates", 0, "max_weekly_minutes"), 10**30),
    (("candidates", 0, "waiting_days"), 2**63),
    (("openings", 0, "lat"), 10**400),
    (("openings", 0, "seats"), 10**30),
    (("openings", 0, "weeks"), 10**30),
    (("openings", 0, "hourly_wage_ore"), 10**18),
    (("openings", 0, "min_age"), 10**30),
    (("openings", 0, "max_age"), 10**30),
], ids=path_id)
def test_huge_number_is_out_of_range(path, value):
    """Is a number too big for exact arithmetic refused as out of range, naming record and field?"""
    instance = make_instance()
    set_path(instance, path, value)
    name = {"policy": "policy", "candidates": "candidate 'c-1'", "openings": "opening 'o-1'"}[path[0]]
    with pytest.raises(InvalidInstanceError, match=rf"^{re.escape(name)}: {path[-1]}: out of range: "):
        validate_instance(instance)


def test_huge_integer_is_shown_by_its_size():
    """Does the message show 10**400 as ~10**400 rather than 401 digits?"""
    instance = make_instance([make_candidate(lat=10**400)])
    with pytest.raises(InvalidInstanceError) as caught:
        validate_instance(instance)
    assert str(caught.value) == "candidate 'c-1': lat: out of range: ~10**400"


def test_largest_allowed_numbers_give_exact_refunds():
    """At every upper limit at once, is the instance solved with the refund computed exactly?"""
    week = [{"day": day, "start": "00:00", "end": "24:00"}
            for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]
    instance = make_instance(
        [make_candidate(max_weekly_minutes=7 * 1440, availability=week, waiting_days=10**9)],
        [make_opening(employer_kind="municipal", refund=True, shifts=week, seats=10**9,
                      weeks=1000, hourly_wage_ore=10**7)],
        refund_budget_ore=10**15, refund_minutes_cap=7 * 1440, refund_weeks_cap=1000,
        leisure_private_before=10**9, leisure_total_before=10**9)
    result = solve(instance)
    assert [a["refund_ore"] for a in result["assignments"]] == [10**7 * 7 * 1440 * 1000 // 60]
    assert result["stats"]["refund_remaining_ore"] == 10**15 - 10**7 * 7 * 1440 * 1000 // 60


def test_format_true_is_not_version_1():
    """Is "format": true refused, although True == 1 in Python?"""
    instance = make_instance()
    instance["format"] = True
    with pytest.raises(InvalidInstanceError, match=r"^instance: format: unsupported format True"):
        validate_instance(instance)


def test_an_instance_with_no_candidates_and_no_openings_is_valid_and_empty():
    """Do empty candidate and opening lists give an empty problem, not an error?"""
    problem = validate_instance(make_instance([], []))
    assert (problem.n, problem.m) == (0, 0)
    assert problem.candidate_ids == () and problem.opening_ids == ()
