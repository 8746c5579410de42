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
