"""Column helpers shared by all models."""
from datetime import datetime, timezone

from sqlalchemy import CheckConstraint, DateTime, TypeDecorator
from sqlalchemy.orm import Mapped


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC timestamp on every backend (SQLite drops the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given; use an aware UTC datetime")
            value = value.astimezone(timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class WeeklyWindow:
    """A span of time on one weekday: day 0 is Monday, minutes from midnight, never past it."""

    day_index: Mapped[int]
    start_minute: Mapped[int]
    end_minute: Mapped[int]

    @property
    def minutes(self) -> int:
        return self.end_minute - self.start_minute


def weekly_window_checks(day_name: str, span_name: str) -> tuple[CheckConstraint, ...]:
    """The database's own guard on a :class:`WeeklyWindow` table (names are per table)."""
    return (
        CheckConstraint("day_index BETWEEN 0 AND 6", name=day_name),
        CheckConstraint(
            "start_minute >= 0 AND end_minute <= 1440 AND end_minute > start_minute",
            name=span_name,
        ),
    )
