"""A young person signs up with e-mail or phone, a password and consent."""
import pytest
from sqlalchemy import func, select

from tests.factories import make_user
from web.models import ProfileStatus, User, YouthProfile

VALID = {
    "first_name": "Sara",
    "login": "sara@mail.dk",
    "password": "hemmeligt1",
    "password_again": "hemmeligt1",
    "consent": "y",
}


def counts(db):
    return (
        db.session.scalar(select(func.count(User.id))),
        db.session.scalar(select(func.count(YouthProfile.id))),
    )


def test_signup_with_e_mail_makes_a_draft_profile(browser, db):
    """Does signing up create a youth user and a consented draft profile, then open step 1?"""
    response = browser.submit("/auth/signup", VALID)
    assert response.headers["Location"].endswith("/youth/profile/step/1")
    profile = db.session.scalar(select(YouthProfile))
    assert profile.user.role == "youth" and profile.user.email == "sara@mail.dk"
    assert profile.status == ProfileStatus.DRAFT and profile.consent_at is not None


def test_signup_with_phone(browser, db):
    """Can a young person sign up with a mobile number instead of an e-mail?"""
    browser.submit("/auth/signup", VALID | {"login": "+45 20 30 40 50"})
    user = db.session.scalar(select(User))
    assert user.phone == "+4520304050" and user.email is None


BAD = {
    "no consent": ({"consent": ""}, "Du skal give samtykke"),
    "login neither e-mail nor phone": ({"login": "sara"}, "Skriv en gyldig e-mail eller et dansk mobilnummer"),
    "password too short": ({"password": "kort", "password_again": "kort"}, "mindst 8 tegn"),
    "passwords differ": ({"password_again": "hemmeligt2"}, "De to adgangskoder er ikke ens."),
    "no first name": ({"first_name": ""}, "Skriv dit fornavn."),
}


@pytest.mark.parametrize("changes,message", BAD.values(), ids=BAD.keys())
def test_signup_rule(browser, db, changes, message):
    """Is this bad sign-up refused with its message and nothing saved?"""
    page = browser.submit("/auth/signup", VALID | changes).get_data(as_text=True)
    assert message in page
    assert counts(db) == (0, 0)


def test_signup_refuses_a_login_in_use(browser, db):
    """Is an e-mail that already has a user refused, with nothing new saved?"""
    make_user("youth", email="sara@mail.dk")
    db.session.commit()
    page = browser.submit("/auth/signup", VALID).get_data(as_text=True)
    assert "Der findes allerede en bruger" in page
    assert counts(db) == (1, 1)
