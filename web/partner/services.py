"""Partner organisations and the young people they registered."""
from flask import abort
from flask_login import current_user
from sqlalchemy import select

from web.auth.services import create_user
from web.extensions import db
from web.models import (
    Invitation,
    Organisation,
    OrganisationKind,
    ReviewStatus,
    Role,
    YouthProfile,
)
from web.validators import normalise_email, normalise_phone


def register_partner(form) -> "tuple[Organisation, object]":
    """A pending partner organisation and its first staff user (added, not committed)."""
    organisation = Organisation(
        kind=OrganisationKind.PARTNER,
        name=form.organisation_name.data.strip(),
        partner_type=form.partner_type.data,
        postcode=form.postcode.data,
        contact_phone=normalise_phone(form.contact_phone.data),
        status=ReviewStatus.PENDING,
    )
    db.session.add(organisation)
    user = create_user(
        role=Role.PARTNER,
        email=normalise_email(form.email.data),
        password=form.password.data,
        name=form.name.data.strip(),
        organisation=organisation,
    )
    return organisation, user


def require_approved_partner() -> Organisation:
    """The signed-in partner's organisation; 403 until a consultant has approved it."""
    organisation = current_user.organisation
    if organisation is None or not organisation.is_approved:
        abort(403)
    return organisation


def own_youth() -> list[YouthProfile]:
    """The young people the signed-in partner's organisation registered, newest first."""
    return list(
        db.session.scalars(
            select(YouthProfile)
            .where(YouthProfile.registered_by_org_id == current_user.organisation_id)
            .order_by(YouthProfile.created_at.desc(), YouthProfile.id.desc())
        )
    )


def get_own_youth_or_404(profile_id: int) -> YouthProfile:
    """A young person this partner's organisation registered; 404 for anyone else's."""
    profile = db.session.get(YouthProfile, profile_id)
    if profile is None or profile.registered_by_org_id != current_user.organisation_id:
        abort(404)
    return profile


def latest_invitation(profile: YouthProfile) -> Invitation | None:
    return db.session.scalar(
        select(Invitation)
        .where(Invitation.profile_id == profile.id)
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
        .limit(1)
    )
