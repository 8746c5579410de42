"""What employers offer: leisure jobs and apprenticeships with their weekly shifts."""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.accounts import Organisation, Reviewed
from web.models.base import UTCDateTime, WeeklyWindow, utcnow, weekly_window_checks


class Track(StrEnum):
    LEISURE = "leisure"
    APPRENTICESHIP = "apprenticeship"


class OpeningStatus(StrEnum):
    PENDING = "pending"  # waiting for a consultant
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"
    REJECTED = "rejected"


class Opening(Reviewed, db.Model):
    __tablename__ = "opening"
    __table_args__ = (
        CheckConstraint("seats >= 1", name="at_least_one_seat"),
        CheckConstraint("weeks >= 1", name="at_least_one_week"),
        CheckConstraint("hourly_wage_ore > 0", name="wage_positive"),
        CheckConstraint(
            "NOT refund_requested OR track = 'leisure'", name="refund_only_for_leisure"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    track: Mapped[str] = mapped_column(String(16), index=True)
    title: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(4))
    seats: Mapped[int] = mapped_column(default=1)
    start_date: Mapped[date]
    weeks: Mapped[int]
    hourly_wage_ore: Mapped[int]
    min_age: Mapped[int] = mapped_column(default=15)
    required_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    legal_category: Mapped[str] = mapped_column(String(32), default="general")
    serves_alcohol: Mapped[bool] = mapped_column(default=False)
    refund_requested: Mapped[bool] = mapped_column(default=False)
    education: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default=OpeningStatus.PENDING, index=True)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    employer: Mapped[Organisation] = relationship()
    shifts: Mapped[list["Shift"]] = relationship(
        back_populates="opening",
        cascade="all, delete-orphan",
        order_by="(Shift.day_index, Shift.start_minute)",
    )

    @property
    def weekly_minutes(self) -> int:
        return sum(shift.minutes for shift in self.shifts)


class Shift(WeeklyWindow, db.Model):
    """A weekly shift; it never crosses midnight."""

    __tablename__ = "shift"
    __table_args__ = weekly_window_checks("shift_day_in_week", "shift_inside_day")

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(
        ForeignKey("opening.id", ondelete="CASCADE"), index=True
    )

    opening: Mapped[Opening] = relationship(back_populates="shifts")
