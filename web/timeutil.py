"""Dates and times in Europe/Copenhagen, the programme's time zone."""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def today() -> date:
    """Today's date in Copenhagen (not the server's zone)."""
    return datetime.now(COPENHAGEN).date()


def age_on(birth_date: date, on: date) -> int:
    """Whole years; a 29 February birthday counts from 1 March in non-leap years."""
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - before_birthday


def minutes_to_hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def hhmm_to_minutes(text: str) -> int:
    """Parse "HH:MM" ("24:00" allowed); raises ValueError on anything else."""
    hours, _, mins = text.strip().partition(":")
    if not (hours.isdigit() and mins.isdigit() and len(mins) == 2):
        raise ValueError(f"not a time: {text!r}")
    value = int(hours) * 60 + int(mins)
    if int(mins) >= 60 or value > 24 * 60:
        raise ValueError(f"not a time: {text!r}")
    return value
