"""The profile rules as plain functions: each returns a message, or None when all is well."""
from datetime import date
from decimal import Decimal

from flask_babel import gettext as _

from web import postcodes
from web.programmes import current_programme
from web.timeutil import age_on, today

GUARDIAN_AGE = 18  # under this age a parent's or guardian's contact is required
MIN_WEEKLY_HOURS = 1
MAX_WEEKLY_HOURS = 37
MIN_COMMUTE_KM = 1
MAX_COMMUTE_KM = 50


def age_today(birth_date: date) -> int:
    return age_on(birth_date, today())


def birth_date_problem(birth_date: date) -> str | None:
    """Not in the future, and old enough and young enough for this year's programme."""
    if birth_date > today():
        return _("Fødselsdatoen kan ikke ligge i fremtiden.")
    programme = current_programme()
    age = age_today(birth_date)
    if not programme.age_min <= age <= programme.age_max:
        return _(
            "Jobbro er for unge mellem %(min)s og %(max)s år. Med den fødselsdato er alderen %(age)s år.",
            min=programme.age_min,
            max=programme.age_max,
            age=age,
        )
    return None


def postcode_problem(code: str) -> str | None:
    if postcodes.lookup(code) is None:
        return _(
            "Vi kender ikke postnummeret %(code)s. Jobbro dækker København og kommunerne omkring.",
            code=code,
        )
    return None


def weekly_hours_problem(hours: Decimal) -> str | None:
    if not MIN_WEEKLY_HOURS <= hours <= MAX_WEEKLY_HOURS:
        return _(
            "Skriv et antal timer mellem %(min)s og %(max)s.",
            min=MIN_WEEKLY_HOURS,
            max=MAX_WEEKLY_HOURS,
        )
    return None


def commute_problem(km: int) -> str | None:
    if not MIN_COMMUTE_KM <= km <= MAX_COMMUTE_KM:
        return _(
            "Skriv et antal kilometer mellem %(min)s og %(max)s.",
            min=MIN_COMMUTE_KM,
            max=MAX_COMMUTE_KM,
        )
    return None


def needs_guardian(birth_date: date | None) -> bool:
    """Under-18s give a parent's or guardian's contact; unknown ages are not asked yet."""
    return birth_date is not None and age_today(birth_date) < GUARDIAN_AGE


def windows_overlap(windows: list[tuple[int, int, int]]) -> list[int]:
    """Indexes of windows (day, start, end) that overlap an earlier window on the same day."""
    clashes = []
    order = sorted(range(len(windows)), key=lambda i: (windows[i][0], windows[i][1], i))
    latest_end: dict[int, int] = {}
    for i in order:
        day, start, end = windows[i]
        if day in latest_end and start < latest_end[day]:
            clashes.append(i)
        latest_end[day] = max(latest_end.get(day, 0), end)
    return sorted(clashes)
