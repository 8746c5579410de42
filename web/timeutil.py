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
    """960 → "16:00" (typed times are read by web.numbers.parse_clock)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"

