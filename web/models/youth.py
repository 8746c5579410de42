"""Young people: their profile, weekly free time, and invitations to take over a login."""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.accounts import Organisation, Reviewed, User
from web.models.base import UTCDateTime, WeeklyWindow, utcnow, weekly_window_checks


class ProfileStatus(StrEnum):
    DRAFT = "draft"  # still filling in the steps
    PENDING = "pending"  # complete, waiting for a consultant
    ACTIVE = "active"  # vetted and in the pool
    PAUSED = "paused"  # the young person paused; keeps the vetting
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"  # a consultant asked for changes, with a reason


class YouthProfile(Reviewed, db.Model):
    __tablename__ = "youth_profile"
    __table_args__ = (
        CheckConstraint("max_weekly_minutes >= 0", name="weekly_minutes_not_negative"),
        CheckConstraint("max_commute_km >= 0", name="commute_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), unique=True)
    registered_by_org_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id"), index=True
    )
    registered_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[date | None]
    postcode: Mapped[str | None] = mapped_column(String(4))
    school_finished: Mapped[bool | None]
    wants_leisure: Mapped[bool] = mapped_column(default=False)
    wants_apprenticeship: Mapped[bool] = mapped_column(default=False)
    education: Mapped[str | None] = mapped_column(String(40))
    interests: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    max_weekly_minutes: Mapped[int] = mapped_column(default=600)
    max_commute_km: Mapped[int] = mapped_column(default=5)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    lives_in_housing_area: Mapped[bool] = mapped_column(default=False)
    newly_arrived: Mapped[bool] = mapped_column(default=False)
    needs_mentor: Mapped[bool] = mapped_column(default=False)

    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_email: Mapped[str | None] = mapped_column(String(254))
    guardian_phone: Mapped[str | None] = mapped_column(String(20))

    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    consent_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    consent_note: Mapped[str | None] = mapped_column(Text)
    consent_method: Mapped[str | None] = mapped_column(String(16))  # online, verbal, written
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    status: Mapped[str] = mapped_column(String(16), default=ProfileStatus.DRAFT, index=True)
    profile_step: Mapped[int] = mapped_column(default=1)
    vetted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    pool_since: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    registered_by_org: Mapped[Organisation | None] = relationship(
        foreign_keys=[registered_by_org_id]
    )
    availability: Mapped[list["AvailabilityWindow"]] = relationship(
        back_populates="profile",
        cascade="all, delete-orphan",
        order_by="(AvailabilityWindow.day_index, AvailabilityWindow.start_minute)",
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def tracks(self) -> list[str]:
        return [
            track
            for track, wanted in (
                ("leisure", self.wants_leisure),
                ("apprenticeship", self.wants_apprenticeship),
            )
            if wanted
        ]

    @property
    def has_consent(self) -> bool:
        return self.consent_at is not None


class AvailabilityWindow(WeeklyWindow, db.Model):
    """A weekly time window when the young person is free."""

    __tablename__ = "availability_window"
    __table_args__ = weekly_window_checks("day_in_week", "window_inside_day")

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("youth_profile.id", ondelete="CASCADE"), index=True
    )

    profile: Mapped[YouthProfile] = relationship(back_populates="availability")


class Invitation(db.Model):
    """A link a partner sends so a young person can take over their own login."""

    __tablename__ = "invitation"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("youth_profile.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    sent_to: Mapped[str] = mapped_column(String(254))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    profile: Mapped[YouthProfile] = relationship()
