"""A young person who has just signed up, and a helper to go through the profile steps."""
import pytest
from sqlalchemy import select

from tests.web.profiles.data import step_data
from web.models import YouthProfile


@pytest.fixture
def new_youth(browser, db):
    """Signed up through the real sign-up page: logged in, a draft profile at step 1."""
    response = browser.submit(
        "/auth/signup",
        {
            "first_name": "Sara",
            "login": "sara@mail.dk",
            "password": "hemmeligt1",
            "password_again": "hemmeligt1",
            "consent": "y",
        },
    )
    assert response.status_code == 302
    return db.session.scalar(select(YouthProfile))


@pytest.fixture
def fill_steps(browser):
    """Submit valid answers for steps 1..upto; ``changes`` maps a step to field overrides."""

    def fill(upto: int, changes: dict | None = None):
        for step in range(1, upto + 1):
            url = f"/youth/profile/step/{step}"
            response = browser.submit(url, step_data(step, **(changes or {}).get(step, {})))
            assert response.status_code == 302, f"step {step} was refused"
        return response

    return fill


@pytest.fixture
def reload(db):
    """The row as it is in the database now (the requests used their own session)."""

    def fresh(row):
        db.session.refresh(row)
        return row

    return fresh


@pytest.fixture
def active_youth(db, login_as):
    """A logged-in young person whose complete profile a consultant has approved."""
    user = login_as("youth")
    profile = db.session.scalar(select(YouthProfile).where(YouthProfile.user_id == user.id))
    profile.guardian_name = "Amina Hassan"
    profile.guardian_phone = "+4520304050"
    db.session.commit()
    return profile
