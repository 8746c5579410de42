"""Logging in by e-mail or phone, safe redirects afterwards, and logging out."""
import pytest

from tests.factories import PASSWORD, make_user


@pytest.fixture
def youth_user(db):
    user = make_user("youth", email="sara@mail.dk", phone="+4520304050")
    db.session.commit()
    return user


def test_login_by_e_mail(youth_user, browser):
    """Can a user log in with their e-mail, in any letter case, and land on their home page?"""
    response = browser.submit("/auth/login", {"login": "Sara@Mail.dk", "password": PASSWORD})
    assert response.headers["Location"].endswith("/youth/")
    assert browser.get("/youth/").status_code == 200


def test_login_by_phone(youth_user, browser):
    """Can a user log in with their phone number typed with spaces?"""
    response = browser.submit("/auth/login", {"login": "20 30 40 50", "password": PASSWORD})
    assert response.headers["Location"].endswith("/youth/")


def test_login_records_the_time(youth_user, browser, db):
    """Is the time of the last login stored?"""
    browser.login("sara@mail.dk")
    db.session.refresh(youth_user)
    assert youth_user.last_login_at is not None


def test_wrong_password_is_refused(youth_user, browser):
    """Does a wrong password give a message and no session?"""
    response = browser.submit("/auth/login", {"login": "sara@mail.dk", "password": "forkert-kode"})
    assert response.status_code == 200
    assert "Forkert login eller adgangskode." in response.get_data(as_text=True)
    assert browser.get("/youth/").status_code == 302


def test_unknown_login_gets_the_same_message(db, browser):
    """Does an unknown login get the same message as a wrong password (nothing revealed)?"""
    response = browser.submit("/auth/login", {"login": "ingen@mail.dk", "password": PASSWORD})
    assert "Forkert login eller adgangskode." in response.get_data(as_text=True)


def test_closed_user_cannot_log_in(db, browser):
    """Is a user whose account is closed refused?"""
    make_user("youth", email="lukket@mail.dk", active=False)
    db.session.commit()
    response = browser.submit("/auth/login", {"login": "lukket@mail.dk", "password": PASSWORD})
    assert "Din bruger er lukket" in response.get_data(as_text=True)


def test_safe_next_is_followed(youth_user, browser):
    """After login, is a same-site ``next`` path followed?"""
    url = "/auth/login?next=/youth/profile"
    response = browser.submit(url, {"login": "sara@mail.dk", "password": PASSWORD})
    assert response.headers["Location"] == "/youth/profile"


@pytest.mark.parametrize(
    "target", ["//evil.com", "http://evil.com", "https://evil.com/youth/", "/\\evil.com"]
)
def test_unsafe_next_is_ignored(youth_user, browser, target):
    """Does a ``next`` pointing at another site send the user home instead?"""
    response = browser.submit(
        "/auth/login", {"login": "sara@mail.dk", "password": PASSWORD, "next": target}
    )
    location = response.headers["Location"]
    assert "evil.com" not in location
    assert location.endswith("/youth/")


def test_login_page_sends_a_signed_in_user_home(youth_user, browser):
    """Does a logged-in user opening the login page go to their home page?"""
    browser.login("sara@mail.dk")
    assert browser.get("/auth/login").headers["Location"].endswith("/youth/")


def test_logout_ends_the_session(youth_user, browser):
    """After logging out, are the user's pages closed to them?"""
    browser.login("sara@mail.dk")
    response = browser.logout()
    assert response.status_code == 302
    assert browser.get("/youth/").status_code == 302


def test_logout_needs_a_post_with_token(youth_user, browser):
    """Is logout refused by GET and by a POST without a CSRF token?"""
    browser.login("sara@mail.dk")
    assert browser.get("/auth/logout").status_code == 405
    assert browser.client.post("/auth/logout").status_code == 400
    assert browser.get("/youth/").status_code == 200
