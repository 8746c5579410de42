"""Warnings about the ages an opening's shifts exclude under the young-workers' rules.

The rules themselves live in the matcher's dated rule table (``matcher.young_worker_conflicts``),
which eligibility also reads; this module only turns its findings into plain Danish, in one
place, so the employer's form, the opening page and the consultant all say the same thing.
They are warnings, not errors: an employer may want only older young people.
"""
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l

from matcher import young_worker_conflicts
from web.timeutil import minutes_to_hhmm, today
from web.vocab import DAY_LABELS

# One sentence per reason code the matcher reports; %(limit)s etc. are filled in below.
REASON_SENTENCES = {
    "too_late": _l("en vagt slutter efter kl. %(limit)s (%(day)s til kl. %(actual)s)"),
    "too_early": _l("en vagt starter før kl. %(limit)s (%(day)s fra kl. %(actual)s)"),
    "daily_minutes": _l(
        "de må højst arbejde %(limit)s om dagen på %(day_kind)s, men %(day)s er der %(actual)s"
    ),
    "weekly_minutes": _l("de må højst arbejde %(limit)s om ugen, men vagterne er %(actual)s"),
    "alcohol": _l("de må ikke arbejde, hvor der serveres alkohol"),
}
SCHOOL_GROUPS = {
    True: _l("%(ages)s, der stadig går i skole (ikke færdige med 9. klasse)"),
    False: _l("%(ages)s, der er færdige med 9. klasse"),
    None: _l("%(ages)s"),
}
CLOCK_REASONS = frozenset({"too_late", "too_early"})


@dataclass(frozen=True)
class YoungWorkerWarning:
    """One age group the shifts exclude, with every reason why."""

    age_from: int
    age_to: int
    in_compulsory_school: bool | None
    reasons: tuple[str, ...]
    codes: tuple[str, ...]

    @property
    def ages(self) -> str:
        if self.age_from == self.age_to:
            return str(_l("%(age)s-årige", age=self.age_from))
        return str(_l("%(low)s–%(high)s-årige", low=self.age_from, high=self.age_to))

    @property
    def group(self) -> str:
        return str(SCHOOL_GROUPS[self.in_compulsory_school] % {"ages": self.ages})

    @property
    def headline(self) -> str:
        return str(_l("Vagterne udelukker %(group)s", group=self.group))

    @property
    def text(self) -> str:
        return f"{self.headline}: {'; '.join(self.reasons)}."

    @property
    def key(self) -> str:
        school = {True: "s", False: "f", None: "a"}[self.in_compulsory_school]
        return f"{self.age_from}-{self.age_to}{school}:{'+'.join(sorted(self.codes))}"


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return str(_l("%(h)s timer", h=hours)) if hours != 1 else str(_l("1 time"))
    return str(_l("%(h)s t. %(m)s min.", h=hours, m=rest))


def _sentence(conflict, day_minutes: dict[str, int]) -> str:
    day = str(DAY_LABELS.get(conflict.day, "")) if conflict.day else ""
    actual = conflict.actual
    if conflict.reason == "daily_minutes" and conflict.day in day_minutes:
        # The matcher reports the most minutes over all days; name the day it points at.
        actual = day_minutes[conflict.day]
    if conflict.reason in CLOCK_REASONS:
        values = {"limit": minutes_to_hhmm(conflict.limit), "actual": minutes_to_hhmm(actual)}
    else:
        values = {"limit": _hours(conflict.limit), "actual": _hours(actual)}
    values |= {
        "day": day,
        "day_kind": str(_l("weekenddage") if conflict.day in ("sat", "sun") else _l("skoledage")),
    }
    return str(REASON_SENTENCES[conflict.reason] % values)


def young_worker_warnings(
    shifts, *, legal_category: str, serves_alcohol: bool, min_age: int, start_date: date | None
) -> list[YoungWorkerWarning]:
    """Warnings for shifts given as (day code, start minute, end minute), grouped by age group.

    The rules in force when work starts are used (today, if the start date has passed).
    """
    if not shifts:
        return []
    on = max(start_date or today(), today())
    shifts = list(shifts)
    conflicts = young_worker_conflicts(
        shifts,
        legal_category=legal_category,
        serves_alcohol=serves_alcohol,
        min_age=min_age,
        on=on,
    )
    day_minutes: dict[str, int] = {}
    for day, start, end in shifts:
        day_minutes[day] = day_minutes.get(day, 0) + end - start
    groups: dict[tuple, list] = {}
    for conflict in conflicts:
        groups.setdefault((conflict.ages, conflict.in_compulsory_school), []).append(conflict)
    return [
        YoungWorkerWarning(
            age_from=max(ages[0], min_age),
            age_to=ages[1],
            in_compulsory_school=in_school,
            reasons=tuple(_sentence(conflict, day_minutes) for conflict in found),
            codes=tuple(conflict.reason for conflict in found),
        )
        for (ages, in_school), found in groups.items()
    ]


def warnings_key(warnings: list[YoungWorkerWarning]) -> str:
    """A stable fingerprint of what was warned about, to know the employer has seen it."""
    return "|".join(sorted(warning.key for warning in warnings))


def only_adults_left(warnings: list[YoungWorkerWarning], min_age: int) -> bool:
    """True when no one under 18 at or above the minimum age may work these shifts."""
    if min_age >= 18 or not warnings:
        return False
    excluded = {(w.age_from, w.age_to, w.in_compulsory_school) for w in warnings}
    return all(
        any(
            low <= age <= high and (school is None or school == in_school)
            for low, high, school in excluded
        )
        for age in range(min_age, 18)
        for in_school in (True, False)
    )
