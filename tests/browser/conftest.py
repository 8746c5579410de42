"""A real Jobbro server on 127.0.0.1 and Debian's Chromium driving it, for the journeys.

The server is a separate ``flask run`` process on a fresh database (PostgreSQL when
``TEST_DATABASE_URL`` is set, else a SQLite file), with no Redis, so match runs happen
in-process. The test process keeps a Flask app on the same database (``live.app``) to
arrange what a journey needs and to read what the server wrote (invitation mails).
Screenshots of each step land in ``test-artifacts/``.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import factories
from tests.browser.helpers import ARTIFACTS, ADMIN_EMAIL, CONSULTANT_EMAIL, Visits
from tests.conftest import create_postgres_database, drop_postgres_database, service_missing

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("JOBBRO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "da-DK",
    "timezone_id": "Europe/Copenhagen",
}
LAPTOP = {
    "viewport": {"width": 1280, "height": 800},
    "locale": "da-DK",
    "timezone_id": "Europe/Copenhagen",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    app: object
    outbox: Path
    log: Path
    process: subprocess.Popen = field(repr=False)

    @contextmanager
    def db(self):
        """An app context on the server's database, committed on success."""
        from web.extensions import db

        with self.app.app_context():
            try:
                yield db.session
                db.session.commit()
            finally:
                db.session.remove()

    def mails(self) -> list[str]:
        """Every mail the server has 'sent' so far, oldest first, as text."""
        if not self.outbox.exists():
            return []
        files = sorted(p for p in self.outbox.rglob("*") if p.is_file())
        return [p.read_text(errors="replace") for p in files]

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@pytest.fixture(scope="session")
def live_database_url(tmp_path_factory):
    """A database of the browser suite's own, so it never races the unit tests' cleanup."""
    server = os.environ.get("TEST_DATABASE_URL") or os.environ.get("TEST_POSTGRES_URL")
    if server:
        from web.settings import normalise_database_url

        server = normalise_database_url(server)
        try:
            url = create_postgres_database(server, "jobbro_browser")
        except Exception as error:  # noqa: BLE001 - unreachable server
            service_missing(f"PostgreSQL at {server} ({error.__class__.__name__})")
        yield url
        drop_postgres_database(server, url)
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('live') / 'browser.sqlite'}"


@pytest.fixture(scope="session")
def live(live_database_url, tmp_path_factory):
    """The running server, with a programme, a consultant and an admin in its database."""
    from web import create_app
    from web.extensions import db
    from web.models import Role

    instance = tmp_path_factory.mktemp("instance")
    outbox = instance / "outbox"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": live_database_url,
            "SECRET_KEY": "browser-tests",
            "MAIL_OUTBOX_DIR": str(outbox),
            "PUBLIC_BASE_URL": url,
        }
    )
    with app.app_context():
        db.create_all()
        factories.make_programme()
        factories.make_user(Role.CONSULTANT, email=CONSULTANT_EMAIL, name="Karin Konsulent")
        factories.make_user(Role.ADMIN, email=ADMIN_EMAIL, name="Anders Admin")
        db.session.commit()
        db.session.remove()

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "FLASK_APP", "FLASK_DEBUG") and not key.startswith("WERKZEUG_")
    }
    env |= {
        "DATABASE_URL": live_database_url,
        "JOBBRO_INSTANCE_PATH": str(instance),
        "FLASK_SECRET_KEY": "browser-tests",
        "FLASK_MAIL_OUTBOX_DIR": str(outbox),
        "FLASK_PUBLIC_BASE_URL": url,
        "PYTHONUNBUFFERED": "1",
    }
    log = instance / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "web", "run",
             "--host", "127.0.0.1", "--port", str(port), "--no-reload", "--no-debugger"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    server = LiveServer(url=url, app=app, outbox=outbox, log=log, process=process)
    try:
        _wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with app.app_context():
            for engine in db.engines.values():
                engine.dispose()


def _wait_until_up(server: LiveServer, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited early:\n{server.log_tail()}", pytrace=False)
        try:
            with urllib.request.urlopen(server.url + "/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server did not answer in {timeout} s:\n{server.log_tail()}", pytrace=False)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium under Playwright (never Playwright's own download)."""
    if not Path(CHROMIUM).exists():
        service_missing(f"chromium ({CHROMIUM}; scripts/browser-deps.sh installs it)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=10_000)  # a loaded 2-core CI machine answers slower

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@contextmanager
def _context(chromium, live, options):
    context = chromium.new_context(base_url=live.url, **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    visits = Visits.attach(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def on_response(response):
        broken_asset = response.status >= 400 and response.request.resource_type in (
            "stylesheet", "script", "image", "font"
        )
        if response.status >= 500 or broken_asset:
            errors.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    try:
        yield page
        visits.assert_all_scanned()
    finally:
        context.close()
    assert not errors, "the browser saw errors:\n" + "\n".join(errors) + "\n" + live.log_tail()


@pytest.fixture
def new_phone(chromium, live):
    """``with new_phone() as page:`` a fresh 360×740 touch phone with no cookies."""
    return lambda: _context(chromium, live, PHONE)


@pytest.fixture
def new_laptop(chromium, live):
    """``with new_laptop() as page:`` a fresh 1280×800 desktop browser with no cookies."""
    return lambda: _context(chromium, live, LAPTOP)


@pytest.fixture
def phone(new_phone):
    with new_phone() as page:
        yield page


@pytest.fixture
def laptop(new_laptop):
    with new_laptop() as page:
        yield page


@pytest.fixture(scope="session", autouse=True)
def _artifacts_folder():
    ARTIFACTS.mkdir(exist_ok=True)
    yield

