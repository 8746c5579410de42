"""Partner staff, their organisation's young people, and another organisation's."""
import pytest

from tests.factories import make_organisation, make_youth
from web.models import OrganisationKind, ProfileStatus


@pytest.fixture
def staff(login_as):
    """A logged-in staff member of an approved partner organisation."""
    return login_as("partner")


@pytest.fixture
def make_registered_youth(db):
    """A young person a partner registered (no login of their own yet), pending by default."""

    def make(organisation, **fields):
        defaults = {
            "registered_by_org": organisation,
            "contact_email": "sara@mail.dk",
            "guardian_name": "Amina Hassan",
            "guardian_phone": "+4520304050",
            "consent_method": "verbal",
            "status": ProfileStatus.PENDING,
        }
        profile = make_youth(**(defaults | fields))
        db.session.commit()
        return profile

    return make


@pytest.fixture
def other_partners_youth(db, make_registered_youth):
    """A young person registered by a different partner organisation."""
    return make_registered_youth(make_organisation(OrganisationKind.PARTNER), first_name="Omar")


@pytest.fixture
def reload(db):
    def fresh(row):
        db.session.refresh(row)
        return row

    return fresh
