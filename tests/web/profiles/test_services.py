"""Saving profiles and moving them through their statuses."""
import pytest

from tests.factories import make_youth, years_ago
from web.models import ProfileStatus
from web.profiles import services


def test_complete_draft_goes_to_a_consultant(db):
    """Does a complete draft become pending when submitted?"""
    profile = make_youth(status=ProfileStatus.DRAFT, profile_step=4, birth_date=years_ago(19))
    assert services.submit_if_complete(profile)
    assert profile.status == ProfileStatus.PENDING


def test_incomplete_draft_stays_a_draft(db):
    """Does a draft without free time stay a draft, and say what is missing?"""
    profile = make_youth(status=ProfileStatus.DRAFT, availability=[], birth_date=years_ago(19))
    assert not services.submit_if_complete(profile)
    assert profile.status == ProfileStatus.DRAFT
    assert [step for step, _ in services.missing_parts(profile)] == [3]


def test_under_18_without_guardian_is_incomplete(db):
    """Is a 16-year-old without a guardian's contact reported as missing step 4?"""
    profile = make_youth(birth_date=years_ago(16), guardian_name=None)
    assert [step for step, _ in services.missing_parts(profile)] == [4]


def test_active_profile_is_not_resubmitted(db):
    """Does an active profile keep its status when edited?"""
    profile = make_youth(status=ProfileStatus.ACTIVE, guardian_name="Mor", guardian_phone="+4520304050")
    services.submit_if_complete(profile)
    assert profile.status == ProfileStatus.ACTIVE


def test_pause_and_resume_only_from_the_right_status(db):
    """Can only an active profile pause, and only a paused one resume?"""
    profile = make_youth(status=ProfileStatus.PENDING)
    with pytest.raises(services.StatusError):
        services.pause(profile)
    profile.status = ProfileStatus.ACTIVE
    services.pause(profile)
    assert profile.status == ProfileStatus.PAUSED
    services.resume(profile)
    assert profile.status == ProfileStatus.ACTIVE
    with pytest.raises(services.StatusError):
        services.resume(profile)


def test_withdraw_clears_consent_and_consent_again_sends_it_back(db):
    """Does withdrawing remove consent, and giving it again make the profile pending?"""
    profile = make_youth(guardian_name="Mor", guardian_phone="+4520304050")
    services.withdraw(profile)
    assert profile.status == ProfileStatus.WITHDRAWN
    assert profile.consent_at is None and profile.withdrawn_at is not None
    services.give_consent_again(profile)
    assert profile.status == ProfileStatus.PENDING
    assert profile.consent_at is not None and profile.withdrawn_at is None


def test_initial_data_round_trips_interests_and_windows(db):
    """Does the form data made from a profile carry its interests, hours and windows?"""
    profile = make_youth(interests={"retail": 1.0, "care": 0.5}, max_weekly_minutes=450)
    db.session.flush()
    data = services.initial_data(profile)
    assert data["interest_retail"] == "1" and data["interest_care"] == "0.5"
    assert data["interest_it"] == ""
    assert data["max_hours"] == 7.5
    assert data["windows"][0] == {"day": "mon", "start": 900, "end": 1200}
