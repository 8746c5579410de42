"""The consultant's work list: what waits, with counts, oldest and most ready first."""
import re

from tests import factories
from tests.conftest import Browser
from web.extensions import db as _db
from tests.web.consultant.helpers import HOME, text
from web.models import OpeningStatus, OrganisationKind, ProfileStatus, ReviewStatus


def test_work_list_counts_everything_that_waits(db, browser, login_as):
    """Does the work list count pending partners, employers, openings and profiles?"""
    factories.make_organisation(OrganisationKind.PARTNER, status=ReviewStatus.PENDING)
    for _ in range(2):
        factories.make_organisation(status=ReviewStatus.PENDING)
    factories.make_organisation(status=ReviewStatus.APPROVED)
    for _ in range(3):
        factories.make_opening(status=OpeningStatus.PENDING)
    factories.make_opening(status=OpeningStatus.OPEN)
    for _ in range(4):
        factories.make_youth(status=ProfileStatus.PENDING)
    factories.make_youth(status=ProfileStatus.ACTIVE)
    db.session.commit()
    login_as("consultant")

    page = text(browser.get(HOME))

    counts = dict(re.findall(r'id="count-(\w+)">(\d+)<', page))
    assert counts == {"partners": "1", "employers": "2", "openings": "3", "profiles": "4"}


def test_openings_of_approved_employers_come_first(db, browser, login_as):
    """Are pending openings of approved employers listed before those of pending employers?"""
    waiting_employer = factories.make_organisation(name="Ventende ApS", status=ReviewStatus.PENDING)
    factories.make_opening(employer=waiting_employer, title="Først oprettet", status=OpeningStatus.PENDING)
    db.session.commit()
    factories.make_opening(title="Klar til at åbne", status=OpeningStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    page = text(browser.get(HOME))

    assert page.index("Klar til at åbne") < page.index("Først oprettet")
    assert "Arbejdsgiveren skal godkendes, før opslaget kan åbne." in page


def test_work_list_shows_the_employer_status_of_an_opening(db, browser, login_as):
    """Does each pending opening show its employer's status?"""
    employer = factories.make_organisation(name="Bageriet Brød", status=ReviewStatus.PENDING)
    factories.make_opening(employer=employer, status=OpeningStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    page = text(browser.get(HOME))

    section = page[page.index('id="openings"'):page.index('id="profiles"')]
    assert "Bageriet Brød" in section
    assert "Venter på godkendelse" in section


def test_empty_work_list_says_nothing_waits(db, browser, login_as):
    """Does an empty work list say so?"""
    login_as("consultant")

    assert "Intet venter lige nu." in text(browser.get(HOME))


def test_work_list_is_for_consultants_only(app):
    """Do other roles, admins included, get 403 on the work list?"""
    roles = ("youth", "partner", "employer", "admin")
    with app.app_context():  # closed before the requests, so no login lingers in ``g``
        logins = {role: factories.make_user(role).login for role in roles}
        _db.session.commit()
    for role, login in logins.items():
        browser = Browser(app.test_client())
        browser.login(login)
        assert browser.get(HOME).status_code == 403, role


def test_anonymous_visitor_is_sent_to_login(client):
    """Is an anonymous visitor redirected to the login page?"""
    response = client.get(HOME)

    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]
