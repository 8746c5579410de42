"""Who may open the employer's pages: only the employer, and only for its own openings."""
import pytest

from tests.conftest import csrf_token_from
from tests.factories import make_opening, make_organisation
from web.models import OpeningStatus, Role

OWN_OPENING_PAGES = [
    ("GET", "/employer/openings/{id}"),
    ("GET", "/employer/openings/{id}/edit"),
    ("POST", "/employer/openings/{id}/edit"),
    ("POST", "/employer/openings/{id}/pause"),
    ("POST", "/employer/openings/{id}/resume"),
    ("GET", "/employer/openings/{id}/close"),
    ("POST", "/employer/openings/{id}/close"),
]
EMPLOYER_PAGES = [("GET", "/employer/"), ("GET", "/employer/openings/new"), ("POST", "/employer/openings/new")]


@pytest.fixture
def someone_elses_opening(db):
    opening = make_opening(employer=make_organisation(), status=OpeningStatus.OPEN)
    db.session.commit()
    return opening


def request(browser, method: str, url: str, token_page: str):
    if method == "GET":
        return browser.get(url)
    token = csrf_token_from(browser.get(token_page).get_data(as_text=True))
    return browser.client.post(url, data={"csrf_token": token})


@pytest.mark.parametrize("method, pattern", OWN_OPENING_PAGES)
def test_another_employer_gets_404_on_my_opening(db, browser, login_as, someone_elses_opening, method, pattern):
    """Does another employer get 404 (not even a hint it exists) on every page of my opening?"""
    login_as(Role.EMPLOYER)
    response = request(browser, method, pattern.format(id=someone_elses_opening.id), "/employer/")
    assert response.status_code == 404
    db.session.refresh(someone_elses_opening)
    assert someone_elses_opening.status == OpeningStatus.OPEN


@pytest.mark.parametrize("method, pattern", OWN_OPENING_PAGES)
def test_a_missing_opening_gives_404(db, browser, login_as, method, pattern):
    """Does an opening id that does not exist give 404?"""
    login_as(Role.EMPLOYER)
    assert request(browser, method, pattern.format(id=9999), "/employer/").status_code == 404


@pytest.mark.parametrize("role", [Role.YOUTH, Role.PARTNER, Role.CONSULTANT, Role.ADMIN])
@pytest.mark.parametrize("method, pattern", EMPLOYER_PAGES + OWN_OPENING_PAGES)
def test_other_roles_get_403_on_employer_pages(db, browser, login_as, someone_elses_opening, role, method, pattern):
    """Do young people, partners, consultants and admins get 403 on every employer page?"""
    login_as(role)
    url = pattern.format(id=someone_elses_opening.id)
    # The 403 page itself carries a session token (the logout form), as any page does.
    assert request(browser, method, url, "/employer/").status_code == 403


@pytest.mark.parametrize("pattern", ["/employer/", "/employer/openings/new", "/employer/openings/{id}"])
def test_anonymous_visitors_are_sent_to_login(db, browser, someone_elses_opening, pattern):
    """Is a visitor who is not signed in sent to the login page?"""
    response = browser.get(pattern.format(id=someone_elses_opening.id))
    assert response.status_code == 302
    assert "/auth/login" in response.location


def test_registration_is_open_to_visitors(db, browser):
    """Can a visitor open the registration page?"""
    assert browser.get("/employer/register").status_code == 200
