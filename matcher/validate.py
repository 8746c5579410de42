"""Validate an exchange-format instance and normalise it into arrays.

Follows scipy's order: every check happens here, before any solving, and
the caller's mapping is never changed.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from .costs import PRIORITY_FLAGS, refund_ore
from .dates import DAYS, parse_date, parse_hhmm
from .exceptions import InvalidInstanceError
from .types import (
    APPRENTICESHIP,
    OTHER_LEISURE,
    PRIVATE_LEISURE,
    REFUND_LEISURE,
    Policy,
    Problem,
)
from .young_workers import LEGAL_CATEGORIES

__all__ = ["validate_instance", "merge_windows"]

TRACKS = {"leisure": 1, "apprenticeship": 2}
EMPLOYER_KINDS = ("private", "municipal", "public_other")


@functools.lru_cache(maxsize=4096)
def _day_interval(day, start, end):
    """Return ``(day_index, start, end)`` for a well-formed interval, else None.

    A big instance repeats the same few (day, start, end) triples thousands
    of times, so each is parsed once. None sends the caller to the careful
    path (`_Record.interval`), which says what is wrong.
    """
    if day not in DAYS:
        return None
    try:
        start_minutes = parse_hhmm(start, allow_24=False)
        end_minutes = parse_hhmm(end, allow_24=True)
    except ValueError:
        return None
    if end_minutes <= start_minutes:
        return None
    return (DAYS.index(day), start_minutes, end_minutes)


# Birth and start dates recur; only plain strings are looked up (they are hashable).
_cached_date = functools.lru_cache(maxsize=8192)(parse_date)

_MISSING = object()
_UINT64_MAX = (1 << 64) - 1

# Upper limits for the numbers the format leaves open. Each is far beyond any
# real programme, and together they keep the solver's arithmetic exact:
# - a count (seats, placements before this run, days waited) <= 10**9, so the
#   share rule's 100 * P - pct * L stays near 1e11;
# - a refund, hourly_wage_ore * min(weekly minutes, refund_minutes_cap) *
#   min(weeks, refund_weeks_cap) // 60, is at most 10**7 øre (100,000 DKK an
#   hour) * 10,080 minutes (a whole week) * 1,000 weeks (19 years) / 60 < 2e12
#   øre: a million of them still sum far below int64's 9.2e18;
# - the refund budget <= 10**15 øre (10 trillion DKK) stays below 2**53, so the
#   solver's float64 copies of money are exact.
_MAX_COUNT = 10**9
_MAX_WAGE_ORE = 10**7
_MAX_WEEK_MINUTES = 7 * 1440
_MAX_WEEKS = 1000
_MAX_BUDGET_ORE = 10**15
_MAX_AGE = 150


def _show(value) -> str:
    """Return ``repr(value)`` for a message, a huge integer shortened to its size (``~10**400``)."""
    if type(value) is int and not -10**20 < value < 10**20:
        digits = round((abs(value).bit_length() - 0.5) * math.log10(2))
        return f"{'-' if value < 0 else ''}~10**{digits}"
    return repr(value)


class _Record:
    """Reads fields of one JSON object and raises errors that name it.

    Every reader tests the common case first (a present field of exactly the
    expected type: ``dict``, ``list``, ``int``, ``float``, ``str``, one cheap
    test) and only then asks whether the field is missing and runs the
    general ``isinstance`` checks, so a valid instance pays little per field.
    """

    __slots__ = ("kind", "record", "position", "raw_id")

    def __init__(self, kind: str, record, position: int | None = None):
        self.kind = kind
        if type(record) is not dict and not isinstance(record, Mapping):
            where = f"{kind} #{position}" if position is not None else kind
            raise InvalidInstanceError(f"{where}: not an object")
        self.record = record
        self.position = position
        raw_id = record.get("id") if position is not None else None
        if position is not None and (not isinstance(raw_id, str) or not raw_id):
            raise InvalidInstanceError(f"{kind} #{position}: id: missing or not a non-empty string")
        self.raw_id = raw_id

    @property
    def name(self) -> str:
        # Only needed for a message, so it is not formatted for every record.
        return f"{self.kind} {self.raw_id!r}" if self.position is not None else self.kind

    def fail(self, field: str, problem: str):
        raise InvalidInstanceError(f"{self.name}: {field}: {problem}")

    def get(self, field: str):
        value = self.record.get(field, _MISSING)
        if value is _MISSING:
            self.fail(field, "missing")
        return value

    def integer(self, field: str, *, low: int, high: int, nullable=False):
        # `high` is required: every integer ends up in int64 arrays and sums (see the limits above).
        value = self.record.get(field, _MISSING)
        if type(value) is not int:
            if value is _MISSING:
                self.fail(field, "missing")
            if value is None and nullable:
                return None
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(field, f"not an integer: {_show(value)}")
        if value < low or value > high:
            self.fail(field, f"out of range: {_show(value)}")
        return value

    def number(self, field: str, *, low=None, high=None):
        value = self.record.get(field, _MISSING)
        if type(value) is float:
            number = value
        else:
            if value is _MISSING:
                self.fail(field, "missing")
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.fail(field, f"not a number: {_show(value)}")
            try:
                number = float(value)
            except OverflowError:  # an integer beyond any float, such as 10**400
                self.fail(field, f"out of range: {_show(value)}")
        if not math.isfinite(number):
            self.fail(field, f"not a number: {_show(value)}")
        if (low is not None and number < low) or (high is not None and number > high):
            self.fail(field, f"out of range: {_show(value)}")
        return number

    def boolean(self, field: str):
        value = self.record.get(field, _MISSING)
        if value is not True and value is not False:
            if value is _MISSING:
                self.fail(field, "missing")
            self.fail(field, f"not true/false: {_show(value)}")
        return value

    def choice(self, field: str, allowed):
        value = self.get(field)
        try:
            if value in allowed:
                return value
        except TypeError:  # unhashable (a list, say), so not one of the allowed strings either
            pass
        self.fail(field, f"not one of {', '.join(allowed)}: {_show(value)}")

    def date(self, field: str):
        value = self.get(field)  # outside the try: its own error already names record and field
        try:
            return _cached_date(value) if type(value) is str else parse_date(value)
        except ValueError as err:
            self.fail(field, str(err))

    def text_or_null(self, field: str):
        value = self.record.get(field, _MISSING)
        if value is not None and type(value) is not str:
            if value is _MISSING:
                self.fail(field, "missing")
            if not isinstance(value, str):
                self.fail(field, f"not a string or null: {_show(value)}")
        return value

    def typed(self, field: str, kind: type, problem: str):
        """The field's value, which must be a `kind` (the exact type is tested first: cheap)."""
        value = self.record.get(field, _MISSING)
        if type(value) is not kind:
            if value is _MISSING:
                self.fail(field, "missing")
            if not isinstance(value, kind):
                self.fail(field, problem)
        return value

    def strings(self, field: str):
        value = self.typed(field, list, "not a list of strings")
        for item in value:
            if type(item) is not str and not isinstance(item, str):
                self.fail(field, "not a list of strings")
        return value

    def intervals(self, field: str):
        """Parse a list of {day, start, end}; return sorted (day_index, start, end)."""
        value = self.typed(field, list, "not a list")
        try:
            # The usual case: plain dicts with well-formed, already seen (day, start, end).
            parsed = [_day_interval(item["day"], item["start"], item["end"])
                      for item in value if type(item) is dict]
        except (KeyError, TypeError):  # a missing key or an unhashable value
            parsed = None
        if parsed is None or len(parsed) != len(value) or None in parsed:
            # Something is unusual: check item by item, which reports the first problem.
            parsed = [self.interval(f"{field}[{k}]", item) for k, item in enumerate(value)]
        return tuple(sorted(parsed))

    def interval(self, where: str, item):
        """Check one {day, start, end} item field by field; the first problem is raised."""
        if not isinstance(item, Mapping):
            self.fail(where, "not an object")
        for key in ("day", "start", "end"):
            if key not in item:
                self.fail(f"{where}.{key}", "missing")
        if item["day"] not in DAYS:
            self.fail(f"{where}.day", f"unknown day {_show(item['day'])}")
        try:
            start = parse_hhmm(item["start"], allow_24=False)
        except ValueError as err:
            self.fail(f"{where}.start", str(err))
        try:
            end = parse_hhmm(item["end"], allow_24=True)
        except ValueError as err:
            self.fail(f"{where}.end", str(err))
        if end <= start:
            self.fail(where, "ends before it starts (a shift or window never crosses midnight)")
        return (DAYS.index(item["day"]), start, end)


def merge_windows(windows):
    """Merge overlapping or touching (day_index, start, end) windows.

    Free time 15:00-17:00 and 17:00-20:00 is one window 15:00-20:00: a
    shift 16:00-18:00 fits it.

    Parameters
    ----------
    windows : iterable of (int, int, int)

    Returns
    -------
    tuple of (int, int, int)
        Sorted, disjoint, non-touching windows.

    Examples
    --------
    >>> merge_windows([(0, 900, 1020), (0, 1020, 1200), (5, 540, 600)])
    ((0, 900, 1200), (5, 540, 600))
    """
    merged: list[tuple[int, int, int]] = []
    for window in sorted(windows):
        day, start, end = window
        if merged and merged[-1][0] == day and start <= merged[-1][2]:
            merged[-1] = (day, merged[-1][1], max(merged[-1][2], end))
        else:
            # Most windows merge with nothing: a plain tuple is kept as it is.
            merged.append(window if type(window) is tuple else (day, start, end))
    return tuple(merged)


def _policy(raw) -> Policy:
    record = _Record("policy", raw)
    return Policy(
        run_date=record.date("run_date"),
        min_private_share_pct=record.integer("min_private_share_pct", low=0, high=100),
        leisure_private_before=record.integer("leisure_private_before", low=0, high=_MAX_COUNT),
        leisure_total_before=record.integer("leisure_total_before", low=0, high=_MAX_COUNT),
        refund_budget_ore=record.integer("refund_budget_ore", low=0, high=_MAX_BUDGET_ORE),
        refund_minutes_cap=record.integer("refund_minutes_cap", low=0, high=_MAX_WEEK_MINUTES),
        refund_weeks_cap=record.integer("refund_weeks_cap", low=0, high=_MAX_WEEKS),
        age_min=record.integer("age_min", low=0, high=_MAX_AGE),
        age_max=record.integer("age_max", low=0, high=_MAX_AGE),
    )


def _language_masks(lists, vocabulary):
    """Return an ``(len(lists), words)`` uint64 bitmask, bit ``vocabulary[language]`` set."""
    words = max(1, (len(vocabulary) + 63) // 64)
    # The same few language lists recur, so each distinct list is turned into bits once.
    bits_of: dict[tuple, int] = {}
    row_bits = []
    for languages in lists:
        key = tuple(languages)
        bits = bits_of.get(key)
        if bits is None:
            bits = 0
            for language in languages:
                bits |= 1 << vocabulary[language]
            bits_of[key] = bits
        row_bits.append(bits)
    masks = np.zeros((len(lists), words), dtype=np.uint64)
    for word in range(words):
        masks[:, word] = np.array([(bits >> (64 * word)) & _UINT64_MAX for bits in row_bits],
                                  dtype=np.uint64)
    return masks


class _Candidates(NamedTuple):
    """The checked candidates' fields, a tuple each, in the order `_candidate_row` returns them."""

    ids: tuple
    births: tuple
    in_school: tuple
    lat: tuple
    lon: tuple
    max_commute_km: tuple
    max_weekly_minutes: tuple
    availability: tuple
    tracks: tuple
    interests: tuple
    languages: tuple
    education: tuple
    priority: tuple
    waiting_days: tuple


class _Openings(NamedTuple):
    """The checked openings' fields, a tuple each, in the order `_opening_row` returns them."""

    ids: tuple
    track: tuple
    employer_kind: tuple
    sector: tuple
    legal_category: tuple
    serves_alcohol: tuple
    lat: tuple
    lon: tuple
    seats: tuple
    start_dates: tuple
    weeks: tuple
    shifts: tuple
    wages: tuple
    refund: tuple
    min_age: tuple
    max_age: tuple
    required_languages: tuple
    education: tuple


def _candidate_row(raw, position: int) -> tuple:
    """Check one candidate; return its fields as a tuple (see `validate_instance`)."""
    record = _Record("candidate", raw, position)
    tracks = record.strings("tracks")
    track_bits = 0  # TRACKS values are distinct bits, so OR-ing them adds each track once
    for track in tracks:
        if track not in TRACKS:
            record.fail("tracks", f"unknown track {track!r}")
        track_bits |= TRACKS[track]
    interests = record.get("interests")
    if type(interests) is not dict and not isinstance(interests, Mapping):
        record.fail("interests", "not an object")
    for sector, weight in interests.items():
        if type(weight) is float and 0.0 <= weight <= 1.0:
            continue  # the usual case, without the isinstance checks below
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
            record.fail(f"interests.{sector}", f"not a weight in [0, 1]: {_show(weight)}")
    priority = record.strings("priority")
    for flag in priority:
        if flag not in PRIORITY_FLAGS:
            record.fail("priority", f"unknown priority {flag!r}")
    # The tuple is evaluated left to right: this order decides which problem is reported first.
    return (
        raw["id"],
        record.date("birth_date"),
        record.boolean("in_compulsory_school"),
        record.number("lat", low=-90, high=90),
        record.number("lon", low=-180, high=180),
        record.number("max_commute_km", low=0),
        record.integer("max_weekly_minutes", low=0, high=_MAX_WEEK_MINUTES),
        merge_windows(record.intervals("availability")),
        track_bits,
        dict(interests),
        record.strings("languages"),
        record.text_or_null("education"),
        priority,
        record.integer("waiting_days", low=0, high=_MAX_COUNT),
    )


def _opening_row(raw, position: int) -> tuple:
    """Check one opening; return its fields as a tuple (see `validate_instance`)."""
    record = _Record("opening", raw, position)
    shifts = record.intervals("shifts")
    if not shifts:
        record.fail("shifts", "empty")
    for earlier, later in zip(shifts, shifts[1:]):
        if earlier[0] == later[0] and later[1] < earlier[2]:
            record.fail("shifts", f"overlapping shifts on {DAYS[later[0]]}")
    min_age = record.integer("min_age", low=0, high=_MAX_AGE)
    max_age = record.integer("max_age", low=0, high=_MAX_AGE, nullable=True)
    track = record.choice("track", TRACKS)
    kind = record.choice("employer_kind", EMPLOYER_KINDS)
    sector = record.get("sector")
    if not isinstance(sector, str):
        record.fail("sector", "not a string")
    # The tuple is evaluated left to right: this order decides which problem is reported first.
    return (
        raw["id"],
        track,
        kind,
        sector,
        record.choice("legal_category", LEGAL_CATEGORIES),
        record.boolean("serves_alcohol"),
        record.number("lat", low=-90, high=90),
        record.number("lon", low=-180, high=180),
        record.integer("seats", low=0, high=_MAX_COUNT),
        record.date("start_date"),
        record.integer("weeks", low=0, high=_MAX_WEEKS),
        shifts,
        record.integer("hourly_wage_ore", low=0, high=_MAX_WAGE_ORE),
        record.boolean("refund"),
        min_age,
        max_age,
        record.strings("required_languages"),
        record.text_or_null("education"),
    )


def _columns(rows: list[tuple], columns: type):
    """Transpose rows into the NamedTuple `columns`, a tuple per field (also with no rows)."""
    return columns._make(zip(*rows) if rows else ((),) * len(columns._fields))


@functools.lru_cache(maxsize=256)
def _priority_share(flags: tuple[str, ...]) -> float:
    """Return the priority part of the score, 0-1, for a candidate's flags."""
    # Cached: a big instance has thousands of candidates but only a few flag combinations.
    return min(1.0, sum(PRIORITY_FLAGS[flag] for flag in set(flags)))


def _opening_class(track: str, kind: str, refund: bool) -> int:
    """Return the opening's class for the side rules (PRIVATE_LEISURE..APPRENTICESHIP)."""
    if track == "apprenticeship":
        return APPRENTICESHIP
    if kind == "private":
        return PRIVATE_LEISURE
    if kind == "municipal" and refund:
        return REFUND_LEISURE
    return OTHER_LEISURE


def _ints(values) -> np.ndarray:
    """Return `values` as a 1-d int64 array (also when empty)."""
    return np.asarray(values, dtype=np.int64).reshape(-1)


def _floats(values) -> np.ndarray:
    """Return `values` as a 1-d float64 array (also when empty)."""
    return np.asarray(values, dtype=np.float64).reshape(-1)


def validate_instance(instance) -> Problem:
    """Check an instance against the exchange format and return it as arrays.

    Parameters
    ----------
    instance : Mapping
        The parsed JSON instance (format 1). It is not modified.

    Returns
    -------
    Problem
        Candidates and openings sorted by id, times in minutes, dates parsed.

    Raises
    ------
    InvalidInstanceError
        A ``ValueError`` naming the record (e.g. ``candidate 'c-1'``) and the
        field, for unknown days, shifts crossing midnight, negative seats,
        numbers too large for exact arithmetic, malformed dates, missing
        fields, duplicate ids and the like.

    Examples
    --------
    >>> from matcher.generate import example_instance
    >>> problem = validate_instance(example_instance())
    >>> problem.n, problem.m
    (2, 2)
    >>> bad = example_instance()
    >>> bad["openings"][0]["seats"] = -1
    >>> validate_instance(bad)
    Traceback (most recent call last):
    ...
    matcher.exceptions.InvalidInstanceError: opening 'o-7': seats: out of range: -1
    """
    top = _Record("instance", instance)
    version = top.get("format")
    if version != 1 or isinstance(version, bool):  # true == 1 in Python, but is no version
        top.fail("format", f"unsupported format {_show(version)} (expected 1)")
    policy = _policy(top.get("policy"))
    raw_candidates = top.get("candidates")
    raw_openings = top.get("openings")
    raw_excluded = instance.get("excluded_pairs", [])
    for field, value in (("candidates", raw_candidates), ("openings", raw_openings),
                         ("excluded_pairs", raw_excluded)):
        if not isinstance(value, list):
            top.fail(field, "not a list")

    # Records become tuples (rows), which are sorted by id and transposed into
    # columns: no dict per record, and each array is built in one go.
    candidate_rows = [_candidate_row(raw, position) for position, raw in enumerate(raw_candidates)]
    opening_rows = [_opening_row(raw, position) for position, raw in enumerate(raw_openings)]
    for kind, rows in (("candidate", candidate_rows), ("opening", opening_rows)):
        seen = set()
        for row in rows:
            if row[0] in seen:
                raise InvalidInstanceError(f"{kind} {row[0]!r}: id: duplicate")
            seen.add(row[0])
    # Ids are unique by now, so sorting the rows by id gives the order sorting by id always gave.
    candidate_rows.sort(key=operator.itemgetter(0))
    opening_rows.sort(key=operator.itemgetter(0))
    candidates = _columns(candidate_rows, _Candidates)
    openings = _columns(opening_rows, _Openings)
    cand_index = {cid: i for i, cid in enumerate(candidates.ids)}
    open_index = {oid: j for j, oid in enumerate(openings.ids)}

    excluded_c, excluded_o = [], []
    for k, pair in enumerate(raw_excluded):
        where = f"excluded_pairs[{k}]"
        if not (isinstance(pair, list) and len(pair) == 2):
            raise InvalidInstanceError(f"{where}: not a [candidate, opening] pair")
        try:
            candidate = cand_index[pair[0]]
        except (KeyError, TypeError):  # TypeError: an unhashable id, such as a list
            raise InvalidInstanceError(f"{where}: candidate: unknown id {_show(pair[0])}") from None
        try:
            opening = open_index[pair[1]]
        except (KeyError, TypeError):
            raise InvalidInstanceError(f"{where}: opening: unknown id {_show(pair[1])}") from None
        excluded_c.append(candidate)
        excluded_o.append(opening)

    sectors = tuple(sorted(set(openings.sector)))
    sector_index = {s: k for k, s in enumerate(sectors)}
    # The interest matrix is filled in one fancy assignment from (row, column, weight) lists.
    interest_rows, interest_columns, interest_weights = [], [], []
    for i, interests in enumerate(candidates.interests):
        for sector, weight in interests.items():
            if sector in sector_index:
                interest_rows.append(i)
                interest_columns.append(sector_index[sector])
                interest_weights.append(float(weight))
    interest = np.zeros((len(candidates.ids), max(1, len(sectors))), dtype=np.float64)
    interest[np.asarray(interest_rows, dtype=np.intp), np.asarray(interest_columns, dtype=np.intp)] = (
        np.asarray(interest_weights, dtype=np.float64)
    )
    languages = sorted(
        {lang for langs in candidates.languages for lang in langs}
        | {lang for langs in openings.required_languages for lang in langs}
    )
    language_index = {lang: k for k, lang in enumerate(languages)}
    educations = sorted(
        {e for e in candidates.education if e is not None}
        | {e for e in openings.education if e is not None}
    )
    education_index = {e: k for k, e in enumerate(educations)}

    open_class = [_opening_class(*fields)
                  for fields in zip(openings.track, openings.employer_kind, openings.refund)]
    weekly = [sum([end - start for _, start, end in opening_shifts])
              for opening_shifts in openings.shifts]
    refunds = [
        refund_ore(wage, minutes, length, policy.refund_minutes_cap, policy.refund_weeks_cap)
        if kind == REFUND_LEISURE else 0
        for kind, wage, minutes, length in zip(open_class, openings.wages, weekly, openings.weeks)
    ]
    ref_dates = tuple(max(start, policy.run_date) for start in openings.start_dates)

    return Problem(
        policy=policy,
        candidate_ids=candidates.ids,
        opening_ids=openings.ids,
        birth_year=_ints([d.year for d in candidates.births]),
        birth_monthday=_ints([100 * d.month + d.day for d in candidates.births]),
        in_school=np.asarray(candidates.in_school, dtype=bool).reshape(-1),
        cand_lat=_floats(candidates.lat),
        cand_lon=_floats(candidates.lon),
        max_commute_km=_floats(candidates.max_commute_km),
        max_weekly_minutes=_ints(candidates.max_weekly_minutes),
        availability=candidates.availability,
        offered_minutes=_ints([
            min(max_week, sum([end - start for _, start, end in windows]))
            for max_week, windows in zip(candidates.max_weekly_minutes, candidates.availability)
        ]),
        cand_tracks=_ints(candidates.tracks),
        interest=interest,
        cand_languages=_language_masks(candidates.languages, language_index),
        cand_education=_ints([education_index.get(e, -1) for e in candidates.education]),
        priority_share=_floats([_priority_share(tuple(flags)) for flags in candidates.priority]),
        waiting_days=_ints(candidates.waiting_days),
        sectors=sectors,
        open_track=_ints([TRACKS[t] for t in openings.track]),
        open_class=_ints(open_class),
        open_sector=_ints([sector_index[s] for s in openings.sector]),
        legal_category=openings.legal_category,
        serves_alcohol=np.asarray(openings.serves_alcohol, dtype=bool).reshape(-1),
        open_lat=_floats(openings.lat),
        open_lon=_floats(openings.lon),
        seats=_ints(openings.seats),
        ref_date=ref_dates,
        ref_year=_ints([d.year for d in ref_dates]),
        ref_monthday=_ints([100 * d.month + d.day for d in ref_dates]),
        shifts=openings.shifts,
        weekly_minutes=_ints(weekly),
        min_age=_ints(openings.min_age),
        max_age=_ints([age if age is not None else 10**6 for age in openings.max_age]),
        required_languages=_language_masks(openings.required_languages, language_index),
        open_education=_ints([education_index.get(e, -1) for e in openings.education]),
        refund=_ints(refunds),
        excluded=(_ints(excluded_c), _ints(excluded_o)),
    )
