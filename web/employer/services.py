"""Employer accounts and the employer's own openings."""
from flask import abort
from flask_login import current_user

from web.auth.services import create_user
from web.extensions import db
from web.models import Opening, Organisation, OrganisationKind, ReviewStatus, Role, User


def register_employer(
    *,
    name: str,
    cvr: str,
    employer_kind: str,
    social_economy: bool,
    postcode: str,
    contact_phone: str,
    contact_name: str,
    email: str,
    password: str,
    locale: str | None = None,
) -> User:
    """Add a pending employer organisation and its first user (not committed)."""
    organisation = Organisation(
        kind=OrganisationKind.EMPLOYER,
        name=name.strip(),
        cvr=cvr,
        employer_kind=employer_kind,
        social_economy=social_economy,
        postcode=postcode,
        contact_phone=contact_phone,
        status=ReviewStatus.PENDING,
    )
    db.session.add(organisation)
    return create_user(
        role=Role.EMPLOYER,
        email=email,
        password=password,
        name=contact_name.strip(),
        organisation=organisation,
        locale=locale,
    )


def current_employer() -> Organisation:
    """The signed-in employer's organisation (403 for a user without one)."""
    organisation = current_user.organisation
    if organisation is None or organisation.kind != OrganisationKind.EMPLOYER:
        abort(403)
    return organisation


def get_own_opening_or_404(opening_id: int) -> Opening:
    """The opening if it belongs to the signed-in employer; 404 otherwise, so that other
    employers cannot even learn that it exists."""
    opening = db.session.get(Opening, opening_id)
    if opening is None or opening.employer_id != current_employer().id:
        abort(404)
    return opening
