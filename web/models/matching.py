"""Matching: runs and their proposals, offers, placements, the refund ledger, excluded pairs
and the outgoing mail queue.

The rules that must never break are enforced by the database where a constraint can say them:
one queued/running run per programme, one pending offer per young person, one active
placement per young person, one ledger entry per offer. Seat capacity and the budget are
checked under a row lock in :mod:`web.services.approvals` and :mod:`web.services.ledger`.
"""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.accounts import User
from web.models.base import UTCDateTime, utcnow
from web.models.openings import Opening
from web.models.programme import Programme
from web.models.youth import YouthProfile


class RunStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class RunKind(StrEnum):
    WEEKLY = "weekly"
    MANUAL = "manual"
    PREVIEW = "preview"  # proposals of a preview can never be approved


class ProposalStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"


class OfferStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class PlacementStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"
    NO_SHOW = "no_show"


class RefundState(StrEnum):
    RESERVED = "reserved"
    COMMITTED = "committed"
    RELEASED = "released"


class MailStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


LIVE_RUN = "status IN ('queued', 'running')"
PENDING_OFFER = "status = 'pending'"
ACTIVE_PLACEMENT = "status = 'active'"


class MatchRun(db.Model):
    """One match run (microblog's ``Task``): its Celery id, state, progress, input and output."""

    __tablename__ = "match_run"
    __table_args__ = (
        # One run at a time per programme, said by the database itself.
        Index(
            "one_live_run_per_programme",
            "programme_id",
            unique=True,
            sqlite_where=text(LIVE_RUN),
            postgresql_where=text(LIVE_RUN),
        ),
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress_is_percent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default=RunKind.MANUAL)
    status: Mapped[str] = mapped_column(String(16), default=RunStatus.QUEUED, index=True)
    progress: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    celery_id: Mapped[str | None] = mapped_column(String(64))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    instance: Mapped[dict | None] = mapped_column(JSON)
    result: Mapped[dict | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(default=0)
    proposals_count: Mapped[int] = mapped_column(default=0)
    unmatched_count: Mapped[int] = mapped_column(default=0)
    seconds: Mapped[float | None] = mapped_column(Float)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    programme: Mapped[Programme] = relationship()
    started_by: Mapped[User | None] = relationship()
    proposals: Mapped[list["Proposal"]] = relationship(
        back_populates="run", order_by="Proposal.id", cascade="all, delete-orphan"
    )

    @property
    def is_live(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING)


class Proposal(db.Model):
    __tablename__ = "proposal"
    __table_args__ = (UniqueConstraint("run_id", "youth_id", name="one_proposal_per_youth"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("match_run.id", ondelete="CASCADE"), index=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth_profile.id"), index=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("opening.id"), index=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    refund_ore: Mapped[int] = mapped_column(BigInteger, default=0)
    why: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default=ProposalStatus.PROPOSED, index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str | None] = mapped_column(Text)

    run: Mapped[MatchRun] = relationship(back_populates="proposals")
    youth: Mapped[YouthProfile] = relationship()
    opening: Mapped[Opening] = relationship()
    decided_by: Mapped[User | None] = relationship()


class Offer(db.Model):
    __tablename__ = "offer"
    __table_args__ = (
        # A young person never has two live offers.
        Index(
            "one_pending_offer_per_youth",
            "youth_id",
            unique=True,
            sqlite_where=text(PENDING_OFFER),
            postgresql_where=text(PENDING_OFFER),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposal.id"), unique=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth_profile.id"), index=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("opening.id"), index=True)
    track: Mapped[str] = mapped_column(String(16))
    private: Mapped[bool] = mapped_column(default=False)
    refund_ore: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(16), default=OfferStatus.PENDING, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    programme: Mapped[Programme] = relationship()
    proposal: Mapped[Proposal | None] = relationship()
    youth: Mapped[YouthProfile] = relationship()
    opening: Mapped[Opening] = relationship()
    placement: Mapped["Placement | None"] = relationship(back_populates="offer", uselist=False)


class Placement(db.Model):
    __tablename__ = "placement"
    __table_args__ = (
        Index(
            "one_active_placement_per_youth",
            "youth_id",
            unique=True,
            sqlite_where=text(ACTIVE_PLACEMENT),
            postgresql_where=text(ACTIVE_PLACEMENT),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id"), unique=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth_profile.id"), index=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("opening.id"), index=True)
    track: Mapped[str] = mapped_column(String(16))
    private: Mapped[bool] = mapped_column(default=False)
    start_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default=PlacementStatus.ACTIVE, index=True)
    end_date: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(Text)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    programme: Mapped[Programme] = relationship()
    offer: Mapped[Offer] = relationship(back_populates="placement")
    youth: Mapped[YouthProfile] = relationship()
    opening: Mapped[Opening] = relationship()


class RefundEntry(db.Model):
    """The wage refund of one offer: reserved at approval, committed at start, or released."""

    __tablename__ = "refund_entry"
    __table_args__ = (CheckConstraint("amount_ore >= 0", name="refund_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id"), unique=True)
    amount_ore: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16), default=RefundState.RESERVED, index=True)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    offer: Mapped[Offer] = relationship()


class ExcludedPair(db.Model):
    """A young person and an opening that must not be proposed again (a decline, an expiry)."""

    __tablename__ = "excluded_pair"
    __table_args__ = (UniqueConstraint("youth_id", "opening_id", name="pair_excluded_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth_profile.id"), index=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("opening.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class OutgoingMail(db.Model):
    """An e-mail to send once; ``key`` makes queueing and delivery idempotent."""

    __tablename__ = "outgoing_mail"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    to: Mapped[str] = mapped_column(String(254))
    cc: Mapped[str | None] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=MailStatus.QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
