"""A young person takes over the profile a partner registered, through an invitation link."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests.factories import make_organisation, make_user, make_youth
from web.auth.invitations import create_invitation, hash_token
from web.models import OrganisationKind, ProfileStatus, User
from web.timeutil import now_utc

ACCOUNT = {"login": "leila@mail.dk", "password": "hemmeligt1", "password_again": "hemmeligt1"}


@pytest.fixture
def invited(db):
    """A pending profile a partner registered, and the token of a fresh invitation for it."""
    organisation = make_organisation(OrganisationKind.PARTNER, name="Klub Nord")
    staff = make_user("partner", organisation=organisation)
    profile = make_youth(
        registered_by_org=organisation,
        first_name="Leila",
        last_name="Nour",
        contact_email="leila@mail.dk",
        status=ProfileStatus.PENDING,
    )
    db.session.flush()
    invitation, token = create_invitation(profile, created_by=staff)
    db.session.commit()
    return invitation, token


def youth_users(db) -> int:
    return db.session.scalar(select(func.count(User.id)).where(User.role == "youth"))


def test_page_says_who_it_is_for(invited, browser):
    """Does the invitation page greet the young person and name the partner?"""
    _invitation, token = invited
    page = browser.get(f"/auth/invitation/{token}").get_data(as_text=True)
    assert "Hej Leila" in page and "Klub Nord" in page
    assert 'value="leila@mail.dk"' in page


def test_accepting_links_a_new_login_and_logs_in(invited, browser, db):
    """Does accepting make a youth user for the profile, use up the link and log them in?"""
    invitation, token = invited
    response = browser.submit(f"/auth/invitation/{token}", ACCOUNT)
    assert response.headers["Location"].endswith("/youth/")
    db.session.refresh(invitation)
    assert invitation.used_at is not None
    user = invitation.profile.user
    assert user.role == "youth" and user.email == "leila@mail.dk"
    assert user.check_password("hemmeligt1")
    assert browser.get("/youth/").status_code == 200
    assert invitation.profile.status == ProfileStatus.PENDING


def test_accepting_with_a_phone_number(invited, browser, db):
    """Can the young person choose a mobile number as their login?"""
    invitation, token = invited
    browser.submit(f"/auth/invitation/{token}", ACCOUNT | {"login": "20 30 40 50"})
    db.session.refresh(invitation)
    assert invitation.profile.user.phone == "+4520304050"


def test_used_link_gets_a_clear_page(invited, browser, db):
    """Does a link that was used already say so, and make no second user?"""
    _invitation, token = invited
    browser.submit(f"/auth/invitation/{token}", ACCOUNT)
    browser.logout()
    response = browser.get(f"/auth/invitation/{token}")
    assert response.status_code == 410
    assert "allerede brugt" in response.get_data(as_text=True)
    assert youth_users(db) == 1


def test_expired_link_gets_a_clear_page(invited, browser, db):
    """Does an expired link say so and refuse a posted account?"""
    invitation, token = invited
    invitation.expires_at = now_utc() - timedelta(minutes=1)
    db.session.commit()
    response = browser.get(f"/auth/invitation/{token}")
    assert response.status_code == 410
    assert "Linket er udløbet" in response.get_data(as_text=True)
    posted = browser.submit(f"/auth/invitation/{token}", ACCOUNT, form_url="/auth/login")
    assert posted.status_code == 410
    assert youth_users(db) == 0


def test_unknown_link_gets_a_clear_page(db, browser):
    """Does a made-up token get a page that says the link cannot be found?"""
    response = browser.get("/auth/invitation/made-up-token")
    assert response.status_code == 404
    assert "Vi kan ikke finde linket" in response.get_data(as_text=True)


def test_only_the_hash_of_the_token_is_stored(invited):
    """Is the token itself kept out of the database?"""
    invitation, token = invited
    assert invitation.token_hash == hash_token(token) != token


def test_login_in_use_is_refused(invited, browser, db):
    """Is a login someone already has refused, with the link still unused?"""
    invitation, token = invited
    make_user("employer", email="leila@mail.dk")
    db.session.commit()
    page = browser.submit(f"/auth/invitation/{token}", ACCOUNT).get_data(as_text=True)
    assert "Der findes allerede en bruger" in page
    db.session.refresh(invitation)
    assert invitation.used_at is None and invitation.profile.user_id is None


def test_short_password_is_refused(invited, browser, db):
    """Is a too-short password refused with nothing saved?"""
    invitation, token = invited
    data = ACCOUNT | {"password": "kort", "password_again": "kort"}
    page = browser.submit(f"/auth/invitation/{token}", data).get_data(as_text=True)
    assert "mindst 8 tegn" in page
    assert youth_users(db) == 0


def test_signed_in_user_is_asked_to_log_out_first(invited, login_as, browser, db):
    """Does someone already logged in get told to log out instead of a form?"""
    _invitation, token = invited
    login_as("partner")
    page = browser.get(f"/auth/invitation/{token}").get_data(as_text=True)
    assert "Log ud først" in page
    assert 'name="password"' not in page
