"""Consultants pause and reactivate profiles and openings, with a reason."""
from tests import factories
from tests.web.consultant.helpers import field_errors, flashes, post, reload
from web.models import OpeningStatus, ProfileStatus, ReviewStatus


def test_pausing_a_profile_needs_a_reason(db, browser, login_as):
    """Is a pause without a reason refused, with nothing saved?"""
    profile = factories.make_youth()
    db.session.commit()
    login_as("consultant")

    page = post(browser, f"/consultant/youth/{profile.id}/status", {"action": "pause"})

    assert "Skriv hvorfor du sætter på pause." in field_errors(page)
    assert reload(db, profile).status == ProfileStatus.ACTIVE


def test_pausing_a_profile_takes_it_out_of_the_pool(db, browser, login_as):
    """Does a pause with a reason set the profile to paused and keep the reason?"""
    profile = factories.make_youth()
    db.session.commit()
    consultant = login_as("consultant")

    post(
        browser, f"/consultant/youth/{profile.id}/status",
        {"action": "pause", "reason": "Er på efterskole til sommer."},
    )

    profile = reload(db, profile)
    assert profile.status == ProfileStatus.PAUSED
    assert profile.review_reason == "Er på efterskole til sommer."
    assert profile.reviewed_by_id == consultant.id


def test_reactivating_a_profile_puts_it_back(db, browser, login_as):
    """Does reactivating a paused, vetted profile make it active again?"""
    profile = factories.make_youth(status=ProfileStatus.PAUSED)
    db.session.commit()
    login_as("consultant")

    post(browser, f"/consultant/youth/{profile.id}/status", {"action": "reactivate"})

    assert reload(db, profile).status == ProfileStatus.ACTIVE


def test_a_never_vetted_profile_cannot_be_reactivated(db, browser, login_as):
    """Must a paused profile that was never vetted go through the work list instead?"""
    profile = factories.make_youth(status=ProfileStatus.PAUSED, vetted_at=None)
    db.session.commit()
    login_as("consultant")

    page = post(
        browser, f"/consultant/youth/{profile.id}/status", {"action": "reactivate"},
        follow_redirects=True,
    )

    assert any("aldrig blevet godkendt" in message for message in flashes(page))
    assert reload(db, profile).status == ProfileStatus.PAUSED


def test_pausing_a_pending_profile_changes_nothing(db, browser, login_as):
    """Does pausing a profile that is not active leave it alone with a message?"""
    profile = factories.make_youth(status=ProfileStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    page = post(
        browser, f"/consultant/youth/{profile.id}/status",
        {"action": "pause", "reason": "Test"}, follow_redirects=True,
    )

    assert any("kan ikke ændres nu" in message for message in flashes(page))
    assert reload(db, profile).status == ProfileStatus.PENDING


def test_pausing_twice_is_harmless(db, browser, login_as):
    """Does a second pause change nothing?"""
    profile = factories.make_youth()
    db.session.commit()
    login_as("consultant")
    url = f"/consultant/youth/{profile.id}/status"
    post(browser, url, {"action": "pause", "reason": "Første"})

    page = post(browser, url, {"action": "pause", "reason": "Anden"}, follow_redirects=True)

    assert any("allerede status: På pause" in message for message in flashes(page))
    assert reload(db, profile).review_reason == "Første"


def test_pausing_and_reopening_an_opening(db, browser, login_as):
    """Can a consultant pause an open opening and open it again?"""
    opening = factories.make_opening()
    db.session.commit()
    login_as("consultant")
    url = f"/consultant/openings/{opening.id}/status"

    post(browser, url, {"action": "pause", "reason": "Arbejdsgiveren holder ferielukket."})
    paused = reload(db, opening)
    assert paused.status == OpeningStatus.PAUSED
    assert paused.review_reason == "Arbejdsgiveren holder ferielukket."

    post(browser, url, {"action": "reactivate"})
    assert reload(db, opening).status == OpeningStatus.OPEN


def test_pausing_an_opening_needs_a_reason(db, browser, login_as):
    """Is an opening pause without a reason refused, with nothing saved?"""
    opening = factories.make_opening()
    db.session.commit()
    login_as("consultant")

    page = post(browser, f"/consultant/openings/{opening.id}/status", {"action": "pause"})

    assert "Skriv hvorfor du sætter på pause." in field_errors(page)
    assert reload(db, opening).status == OpeningStatus.OPEN


def test_an_opening_of_a_rejected_employer_cannot_reopen(db, browser, login_as):
    """Is reopening blocked when the employer is no longer approved?"""
    employer = factories.make_organisation(status=ReviewStatus.REJECTED)
    opening = factories.make_opening(employer=employer, status=OpeningStatus.PAUSED)
    db.session.commit()
    login_as("consultant")

    post(browser, f"/consultant/openings/{opening.id}/status", {"action": "reactivate"})

    assert reload(db, opening).status == OpeningStatus.PAUSED
