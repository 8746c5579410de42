"""The yearly programme: targets, the private-share rule, the refund budget and caps."""
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from web.extensions import db
from web.models.base import UTCDateTime, utcnow


class Programme(db.Model):
    __tablename__ = "programme"
    __table_args__ = (
        CheckConstraint("min_private_share_pct BETWEEN 0 AND 100", name="share_is_percent"),
        CheckConstraint("refund_budget_ore >= 0", name="budget_not_negative"),
        CheckConstraint("age_min <= age_max", name="age_band_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    leisure_target: Mapped[int] = mapped_column(default=110)
    apprenticeship_target: Mapped[int] = mapped_column(default=60)
    min_private_share_pct: Mapped[int] = mapped_column(default=50)
    refund_budget_ore: Mapped[int] = mapped_column(BigInteger, default=60_000_000)
    refund_minutes_cap: Mapped[int] = mapped_column(default=300)
    refund_weeks_cap: Mapped[int] = mapped_column(default=22)
    age_min: Mapped[int] = mapped_column(default=15)
    age_max: Mapped[int] = mapped_column(default=24)
    offer_days: Mapped[int] = mapped_column(default=5)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
