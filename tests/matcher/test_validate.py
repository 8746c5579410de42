import collections
import dataclasses
import re
import types

import numpy as np
import pytest

from matcher.exceptions import InvalidInstanceError
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
])
def test_unhashable_value_is_refused_naming_record_and_field(path, value, prefix):
    """Is a list or object where a choice, time or id belongs an InvalidInstanceError naming both?"""
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
