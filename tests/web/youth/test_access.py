"""Who may open the young person's pages."""
import pytest

YOUTH_PAGES = [
    "/youth/",
    "/youth/profile",
    "/youth/profile/step/1",
    "/youth/profile/edit/1",
    "/youth/profile/withdraw",
    "/youth/profile/consent",
]


@pytest.mark.parametrize("url", YOUTH_PAGES)
def test_anonymous_is_sent_to_login(client, db, url):
    """Is someone not logged in sent to the login page?"""
    response = client.get(url)
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["partner", "employer", "consultant", "admin"])
def test_other_roles_are_refused(login_as, browser, role):
    """Does every other role get 403 on every one of a young person's pages?"""
    login_as(role)
    assert {url: browser.get(url).status_code for url in YOUTH_PAGES} == {
        url: 403 for url in YOUTH_PAGES
    }


def test_unknown_step_is_not_found(active_youth, browser):
    """Does a step number outside the wizard give 404?"""
    assert browser.get("/youth/profile/edit/9").status_code == 404
