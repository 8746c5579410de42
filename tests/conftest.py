"""Fixtures shared by every test: the app on a real database, a client, logins as each role.

The database is PostgreSQL when ``TEST_DATABASE_URL`` is set (``make test`` sets it; each test
session gets a database of its own, so parallel runs do not collide) and a throwaway SQLite
file otherwise. With ``JOBBRO_REQUIRE_SERVICES=1`` (CI), an unreachable server fails the run
instead of skipping tests.
"""
import os
import re
import uuid

import pytest
from hypothesis import settings as hypothesis_settings
from flask import g, has_app_context
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from web import create_app
from web.extensions import db as _db

from tests import factories

pytest_plugins = ["tests.smtp"]  # the real SMTP server fixture, for any test that asks

REQUIRE_SERVICES = os.environ.get("JOBBRO_REQUIRE_SERVICES") == "1"

# CI explores the same examples on every run, so a red build is reproducible, never luck.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


def service_missing(what: str) -> None:
    """Fail in CI, skip on a developer's machine."""
    message = f"{what} is not reachable"
    if REQUIRE_SERVICES:
        pytest.fail(message + " (JOBBRO_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server_url():
    """The URL of a PostgreSQL server's maintenance database, or a skip/fail."""
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("TEST_POSTGRES_URL")
    if not url:
        service_missing("PostgreSQL (TEST_DATABASE_URL unset)")
    from web.settings import normalise_database_url

    url = normalise_database_url(url)
    engine = create_engine(url)
    try:
        with engine.connect():
            pass
    except Exception as error:  # noqa: BLE001 - any connection failure means "missing"
        service_missing(f"PostgreSQL at {url} ({error.__class__.__name__})")
    finally:
        engine.dispose()
    return url


def create_postgres_database(server_url: str, prefix: str) -> str:
    """Create a uniquely named empty database and return its URL."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(server_url: str, database_url: str) -> None:
    name = make_url(database_url).database
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(request, tmp_path_factory):
    """One database for the session: PostgreSQL if configured, else a SQLite file."""
    if not (os.environ.get("TEST_DATABASE_URL") or os.environ.get("TEST_POSTGRES_URL")):
        yield None  # each test gets its own SQLite file
        return
    server_url = request.getfixturevalue("postgres_server_url")
    url = create_postgres_database(server_url, "jobbro_test")
    yield url
    drop_postgres_database(server_url, url)


def _empty_all_tables() -> None:
    tables = list(reversed(_db.metadata.sorted_tables))
    if _db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{table.name}"' for table in tables)
        _db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            _db.session.execute(table.delete())
    _db.session.commit()


@pytest.fixture
def app_overrides():
    """Tests override this to change settings for their app."""
    return {}


@pytest.fixture
def app(database_url, tmp_path, app_overrides):
    """The app on an empty schema; CSRF stays on so tests post what a browser would."""
    uri = database_url or f"sqlite:///{tmp_path / 'test.sqlite'}"
    instance = tmp_path / "instance"
    instance.mkdir()
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": uri,
            "MAIL_OUTBOX_DIR": str(instance / "outbox"),
            "CELERY": {"task_always_eager": True, "task_eager_propagates": True},
            "SERVER_NAME": "localhost",
            **app_overrides,
        }
    )
    with app.app_context():
        _db.create_all()
    yield app
    with app.app_context():
        _db.session.remove()
        if database_url:
            _empty_all_tables()
        # A SQLite file lives in the test's own tmp_path: nothing to drop (and DROP TABLE
        # fails there on the user <-> organisation foreign-key cycle once reviewed_by is set).
        for engine in _db.engines.values():
            engine.dispose()


@pytest.fixture
def db(app):
    """The SQLAlchemy handle inside an app context, for arranging and checking rows."""
    with app.app_context():
        yield _db


class RequestScopedClient(FlaskClient):
    """A test client whose every request starts with an empty ``g``, as in production.

    The ``db`` fixture keeps one app context open for the whole test, and Flask reuses it for
    each request, so without this Flask-Login's cached user and Flask-WTF's cached CSRF token
    would leak from one request (or one client) into the next.
    """

    def open(self, *args, **kwargs):
        if has_app_context():
            for name in list(g):
                g.pop(name)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = RequestScopedClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token_from(html: str) -> str:
    match = CSRF_PATTERN.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


class Browser:
    """The test client as a person uses it: open a page, fill its form, submit."""

    def __init__(self, client):
        self.client = client

    def get(self, url, **kwargs):
        return self.client.get(url, **kwargs)

    def token(self, url: str) -> str:
        page = self.client.get(url)
        assert page.status_code == 200, f"GET {url} gave {page.status_code}"
        return csrf_token_from(page.get_data(as_text=True))

    def submit(self, url: str, data: dict | None = None, *, form_url: str | None = None, **kwargs):
        """POST ``data`` to ``url`` with the CSRF token read from ``form_url`` (default ``url``)."""
        payload = {"csrf_token": self.token(form_url or url), **(data or {})}
        return self.client.post(url, data=payload, **kwargs)

    def post_with_token(self, url: str, data: dict | None = None, **kwargs):
        """POST with a token from any page (session-bound), for buttons on list pages."""
        # "/" redirects signed-in users to their home page; every page carries a token.
        page = self.client.get("/", follow_redirects=True)
        token = csrf_token_from(page.get_data(as_text=True))
        return self.client.post(url, data={"csrf_token": token, **(data or {})}, **kwargs)

    def login(self, login: str, password: str = factories.PASSWORD):
        response = self.submit("/auth/login", {"login": login, "password": password})
        assert response.status_code == 302, "login failed"
        return response

    def logout(self):
        return self.post_with_token("/auth/logout")


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def login_as(db, browser):
    """``login_as("partner")`` makes a user of that role (with an approved organisation for
    partners and employers), logs the browser in as them and returns the user."""

    def login(role: str, **fields):
        user = factories.make_user(role, **fields)
        _db.session.commit()
        browser.login(user.login)
        return user

    return login
