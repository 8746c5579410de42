"""Who signs in: users and the organisations (partners, employers) they belong to."""
from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from web.extensions import db
from web.models.base import UTCDateTime, utcnow


class Role(StrEnum):
    YOUTH = "youth"
    PARTNER = "partner"
    EMPLOYER = "employer"
    CONSULTANT = "consultant"
    ADMIN = "admin"


class OrganisationKind(StrEnum):
    PARTNER = "partner"
    EMPLOYER = "employer"


class EmployerKind(StrEnum):
    PRIVATE = "private"
    MUNICIPAL = "municipal"
    PUBLIC_OTHER = "public_other"


class PartnerType(StrEnum):
    HOUSING_SOCIAL = "housing_social"
    NGO = "ngo"
    SOCIAL_ECONOMY = "social_economy"
    YOUTH_CLUB = "youth_club"
    UU = "uu"
    OTHER = "other"


class ReviewStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Reviewed:
    """Columns for records a consultant vets: who decided, when, and why if rejected."""

    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    review_reason: Mapped[str | None] = mapped_column(Text)


class Organisation(Reviewed, db.Model):
    __tablename__ = "organisation"
    __table_args__ = (
        CheckConstraint(
            "kind != 'employer' OR (cvr IS NOT NULL AND employer_kind IS NOT NULL)",
            name="employer_has_cvr_and_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(200))
    cvr: Mapped[str | None] = mapped_column(String(8), unique=True)
    employer_kind: Mapped[str | None] = mapped_column(String(16))
    social_economy: Mapped[bool] = mapped_column(default=False)
    partner_type: Mapped[str | None] = mapped_column(String(32))
    postcode: Mapped[str | None] = mapped_column(String(4))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16), default=ReviewStatus.PENDING, index=True)
    # user and organisation refer to each other; this side is added after both tables exist.
    reviewed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", use_alter=True, name="fk_organisation_reviewed_by_id_user")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    members: Mapped[list["User"]] = relationship(
        back_populates="organisation", foreign_keys="User.organisation_id"
    )

    @property
    def is_approved(self) -> bool:
        return self.status == ReviewStatus.APPROVED

    @property
    def is_private_employer(self) -> bool:
        """Social-economy firms count as private (the design brief)."""
        return self.employer_kind == EmployerKind.PRIVATE


class User(UserMixin, db.Model):
    __tablename__ = "user"
    __table_args__ = (
        CheckConstraint("email IS NOT NULL OR phone IS NOT NULL", name="user_has_login"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    organisation: Mapped[Organisation | None] = relationship(
        back_populates="members", foreign_keys=[organisation_id]
    )

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    @property
    def login(self) -> str:
        return self.email or self.phone or ""

    def has_role(self, *roles: str) -> bool:
        return self.role in roles
