"""A partner organisation registers; it waits for a consultant before it can register anyone."""
import pytest
from sqlalchemy import func, select

from tests.factories import make_user
from web.models import Organisation, ReviewStatus, User

VALID = {
    "organisation_name": "Klub Mjølnerparken",
    "partner_type": "youth_club",
    "postcode": "2200",
    "contact_phone": "33 12 34 56",
    "name": "Ali Nour",
    "email": "Ali@Klub.dk",
    "password": "hemmeligt1",
    "password_again": "hemmeligt1",
}


def test_registration_makes_a_pending_organisation_and_its_user(browser, db):
    """Does registering create a pending partner organisation with its first staff user?"""
    response = browser.submit("/partner/register", VALID)
    assert response.headers["Location"].endswith("/partner/")
    organisation = db.session.scalar(select(Organisation))
    assert organisation.kind == "partner" and organisation.status == ReviewStatus.PENDING
    assert organisation.partner_type == "youth_club"
    assert organisation.contact_phone == "+4533123456"
    user = db.session.scalar(select(User))
    assert user.role == "partner" and user.organisation_id == organisation.id
    assert user.email == "ali@klub.dk" and user.check_password("hemmeligt1")


def test_pending_partner_sees_awaiting_approval(browser, db):
    """After registering, does the staff member see that approval is awaited?"""
    browser.submit("/partner/register", VALID)
    page = browser.get("/partner/").get_data(as_text=True)
    assert "venter på godkendelse" in page
    assert "/partner/youth/new" not in page


def test_pending_partner_can_log_in_again(browser, db):
    """Can the staff member log out and in again while waiting?"""
    browser.submit("/partner/register", VALID)
    browser.logout()
    response = browser.login("ali@klub.dk", "hemmeligt1")
    assert response.headers["Location"].endswith("/partner/")


def test_unapproved_partner_cannot_register_young_people(browser, db):
    """Is registering a young person refused until the organisation is approved?"""
    browser.submit("/partner/register", VALID)
    assert browser.get("/partner/youth/new").status_code == 403


def test_rejected_partner_sees_the_reason(login_as, browser, db):
    """Does a rejected organisation see the consultant's reason?"""
    user = login_as("partner")
    user.organisation.status = ReviewStatus.REJECTED
    user.organisation.review_reason = "Vi kender ikke foreningen."
    db.session.commit()
    assert "Vi kender ikke foreningen." in browser.get("/partner/").get_data(as_text=True)


BAD = {
    "name of organisation missing": ({"organisation_name": ""}, "Skriv organisationens navn."),
    "type missing": ({"partner_type": ""}, "Vælg hvilken slags organisation I er."),
    "type unknown": ({"partner_type": "bank"}, "Vælg hvilken slags organisation I er."),
    "postcode unknown": ({"postcode": "8000"}, "Vi kender ikke postnummeret 8000"),
    "phone not Danish": ({"contact_phone": "123"}, "Skriv et dansk telefonnummer med 8 cifre."),
    "own name missing": ({"name": ""}, "Skriv dit navn."),
    "e-mail invalid": ({"email": "ali@klub"}, "Skriv en gyldig e-mail"),
    "password too short": ({"password": "kort", "password_again": "kort"}, "mindst 8 tegn"),
    "passwords differ": ({"password_again": "noget andet"}, "De to adgangskoder er ikke ens."),
}


@pytest.mark.parametrize("changes,message", BAD.values(), ids=BAD.keys())
def test_registration_rule(browser, db, changes, message):
    """Is this bad input refused with its message, nothing saved, the rest shown again?"""
    page = browser.submit("/partner/register", VALID | changes).get_data(as_text=True)
    assert message in page
    assert 'value="Klub Mjølnerparken"' in page or changes.get("organisation_name") == ""
    assert db.session.scalar(select(func.count(Organisation.id))) == 0
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_registration_refuses_an_e_mail_already_in_use(browser, db):
    """Is an e-mail that already logs someone in refused, with nothing saved?"""
    make_user("employer", email="ali@klub.dk")
    db.session.commit()
    page = browser.submit("/partner/register", VALID).get_data(as_text=True)
    assert "Der findes allerede en bruger med den e-mail" in page
    assert db.session.scalar(select(func.count(Organisation.id)).where(Organisation.kind == "partner")) == 0
