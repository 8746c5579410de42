"""Dates and times in Europe/Copenhagen, the programme's time zone."""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from matcher import age_on  # noqa: F401  (one definition of age, shared with the matcher)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def today() -> date:
    """Today's date in Copenhagen (not the server's zone)."""
    return datetime.now(COPENHAGEN).date()


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
