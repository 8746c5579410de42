"""All models, importable from one place (Alembic and the app need every table loaded)."""
from web.models.accounts import (
    EmployerKind,
    Organisation,
    OrganisationKind,
    PartnerType,
    ReviewStatus,
    Role,
    User,
)
from web.models.openings import Opening, OpeningStatus, Shift, Track
from web.models.programme import Programme
from web.models.youth import AvailabilityWindow, Invitation, ProfileStatus, YouthProfile

__all__ = [
    "AvailabilityWindow",
    "EmployerKind",
    "Invitation",
    "Opening",
    "OpeningStatus",
    "Organisation",
    "OrganisationKind",
    "PartnerType",
    "ProfileStatus",
    "Programme",
    "ReviewStatus",
    "Role",
    "Shift",
    "Track",
    "User",
    "YouthProfile",
]
