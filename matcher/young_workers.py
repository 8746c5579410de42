"""Danish rules for young workers (under 18) as one dated rule table.

The law changes (a 2025 bill widens evening hours for 15-17-year-olds who
have left compulsory school), so the rules are data: a tuple of
`YoungWorkerRules`, each valid from a date. Add a new entry with a later
``valid_from`` when a change takes effect; `rules_on` picks the entry in
force on a given day. Eligibility, the feasibility checker and the web's
opening form all read this table, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, Sequence

from .dates import DAYS, WEEKEND

__all__ = [
    "LEGAL_CATEGORIES",
    "YOUNG_WORKER_RULES",
    "YoungWorkerConflict",
    "YoungWorkerGroup",
    "YoungWorkerRules",
    "rules_on",
    "young_worker_conflicts",
]

#: Legal categories of work with their own hours (bekendtgørelse om unges arbejde).
LEGAL_CATEGORIES: tuple[str, ...] = (
    "general",
    "shop_office",
    "hotel_restaurant_cinema",
    "bakery",
    "newspaper",
)


def _per_category(default: int, **overrides: int) -> Mapping[str, int]:
    values = {category: default for category in LEGAL_CATEGORIES}
    values.update(overrides)
    return MappingProxyType(values)


@dataclass(frozen=True)
class YoungWorkerGroup:
    """One age group's limits.

    Attributes
    ----------
    ages : tuple of int
        Inclusive age range, e.g. ``(15, 17)``.
    in_compulsory_school : bool or None
        ``True``/``False`` restricts the group to those still in / finished
        with compulsory school; ``None`` means either.
    earliest, latest : Mapping[str, int]
        Per legal category, the earliest shift start and latest shift end in
        minutes from midnight.
    school_day_minutes, weekend_day_minutes : int
        Most minutes of work on one mon-fri day and on one sat/sun day.
    weekly_minutes : int
        Most minutes of work in a week.
    alcohol_allowed : bool
        Whether the group may work where alcohol is served.
    """

    ages: tuple[int, int]
    in_compulsory_school: bool | None
    earliest: Mapping[str, int]
    latest: Mapping[str, int]
    school_day_minutes: int
    weekend_day_minutes: int
    weekly_minutes: int
    alcohol_allowed: bool

    def contains(self, age: int, in_compulsory_school: bool) -> bool:
        """Return whether a person of this age and school status is in the group.

        Examples
        --------
        >>> group = rules_on(_dt.date(2026, 1, 1)).groups[0]
        >>> group.contains(14, False), group.contains(15, False)
        (True, False)
        """
        low, high = self.ages
        if not low <= age <= high:
            return False
        return self.in_compulsory_school is None or self.in_compulsory_school == bool(
            in_compulsory_school
        )


@dataclass(frozen=True)
class YoungWorkerRules:
    """The young-workers' rules in force from one date on.

    Attributes
    ----------
    valid_from : datetime.date
        First day these rules apply.
    source : str
        Where they come from, for people maintaining the table.
    groups : tuple of YoungWorkerGroup
        Disjoint groups; someone under 18 belongs to exactly one.
    """

    valid_from: _dt.date
    source: str
    groups: tuple[YoungWorkerGroup, ...] = field(default_factory=tuple)

    def group_for(self, age: int, in_compulsory_school: bool) -> YoungWorkerGroup | None:
        """Return the group a person belongs to, or ``None`` (18 or over, or under 13).

        Examples
        --------
        >>> rules = rules_on(_dt.date(2026, 1, 1))
        >>> rules.group_for(16, False).ages
        (15, 17)
        >>> rules.group_for(18, False) is None
        True
        """
        for group in self.groups:
            if group.contains(age, in_compulsory_school):
                return group
        return None


_SIX, _EIGHT_PM = 6 * 60, 20 * 60

#: The dated rule table, oldest first.
YOUNG_WORKER_RULES: tuple[YoungWorkerRules, ...] = (
    YoungWorkerRules(
        valid_from=_dt.date(1996, 8, 1),
        source="BEK nr. 239 af 6. april 2005 om unges arbejde, as summarised in matcher-format.md",
        groups=(
            YoungWorkerGroup(
                ages=(13, 14),
                in_compulsory_school=None,
                earliest=_per_category(_SIX),
                latest=_per_category(_EIGHT_PM),
                school_day_minutes=120,
                weekend_day_minutes=420,
                weekly_minutes=720,
                alcohol_allowed=False,
            ),
            YoungWorkerGroup(
                ages=(15, 17),
                in_compulsory_school=True,
                earliest=_per_category(_SIX),
                latest=_per_category(_EIGHT_PM),
                school_day_minutes=120,
                weekend_day_minutes=480,
                weekly_minutes=720,
                alcohol_allowed=False,
            ),
            YoungWorkerGroup(
                ages=(15, 17),
                in_compulsory_school=False,
                earliest=_per_category(_SIX, bakery=4 * 60, newspaper=5 * 60),
                latest=_per_category(
                    _EIGHT_PM, shop_office=22 * 60, hotel_restaurant_cinema=24 * 60
                ),
                school_day_minutes=480,
                weekend_day_minutes=480,
                weekly_minutes=2400,
                alcohol_allowed=True,
            ),
        ),
    ),
)


def rules_on(on: _dt.date, table: Sequence[YoungWorkerRules] = YOUNG_WORKER_RULES) -> YoungWorkerRules:
    """Return the rule set in force on a day.

    Parameters
    ----------
    on : datetime.date
        The day work starts.
    table : sequence of YoungWorkerRules, optional
        A rule table; the module's `YOUNG_WORKER_RULES` by default.

    Returns
    -------
    YoungWorkerRules
        The entry with the latest ``valid_from`` not after `on`.

    Raises
    ------
    ValueError
        If no entry is in force yet on `on`.

    Examples
    --------
    >>> rules_on(_dt.date(2026, 12, 1)).valid_from
    datetime.date(1996, 8, 1)
    """
    in_force = [rules for rules in table if rules.valid_from <= on]
    if not in_force:
        raise ValueError(f"no young-workers' rules in force on {on.isoformat()}")
    return max(in_force, key=lambda rules: rules.valid_from)


@dataclass(frozen=True)
class YoungWorkerConflict:
    """Why a set of shifts excludes one young-worker group.

    Attributes
    ----------
    ages : tuple of int
        The group's inclusive age range.
    in_compulsory_school : bool or None
        The group's school status (``None``: either).
    reason : str
        ``"too_early"``, ``"too_late"``, ``"daily_minutes"``,
        ``"weekly_minutes"`` or ``"alcohol"``.
    limit : int
        The limit broken: a clock time in minutes from midnight for
        ``too_early``/``too_late``, a number of minutes for the caps, 0 for
        ``alcohol``.
    actual : int
        The offending value (earliest start, latest end, most minutes in a
        day, minutes in the week; 0 for ``alcohol``).
    day : str or None
        The first day (in week order) where the limit is broken, if the
        limit is per day.
    """

    ages: tuple[int, int]
    in_compulsory_school: bool | None
    reason: str
    limit: int
    actual: int
    day: str | None = None


def _shift_conflicts(group, shifts, legal_category, serves_alcohol):
    """Yield (reason, limit, actual, day) for one group; shifts already validated."""
    if serves_alcohol and not group.alcohol_allowed:
        yield "alcohol", 0, 0, None
    earliest = group.earliest[legal_category]
    latest = group.latest[legal_category]
    by_day: dict[str, int] = {}
    too_early = too_late = None
    for day, start, end in sorted(shifts, key=lambda s: (DAYS.index(s[0]), s[1], s[2])):
        by_day[day] = by_day.get(day, 0) + (end - start)
        if start < earliest and (too_early is None or start < too_early[0]):
            too_early = (start, day) if too_early is None else (start, too_early[1])
        if end > latest and (too_late is None or end > too_late[0]):
            too_late = (end, day) if too_late is None else (end, too_late[1])
    if too_early is not None:
        yield "too_early", earliest, too_early[0], too_early[1]
    if too_late is not None:
        yield "too_late", latest, too_late[0], too_late[1]
    daily_over = [
        (day, minutes)
        for day, minutes in sorted(by_day.items(), key=lambda item: DAYS.index(item[0]))
        if minutes
        > (group.weekend_day_minutes if day in WEEKEND else group.school_day_minutes)
    ]
    if daily_over:
        first_day = daily_over[0][0]
        cap = group.weekend_day_minutes if first_day in WEEKEND else group.school_day_minutes
        yield "daily_minutes", cap, max(minutes for _, minutes in daily_over), first_day
    weekly = sum(by_day.values())
    if weekly > group.weekly_minutes:
        yield "weekly_minutes", group.weekly_minutes, weekly, None


def young_worker_conflicts(
    shifts,
    *,
    legal_category: str,
    serves_alcohol: bool,
    min_age: int,
    on: _dt.date,
    table: Sequence[YoungWorkerRules] = YOUNG_WORKER_RULES,
) -> list[YoungWorkerConflict]:
    """List the young-worker groups a set of weekly shifts excludes, and why.

    Used by the web's opening form to warn an employer ("these shifts exclude
    15-17-year-olds still in school: a shift ends after 20:00") and by
    eligibility, so both read the same dated rule table.

    Parameters
    ----------
    shifts : iterable of (str, int, int)
        ``(day, start_minute, end_minute)`` with day in ``"mon".."sun"`` and
        ``0 <= start < end <= 1440``.
    legal_category : str
        One of `LEGAL_CATEGORIES`.
    serves_alcohol : bool
        Whether the workplace serves alcohol.
    min_age : int
        The opening's minimum age; groups whose ages all lie below it are
        not reported.
    on : datetime.date
        The day work starts; selects the rules in force.
    table : sequence of YoungWorkerRules, optional
        The rule table (for tests and for trying a bill before it passes).

    Returns
    -------
    list of YoungWorkerConflict
        One entry per (group, reason), groups in table order; empty if every
        group the opening admits may work these shifts.

    Raises
    ------
    ValueError
        On an unknown day or legal category or an impossible shift.

    Examples
    --------
    >>> from datetime import date
    >>> found = young_worker_conflicts(
    ...     [("mon", 16 * 60, 20 * 60 + 1)], legal_category="general",
    ...     serves_alcohol=False, min_age=15, on=date(2026, 12, 1))
    >>> [(c.ages, c.in_compulsory_school, c.reason, c.limit) for c in found]
    [((15, 17), True, 'daily_minutes', 120), ((15, 17), True, 'too_late', 1200), ((15, 17), False, 'too_late', 1200)]
    >>> young_worker_conflicts([("sat", 600, 780)], legal_category="general",
    ...     serves_alcohol=False, min_age=15, on=date(2026, 12, 1))
    []
    """
    if legal_category not in LEGAL_CATEGORIES:
        raise ValueError(f"unknown legal_category {legal_category!r}")
    checked = []
    for shift in shifts:
        day, start, end = shift
        if day not in DAYS:
            raise ValueError(f"unknown day {day!r}")
        if not (0 <= start < end <= 1440):
            raise ValueError(f"impossible shift {shift!r}")
        checked.append((day, int(start), int(end)))
    rules = rules_on(on, table)
    found = []
    for group in rules.groups:
        if group.ages[1] < min_age:
            continue
        reasons = sorted(
            _shift_conflicts(group, checked, legal_category, bool(serves_alcohol)),
            key=lambda item: _REASON_ORDER.index(item[0]),
        )
        for reason, limit, actual, day in reasons:
            found.append(
                YoungWorkerConflict(
                    ages=group.ages,
                    in_compulsory_school=group.in_compulsory_school,
                    reason=reason,
                    limit=limit,
                    actual=actual,
                    day=day,
                )
            )
    return found


_REASON_ORDER = ("alcohol", "daily_minutes", "weekly_minutes", "too_early", "too_late")
