"""The admin creates consultant accounts and lists, closes and reopens users."""
from sqlalchemy import func, select

from tests import factories
from tests.conftest import Browser
from tests.web.consultant.helpers import field_errors, flashes, reload, text
from web.extensions import db as _db
from web.models import Role, User

NEW = {"name": "Lone Holm", "email": "Lone.Holm@kk.dk", "password": "midlertidig-42"}


def user_count(db) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(User.id)))


def logged_in(app, role: str, **fields) -> tuple[Browser, int]:
    """A browser logged in as a new user of ``role``, made outside any lingering app context
    (the ``db`` fixture keeps one open, and Flask-Login caches the user in its ``g``)."""
    with app.app_context():
        user = factories.make_user(role, **fields)
        _db.session.commit()
        login, user_id = user.login, user.id
    browser = Browser(app.test_client())
    browser.login(login)
    return browser, user_id


def test_creating_a_consultant_who_can_then_log_in(app):
    """Does a new consultant account log in with the temporary password, as a consultant?"""
    admin, _ = logged_in(app, Role.ADMIN)

    response = admin.submit("/admin/users/new", NEW)

    assert response.status_code == 302
    with app.app_context():
        user = _db.session.scalar(select(User).where(User.email == "lone.holm@kk.dk"))
        assert user.role == Role.CONSULTANT
        assert user.name == "Lone Holm"
        assert user.password_hash != NEW["password"]
    consultant = Browser(app.test_client())
    consultant.login("lone.holm@kk.dk", NEW["password"])
    assert consultant.get("/consultant/").status_code == 200


def test_a_taken_email_is_refused(db, browser, login_as):
    """Is an e-mail that already has a user refused, with nothing saved?"""
    factories.make_user(Role.EMPLOYER, email="lone.holm@kk.dk")
    db.session.commit()
    login_as("admin")
    before = user_count(db)

    page = browser.submit("/admin/users/new", NEW)

    assert "Der findes allerede en bruger med den e-mail." in field_errors(page)
    assert user_count(db) == before


def test_bad_account_input_is_explained_and_nothing_saved(db, browser, login_as):
    """Are a missing name, a bad e-mail and a short password each explained, nothing saved?"""
    login_as("admin")
    before = user_count(db)

    bad = {"name": "", "email": "lone.kk.dk", "password": "kort"}
    page = browser.submit("/admin/users/new", bad)

    errors = field_errors(page)
    assert "Skriv konsulentens navn." in errors
    assert "Skriv en gyldig e-mail, fx navn@kk.dk." in errors
    assert "Adgangskoden skal være mindst 8 tegn." in errors
    assert 'value="lone.kk.dk"' in text(page)
    assert user_count(db) == before


def test_the_user_list_shows_users_and_filters_by_role(db, browser, login_as):
    """Does the user list show everyone and filter by role?"""
    factories.make_user(Role.CONSULTANT, name="Kim Konsulent")
    factories.make_user(Role.EMPLOYER, name="Erik Arbejdsgiver")
    db.session.commit()
    login_as("admin")

    everyone = text(browser.get("/admin/users"))
    consultants = text(browser.get("/admin/users?role=consultant"))

    assert "Kim Konsulent" in everyone and "Erik Arbejdsgiver" in everyone
    assert "Kim Konsulent" in consultants and "Erik Arbejdsgiver" not in consultants


def test_a_closed_user_cannot_log_in(app):
    """After the admin closes a user, is their login refused?"""
    with app.app_context():
        user = factories.make_user(Role.CONSULTANT)
        _db.session.commit()
        login, user_id = user.login, user.id
    admin, _ = logged_in(app, Role.ADMIN)

    admin.submit(f"/admin/users/{user_id}/active", {"action": "deactivate"},
                 form_url="/admin/users")

    with app.app_context():
        assert _db.session.get(User, user_id).active is False
    other = Browser(app.test_client())
    page = other.submit("/auth/login", {"login": login, "password": factories.PASSWORD})
    assert page.status_code == 200
    assert "Din bruger er lukket." in text(page)


def test_a_closed_user_can_be_reopened(db, browser, login_as):
    """Can the admin let a closed user log in again?"""
    user = factories.make_user(Role.CONSULTANT, active=False)
    db.session.commit()
    login_as("admin")

    browser.submit(f"/admin/users/{user.id}/active", {"action": "reactivate"},
                   form_url="/admin/users")

    assert reload(db, user).active is True


def test_an_admin_cannot_close_their_own_user(db, browser, login_as):
    """Is an admin stopped from locking themselves out?"""
    admin = login_as("admin")

    page = browser.submit(
        f"/admin/users/{admin.id}/active", {"action": "deactivate"}, form_url="/admin/users",
        follow_redirects=True,
    )

    assert "Du kan ikke lukke din egen bruger." in flashes(page)
    assert reload(db, admin).active is True


def test_closing_twice_is_harmless(db, browser, login_as):
    """Does closing an already closed user change nothing and say so?"""
    user = factories.make_user(Role.CONSULTANT, active=False)
    db.session.commit()
    login_as("admin")

    page = browser.submit(
        f"/admin/users/{user.id}/active", {"action": "deactivate"}, form_url="/admin/users",
        follow_redirects=True,
    )

    assert any("allerede" in message for message in flashes(page))


def test_closing_a_user_needs_the_csrf_token(db, browser, login_as):
    """Is a close request without the CSRF token refused, with nothing changed?"""
    user = factories.make_user(Role.CONSULTANT)
    db.session.commit()
    login_as("admin")

    response = browser.client.post(
        f"/admin/users/{user.id}/active", data={"action": "deactivate"}
    )

    assert response.status_code == 400
    assert reload(db, user).active is True


def test_an_unknown_user_is_404(db, browser, login_as):
    """Does closing a user id that does not exist give 404?"""
    login_as("admin")

    response = browser.submit("/admin/users/999999/active", {"action": "deactivate"},
                              form_url="/admin/users")

    assert response.status_code == 404


def test_closing_a_user_ends_their_open_session(app):
    """Is a consultant who is logged in when closed sent to the login page on the next click?"""
    consultant, consultant_id = logged_in(app, Role.CONSULTANT)
    admin, _ = logged_in(app, Role.ADMIN)

    admin.submit(f"/admin/users/{consultant_id}/active", {"action": "deactivate"},
                 form_url="/admin/users")

    response = consultant.get("/consultant/")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]
